/* SPDX-License-Identifier: EUPL-1.2 */
/* The appender: a small region built row by row with hand-known counts, located errors, and
 * every kind of misuse returning a status and a message. */
#include "check.h"

#include <math.h>

static void text_row(passend_appender* app, const char* const* values, size_t n) {
    for (size_t i = 0; i < n; ++i)
        CHECK_STATUS(passend_appender_append_text(app, values[i]), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
}

/* schools S1 (bao) and S2 (sbo) of PO3104; pupils p1, p2; p2 moves from S1 to S2. */
static void add_core(passend_appender* app) {
    static const char* s1[] = {"S1", "Basisschool A", "B1", "PO3104", "bao", ""};
    static const char* s2[] = {"S2", "SBO B", "B1", "PO3104", "SBO", "GM0935"};
    CHECK_STATUS(passend_appender_begin_table(app, "schools", NULL, 0), PASSEND_OK);
    text_row(app, s1, 6);
    text_row(app, s2, 6);

    CHECK_STATUS(passend_appender_begin_table(app, "pupils", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2015, 3, 14), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p2"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "2014-06-01"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, NULL), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    /* Columns in the host's own order, a subset of the contract's. */
    const char* cols[] = {"school_id", "pupil_id", "start_date", "end_date"};
    CHECK_STATUS(passend_appender_begin_table(app, "enrolments.csv", cols, 4), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2021, 8, 1), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    static const char* e2[] = {"S1", "p2", "2020-08-01", "2022-07-31"};
    static const char* e3[] = {"S2", "p2", "2022-08-01", ""};
    text_row(app, e2, 4);
    text_row(app, e3, 4);
}

static void test_happy_path(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK(app != NULL);
    add_core(app);

    /* Typed values into integer, amount and school-year columns. */
    CHECK_STATUS(passend_appender_begin_table(app, "arrangements", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 4711), PASSEND_OK); /* id kept as a number */
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 3), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "Individueel"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2021, 9, 1), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_double(app, 0.1 + 0.2), PASSEND_OK); /* 0.30 euro */
    CHECK_STATUS(passend_appender_append_text(app, "Gedrag"), PASSEND_OK);    /* v1.1: domain */
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    CHECK_STATUS(passend_appender_begin_table(app, "funds", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 2021), PASSEND_OK); /* 2021-2022 */
    CHECK_STATUS(passend_appender_append_text(app, "PO3104"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "B1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "ondersteuning"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 1631099), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    /* The extract's own day (contract v1.1), like any table. */
    CHECK_STATUS(passend_appender_begin_table(app, "extract", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2023, 3, 15), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "ParnasSys"), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_OK);
    CHECK(ds != NULL);
    CHECK(passend_diagnostics_error_count(diags) == 0);
    for (size_t i = 0; i < passend_diagnostics_count(diags); ++i)
        printf("  %s\n", passend_diagnostics_text(diags, i));
    CHECK(strcmp(passend_appender_error(app), "") == 0);

    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, "schools", &n), PASSEND_OK);
    CHECK(n == 2);
    CHECK_STATUS(passend_dataset_row_count(ds, "pupils", &n), PASSEND_OK);
    CHECK(n == 2);
    CHECK_STATUS(passend_dataset_row_count(ds, "enrolments", &n), PASSEND_OK);
    CHECK(n == 3);
    CHECK_STATUS(passend_dataset_row_count(ds, "arrangements.csv", &n), PASSEND_OK);
    CHECK(n == 1);
    CHECK_STATUS(passend_dataset_row_count(ds, "funds", &n), PASSEND_OK);
    CHECK(n == 1);
    CHECK_STATUS(passend_dataset_row_count(ds, "tlvs", &n), PASSEND_OK);
    CHECK(n == 0);
    int present = -1;
    CHECK_STATUS(passend_dataset_has_table(ds, "tlvs", &present), PASSEND_OK);
    CHECK(present == 0);
    CHECK_STATUS(passend_dataset_has_table(ds, "funds", &present), PASSEND_OK);
    CHECK(present == 1);
    CHECK_STATUS(passend_dataset_has_table(ds, "pupils", &present), PASSEND_OK);
    CHECK(present == 1);
    int32_t first = 0, last = 0;
    CHECK_STATUS(passend_dataset_school_years(ds, &first, &last), PASSEND_OK);
    CHECK(first == 2020);
    CHECK(last == 2022); /* extract date 2023-03-15: 2022-2023 is reported, partial */
    const char *extract = NULL, *origin = NULL;
    CHECK_STATUS(passend_dataset_extract_date(ds, &extract, &origin), PASSEND_OK);
    CHECK(strcmp(extract, "2023-03-15") == 0 && strcmp(origin, "file") == 0);
    passend_diagnostics* warnings = NULL;
    CHECK_STATUS(passend_dataset_warnings(ds, &warnings), PASSEND_OK);
    CHECK(warnings != NULL);
    /* p2 in sbo without a TLV: a warning, not an error (the contract's rule) */
    CHECK(passend_diagnostics_error_count(warnings) == 0);
    passend_diagnostics_free(&warnings);

    /* Misuse of dataset queries. */
    CHECK_STATUS(passend_dataset_row_count(ds, "leerlingen", &n), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("no table 'leerlingen'");
    CHECK_STATUS(passend_dataset_row_count(NULL, "pupils", &n), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_row_count(ds, NULL, &n), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_row_count(ds, "pupils", NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_has_table(NULL, "pupils", &present), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_has_table(ds, "pupils", NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_has_table(ds, "nope", &present), PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_dataset_school_years(NULL, &first, &last), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_school_years(ds, NULL, &last), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_dataset_warnings(NULL, &warnings), PASSEND_INVALID_ARGUMENT);
    CHECK(warnings == NULL);
    CHECK_STATUS(passend_dataset_warnings(ds, NULL), PASSEND_INVALID_ARGUMENT);

    passend_diagnostics_free(&diags);
    CHECK(diags == NULL);
    passend_diagnostics_free(&diags); /* guarded double free */
    passend_dataset_free(&ds);
    CHECK(ds == NULL);
    passend_dataset_free(&ds);
    passend_dataset_free(NULL);

    /* The appender is empty after finish and can build again. */
    add_core(app);
    CHECK_STATUS(passend_appender_finish(app, &ds, NULL), PASSEND_OK);
    CHECK_STATUS(passend_dataset_row_count(ds, "enrolments", &n), PASSEND_OK);
    CHECK(n == 3);
    passend_dataset_free(&ds);
    passend_appender_free(&app);
    CHECK(app == NULL);
    passend_appender_free(&app);
    passend_appender_free(NULL);
}

/* Bad rows: located at table, row and the host's column position; nothing is built. */
static void test_located_errors(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    add_core(app);
    const char* cols[] = {"end_date", "start_date", "school_id", "pupil_id"};
    CHECK_STATUS(passend_appender_begin_table(app, "enrolments", cols, 4), PASSEND_OK);
    /* row 4 of enrolments: an unknown school (found when tables are cross-checked) */
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2021, 8, 1), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S9"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    /* row 5: an impossible date, caught by the field check */
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2023, 2, 30), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p2"), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_INVALID_DATA);
    CHECK_MESSAGE("row 5");
    CHECK(strstr(passend_appender_error(app), "row 5") != NULL);
    /* an amount with three decimals (12.345 is not a whole cent) */
    CHECK_STATUS(passend_appender_begin_table(app, "arrangements", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "A1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 2), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "groep"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2021, 9, 1), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2021, 8, 31), PASSEND_OK); /* end < start */
    CHECK_STATUS(passend_appender_append_double(app, 12.345), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK); /* v1.1: domain */
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_INVALID_DATA);

    passend_dataset* ds = (passend_dataset*)&ds; /* must be overwritten with NULL */
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_MESSAGE("error");
    CHECK(passend_diagnostics_error_count(diags) >= 3);
    for (size_t i = 0; i < passend_diagnostics_count(diags); ++i)
        printf("  %s\n", passend_diagnostics_text(diags, i));

    /* school_id is the host's third column, start_date its second */
    CHECK_DIAGNOSTIC(diags, "unknown_reference", "enrolments", 4, 3, "S9");
    CHECK_DIAGNOSTIC(diags, "malformed_date", "enrolments", 5, 2, "2023-02-30");
    CHECK_DIAGNOSTIC(diags, "malformed_amount", "arrangements", 1, 8, "12.345");
    long i = find_rule(diags, "malformed_amount");
    int severity = -1;
    CHECK_STATUS(passend_diagnostics_get(diags, (size_t)(i < 0 ? 0 : i), &severity, NULL, NULL,
                                         NULL, NULL, NULL),
                 PASSEND_OK);
    CHECK(severity == PASSEND_SEVERITY_ERROR);
    CHECK(i >= 0 && strstr(passend_diagnostics_text(diags, (size_t)i), "arrangements:1:8: error:"));

    /* diagnostics misuse */
    CHECK_STATUS(passend_diagnostics_get(diags, passend_diagnostics_count(diags), NULL, NULL, NULL,
                                         NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("out of range");
    CHECK_STATUS(passend_diagnostics_get(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(passend_diagnostics_text(diags, 100000) == NULL);
    CHECK(passend_diagnostics_text(NULL, 0) == NULL);
    CHECK(passend_diagnostics_count(NULL) == 0);
    CHECK(passend_diagnostics_error_count(NULL) == 0);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

/* Text that is not UTF-8 is refused at its row and column; nothing is built. */
static void test_invalid_utf8(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    add_core(app);
    CHECK_STATUS(passend_appender_begin_table(app, "boards", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "B1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "Stichting \xC0\xAF"), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_INVALID_DATA);
    CHECK_MESSAGE("boards: row 1 breaks a rule");
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK(passend_diagnostics_error_count(diags) == 1);
    CHECK(strcmp(passend_diagnostics_text(diags, 0),
                 "boards:1:2: error: name is not valid UTF-8: byte 11 of the field is 0xC0 (an "
                 "overlong encoding); save the file as UTF-8 [invalid_utf8]") == 0);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

static void test_misuse(void) {
    passend_appender* app = NULL;
    const char* cols[] = {"pupil_id", "birth_date"};
    const char* bad_cols[] = {"pupil_id", "geboortedatum"};
    const char* twice[] = {"pupil_id", "pupil_id", "birth_date"};
    const char* with_null[] = {"pupil_id", NULL};

    /* NULL handles */
    CHECK_STATUS(passend_appender_create(NULL, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("out_appender is NULL");
    CHECK_STATUS(passend_appender_begin_table(NULL, "pupils", NULL, 0), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_text(NULL, "x"), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_null(NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_int64(NULL, 1), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_double(NULL, 1.0), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_date(NULL, 2020, 1, 1), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_end_row(NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_finish(NULL, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK(strcmp(passend_appender_error(NULL), "") == 0);

    passend_load_options bad_version = PASSEND_LOAD_OPTIONS_INIT;
    bad_version.version = 99;
    app = (passend_appender*)&app;
    CHECK_STATUS(passend_appender_create(&bad_version, &app), PASSEND_INVALID_ARGUMENT);
    CHECK(app == NULL);
    passend_load_options opts = PASSEND_LOAD_OPTIONS_INIT;
    opts.max_errors = 1;
    CHECK_STATUS(passend_appender_create(&opts, &app), PASSEND_OK);

    /* out of order and unknown names */
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("no table begun");
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_begin_table(app, "leerlingen", NULL, 0), PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_appender_begin_table(app, NULL, NULL, 0), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", bad_cols, 2),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("no column 'geboortedatum'");
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", twice, 3), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("given twice");
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", with_null, 2),
                 PASSEND_INVALID_ARGUMENT);

    /* wrong-typed values are refused and not taken */
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", cols, 2), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_date(app, 2015, 1, 1), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("pupils.pupil_id is a text column");
    CHECK(strstr(passend_appender_error(app), "pupils.pupil_id is a text column") != NULL);
    CHECK_STATUS(passend_appender_append_double(app, 1.5), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    CHECK(strcmp(passend_appender_error(app), "") == 0);
    CHECK_STATUS(passend_appender_append_int64(app, 20150101), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("pupils.birth_date is a date column");
    CHECK_STATUS(passend_appender_append_double(app, 20150101.0), PASSEND_INVALID_ARGUMENT);
    /* too few values: the row stays open */
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("1 of 2 values");
    CHECK_STATUS(passend_appender_begin_table(app, "schools", NULL, 0), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("still open");
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_date(app, 2015, 1, 1), PASSEND_OK);
    /* too many values */
    CHECK_STATUS(passend_appender_append_text(app, "extra"), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("already has all 2 values");
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    /* a code column takes no number; a date column no number */
    CHECK_STATUS(passend_appender_begin_table(app, "schools", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "S1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "A"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "B1"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "PO3104"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_int64(app, 1), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("schools.setting is a code column");
    CHECK_STATUS(passend_appender_append_text(app, "bao"), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_double(app, NAN), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_append_null(app), PASSEND_OK);
    CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

    /* finish without enrolments: a located missing_table error, and the out-pointer NULL */
    CHECK_STATUS(passend_appender_finish(app, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK(passend_diagnostics_error_count(diags) >= 1);
    passend_diagnostics_free(&diags);

    /* a required column left out: PASSEND_INVALID_DATA at once, and finish fails on it */
    const char* no_start[] = {"pupil_id", "school_id"};
    CHECK_STATUS(passend_appender_begin_table(app, "enrolments", no_start, 2),
                 PASSEND_INVALID_DATA);
    CHECK_MESSAGE("start_date is missing");
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(find_rule(diags, "missing_column") >= 0);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

/* Contract v1.1's monitor tables: an open request (no decision_date, no outcome: NULL columns
 * in contract order, complete_date last), rates and reference values with typed numbers; then a
 * rate given twice and a decision without an outcome, located, and no dataset. */
static void test_monitor_tables(void) {
    for (int broken = 0; broken <= 1; ++broken) {
        passend_appender* app = NULL;
        CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
        add_core(app);
        CHECK_STATUS(passend_appender_begin_table(app, "tlvs", NULL, 0), PASSEND_OK);
        static const char* open[] = {"T1", "p2", "PO3104", "sbo", "", "2022-05-01",
                                     "",   "",   "",       "",    "", "2022-05-09"};
        static const char* undecided[] = {"T2",         "p2", "PO3104", "sbo", "", "2022-05-01",
                                          "2022-06-01", "",   "",       "",    "", ""};
        for (size_t i = 0; i < 12; ++i)
            CHECK_STATUS(passend_appender_append_text(app, (broken ? undecided : open)[i]),
                         PASSEND_OK);
        CHECK_STATUS(passend_appender_end_row(app), broken ? PASSEND_INVALID_DATA : PASSEND_OK);
        CHECK_STATUS(passend_appender_begin_table(app, "rates", NULL, 0), PASSEND_OK);
        for (int r = 0; r <= broken; ++r) {
            CHECK_STATUS(passend_appender_append_int64(app, 2022), PASSEND_OK); /* 2022-2023 */
            CHECK_STATUS(passend_appender_append_text(app, "so"), PASSEND_OK);
            CHECK_STATUS(passend_appender_append_text(app, "H"), PASSEND_OK); /* BRON's hoog */
            CHECK_STATUS(passend_appender_append_double(app, 22500.5), PASSEND_OK);
            passend_appender_end_row(app);
        }
        CHECK_STATUS(passend_appender_begin_table(app, "reference_values", NULL, 0), PASSEND_OK);
        CHECK_STATUS(passend_appender_append_text(app, "deelname_so"), PASSEND_OK);
        CHECK_STATUS(passend_appender_append_text(app, "2022-2023"), PASSEND_OK);
        CHECK_STATUS(passend_appender_append_double(app, 1.75), PASSEND_OK);
        CHECK_STATUS(passend_appender_append_text(app, "a title (a publisher)"), PASSEND_OK);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);

        passend_dataset* ds = NULL;
        passend_diagnostics* diags = NULL;
        const passend_status st = passend_appender_finish(app, &ds, &diags);
        uint64_t n = 0;
        if (!broken) {
            CHECK_STATUS(st, PASSEND_OK);
            CHECK_STATUS(passend_dataset_row_count(ds, "tlvs", &n), PASSEND_OK);
            CHECK(n == 1);
            CHECK_STATUS(passend_dataset_row_count(ds, "rates", &n), PASSEND_OK);
            CHECK(n == 1);
            CHECK_STATUS(passend_dataset_row_count(ds, "reference_values", &n), PASSEND_OK);
            CHECK(n == 1);
        } else {
            CHECK_STATUS(st, PASSEND_INVALID_DATA);
            CHECK(ds == NULL);
            CHECK(passend_diagnostics_error_count(diags) == 2);
            CHECK_DIAGNOSTIC(diags, "decision_without_outcome", "tlvs", 1, 8, "2022-06-01");
            CHECK_DIAGNOSTIC(diags, "duplicate_row", "rates", 2, 1, "first is on line 1");
        }
        passend_dataset_free(&ds);
        passend_diagnostics_free(&diags);
        passend_appender_free(&app);
    }
}

int main(void) {
    test_happy_path();
    test_located_errors();
    test_invalid_utf8();
    test_misuse();
    test_monitor_tables();
    return check_report("test_appender");
}
