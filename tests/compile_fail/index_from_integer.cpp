// SPDX-License-Identifier: EUPL-1.2
// Must not compile: an integer does not silently become an index.
#include "passend/ids.hpp"
int main() {
    passend::school_idx s = 3u;
    (void)s;
}
