/* SPDX-License-Identifier: EUPL-1.2 */
/* Compiled as C11 with -Wall -Wextra -pedantic -Werror (libgit2's headertest habit): the public
 * header must not publish sloppy definitions. Also checks that the macros agree with the
 * library the program runs against. */
#include <passend/passend.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    passend_load_options load = PASSEND_LOAD_OPTIONS_INIT;
    passend_demo_options demo = PASSEND_DEMO_OPTIONS_INIT;
    passend_plan_options plan = PASSEND_PLAN_OPTIONS_INIT;
    struct ArrowArrayStream stream;
    memset(&stream, 0, sizeof stream);
    (void)load;
    (void)demo;
    (void)plan;
    if (passend_check_abi(PASSEND_ABI_VERSION) != PASSEND_OK) return 1;
    if (passend_version_number() != PASSEND_VERSION_NUMBER) return 1;
    if (strcmp(passend_version(), PASSEND_VERSION_STRING) != 0) return 1;
    if (!PASSEND_VERSION_CHECK(0, 0, 1)) return 1;
    printf("passend %s (ABI %d)\n", passend_version(), passend_abi_version());
    return 0;
}
