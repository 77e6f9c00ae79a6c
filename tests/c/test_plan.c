/* SPDX-License-Identifier: EUPL-1.2 */
/* passend_plan_evaluate on the demo region and plans/demo-plan.json, broken plans, a year outside
 * the data, a plan for another region, and misuse. The expected figures are those of
 * `passend plan plans/demo-plan.json --demo --format json`, hand-checked in tests/cli_cycle.cmake
 * (deelname_so 100/4845 = 2.06%, aandacht; 4 op koers, 1 aandacht, 4 without a status); the
 * test c_plan_matches_cli (tests/c.cmake) compares the whole JSON with the command's.
 *
 * With an argument, the program writes the demo evaluation's JSON to that file and exits. */
#include "check.h"

#include <stdlib.h>

#define DEMO_PLAN PASSEND_TEST_DATA "/../../plans/demo-plan.json"
#define PLANS PASSEND_TEST_DATA "/plans"

/* The contents of `path`, NUL-terminated (malloc'd), or NULL. */
static char* read_file(const char* path) {
    FILE* f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char* text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text) text[size] = '\0';
    fclose(f);
    return text;
}

/* `json` contains `needle`; report both otherwise. */
#define CHECK_JSON(json, needle)                                                                   \
    do {                                                                                           \
        ++check_count;                                                                             \
        if (!(json) || !strstr((json), (needle))) {                                                \
            ++check_failures;                                                                      \
            fprintf(stderr, "%s:%d: the JSON lacks \"%s\"\n", __FILE__, __LINE__, (needle));       \
        }                                                                                          \
    } while (0)

/* The text from the indicator `kpi` on (its object in the JSON), to look for its fields. */
static const char* indicator(const char* json, const char* kpi) {
    char key[128];
    snprintf(key, sizeof key, "\"kpi\": \"%s\"", kpi);
    const char* at = json ? strstr(json, key) : NULL;
    return at ? at : "";
}

/* The fields of one indicator in order, as the JSON writes them (indented by 10). */
static void check_indicator(const char* json, const char* kpi, const char* fields) {
    const char* at = indicator(json, kpi);
    ++check_count;
    if (strncmp(strstr(at, "\"previous\"") ? strstr(at, "\"previous\"") : "", fields,
                strlen(fields)) != 0) {
        ++check_failures;
        fprintf(stderr, "indicator %s: expected\n%s\ngot\n%.400s\n", kpi, fields, at);
    }
}

static passend_dataset* demo(void) {
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_dataset_open_demo(NULL, &ds), PASSEND_OK);
    return ds;
}

static void test_demo_plan(const passend_dataset* ds, const char* plan) {
    passend_plan_options o = PASSEND_PLAN_OPTIONS_INIT;
    o.subject = "demo: Zuid-Limburg";
    char* json = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, "demo-plan.json", &o, &json, &diags), PASSEND_OK);
    CHECK(strcmp(passend_last_error(), "") == 0);
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 0); /* every unit has figures */
    CHECK_JSON(json, "{\n  \"format\": \"passend-plan-1\",\n"
                     "  \"plan\": \"Kwaliteitsplan PO3104 Westelijke Mijnstreek (demo)\",\n"
                     "  \"swv\": \"PO3104\",\n  \"school_year\": \"2024-2025\",\n"
                     "  \"previous_school_year\": \"2023-2024\",\n"
                     "  \"extract_date\": \"2025-03-15\",\n  \"partial\": true,\n"
                     "  \"subject\": \"demo: Zuid-Limburg\",\n  \"suppressed\": true,\n"
                     "  \"small_count\": \"<5\",\n  \"summary\": {\n    \"op_koers\": 4,\n"
                     "    \"aandacht\": 1,\n    \"niet_op_koers\": 0,\n    \"none\": 4\n  },\n");
    /* deelname_so: 100/4844 = 2.06% against at most 2 (tolerance 0.2): aandacht;
     * 2023-2024 93/4917 = 1.89% is also the baseline */
    check_indicator(json, "deelname_so",
                    "\"previous\": 1.89139719341,\n          \"value\": 2.06440957886,\n"
                    "          \"change\": 0.17301238545,\n          \"baseline\": {\n"
                    "            \"school_year\": \"2023-2024\",\n"
                    "            \"value\": 1.89139719341\n          },\n"
                    "          \"target\": {\n            \"direction\": \"at_most\",\n"
                    "            \"target\": 2.0,\n            \"tolerance\": 0.2\n          },\n"
                    "          \"status\": \"aandacht\"");
    /* thuiszitters 15 in 2023-2024, 7 in 2024-2025 through the extract date 2025-03-15; the
     * change compares with the same period a year earlier, 11: -4. No target for 2024-2025 */
    check_indicator(json, "thuiszitters",
                    "\"previous\": 15,\n          \"value\": 7,\n          \"change\": -4,\n");
    CHECK_JSON(indicator(json, "thuiszitters"), "\"target\": null,\n          \"status\": null");
    /* terugplaatsingen_so_bao 1 shows as <5, with no change; terugplaatsingen_sbo_bao 4 (through
     * 2025-03-15) shows as <5, and its 3 of the year before too */
    check_indicator(json, "terugplaatsingen_so_bao",
                    "\"previous\": 0,\n          \"value\": \"<5\",\n          \"change\": null,");
    check_indicator(
        json, "terugplaatsingen_sbo_bao",
        "\"previous\": \"<5\",\n          \"value\": \"<5\",\n          \"change\": null,");
    /* a board's score: ankerpunt1_score of BG41001 189.5/224, op koers */
    CHECK_JSON(indicator(json, "ankerpunt1_score"),
               "\"level\": \"board\",\n          \"unit\": \"BG41001\",");
    check_indicator(json, "ankerpunt1_score",
                    "\"previous\": null,\n          \"value\": 0.845982142857,\n");
    CHECK_JSON(json, "\"forum\": \"ZOCO/IB-overleg\",\n          \"by\": \"SWV\",\n"
                     "          \"purpose\": \"Casuïstiek en werkafspraken\",\n"
                     "          \"frequency\": \"Elke 6 weken\"");
    passend_string_free(&json);
    CHECK(json == NULL);
    passend_string_free(&json); /* twice: nothing happens */
    passend_string_free(NULL);
    passend_diagnostics_free(&diags);

    /* internal figures: every number shown (the command's --no-suppress) */
    o.suppress = 0;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, &o, &json, NULL), PASSEND_OK);
    CHECK_JSON(json, "\"suppressed\": false,");
    /* 4 through 2025-03-15 against 2 in the same period of 2023-2024 (3 in the whole year) */
    check_indicator(json, "terugplaatsingen_sbo_bao",
                    "\"previous\": 3,\n          \"value\": 4,\n          \"change\": 2,");
    check_indicator(json, "terugplaatsingen_so_bao",
                    "\"previous\": 0,\n          \"value\": 1,\n          \"change\": 1,");
    passend_string_free(&json);

    /* an earlier year: no target set for 2023-2024, so no status at all; NULL options are the
     * defaults (latest year, suppressed, no subject) */
    o = (passend_plan_options)PASSEND_PLAN_OPTIONS_INIT;
    o.year = 2023;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, &o, &json, NULL), PASSEND_OK);
    CHECK_JSON(json, "\"school_year\": \"2023-2024\",\n  \"previous_school_year\": \"2022-2023\"");
    CHECK_JSON(json, "\"op_koers\": 0,\n    \"aandacht\": 0,\n    \"niet_op_koers\": 0,\n"
                     "    \"none\": 9\n");
    passend_string_free(&json);
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, NULL, &json, NULL), PASSEND_OK);
    CHECK_JSON(json, "\"school_year\": \"2024-2025\",");
    CHECK_JSON(json, "\"subject\": \"\",\n  \"suppressed\": true,");
    passend_string_free(&json);
}

static void test_year_outside(const passend_dataset* ds, const char* plan) {
    passend_plan_options o = PASSEND_PLAN_OPTIONS_INIT;
    o.year = 2025;
    char* json = (char*)&o; /* set to NULL on failure */
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, &o, &json, &diags), PASSEND_NOT_FOUND);
    CHECK(strcmp(passend_last_error(), "passend_plan_evaluate: year 2025-2026: the data has no "
                                       "such school year (it has 2020-2021 to 2024-2025)") == 0);
    CHECK(json == NULL);
    CHECK(diags != NULL && passend_diagnostics_count(diags) == 0);
    passend_diagnostics_free(&diags);
    o.year = 1990;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, &o, &json, NULL), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("year 1990-1991: the data has no such school year");
}

static void test_invalid_plans(const passend_dataset* ds) {
    char* broken = read_file(PLANS "/broken.json");
    char* expected = read_file(PLANS "/broken.expected");
    CHECK(broken && expected);
    if (!broken || !expected) return;
    const size_t n = strlen(expected);
    if (n && expected[n - 1] == '\n') expected[n - 1] = '\0';
    char* json = (char*)&json;
    passend_diagnostics* diags = NULL;
    /* the message is every problem, one per line, exactly as `passend plan` prints them */
    CHECK_STATUS(passend_plan_evaluate(ds, broken, "plans/broken.json", NULL, &json, &diags),
                 PASSEND_INVALID_DATA);
    ++check_count;
    if (strcmp(passend_last_error(), expected) != 0) {
        ++check_failures;
        fprintf(stderr, "broken.json: message\n%s\nexpected\n%s\n", passend_last_error(), expected);
    }
    CHECK(json == NULL);
    CHECK(passend_diagnostics_count(diags) == 4 && passend_diagnostics_error_count(diags) == 4);
    CHECK_DIAGNOSTIC(diags, "unknown_kpi", "plans/broken.json", 0, 0,
                     "focus point 'so-daling' /focus_points/0/indicators/0/kpi: unknown KPI id "
                     "'deelname_sox'");
    CHECK_DIAGNOSTIC(diags, "unknown_key", "plans/broken.json", 0, 0,
                     "/focus_points/0/indicators/1/taregts: unknown member 'taregts'");
    CHECK_DIAGNOSTIC(diags, "bad_year", "plans/broken.json", 0, 0,
                     "/focus_points/0/indicators/2/targets/2024: '2024' is not a school year");
    CHECK_DIAGNOSTIC(diags, "target_direction", "plans/broken.json", 0, 0,
                     "/focus_points/0/indicators/2/targets/2025-2026: give exactly one of at_most "
                     "and at_least");
    passend_diagnostics_free(&diags);
    free(broken);
    free(expected);

    /* a JSON syntax error is located by line and column; the default source name */
    char* syntax = read_file(PLANS "/syntax.json");
    CHECK(syntax != NULL);
    CHECK_STATUS(passend_plan_evaluate(ds, syntax ? syntax : "", NULL, NULL, &json, &diags),
                 PASSEND_INVALID_DATA);
    CHECK(strcmp(passend_last_error(),
                 "plan.json:4:16: error: parse error at line 4, column 16: syntax error while "
                 "parsing object key - unexpected ','; expected string literal") == 0);
    CHECK_DIAGNOSTIC(diags, "json_syntax", "plan.json", 4, 16, "parse error at line 4");
    passend_diagnostics_free(&diags);
    free(syntax);

    /* valid JSON that is no plan */
    CHECK_STATUS(passend_plan_evaluate(ds, "[]", "x.json", NULL, &json, NULL),
                 PASSEND_INVALID_DATA);
    CHECK(strcmp(passend_last_error(),
                 "x.json: error: /: a plan must be a JSON object with focus_points") == 0);
}

/* A plan for another region reads nothing: the evaluation succeeds with a warning per unit. */
static void test_other_region(const passend_dataset* ds) {
    const char* plan = "{\"plan\": \"elders\", \"swv\": \"PO9999\", \"focus_points\": [{"
                       "\"id\": \"so\", \"speerpunt\": \"minder so\", \"process\": \"TvO\","
                       "\"indicators\": [{\"kpi\": \"deelname_so\", \"targets\": "
                       "{\"2024-2025\": {\"at_most\": 2}}}, {\"kpi\": \"thuiszitters\"}]}]}";
    char* json = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, "elders.json", NULL, &json, &diags), PASSEND_OK);
    CHECK(passend_diagnostics_count(diags) == 1 && passend_diagnostics_error_count(diags) == 0);
    CHECK(strcmp(passend_diagnostics_text(diags, 0),
                 "elders.json: warning: the data has no figures for swv 'PO9999' (focus point "
                 "'so') [unit_without_figures]") == 0);
    check_indicator(json, "deelname_so",
                    "\"previous\": null,\n          \"value\": null,\n          \"change\": null,");
    CHECK_JSON(json, "\"none\": 2\n");
    passend_string_free(&json);
    passend_diagnostics_free(&diags);
}

static void test_misuse(const passend_dataset* ds, const char* plan) {
    char* json = (char*)&json;
    passend_diagnostics* diags = (passend_diagnostics*)&diags;
    CHECK_STATUS(passend_plan_evaluate(NULL, plan, NULL, NULL, &json, &diags),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(strcmp(passend_last_error(), "passend_plan_evaluate: dataset is NULL") == 0);
    CHECK(json == NULL && diags == NULL);
    CHECK_STATUS(passend_plan_evaluate(ds, NULL, NULL, NULL, &json, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(strcmp(passend_last_error(), "passend_plan_evaluate: plan_json is NULL") == 0);
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, NULL, NULL, &diags),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(strcmp(passend_last_error(), "passend_plan_evaluate: out_json is NULL") == 0);
    CHECK(diags == NULL);
    passend_plan_options o = PASSEND_PLAN_OPTIONS_INIT;
    o.version = 7;
    CHECK_STATUS(passend_plan_evaluate(ds, plan, NULL, &o, &json, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("unknown passend_plan_options version");
    CHECK(json == NULL);
}

int main(int argc, char** argv) {
    char* plan = read_file(DEMO_PLAN);
    passend_dataset* ds = demo();
    if (!plan || !ds) {
        fprintf(stderr, "cannot read %s or make the demo\n", DEMO_PLAN);
        return 1;
    }
    if (argc > 1) { /* c_plan_matches_cli: the JSON `passend plan ... --demo` prints */
        passend_plan_options o = PASSEND_PLAN_OPTIONS_INIT;
        o.subject = "demo: Zuid-Limburg";
        char* json = NULL;
        FILE* out = fopen(argv[1], "wb");
        const int ok = out &&
                       passend_plan_evaluate(ds, plan, NULL, &o, &json, NULL) == PASSEND_OK &&
                       fputs(json, out) >= 0;
        if (out) fclose(out);
        if (!ok) fprintf(stderr, "failed: %s\n", passend_last_error());
        passend_string_free(&json);
        passend_dataset_free(&ds);
        free(plan);
        return ok ? 0 : 1;
    }
    test_demo_plan(ds, plan);
    test_year_outside(ds, plan);
    test_invalid_plans(ds);
    test_other_region(ds);
    test_misuse(ds, plan);
    passend_dataset_free(&ds);
    free(plan);
    return check_report("test_plan");
}
