/* SPDX-License-Identifier: EUPL-1.2 */
/* The same bad selection gives the same error text as the command line and Python: the table
 * tests/data/selection/errors.tsv (option, value, message) is read by all three. */
#include "check.h"

#include <stdlib.h>

static void test_selection(passend_dataset* ds) {
    FILE* table = fopen(PASSEND_TEST_DATA "/selection/errors.tsv", "r");
    CHECK(table != NULL);
    if (!table) return;
    char line[512];
    int rows = 0;
    while (fgets(line, sizeof line, table)) {
        line[strcspn(line, "\n")] = 0;
        char* value = strchr(line, '\t');
        char* message = value ? strchr(value + 1, '\t') : NULL;
        CHECK(message != NULL);
        if (!message) continue;
        *value++ = 0;
        *message++ = 0;
        passend_evaluate_options o = PASSEND_EVALUATE_OPTIONS_INIT;
        if (strcmp(line, "kpi") == 0) o.kpis = value;
        if (strcmp(line, "unit") == 0) o.units = value;
        if (strcmp(line, "level") == 0) o.levels = value;
        if (strcmp(line, "year") == 0) o.year = (int32_t)atoi(value);
        passend_result* r = NULL;
        CHECK_STATUS(passend_evaluate(ds, NULL, &o, &r), PASSEND_NOT_FOUND);
        CHECK(r == NULL);
        /* the library's text after the function's name */
        char want[600];
        snprintf(want, sizeof want, "passend_evaluate: %s", message);
        CHECK(strcmp(passend_last_error(), want) == 0);
        if (strcmp(passend_last_error(), want) != 0)
            fprintf(stderr, "got  %s\nwant %s\n", passend_last_error(), want);
        ++rows;
    }
    fclose(table);
    CHECK(rows == 4);
}

int main(void) {
    passend_dataset* ds = NULL;
    passend_demo_options o = PASSEND_DEMO_OPTIONS_INIT;
    o.pupils = 2000;
    CHECK_STATUS(passend_dataset_open_demo(&o, &ds), PASSEND_OK);
    test_selection(ds);
    passend_dataset_free(&ds);
    return check_report("test_selection");
}
