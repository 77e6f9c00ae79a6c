/* SPDX-License-Identifier: EUPL-1.2 */
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

/* The index of the first diagnostic with rule `rule`, or -1. */
static inline long find_rule(const passend_diagnostics* d, const char* rule) {
    for (size_t i = 0; i < passend_diagnostics_count(d); ++i) {
        const char* r = NULL;
        passend_diagnostics_get(d, i, NULL, NULL, NULL, NULL, &r, NULL);
        if (r && strcmp(r, rule) == 0) return (long)i;
    }
    return -1;
}

/* `d` has a diagnostic of `rule` in `file` at `line`:`column` whose message contains `text`. */
#define CHECK_DIAGNOSTIC(d, rule, file, line, column, text)                                        \
    check_diagnostic(__FILE__, __LINE__, (d), (rule), (file), (line), (column), (text))
static inline void check_diagnostic(const char* at, int at_line, const passend_diagnostics* d,
                                    const char* rule, const char* file, uint64_t line,
                                    uint32_t column, const char* text) {
    ++check_count;
    const long i = find_rule(d, rule);
    const char *f = "", *message = "";
    uint64_t l = 0;
    uint32_t c = 0;
    if (i >= 0) passend_diagnostics_get(d, (size_t)i, NULL, &f, &l, &c, NULL, &message);
    if (i < 0 || strcmp(f, file) != 0 || l != line || c != column || !strstr(message, text)) {
        ++check_failures;
        fprintf(stderr, "%s:%d: no %s diagnostic at %s:%llu:%u with \"%s\" (found %s:%llu:%u %s)\n",
                at, at_line, rule, file, (unsigned long long)line, column, text, f,
                (unsigned long long)l, c, message);
    }
}

/* Write a JSON document the library returned to `path` and free it (the *_matches_cli tests
 * compare the file with the command's output). */
static inline void write_json(const char* path, char** json) {
    FILE* f = fopen(path, "wb");
    CHECK(f != NULL);
    CHECK(*json != NULL);
    if (f && *json) fputs(*json, f);
    if (f) fclose(f);
    passend_string_free(json);
}

static inline int check_report(const char* name) {
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
