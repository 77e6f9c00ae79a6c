/* SPDX-License-Identifier: EUPL-1.2 */
/* The demo region through the C ABI: deterministic, and misuse of its options. */
#include "check.h"

static void test_demo(void) {
    passend_dataset* ds = NULL;
    passend_demo_options o = PASSEND_DEMO_OPTIONS_INIT;
    o.pupils = 2000;
    CHECK_STATUS(passend_dataset_open_demo(&o, &ds), PASSEND_OK);
    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, "pupils", &n), PASSEND_OK);
    CHECK(n > 1000);
    int32_t first = 0, last = 0;
    CHECK_STATUS(passend_dataset_school_years(ds, &first, &last), PASSEND_OK);
    CHECK(last >= 2024 && first < last);
    /* deterministic: the same options give the same data */
    passend_dataset* again = NULL;
    uint64_t m = 0;
    CHECK_STATUS(passend_dataset_open_demo(&o, &again), PASSEND_OK);
    CHECK_STATUS(passend_dataset_row_count(again, "enrolments", &m), PASSEND_OK);
    CHECK_STATUS(passend_dataset_row_count(ds, "enrolments", &n), PASSEND_OK);
    CHECK(n == m && n > 0);
    passend_dataset_free(&again);
    passend_dataset_free(&ds);

    o.version = 3;
    CHECK_STATUS(passend_dataset_open_demo(&o, &ds), PASSEND_INVALID_ARGUMENT);
    o.version = PASSEND_DEMO_OPTIONS_VERSION, o.years = -1;
    CHECK_STATUS(passend_dataset_open_demo(&o, &ds), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_open_demo(NULL, NULL), PASSEND_INVALID_ARGUMENT);
}

int main(void) {
    test_demo();
    return check_report("test_demo");
}
