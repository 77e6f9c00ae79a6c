/* SPDX-License-Identifier: EUPL-1.2 */
/* The KPI lines every example prints ("KPI id year unit numerator denominator value"), so the
 * tests can compare them with the CLI and with each other. Shared by the C examples. */
#ifndef PASSEND_EXAMPLE_KPI_LINES_H
#define PASSEND_EXAMPLE_KPI_LINES_H

#include <passend/passend.h>

#include <math.h>
#include <stdio.h>

/* The three KPIs the examples show, for the last school year, nationally and per partnership. */
#define EXAMPLE_KPIS "leerlingen_totaal,deelname_sbo,deelname_so"

/* A number as printed: "x" when suppressed, "-" when absent, else fixed-point. */
static void example_number(char* out, size_t size, double v, int hidden, int decimals) {
    if (hidden)
        snprintf(out, size, "x");
    else if (isnan(v))
        snprintf(out, size, "-");
    else
        snprintf(out, size, "%.*f", decimals, v);
}

/* Evaluate the example KPIs on `data` and print them; returns a passend_status. */
static passend_status example_print_kpis(const passend_dataset* data) {
    int32_t first = 0, last = 0;
    passend_status s = passend_dataset_school_years(data, &first, &last);
    if (s != PASSEND_OK) return s;
    passend_evaluate_options options = PASSEND_EVALUATE_OPTIONS_INIT;
    options.year = last;
    options.kpis = EXAMPLE_KPIS;
    options.levels = "swv";
    passend_result* result = NULL;
    if ((s = passend_evaluate(data, NULL, &options, &result)) != PASSEND_OK) return s;
    printf("school year %d-%d: %zu rows\n", last, last + 1, passend_result_count(result));
    for (size_t i = 0; i < passend_result_count(result); ++i) {
        const char *kpi, *unit;
        int32_t year;
        double num, den, value;
        uint32_t hidden;
        passend_result_row(result, i, &kpi, &year, NULL, &unit, &num, &den, &value, NULL, &hidden);
        char n[32], d[32], v[32];
        example_number(n, sizeof n, num, (hidden & PASSEND_HIDDEN_NUMERATOR) != 0, 0);
        example_number(d, sizeof d, den, (hidden & PASSEND_HIDDEN_DENOMINATOR) != 0, 0);
        example_number(v, sizeof v, value, (hidden & PASSEND_HIDDEN_VALUE) != 0, 2);
        printf("KPI %s %d-%d %s %s %s %s\n", kpi, year, year + 1, unit, n, d, v);
    }
    passend_result_free(&result);
    return PASSEND_OK;
}

#endif
