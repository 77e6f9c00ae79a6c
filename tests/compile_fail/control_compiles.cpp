// SPDX-License-Identifier: EUPL-1.2
// Control: the same command compiles correct code (so the failures above are the types' doing).
#include "passend/calendar.hpp"
#include "passend/ids.hpp"
int main() {
    passend::school_idx s{3};
    return passend::school_year{2024}.next() > passend::school_year{2024} && pos(s) == 3 ? 0 : 1;
}
