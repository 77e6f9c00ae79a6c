/* SPDX-License-Identifier: EUPL-1.2 */
/* passend from C: open the demo region (or a data folder), print three KPIs for the last school
 * year, nationally and per partnership, and show how a bad folder is handled.
 *
 *     passend_report [DATA_DIR]
 */
#include "kpi_lines.h"

#include <passend/passend.h>

#include <stdio.h>

static int fail(const char* what, passend_status status) {
    fprintf(stderr, "%s: %s: %s\n", what, passend_errstr(status), passend_last_error());
    return 1;
}

int main(int argc, char** argv) {
    passend_status s = passend_check_abi(PASSEND_ABI_VERSION);
    if (s != PASSEND_OK) return fail("passend", s);
    printf("passend %s (ABI %d)\n", passend_version(), passend_abi_version());

    /* A folder that does not exist: a status and a message, no crash. */
    passend_dataset* data = NULL;
    s = passend_dataset_open_folder("/no/such/folder", NULL, &data, NULL);
    printf("bad folder: %s: %s\n", passend_errstr(s), passend_last_error());
    if (s != PASSEND_NOT_FOUND) return 1;

    /* The data: a folder from the command line, or the built-in demo region. */
    if (argc > 1) {
        passend_diagnostics* diags = NULL;
        s = passend_dataset_open_folder(argv[1], NULL, &data, &diags);
        for (size_t i = 0; i < passend_diagnostics_count(diags) && i < 10; ++i)
            fprintf(stderr, "%s\n", passend_diagnostics_text(diags, i));
        passend_diagnostics_free(&diags);
    } else {
        s = passend_dataset_open_demo(NULL, &data);
    }
    if (s != PASSEND_OK) return fail("open", s);

    /* Three KPIs, small counts hidden as in every published output. */
    if ((s = example_print_kpis(data)) != PASSEND_OK) return fail("evaluate", s);
    passend_dataset_free(&data);
    return 0;
}
