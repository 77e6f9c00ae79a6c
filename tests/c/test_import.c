/* SPDX-License-Identifier: EUPL-1.2 */
/* Importing schools' exports through the C ABI: the OSO fixtures of tests/data/import as a
 * dataset and as a folder, located errors, and misuse. */
#include "check.h"

#include <stdlib.h>

#define IMPORT_DATA PASSEND_TEST_DATA "/import/"

static const char* const oso_files[] = {IMPORT_DATA "oso/poswv_full.xml",
                                        IMPORT_DATA "oso/voswv_full.xml"};

static uint64_t rows(const passend_dataset* ds, const char* table) {
    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, table, &n), PASSEND_OK);
    return n;
}

static void test_open(void) {
    passend_import_options o = PASSEND_IMPORT_OPTIONS_INIT;
    o.secret_file = IMPORT_DATA "secret.txt";
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, oso_files, 2, &o, &ds, &diags),
                 PASSEND_OK);
    CHECK(ds != NULL);
    if (ds) {
        CHECK(rows(ds, "pupils") == 1); /* one BSN in both dossiers */
        CHECK(rows(ds, "enrolments") == 3);
        CHECK(rows(ds, "tlvs") == 3);
    }
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 3); /* schools without a table */
    passend_dataset_free(&ds);
    passend_diagnostics_free(&diags);

    /* UWLR with its schools table */
    const char* const uwlr[] = {IMPORT_DATA "uwlr/10AA_2023-2024.xml",
                                IMPORT_DATA "uwlr/10AA_2024-2025.xml",
                                IMPORT_DATA "uwlr/30CC_2024-2025.xml"};
    o.schools = IMPORT_DATA "uwlr/schools.csv";
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_UWLR, uwlr, 3, &o, &ds, NULL), PASSEND_OK);
    if (ds) CHECK(rows(ds, "pupils") == 6);
    passend_dataset_free(&ds);
}

static void test_errors(void) {
    passend_import_options o = PASSEND_IMPORT_OPTIONS_INIT;
    o.secret_file = IMPORT_DATA "secret.txt";
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    const char* const broken[] = {IMPORT_DATA "oso/poswv_full.xml",
                                  IMPORT_DATA "errors/missing_element.xml"};
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, broken, 2, &o, &ds, &diags),
                 PASSEND_INVALID_DATA);
    CHECK_MESSAGE("required element <brincode> is missing");
    CHECK(ds == NULL);
    int found = 0;
    for (size_t i = 0; diags && i < passend_diagnostics_count(diags); ++i) {
        int level = 0;
        const char *file = NULL, *rule = NULL, *message = NULL;
        uint64_t line = 0;
        uint32_t column = 0;
        CHECK_STATUS(
            passend_diagnostics_get(diags, i, &level, &file, &line, &column, &rule, &message),
            PASSEND_OK);
        if (strcmp(rule, "missing_element") == 0) {
            found = 1;
            CHECK(strstr(file, "missing_element.xml") != NULL);
            CHECK(line == 12 && column == 3);
            CHECK(strstr(message, "/dossier/huidigeschool") == message);
        }
    }
    CHECK(found);
    passend_diagnostics_free(&diags);

    /* the folder: written whole, or not at all */
    const char* out = PASSEND_TEST_TMP "/c_import_folder";
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    CHECK(system(cmd) == 0);
    CHECK_STATUS(passend_import_to_folder(PASSEND_EXPORT_OSO, broken, 2, &o, out, NULL),
                 PASSEND_INVALID_DATA);
    FILE* f = fopen(PASSEND_TEST_TMP "/c_import_folder/pupils.csv", "r");
    CHECK(f == NULL);
    if (f) fclose(f);
    CHECK_STATUS(passend_import_to_folder(PASSEND_EXPORT_OSO, oso_files, 2, &o, out, &diags),
                 PASSEND_OK);
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 3);
    passend_diagnostics_free(&diags);
    CHECK_STATUS(passend_dataset_open_folder(out, NULL, &ds, NULL), PASSEND_OK);
    if (ds) CHECK(rows(ds, "tlvs") == 3);
    passend_dataset_free(&ds);
    CHECK_STATUS(passend_import_to_folder(PASSEND_EXPORT_OSO, oso_files, 2, &o, out, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("not an empty folder");

    /* misuse: no secret, a short one, UWLR without schools, NULLs, unknown format */
    passend_import_options none = PASSEND_IMPORT_OPTIONS_INIT;
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, oso_files, 2, &none, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, oso_files, 2, NULL, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    passend_import_options short_secret = PASSEND_IMPORT_OPTIONS_INIT;
    short_secret.secret_file = PASSEND_TEST_TMP "/c_import_short_secret";
    FILE* s = fopen(short_secret.secret_file, "w");
    CHECK(s != NULL);
    if (s) {
        fputs("tooshort\n", s);
        fclose(s);
    }
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, oso_files, 2, &short_secret, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("at least 16");
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_UWLR, oso_files, 2, &o, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("--schools");
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, NULL, 2, &o, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_import_open(PASSEND_EXPORT_OSO, oso_files, 2, &o, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_import_open((passend_export_format)7, oso_files, 2, &o, &ds, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_import_to_folder(PASSEND_EXPORT_OSO, oso_files, 2, &o, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
}

int main(void) {
    test_open();
    test_errors();
    return check_report("test_import");
}
