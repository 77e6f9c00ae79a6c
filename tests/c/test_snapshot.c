/* SPDX-License-Identifier: EUPL-1.2 */
/* Snapshots through the C ABI: save, open (and open_folder on the file), the same KPI rows,
 * a damaged file as PASSEND_INVALID_DATA with a diagnostic naming it, and misuse. */
#include "check.h"

#include <stdlib.h>

static size_t kpi_rows(const passend_dataset* ds) {
    passend_evaluate_options opt = PASSEND_EVALUATE_OPTIONS_INIT;
    passend_result* kpis = NULL;
    size_t n = 0;
    CHECK_STATUS(passend_evaluate(ds, NULL, &opt, &kpis), PASSEND_OK);
    if (kpis) n = passend_result_count(kpis);
    passend_result_free(&kpis);
    return n;
}

int main(void) {
    const char* file = PASSEND_TEST_TMP "/c_test_snapshot.snapshot";
    passend_demo_options demo = PASSEND_DEMO_OPTIONS_INIT;
    demo.pupils = 2000;
    demo.years = 2;
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_dataset_open_demo(&demo, &ds), PASSEND_OK);
    CHECK_STATUS(passend_dataset_save_snapshot(ds, file), PASSEND_OK);

    passend_dataset* back = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_dataset_open_snapshot(file, &back, &diags), PASSEND_OK);
    CHECK(back != NULL);
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 0);
    passend_diagnostics_free(&diags);
    const size_t rows = kpi_rows(ds);
    CHECK(rows > 0);
    CHECK(kpi_rows(back) == rows);
    passend_dataset_free(&back);

    /* open_folder takes the snapshot file as well */
    CHECK_STATUS(passend_dataset_open_folder(file, NULL, &back, NULL), PASSEND_OK);
    CHECK(back != NULL && kpi_rows(back) == rows);
    passend_dataset_free(&back);

    /* a flipped byte near the end: damaged, one diagnostic naming the file */
    FILE* f = fopen(file, "r+b");
    CHECK(f != NULL);
    if (f) {
        CHECK(fseek(f, -100, SEEK_END) == 0);
        int c = fgetc(f);
        CHECK(fseek(f, -100, SEEK_END) == 0);
        fputc(c ^ 1, f);
        fclose(f);
    }
    CHECK_STATUS(passend_dataset_open_snapshot(file, &back, &diags), PASSEND_INVALID_DATA);
    CHECK(back == NULL);
    CHECK_MESSAGE("c_test_snapshot.snapshot");
    CHECK_MESSAGE("is damaged: the checksum of column");
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 1);
    passend_diagnostics_free(&diags);

    /* misuse and absence */
    CHECK_STATUS(passend_dataset_open_snapshot(PASSEND_TEST_TMP "/no-such.snapshot", &back, NULL),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_dataset_open_snapshot(NULL, &back, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_open_snapshot(file, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_save_snapshot(NULL, file), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_save_snapshot(ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_save_snapshot(ds, PASSEND_TEST_TMP "/no/such/folder/x.snapshot"),
                 PASSEND_NOT_FOUND);
    CHECK_MESSAGE("x.snapshot");
    passend_dataset_free(&ds);
    remove(file);
    return check_report("test_snapshot");
}
