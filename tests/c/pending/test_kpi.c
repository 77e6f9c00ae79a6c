/* Catalogs, evaluation, results (rows, typed columns, JSON), explain and flows on a region of
 * four pupils whose numbers are known by hand, plus misuse of each function. */
#include "../check.h"

#include <math.h>

/* At teldatum 2022-10-01: p1 in S1 (bao, PO3104), p2 in S2 (sbo, PO3104) after a move from S1
 * on 2022-08-01 (a verwijzing into sbo), p3 in S3 (bao, PO3105), p4 in S2 (sbo). */
static passend_dataset* small_region(void) {
    static const char* schools[][6] = {{"S1", "De Linde", "B1", "PO3104", "bao", "GM0935"},
                                       {"S2", "SBO Het Anker", "B1", "PO3104", "sbo", "GM0935"},
                                       {"S3", "De Es", "B2", "PO3105", "bao", "GM0917"}};
    static const char* pupils[][2] = {
        {"p1", "2015-03-14"}, {"p2", "2014-06-01"}, {"p3", "2016-01-20"}, {"p4", "2014-11-11"}};
    static const char* enrolments[][4] = {{"p1", "S1", "2021-08-01", ""},
                                          {"p2", "S1", "2020-08-01", "2022-07-31"},
                                          {"p2", "S2", "2022-08-01", ""},
                                          {"p3", "S3", "2022-08-01", ""},
                                          {"p4", "S2", "2022-09-01", ""}};
    static const char* school_cols[] = {"school_id", "name",    "board_id",
                                        "swv_id",    "setting", "municipality"};
    static const char* pupil_cols[] = {"pupil_id", "birth_date"};
    static const char* enrolment_cols[] = {"pupil_id", "school_id", "start_date", "end_date"};
    passend_appender* app = NULL;
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(passend_appender_begin_table(app, "schools", school_cols, 6), PASSEND_OK);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 6; ++c) passend_appender_append_text(app, schools[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", pupil_cols, 2), PASSEND_OK);
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 2; ++c) passend_appender_append_text(app, pupils[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_begin_table(app, "enrolments", enrolment_cols, 4), PASSEND_OK);
    for (int r = 0; r < 5; ++r) {
        for (int c = 0; c < 4; ++c) passend_appender_append_text(app, enrolments[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_finish(app, &ds, NULL), PASSEND_OK);
    passend_appender_free(&app);
    return ds;
}

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
    CHECK_STATUS(passend_catalog_extend(NULL, mine, &both), PASSEND_INVALID_ARGUMENT);
    CHECK(both == NULL);
    CHECK_STATUS(passend_catalog_extend(builtin, NULL, &both), PASSEND_INVALID_ARGUMENT);
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

static double at(const passend_matrix* m, size_t i, size_t j) {
    return passend_matrix_data(m)[i * passend_matrix_cols(m) + j];
}

static void test_flows(passend_dataset* ds) {
    passend_matrix *stock = NULL, *prev = NULL, *window = NULL, *yoy = NULL, *kinds = NULL;
    CHECK_STATUS(passend_flows(ds, 2022, NULL, PASSEND_FLOWS_STOCK, 0, 0, &stock), PASSEND_OK);
    CHECK(passend_matrix_rows(stock) == 1 && passend_matrix_cols(stock) == 6);
    CHECK(strcmp(passend_matrix_col_label(stock, 0), "bao") == 0);
    CHECK(strcmp(passend_matrix_col_label(stock, 1), "sbo") == 0);
    CHECK(at(stock, 0, 0) == 2 && at(stock, 0, 1) == 2);
    CHECK_STATUS(passend_flows(ds, 2021, "NL", PASSEND_FLOWS_STOCK, 0, 0, &prev), PASSEND_OK);
    CHECK(at(prev, 0, 0) == 2 && at(prev, 0, 1) == 0); /* p1 and p2 in S1 */

    /* stock(2022) = stock(2021) + inflows - outflows, per setting */
    CHECK_STATUS(passend_flows(ds, 2022, "NL", PASSEND_FLOWS_WINDOW, 0, 0, &window), PASSEND_OK);
    CHECK(passend_matrix_rows(window) == 9);
    CHECK(strcmp(passend_matrix_row_label(window, 6), "instroom") == 0);
    for (size_t s = 0; s < 6; ++s) {
        double in = 0, out = 0;
        for (size_t i = 0; i < passend_matrix_rows(window); ++i) in += at(window, i, s);
        for (size_t j = 0; j < passend_matrix_cols(window); ++j) out += at(window, s, j);
        CHECK(at(stock, 0, s) == at(prev, 0, s) + in - out);
    }
    CHECK(at(window, 0, 1) == 1);                          /* p2: bao -> sbo */
    CHECK(at(window, 6, 0) == 1 && at(window, 6, 1) == 1); /* instroom p3 (bao), p4 (sbo) */

    CHECK_STATUS(passend_flows(ds, 2022, "PO3104", PASSEND_FLOWS_YEAR_OVER_YEAR, 0, 0, &yoy),
                 PASSEND_OK);
    CHECK(passend_matrix_rows(yoy) == 8 && passend_matrix_cols(yoy) == 8);
    CHECK(at(yoy, 0, 0) == 1 && at(yoy, 0, 1) == 1); /* p1 stays in bao, p2 bao -> sbo */
    CHECK_STATUS(passend_flows(ds, 2022, "S2", PASSEND_FLOWS_KINDS, 1, 0, &kinds), PASSEND_OK);
    CHECK(passend_matrix_rows(kinds) == 1 && passend_matrix_cols(kinds) == 8);
    passend_matrix_free(&kinds);

    /* suppressed: 1-4 become NaN */
    CHECK_STATUS(passend_flows(ds, 2022, NULL, PASSEND_FLOWS_STOCK, 0, 1, &kinds), PASSEND_OK);
    CHECK(isnan(at(kinds, 0, 0)) && at(kinds, 0, 2) == 0);
    passend_matrix_free(&kinds);

    CHECK_STATUS(passend_flows(ds, 2022, "XX", PASSEND_FLOWS_STOCK, 0, 0, &kinds),
                 PASSEND_NOT_FOUND);
    CHECK(kinds == NULL);
    CHECK_STATUS(passend_flows(ds, 1990, NULL, PASSEND_FLOWS_STOCK, 0, 0, &kinds),
                 PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_flows(ds, 2022, NULL, (passend_flow_table)9, 0, 0, &kinds),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_flows(NULL, 2022, NULL, PASSEND_FLOWS_STOCK, 0, 0, &kinds),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_flows(ds, 2022, NULL, PASSEND_FLOWS_STOCK, 0, 0, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK(passend_matrix_rows(NULL) == 0 && passend_matrix_cols(NULL) == 0);
    CHECK(passend_matrix_data(NULL) == NULL && passend_matrix_row_label(NULL, 0) == NULL);
    CHECK(passend_matrix_col_label(stock, 6) == NULL && passend_matrix_row_label(stock, 1) == NULL);
    passend_matrix_free(&stock);
    passend_matrix_free(&prev);
    passend_matrix_free(&window);
    passend_matrix_free(&yoy);
    CHECK(yoy == NULL);
    passend_matrix_free(&yoy);
    passend_matrix_free(NULL);
}

int main(void) {
    passend_dataset* ds = small_region();
    CHECK(ds != NULL);
    if (!ds) return check_report("test_kpi");
    test_catalog();
    test_evaluate(ds);
    test_explain(ds);
    test_flows(ds);
    passend_dataset_free(&ds);
    return check_report("test_kpi");
}
