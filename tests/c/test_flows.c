/* SPDX-License-Identifier: EUPL-1.2 */
/* Flow tables as matrices on the hand-known region of small_region.h: stocks, the window's
 * conservation (stock = previous stock + inflows - outflows), year over year, suppression, and
 * misuse. */
#include "check.h"
#include "small_region.h"

#include <math.h>

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
    CHECK_STATUS(passend_flows(ds, 2022, NULL, 9, 0, 0, &kinds), PASSEND_INVALID_ARGUMENT);
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

/* Forecast on the demo region: observed stocks equal the flow tables' stocks as published (NaN
 * where passend_flows hides one), projections are
 * finite, a scenario with more inflow into bao projects more bao pupils. */
static void test_forecast(void) {
    passend_demo_options demo = PASSEND_DEMO_OPTIONS_INIT;
    demo.pupils = 3000;
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_dataset_open_demo(&demo, &ds), PASSEND_OK);
    passend_matrix *observed = NULL, *baseline = NULL, *scenario = NULL, *stock = NULL;
    const char* more_bao =
        "{\"name\": \"meer bao\", \"inflow\": [{\"setting\": \"bao\", \"factor\": 1.5}]}";
    CHECK_STATUS(passend_forecast(ds, NULL, 3, more_bao, 0, &observed, &baseline, &scenario),
                 PASSEND_OK);
    CHECK(passend_matrix_rows(baseline) == 3 && passend_matrix_cols(baseline) == 6);
    CHECK(passend_matrix_rows(scenario) == 3);
    CHECK(passend_matrix_rows(observed) >= 2);
    CHECK(strcmp(passend_matrix_col_label(baseline, 5), "vso") == 0);
    const size_t last = passend_matrix_rows(observed) - 1;
    int32_t year = 0;
    CHECK(sscanf(passend_matrix_row_label(observed, last), "%d", &year) == 1);
    int32_t next = 0; /* projections start the year after the last observed teldatum */
    CHECK(sscanf(passend_matrix_row_label(baseline, 0), "%d", &next) == 1 && next == year + 1);
    CHECK_STATUS(passend_flows(ds, year, "NL", PASSEND_FLOWS_STOCK, 0, 1, &stock), PASSEND_OK);
    for (size_t s = 0; s < 6; ++s)
        CHECK((isnan(at(observed, last, s)) && isnan(at(stock, 0, s))) ||
              at(observed, last, s) == at(stock, 0, s));
    for (size_t i = 0; i < 3; ++i)
        for (size_t s = 0; s < 6; ++s)
            CHECK(isfinite(at(baseline, i, s)) && at(baseline, i, s) >= 0);
    CHECK(at(scenario, 2, 0) > at(baseline, 2, 0));
    passend_matrix_free(&observed);
    passend_matrix_free(&baseline);
    passend_matrix_free(&scenario);
    passend_matrix_free(&stock);

    /* only what is asked for; no scenario gives none */
    CHECK_STATUS(passend_forecast(ds, "NL", 0, NULL, 0, NULL, &baseline, &scenario), PASSEND_OK);
    CHECK(passend_matrix_rows(baseline) == 5 && scenario == NULL);
    passend_matrix_free(&baseline);

    CHECK_STATUS(passend_forecast(ds, NULL, 3, "{\"inflow\": [{\"setting\": \"bax\"}]}", 0, NULL,
                                  &baseline, NULL),
                 PASSEND_INVALID_DATA);
    CHECK_MESSAGE("bax");
    CHECK(baseline == NULL);
    CHECK_STATUS(passend_forecast(ds, "XX", 3, NULL, 0, NULL, &baseline, NULL), PASSEND_NOT_FOUND);
    CHECK_STATUS(passend_forecast(ds, NULL, -1, NULL, 0, NULL, &baseline, NULL),
                 PASSEND_INVALID_ARGUMENT);
    CHECK_STATUS(passend_forecast(NULL, NULL, 3, NULL, 0, NULL, &baseline, NULL),
                 PASSEND_INVALID_ARGUMENT);
    passend_dataset_free(&ds);
}

int main(void) {
    test_forecast();
    passend_dataset* ds = small_region();
    CHECK(ds != NULL);
    if (!ds) return check_report("test_flows");
    test_flows(ds);
    passend_dataset_free(&ds);
    return check_report("test_flows");
}
