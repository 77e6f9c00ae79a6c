/* SPDX-License-Identifier: EUPL-1.2 */
/* Version, ABI, errors, and opening datasets from a folder and a JSON document. */
#include "check.h"

#include <stdlib.h>

static void write_file(const char* dir, const char* name, const char* text) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE* f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void remove_file(const char* dir, const char* name) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
}

static void test_version_and_errors(void) {
    CHECK(strcmp(passend_version(), PASSEND_VERSION_STRING) == 0);
    CHECK(passend_version_number() == PASSEND_VERSION_NUMBER);
    CHECK(passend_abi_version() == PASSEND_ABI_VERSION);
    CHECK_STATUS(passend_check_abi(PASSEND_ABI_VERSION), PASSEND_OK);
    CHECK(strcmp(passend_last_error(), "") == 0);
    CHECK_STATUS(passend_check_abi(PASSEND_ABI_VERSION + 1), PASSEND_ABI_MISMATCH);
    CHECK_MESSAGE("ABI 2");
    /* a successful call clears the thread's message */
    CHECK_STATUS(passend_check_abi(PASSEND_ABI_VERSION), PASSEND_OK);
    CHECK(strcmp(passend_last_error(), "") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_OK), "ok") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_INVALID_DATA), "invalid data") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_NOT_FOUND), "not found") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_ERROR), "internal error") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_INVALID_ARGUMENT), "invalid argument") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_NO_MEMORY), "out of memory") == 0);
    CHECK(strcmp(passend_errstr(PASSEND_ABI_MISMATCH), "ABI mismatch") == 0);
    CHECK(strcmp(passend_errstr(42), "unknown status") == 0);
}

static void test_folder(void) {
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_dataset_open_folder("/nonexistent/passend", NULL, &ds, &diags),
                 PASSEND_NOT_FOUND);
    CHECK_MESSAGE("/nonexistent/passend");
    CHECK(ds == NULL);
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 0);
    passend_diagnostics_free(&diags);
    CHECK_STATUS(passend_dataset_open_folder(NULL, NULL, &ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_open_folder(".", NULL, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    passend_load_options bad = PASSEND_LOAD_OPTIONS_INIT;
    bad.version = 0;
    CHECK_STATUS(passend_dataset_open_folder(".", &bad, &ds, NULL), PASSEND_INVALID_ARGUMENT);

    /* a good folder */
    const char* dir = PASSEND_TEST_TMP "/c_open_folder";
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK(system(cmd) == 0);
    write_file(dir, "schools.csv",
               "school_id,name,board_id,swv_id,setting\nS1,De Linde,B1,PO3104,bao\n");
    write_file(dir, "pupils.csv", "pupil_id,birth_date\np1,2015-03-14\np2,2014-06-01\n");
    write_file(
        dir, "enrolments.csv",
        "pupil_id,school_id,start_date,end_date\np1,S1,2021-08-01,\np2,S1,2020-08-01,2022-07-31\n");
    CHECK_STATUS(passend_dataset_open_folder(dir, NULL, &ds, &diags), PASSEND_OK);
    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, "enrolments", &n), PASSEND_OK);
    CHECK(n == 2);
    CHECK(passend_diagnostics_error_count(diags) == 0);
    passend_diagnostics_free(&diags);
    /* No extract.csv, no option: the latest start, 2021-08-01, is the extract date. */
    const char *extract = NULL, *origin = NULL;
    CHECK_STATUS(passend_dataset_extract_date(ds, &extract, &origin), PASSEND_OK);
    CHECK(strcmp(extract, "2021-08-01") == 0 && strcmp(origin, "derived") == 0);
    passend_dataset_free(&ds);

    /* The extract date as an option (version 2); a version 1 struct still loads, without it. */
    passend_load_options as_of = PASSEND_LOAD_OPTIONS_INIT;
    as_of.as_of = "2022-03-15";
    CHECK_STATUS(passend_dataset_open_folder(dir, &as_of, &ds, NULL), PASSEND_OK);
    CHECK_STATUS(passend_dataset_extract_date(ds, &extract, &origin), PASSEND_OK);
    CHECK(strcmp(extract, "2022-03-15") == 0 && strcmp(origin, "option") == 0);
    int32_t first = 0, last = 0;
    CHECK_STATUS(passend_dataset_school_years(ds, &first, &last), PASSEND_OK);
    CHECK(first == 2020 && last == 2021);
    passend_dataset_free(&ds);
    passend_load_options v1 = {1, 200, "not read by a version 1 struct"};
    CHECK_STATUS(passend_dataset_open_folder(dir, &v1, &ds, NULL), PASSEND_OK);
    CHECK_STATUS(passend_dataset_extract_date(ds, &extract, NULL), PASSEND_OK);
    CHECK(strcmp(extract, "2021-08-01") == 0);
    passend_dataset_free(&ds);
    /* A partial load (version 3): the tables named and those always read; absences.csv not. */
    write_file(dir, "absences.csv",
               "pupil_id,kind,start_date,end_date\np1,relatief,2021-09-01,2021-09-30\n");
    passend_load_options partial = PASSEND_LOAD_OPTIONS_INIT;
    partial.tables = "tlvs, opps";
    partial.as_of = "2022-03-15";
    CHECK_STATUS(passend_dataset_open_folder(dir, &partial, &ds, &diags), PASSEND_OK);
    int present = 1;
    CHECK_STATUS(passend_dataset_has_table(ds, "absences", &present), PASSEND_OK);
    CHECK(present == 0);
    CHECK(passend_diagnostics_count(diags) == 1);
    const char* rule = NULL;
    passend_diagnostics_get(diags, 0, NULL, NULL, NULL, NULL, &rule, NULL);
    CHECK(strcmp(rule, "table_not_read") == 0);
    passend_diagnostics_free(&diags);
    passend_dataset_free(&ds);
    CHECK_STATUS(passend_dataset_open_folder(dir, NULL, &ds, NULL), PASSEND_OK);
    CHECK_STATUS(passend_dataset_has_table(ds, "absences", &present), PASSEND_OK);
    CHECK(present == 1);
    passend_dataset_free(&ds);
    remove_file(dir, "absences.csv");
    partial.tables = "tlvs,opp";
    CHECK_STATUS(passend_dataset_open_folder(dir, &partial, &ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("tables: no table named 'opp' in the contract");
    as_of.as_of = "15-03-2022";
    CHECK_STATUS(passend_dataset_open_folder(dir, &as_of, &ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("as_of '15-03-2022' is not a date like 2025-03-15");
    as_of.as_of = "2021-07-31"; /* before p1's start: rejected where it stands */
    CHECK_STATUS(passend_dataset_open_folder(dir, &as_of, &ds, NULL), PASSEND_INVALID_DATA);
    CHECK_MESSAGE("enrolments.csv:2:3: error: start_date 2021-08-01 is after the extract date "
                  "2021-07-31");
    CHECK_STATUS(passend_dataset_extract_date(NULL, &extract, NULL), PASSEND_INVALID_ARGUMENT);

    /* a bad one: every problem located at file, line, column */
    write_file(
        dir, "enrolments.csv",
        "pupil_id,school_id,start_date,end_date\np1,S1,2021-08-01,2021-07-01\np2,S9,2020-08-01,\n");
    ds = (passend_dataset*)&ds;
    CHECK_STATUS(passend_dataset_open_folder(dir, NULL, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("enrolments.csv:2:4");
    CHECK(passend_diagnostics_error_count(diags) == 2);
    int found = 0;
    for (size_t i = 0; i < passend_diagnostics_count(diags); ++i) {
        const char *file = NULL, *rule = NULL;
        uint64_t line = 0;
        uint32_t column = 0;
        passend_diagnostics_get(diags, i, NULL, &file, &line, &column, &rule, NULL);
        if (strcmp(rule, "unknown_reference") == 0) {
            CHECK(strcmp(file, "enrolments.csv") == 0 && line == 3 && column == 2);
            found = 1;
        }
    }
    CHECK(found);
    passend_diagnostics_free(&diags);
}

static void test_json(void) {
    const char* json =
        "{\"schools\": [{\"school_id\": \"S1\", \"name\": \"De Linde\", \"board_id\": \"B1\","
        " \"swv_id\": \"PO3104\", \"setting\": \"bao\"}],"
        " \"pupils\": [{\"pupil_id\": \"p1\", \"birth_date\": \"2015-03-14\"}],"
        " \"enrolments\": [{\"pupil_id\": \"p1\", \"school_id\": \"S1\", \"start_date\": "
        "\"2021-08-01\"}]}";
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_dataset_open_json(json, NULL, NULL, &ds, &diags), PASSEND_OK);
    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, "pupils", &n), PASSEND_OK);
    CHECK(n == 1);
    passend_diagnostics_free(&diags);
    passend_dataset_free(&ds);

    CHECK_STATUS(passend_dataset_open_json("{\"schools\": [", "broken.json", NULL, &ds, &diags),
                 PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("broken.json");
    CHECK(passend_diagnostics_error_count(diags) >= 1);
    passend_diagnostics_free(&diags);
    CHECK_STATUS(passend_dataset_open_json(NULL, NULL, NULL, &ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_open_json("{}", NULL, NULL, NULL, NULL), PASSEND_INVALID_ARGUMENT);
}

int main(void) {
    test_version_and_errors();
    test_folder();
    test_json();
    return check_report("test_open");
}
