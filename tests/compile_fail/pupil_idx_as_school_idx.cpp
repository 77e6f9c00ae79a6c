// SPDX-License-Identifier: EUPL-1.2
// Must not compile: a pupil index is no school index.
#include "passend/ids.hpp"
void use(passend::school_idx) {}
int main() {
    use(passend::pupil_idx{3});
}
