/* A small check harness for the C tests: CHECK(cond) and CHECK_STATUS(call, status) report
 * file:line and the library's message, and main() returns check_report(). */
#ifndef PASSEND_TEST_CHECK_H
#define PASSEND_TEST_CHECK_H

#include <passend/passend.h>

#include <stdio.h>
#include <string.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        ++check_count;                                                                             \
        if (!(cond)) {                                                                             \
            ++check_failures;                                                                      \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

/* Run `call`, expect `want`; on a mismatch print both and the thread's message. */
#define CHECK_STATUS(call, want)                                                                   \
    do {                                                                                           \
        passend_status check_got_ = (call);                                                        \
        ++check_count;                                                                             \
        if (check_got_ != (want)) {                                                                \
            ++check_failures;                                                                      \
            fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d: %s\n", __FILE__, __LINE__,   \
                    #call, (int)check_got_, passend_errstr(check_got_), (int)(want),               \
                    passend_last_error());                                                         \
        }                                                                                          \
    } while (0)

/* The thread's message contains `needle`. */
#define CHECK_MESSAGE(needle)                                                                      \
    do {                                                                                           \
        ++check_count;                                                                             \
        if (!strstr(passend_last_error(), (needle))) {                                             \
            ++check_failures;                                                                      \
            fprintf(stderr, "%s:%d: message \"%s\" lacks \"%s\"\n", __FILE__, __LINE__,            \
                    passend_last_error(), (needle));                                               \
        }                                                                                          \
    } while (0)

static int check_report(const char* name) {
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
