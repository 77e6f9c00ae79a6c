/* SPDX-License-Identifier: EUPL-1.2 */
/* Bad input through the C ABI (docs/bad-input.md): a JSON dataset or catalog with a number
 * beyond double range or a key given twice, text that is not UTF-8, a table named by a
 * directory, and arguments past their documented bounds. Each is a status with a located
 * message, never "internal error", and nothing is half-loaded (the out-handle stays NULL). */
#define _POSIX_C_SOURCE 200809L /* mkdir, rmdir */
#include "check.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char* core =
    "\"schools\": [{\"school_id\": \"S1\", \"name\": \"De Linde\", \"board_id\": \"B1\","
    " \"swv_id\": \"PO3104\", \"setting\": \"bao\"}],"
    " \"pupils\": [{\"pupil_id\": \"p1\", \"birth_date\": \"2015-03-14\"}],"
    " \"enrolments\": [{\"pupil_id\": \"p1\", \"school_id\": \"S1\", \"start_date\": "
    "\"2021-08-01\"}]";

static void test_json_dataset(void) {
    char json[1024];
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;

    snprintf(json, sizeof json, "{%s,\n\"funds\": [{\"amount_eur\": 1e309}]}", core);
    CHECK_STATUS(passend_dataset_open_json(json, "d.json", NULL, &ds, &diags),
                 PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("d.json:2:26: error: the number 1e309 is beyond the range of a double");
    CHECK_DIAGNOSTIC(diags, "number_out_of_range", "d.json", 2, 26, "1e309");
    passend_diagnostics_free(&diags);

    snprintf(json, sizeof json, "{%s,\n\"schools\": []}", core);
    CHECK_STATUS(passend_dataset_open_json(json, "d.json", NULL, &ds, &diags),
                 PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("d.json:2:1: error: the key \"schools\" is given twice in one object");
    passend_diagnostics_free(&diags);

    snprintf(json, sizeof json, "{%s}", core);
    char* latin1 = strstr(json, "De Linde");
    CHECK(latin1 != NULL);
    if (latin1) latin1[1] = (char)0xE9; /* "D\xE9 Linde": e-acute in Latin-1 */
    CHECK_STATUS(passend_dataset_open_json(json, "d.json", NULL, &ds, NULL), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("d.json:1:44: error: the text is not valid UTF-8: byte 44 of the file is 0xE9 (a "
                  "truncated sequence)");
}

static void test_catalog(void) {
    passend_catalog* cat = NULL;
    CHECK_STATUS(passend_catalog_open_json("{\"kpis\": [{\"id\": \"x\", \"norm\": 1e999}]}",
                                           "mijn.json", &cat),
                 PASSEND_INVALID_DATA);
    CHECK(cat == NULL);
    CHECK_MESSAGE("mijn.json: line 1, column 31: the number 1e999 is beyond the range of a "
                  "double");
    /* A directory is refused as what it is, not opened and not "does not exist". */
    CHECK_STATUS(passend_catalog_open_file(PASSEND_TEST_TMP, &cat), PASSEND_INVALID_DATA);
    CHECK_MESSAGE(": cannot read the catalog file: is a directory");
    CHECK(cat == NULL);
}

static void test_folder_with_directory_table(void) {
    char dir[1024], sub[1100];
    snprintf(dir, sizeof dir, "%s/bad-input-folder", PASSEND_TEST_TMP);
    snprintf(sub, sizeof sub, "%s/pupils.csv", dir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_dataset_open_folder(dir, NULL, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_DIAGNOSTIC(diags, "not_a_file", "pupils.csv", 0, 0, "is a directory");
    CHECK(find_rule(diags, "missing_table") >= 0); /* schools.csv, enrolments.csv */
    passend_diagnostics_free(&diags);
    rmdir(sub);
    rmdir(dir);
}

static void test_bounds(void) {
    passend_dataset* ds = NULL;
    passend_demo_options few = PASSEND_DEMO_OPTIONS_INIT;
    few.pupils = 10;
    CHECK_STATUS(passend_dataset_open_demo(&few, &ds), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("make_demo: pupils must be between 100 and 20,000,000, not 10");
    CHECK(ds == NULL);

    passend_demo_options small = PASSEND_DEMO_OPTIONS_INIT;
    small.pupils = 300;
    small.years = 3;
    CHECK_STATUS(passend_dataset_open_demo(&small, &ds), PASSEND_OK);

    passend_evaluate_options opt = PASSEND_EVALUATE_OPTIONS_INIT;
    opt.threads = UINT_MAX;
    passend_result* result = NULL;
    CHECK_STATUS(passend_evaluate(ds, NULL, &opt, &result), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("passend_evaluate: threads must be 0 (automatic) to 256, not 4294967295");
    CHECK(result == NULL);

    passend_matrix* m = NULL;
    CHECK_STATUS(passend_forecast(ds, NULL, INT32_MAX, NULL, 0, &m, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("passend_forecast: years must be 0 to 50, not 2147483647");
    CHECK(m == NULL);

    CHECK_STATUS(passend_flows(ds, INT32_MAX, NULL, PASSEND_FLOWS_STOCK, 0, 0, &m),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("passend_flows: school year 2147483647 is outside the years 1900-2200 passend "
                  "accepts");
    CHECK_STATUS(passend_flows(ds, INT32_MIN, NULL, PASSEND_FLOWS_STOCK, 0, 0, &m),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(m == NULL);
    passend_dataset_free(&ds);
}

int main(void) {
    test_json_dataset();
    test_catalog();
    test_folder_with_directory_table();
    test_bounds();
    return check_report("test_bad_input");
}
