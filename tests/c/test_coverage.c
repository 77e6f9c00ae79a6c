/* SPDX-License-Identifier: EUPL-1.2 */
/* passend_coverage_json on the small covering-network region (tests/data/valid_coverage): its
 * figures by hand, one partnership, an unknown one, a year the data do not report, a malformed
 * year and misuse. The test c_coverage_matches_cli (tests/c.cmake) compares the whole JSON with
 * `passend coverage tests/data/valid_coverage --format json`.
 *
 * With an argument, the program writes the region's coverage JSON to that file and exits. */
#include "check.h"

#include <stdlib.h>

#define REGION PASSEND_TEST_DATA "/valid_coverage"

int main(int argc, char** argv) {
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_dataset_open_folder(REGION, NULL, &ds, NULL), PASSEND_OK);
    passend_coverage_options o = PASSEND_COVERAGE_OPTIONS_INIT;
    char* json = NULL;

    if (argc > 1) {
        CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_OK);
        write_json(argv[1], &json);
        passend_dataset_free(&ds);
        return check_report("c_test_coverage (write)");
    }

    /* PO1: 62,000 of offers in 2024-2025, 5/12 in 2024; its 2024 reserves 150,000 above the
     * € 250,000 minimum; gedrag × GM01 holds 3 pupils (shown <5) for 2 places. */
    o.unit = "PO1";
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_OK);
    CHECK(json && strstr(json, "\"school_year\": \"2024-2025\""));
    CHECK(json && strstr(json, "\"swv_id\": \"PO1\""));
    CHECK(json && !strstr(json, "\"swv_id\": \"PO2\""));
    CHECK(json && strstr(json, "\"cost_eur\": 62000"));
    /* 5/12 of € 62,000 is € 25,833.333: € 25,833.33, the lines sharing it by largest remainder. */
    CHECK(json && strstr(json, "\"2024\": 25833.33"));
    CHECK(json && strstr(json, "\"reserves_boven_signaleringswaarde\": 150000"));
    CHECK(json && strstr(json, "\"rule\": \"minimum\""));
    CHECK(json && strstr(json, "\"pupils\": \"<5\""));
    CHECK(json && strstr(json, "\"state\": \"over_demanded\""));
    passend_string_free(&json);

    o.suppress = 0; /* internal: every number */
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_OK);
    CHECK(json && strstr(json, "\"occupancy\": 150"));
    passend_string_free(&json);

    o.unit = "PO9";
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("passend_coverage_json: no partnership 'PO9' in the data");
    CHECK(json == NULL);

    o.unit = NULL;
    o.year = "2030-2031";
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("school year 2030-2031 is not reported by the data");
    o.year = "volgend jaar";
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("expected a school year like 2024-2025, got 'volgend jaar'");
    o.year = "2024";
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_OK);
    passend_string_free(&json);

    /* Misuse. */
    CHECK_STATUS(passend_coverage_json(NULL, NULL, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_coverage_json(ds, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    o.version = 99;
    CHECK_STATUS(passend_coverage_json(ds, &o, &json), PASSEND_INVALID_ARGUMENT);
    CHECK(json == NULL);

    passend_dataset_free(&ds);
    return check_report("c_test_coverage");
}
