/* SPDX-License-Identifier: EUPL-1.2 */
/* Catalogs, evaluation, results (rows, typed columns, JSON) and explain on a region of
 * four pupils whose numbers are known by hand (small_region.h), plus misuse of each function. */
#include "check.h"
#include "small_region.h"

#include <math.h>

/* The row of (kpi, level, unit) in `r`, or -1. */
static long find_row(const passend_result* r, const char* kpi, const char* unit) {
    const char* const* kpis = passend_result_kpis(r);
    const char* const* units = passend_result_units(r);
    for (size_t i = 0; i < passend_result_count(r); ++i)
        if (strcmp(kpis[i], kpi) == 0 && strcmp(units[i], unit) == 0) return (long)i;
    return -1;
}

static int has_string(const passend_strings* s, const char* want) {
    for (size_t i = 0; i < passend_strings_count(s); ++i)
        if (strcmp(passend_strings_get(s, i), want) == 0) return 1;
    return 0;
}

static void test_catalog(void) {
    passend_catalog *builtin = NULL, *mine = NULL, *both = NULL;
    CHECK_STATUS(passend_catalog_builtin(&builtin), PASSEND_OK);
    const size_t n = passend_catalog_count(builtin);
    CHECK(n > 30);
    size_t index = 0;
    CHECK_STATUS(passend_catalog_find(builtin, "deelname_sbo", &index), PASSEND_OK);
    const char *id = NULL, *nl = NULL, *en = NULL, *unit = NULL, *source = NULL;
    CHECK_STATUS(passend_catalog_get(builtin, index, &id, &nl, &en, &unit, &source), PASSEND_OK);
    CHECK(strcmp(id, "deelname_sbo") == 0);
    CHECK(strcmp(unit, "percent") == 0);
    CHECK(strlen(nl) > 0 && strlen(en) > 0 && strlen(source) > 0);
    CHECK_STATUS(passend_catalog_find(builtin, "geen_kpi", &index), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("geen_kpi");
    CHECK_STATUS(passend_catalog_get(builtin, n, &id, NULL, NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_get(NULL, 0, &id, NULL, NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_find(NULL, "x", &index), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_find(builtin, NULL, &index), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_find(builtin, "x", NULL), PASSEND_INVALID_ARGUMENT);
    CHECK(passend_catalog_count(NULL) == 0);

    /* a user catalog: one new KPI and one that replaces a built-in title */
    const char* user = "{\"version\": 1, \"kpis\": ["
                       " {\"id\": \"sbo_leerlingen_eigen\", \"title\": {\"nl\": \"Eigen telling "
                       "sbo\", \"en\": \"Own sbo count\"},"
                       "  \"description\": \"pupils in sbo at teldatum\", \"source\": \"test\", "
                       "\"unit\": \"count\","
                       "  \"numerator\": {\"measure\": \"pupils\", \"at\": \"teldatum\", "
                       "\"filter\": {\"setting\": [\"sbo\"]}},"
                       "  \"levels\": [\"swv\"]},"
                       " {\"id\": \"leerlingen_bao\", \"title\": {\"nl\": "
                       "\"Basisschoolleerlingen\", \"en\": \"Primary pupils\"},"
                       "  \"description\": \"override\", \"source\": \"test\", \"unit\": \"count\","
                       "  \"numerator\": {\"measure\": \"pupils\", \"at\": \"teldatum\", "
                       "\"filter\": {\"setting\": [\"bao\"]}},"
                       "  \"levels\": [\"swv\"]}]}";
    CHECK_STATUS(passend_catalog_open_json(user, "mine.json", &mine), PASSEND_OK);
    CHECK(passend_catalog_count(mine) == 2);
    CHECK_STATUS(passend_catalog_extend(builtin, mine, &both), PASSEND_OK);
    CHECK(passend_catalog_count(both) == n + 1);
    CHECK(passend_catalog_count(builtin) == n); /* inputs unchanged */
    CHECK_STATUS(passend_catalog_find(both, "leerlingen_bao", &index), PASSEND_OK);
    CHECK_STATUS(passend_catalog_get(both, index, NULL, &nl, NULL, NULL, NULL), PASSEND_OK);
    CHECK(strcmp(nl, "Basisschoolleerlingen") == 0);
    passend_catalog* none = (passend_catalog*)&none;
    CHECK_STATUS(passend_catalog_extend(NULL, mine, &none), PASSEND_INVALID_ARGUMENT);
    CHECK(none == NULL);
    CHECK_STATUS(passend_catalog_extend(builtin, NULL, &none), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_extend(builtin, mine, NULL), PASSEND_INVALID_ARGUMENT);

    /* malformed catalogs */
    passend_catalog* bad = (passend_catalog*)&bad;
    CHECK_STATUS(passend_catalog_open_json("{\"kpis\": [", "broken.json", &bad),
                 PASSEND_INVALID_DATA);
    CHECK(bad == NULL);
    CHECK_MESSAGE("broken.json");
    const char* wrong_setting =
        "{\"version\": 1, \"kpis\": [{\"id\": \"x\", \"title\": {\"nl\": \"x\", \"en\": \"x\"},"
        " \"description\": \"x\", \"source\": \"x\", \"unit\": \"count\","
        " \"numerator\": {\"measure\": \"pupils\", \"at\": \"teldatum\", \"filter\": {\"setting\": "
        "[\"sbx\"]}}}]}";
    CHECK_STATUS(passend_catalog_open_json(wrong_setting, "wrong.json", &bad),
                 PASSEND_INVALID_DATA);
    CHECK_MESSAGE("sbx");
    CHECK_MESSAGE("/kpis/0/numerator/filter/setting");
    CHECK_STATUS(passend_catalog_open_json(NULL, NULL, &bad), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_open_json("{}", NULL, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_open_file("/nonexistent/catalog.json", &bad), PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_catalog_open_file(NULL, &bad), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_catalog_builtin(NULL), PASSEND_INVALID_ARGUMENT);

    passend_catalog_free(&both);
    passend_catalog_free(&mine);
    passend_catalog_free(&builtin);
    CHECK(builtin == NULL);
    passend_catalog_free(&builtin);
    passend_catalog_free(NULL);
}

static void test_evaluate(passend_dataset* ds) {
    passend_evaluate_options o = PASSEND_EVALUATE_OPTIONS_INIT;
    o.year = 2022;
    o.kpis = "leerlingen_bao, leerlingen_sbo,deelname_sbo,verwijzingen_sbo";
    o.suppress = 0;
    passend_result* r = NULL;
    CHECK_STATUS(passend_evaluate(ds, NULL, &o, &r), PASSEND_OK);
    CHECK(passend_result_count(r) > 0);
    const double *num = passend_result_numerators(r), *den = passend_result_denominators(r),
                 *val = passend_result_values(r);
    const int32_t* years = passend_result_years(r);
    long i;
    CHECK((i = find_row(r, "leerlingen_bao", "NL")) >= 0);
    if (i >= 0) CHECK(val[i] == 2 && years[i] == 2022);
    CHECK((i = find_row(r, "leerlingen_sbo", "NL")) >= 0);
    if (i >= 0) CHECK(val[i] == 2);
    CHECK((i = find_row(r, "deelname_sbo", "NL")) >= 0);
    if (i >= 0) CHECK(num[i] == 2 && den[i] == 4 && val[i] == 50);
    CHECK((i = find_row(r, "deelname_sbo", "PO3104")) >= 0);
    if (i >= 0) CHECK(num[i] == 2 && den[i] == 3 && fabs(val[i] - 200.0 / 3) < 1e-9);
    CHECK((i = find_row(r, "deelname_sbo", "PO3105")) >= 0);
    if (i >= 0) CHECK(num[i] == 0 && den[i] == 1 && val[i] == 0);
    CHECK((i = find_row(r, "verwijzingen_sbo", "PO3104")) >= 0);
    if (i >= 0) CHECK(val[i] == 1);
    CHECK((i = find_row(r, "leerlingen_bao", "S3")) >= 0); /* school level */
    if (i >= 0) CHECK(val[i] == 1);

    /* the same row through the row accessor */
    i = find_row(r, "deelname_sbo", "PO3104");
    const char *kpi = NULL, *level = NULL, *unit = NULL, *status = NULL;
    int32_t year = 0;
    double n = 0, d = 0, v = 0;
    uint32_t hidden = 99;
    CHECK_STATUS(
        passend_result_row(r, (size_t)i, &kpi, &year, &level, &unit, &n, &d, &v, &status, &hidden),
        PASSEND_OK);
    CHECK(strcmp(kpi, "deelname_sbo") == 0 && year == 2022 && strcmp(level, "swv") == 0);
    CHECK(strcmp(unit, "PO3104") == 0 && n == 2 && d == 3 && hidden == 0);
    CHECK(status != NULL);
    /* 2021: no sbo pupils in PO3104 (p1, p2 in bao), so the change is the whole 66.67 */
    CHECK(fabs(passend_result_changes(r)[i] - 200.0 / 3) < 1e-9);
    CHECK(passend_result_statuses(r) != NULL && passend_result_levels(r) != NULL);
    CHECK(passend_result_suppressed(r)[i] == 0);
    CHECK_STATUS(passend_result_row(r, passend_result_count(r), NULL, NULL, NULL, NULL, NULL, NULL,
                                    NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_result_row(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                 PASSEND_INVALID_ARGUMENT);
    const char* json = NULL;
    CHECK_STATUS(passend_result_json(r, &json), PASSEND_OK);
    CHECK(json && strstr(json, "\"kpi\":\"deelname_sbo\"") != NULL);
    CHECK(json && strstr(json, "\"school_year\":\"2022-2023\"") != NULL);
    /* Exported on 31 July 2023: 2022-2023 is whole, no row is partial. */
    CHECK(json && strstr(json, "\"extract_date\":\"2023-07-31\"") != NULL);
    CHECK(json && strstr(json, "\"partial\":false") != NULL);
    for (size_t k = 0; k < passend_result_count(r); ++k) CHECK(passend_result_partial(r)[k] == 0);
    const char* again = NULL;
    CHECK_STATUS(passend_result_json(r, &again), PASSEND_OK);
    CHECK(again == json); /* made once, owned by the result */
    CHECK_STATUS(passend_result_json(NULL, &json), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_result_json(r, NULL), PASSEND_INVALID_ARGUMENT);
    passend_result_free(&r);
    CHECK(r == NULL);
    passend_result_free(&r);

    /* one unit: national rows come along, other partnerships do not */
    o.units = "PO3105";
    CHECK_STATUS(passend_evaluate(ds, NULL, &o, &r), PASSEND_OK);
    CHECK(find_row(r, "deelname_sbo", "PO3105") >= 0);
    CHECK(find_row(r, "deelname_sbo", "NL") >= 0);
    CHECK(find_row(r, "deelname_sbo", "PO3104") < 0);
    passend_result_free(&r);
    o.units = NULL;

    /* suppression (the default): counts 1-4 hidden, "<5" in JSON */
    o.suppress = 1;
    CHECK_STATUS(passend_evaluate(ds, NULL, &o, &r), PASSEND_OK);
    i = find_row(r, "leerlingen_sbo", "NL");
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK(isnan(passend_result_numerators(r)[i]));
        CHECK(passend_result_suppressed(r)[i] & PASSEND_HIDDEN_NUMERATOR);
    }
    CHECK_STATUS(passend_result_json(r, &json), PASSEND_OK);
    CHECK(strstr(json, "\"<5\"") != NULL);
    passend_result_free(&r);

    /* every KPI, every year: the defaults */
    CHECK_STATUS(passend_evaluate(ds, NULL, NULL, &r), PASSEND_OK);
    CHECK(passend_result_count(r) > 100);
    passend_result_free(&r);

    /* any day: on 15 August 2022 p2 is in sbo, p4 (from 1 September) not yet; the year before
     * is reported too, on 15 August 2021 (nobody in sbo) */
    passend_evaluate_options on = PASSEND_EVALUATE_OPTIONS_INIT;
    on.day = "2022-08-15";
    on.kpis = "leerlingen_sbo";
    on.suppress = 0;
    CHECK_STATUS(passend_evaluate(ds, NULL, &on, &r), PASSEND_OK);
    int found = 0;
    for (size_t k = 0; k < passend_result_count(r); ++k) {
        const char *kpi = NULL, *unit = NULL;
        int32_t year = 0;
        double value = 0;
        CHECK_STATUS(
            passend_result_row(r, k, &kpi, &year, NULL, &unit, NULL, NULL, &value, NULL, NULL),
            PASSEND_OK);
        if (strcmp(unit, "NL") != 0) continue;
        CHECK(year == 2021 || year == 2022);
        if (year == 2022) {
            found = 1;
            CHECK(value == 1);
        }
        if (year == 2021) CHECK(value == 0);
    }
    CHECK(found);
    passend_result_free(&r);
    on.day = "2023-08-01"; /* after the extract date, 31 July 2023 */
    CHECK_STATUS(passend_evaluate(ds, NULL, &on, &r), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("after the data's extract date 2023-07-31");
    on.day = "2022-02-30";
    CHECK_STATUS(passend_evaluate(ds, NULL, &on, &r), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("not a date");
    on.version = 1; /* a version 1 struct ends before `day`: it is not read */
    CHECK_STATUS(passend_evaluate(ds, NULL, &on, &r), PASSEND_OK);
    passend_result_free(&r);

    /* misuse and unknown selections */
    passend_evaluate_options bad = PASSEND_EVALUATE_OPTIONS_INIT;
    bad.year = 2030;
    CHECK_STATUS(passend_evaluate(ds, NULL, &bad, &r), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("2030-2031");
    CHECK(r == NULL);
    bad.year = 0, bad.units = "PO9999";
    CHECK_STATUS(passend_evaluate(ds, NULL, &bad, &r), PASSEND_NOT_FOUND);
    CHECK_MESSAGE("PO9999");
    bad.units = NULL, bad.levels = "provincie";
    CHECK_STATUS(passend_evaluate(ds, NULL, &bad, &r), PASSEND_NOT_FOUND);
    bad.levels = NULL, bad.kpis = "geen_kpi";
    CHECK_STATUS(passend_evaluate(ds, NULL, &bad, &r), PASSEND_NOT_FOUND);
    bad.kpis = NULL, bad.version = 7;
    CHECK_STATUS(passend_evaluate(ds, NULL, &bad, &r), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_evaluate(NULL, NULL, NULL, &r), PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_evaluate(ds, NULL, NULL, NULL), PASSEND_INVALID_ARGUMENT);
    CHECK(passend_result_count(NULL) == 0);
    CHECK(passend_result_kpis(NULL) == NULL && passend_result_values(NULL) == NULL);
    CHECK(passend_result_years(NULL) == NULL && passend_result_units(NULL) == NULL);
    CHECK(passend_result_numerators(NULL) == NULL && passend_result_denominators(NULL) == NULL);
    CHECK(passend_result_changes(NULL) == NULL && passend_result_statuses(NULL) == NULL);
    CHECK(passend_result_levels(NULL) == NULL && passend_result_suppressed(NULL) == NULL);
    CHECK(passend_result_partial(NULL) == NULL);
}

static void test_explain(passend_dataset* ds) {
    passend_strings* ids = NULL;
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 2022, NULL, "PO3104", 0, 0, &ids),
                 PASSEND_OK);
    CHECK(passend_strings_count(ids) == 2);
    CHECK(has_string(ids, "p2") && has_string(ids, "p4"));
    passend_strings_free(&ids);
    CHECK(ids == NULL);
    passend_strings_free(&ids);
    CHECK_STATUS(passend_explain(ds, NULL, "deelname_sbo", 2022, "national", "NL", 1, 0, &ids),
                 PASSEND_OK);
    CHECK(passend_strings_count(ids) == 4);
    CHECK(strcmp(passend_strings_get(ids, 0), "p1") == 0); /* sorted */
    CHECK(passend_strings_get(ids, 4) == NULL);
    passend_strings_free(&ids);
    CHECK_STATUS(passend_explain(ds, NULL, "geen_kpi", 2022, NULL, "NL", 0, 0, &ids),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 2022, NULL, "XX", 0, 0, &ids),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 2022, "provincie", "NL", 0, 0, &ids),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 1999, NULL, "NL", 0, 0, &ids),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_explain(NULL, NULL, "leerlingen_sbo", 2022, NULL, "NL", 0, 0, &ids),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_explain(ds, NULL, NULL, 2022, NULL, "NL", 0, 0, &ids),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 2022, NULL, NULL, 0, 0, &ids),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_explain(ds, NULL, "leerlingen_sbo", 2022, NULL, "NL", 0, 0, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(passend_strings_count(NULL) == 0 && passend_strings_get(NULL, 0) == NULL);
}

int main(void) {
    passend_dataset* ds = small_region();
    CHECK(ds != NULL);
    if (!ds) return check_report("test_kpi");
    test_catalog();
    test_evaluate(ds);
    test_explain(ds);
    passend_dataset_free(&ds);
    return check_report("test_kpi");
}
