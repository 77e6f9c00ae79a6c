/* SPDX-License-Identifier: EUPL-1.2 */
/* Uses the installed <passend/passend.h> and libpassend_c through find_package(passend). */
#include <passend/passend.h>

#include <stdio.h>

int main(void) {
    if (passend_check_abi(PASSEND_ABI_VERSION) != PASSEND_OK) return 1;
    passend_dataset* data = NULL;
    passend_demo_options o = PASSEND_DEMO_OPTIONS_INIT;
    o.pupils = 500;
    if (passend_dataset_open_demo(&o, &data) != PASSEND_OK) return 1;
    uint64_t pupils = 0;
    passend_dataset_row_count(data, "pupils", &pupils);
    printf("passend %s through passend::c: %llu pupils\n", passend_version(),
           (unsigned long long)pupils);
    passend_dataset_free(&data);
    return pupils > 0 ? 0 : 1;
}
