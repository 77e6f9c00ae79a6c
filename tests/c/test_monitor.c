/* SPDX-License-Identifier: EUPL-1.2 */
/* passend_monitor_json on the demo region: a partnership's document, the day after the extract
 * date, an unknown partnership, a malformed day and misuse. The test c_monitor_matches_cli
 * (tests/c.cmake) compares the whole JSON with `passend monitor --demo --format json`.
 *
 * With an argument, the program writes the demo's monitor JSON to that file and exits. */
#include "check.h"

#include <stdlib.h>

int main(int argc, char** argv) {
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_dataset_open_demo(NULL, &ds), PASSEND_OK);
    passend_monitor_options o = PASSEND_MONITOR_OPTIONS_INIT;
    char* json = NULL;

    if (argc > 1) { /* the command's subject for the demo, so the bytes can be compared */
        o.subject = "demo: Zuid-Limburg";
        CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_OK);
        write_json(argv[1], &json);
        passend_dataset_free(&ds);
        return check_report("c_test_monitor (write)");
    }

    /* One partnership on the extract date (the demo's: 2025-03-15). */
    o.units = "PO3104";
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_OK);
    CHECK(json && strstr(json, "\"format\": \"passend-monitor\""));
    CHECK(json && strstr(json, "\"day\": \"2025-03-15\""));
    CHECK(json && strstr(json, "\"id\": \"PO3104\""));
    CHECK(json && !strstr(json, "\"id\": \"PO3105\""));
    CHECK(json && strstr(json, "\"kpi\": \"leerlingen_totaal\""));
    passend_string_free(&json);
    CHECK(json == NULL);
    passend_string_free(&json); /* double free: nothing */

    /* An earlier day. */
    o.day = "2024-10-01";
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_OK);
    CHECK(json && strstr(json, "\"school_year\": \"2024-2025\""));
    passend_string_free(&json);

    /* After the extract date: nothing is known. */
    o.day = "2025-03-16";
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("passend_monitor_json: day 2025-03-16 is after the data's extract date "
                  "2025-03-15: nothing after it is known");
    CHECK(json == NULL);

    o.day = "15-03-2025";
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("expected a date like 2025-03-15, got '15-03-2025'");

    o.day = NULL;
    o.units = "PO3104, XX9999";
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("unit 'XX9999': not a partnership of the data");

    /* Misuse. */
    o.units = NULL;
    o.tlv_term_days = 4000;
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_INVALID_ARGUMENT);
    o.tlv_term_days = 0;
    o.version = 99;
    CHECK_STATUS(passend_monitor_json(ds, &o, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("unknown passend_monitor_options version");
    CHECK_STATUS(passend_monitor_json(NULL, NULL, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_monitor_json(ds, NULL, NULL), PASSEND_INVALID_ARGUMENT);

    passend_dataset_free(&ds);
    return check_report("c_test_monitor");
}
