// SPDX-License-Identifier: EUPL-1.2
// Must not compile: two school years cannot be added.
#include "passend/calendar.hpp"
int main() {
    auto y = passend::school_year{2024} + passend::school_year{2025};
    (void)y;
}
