/* SPDX-License-Identifier: EUPL-1.2 */
/* One dataset, 8 threads at once: every thread evaluates every KPI and reads the flow tables,
 * and all get the same numbers as a single-threaded run. Each thread also fails a call of its
 * own and must read its own message (error state is per thread). Run it under ThreadSanitizer
 * (the tsan preset) to check the locking, not only the numbers. */
#include "check.h"

#include <pthread.h>
#include <stdlib.h>

enum { thread_count = 8 };

static passend_dataset* dataset;
static char* expected_json;
static double expected_stock[6];

struct job {
    int index;
    char* json;
    double stock[6];
    int own_message; /* saw its own error text */
    passend_status status;
};

static char* copy_text(const char* text) { /* strdup is not C11 */
    const size_t n = strlen(text) + 1;
    char* out = malloc(n);
    if (out) memcpy(out, text, n);
    return out;
}

static passend_status evaluate_json(char** out) {
    passend_evaluate_options o = PASSEND_EVALUATE_OPTIONS_INIT;
    o.suppress = 0;
    o.threads = 1;
    passend_result* r = NULL;
    passend_status s = passend_evaluate(dataset, NULL, &o, &r);
    if (s != PASSEND_OK) return s;
    const char* json = NULL;
    s = passend_result_json(r, &json);
    if (s == PASSEND_OK) *out = copy_text(json);
    passend_result_free(&r);
    return s;
}

static passend_status read_stock(double stock[6]) {
    passend_matrix* m = NULL;
    passend_status s = passend_flows(dataset, 2023, NULL, PASSEND_FLOWS_STOCK, 0, 0, &m);
    if (s != PASSEND_OK) return s;
    for (int i = 0; i < 6; ++i) stock[i] = passend_matrix_data(m)[i];
    passend_matrix_free(&m);
    return PASSEND_OK;
}

static void* work(void* arg) {
    struct job* job = (struct job*)arg;
    char unit[32];
    snprintf(unit, sizeof unit, "GEEN%d", job->index);
    passend_evaluate_options o = PASSEND_EVALUATE_OPTIONS_INIT;
    o.units = unit;
    passend_result* r = NULL;
    /* a failure of this thread's own, then work, then the message must still be this one */
    if (passend_evaluate(dataset, NULL, &o, &r) == PASSEND_NOT_FOUND) {
        char mine[64];
        snprintf(mine, sizeof mine, "'%s'", unit);
        job->own_message = strstr(passend_last_error(), mine) != NULL;
    }
    job->status = read_stock(job->stock);
    if (job->status == PASSEND_OK) job->status = evaluate_json(&job->json);
    return NULL;
}

int main(void) {
    passend_demo_options demo = PASSEND_DEMO_OPTIONS_INIT;
    demo.pupils = 3000;
    CHECK_STATUS(passend_dataset_open_demo(&demo, &dataset), PASSEND_OK);
    if (!dataset) return check_report("test_threads");

    /* the single-threaded reference (flows first computed by the threads, not here) */
    CHECK_STATUS(evaluate_json(&expected_json), PASSEND_OK);

    pthread_t threads[thread_count];
    struct job jobs[thread_count];
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < thread_count; ++i) {
        jobs[i].index = i;
        CHECK(pthread_create(&threads[i], NULL, work, &jobs[i]) == 0);
    }
    for (int i = 0; i < thread_count; ++i) pthread_join(threads[i], NULL);

    CHECK_STATUS(read_stock(expected_stock), PASSEND_OK);
    for (int i = 0; i < thread_count; ++i) {
        CHECK_STATUS(jobs[i].status, PASSEND_OK);
        CHECK(jobs[i].own_message);
        CHECK(jobs[i].json && expected_json && strcmp(jobs[i].json, expected_json) == 0);
        CHECK(memcmp(jobs[i].stock, expected_stock, sizeof expected_stock) == 0);
        free(jobs[i].json);
    }
    CHECK(expected_stock[0] > 0);
    printf("8 threads: %zu bytes of identical KPI JSON each; bao at teldatum 2023: %.0f\n",
           expected_json ? strlen(expected_json) : 0, expected_stock[0]);
    free(expected_json);
    passend_dataset_free(&dataset);
    return check_report("test_threads");
}
