/* SPDX-License-Identifier: EUPL-1.2 */
/* Arrow C stream import: streams built by hand in C with the layouts pyarrow, polars and DuckDB
 * export (utf8, large_utf8, utf8_view, dictionary, date32, date64, int, decimal128, null, with
 * validity bitmaps, offsets and several batches); a missing column, a wrong type, a broken
 * stream and misuse, each a status and a located message; and the stream always released. */
#include "check.h"

#include <stdint.h>

/* ---- a tiny producer ------------------------------------------------------------------------ */

static int schemas_released, arrays_released, streams_released;

static void noop_schema(struct ArrowSchema* s) {
    s->release = NULL;
}
static void noop_array(struct ArrowArray* a) {
    a->release = NULL;
}
static void release_schema(struct ArrowSchema* s) {
    s->release = NULL;
    ++schemas_released;
}
static void release_array(struct ArrowArray* a) {
    a->release = NULL;
    ++arrays_released;
}

static struct ArrowSchema field(const char* name, const char* format) {
    struct ArrowSchema s = {format, name,        NULL, ARROW_FLAG_NULLABLE, 0, NULL,
                            NULL,   noop_schema, NULL};
    return s;
}
static struct ArrowArray column(int64_t length, int64_t n_buffers, const void** buffers) {
    struct ArrowArray a = {length, -1, 0, n_buffers, 0, buffers, NULL, NULL, noop_array, NULL};
    return a;
}

struct producer {
    struct ArrowSchema schema;  /* the struct schema handed out by get_schema */
    struct ArrowArray* batches; /* struct arrays handed out by get_next, in turn */
    int n_batches, next;
    int fail_schema, fail_batch; /* report an error instead */
};

static int get_schema(struct ArrowArrayStream* s, struct ArrowSchema* out) {
    struct producer* p = (struct producer*)s->private_data;
    if (p->fail_schema) return 5; /* EIO */
    *out = p->schema;
    out->release = release_schema;
    return 0;
}
static int get_next(struct ArrowArrayStream* s, struct ArrowArray* out) {
    struct producer* p = (struct producer*)s->private_data;
    if (p->fail_batch && p->next == 1) return 5;
    if (p->next == p->n_batches) {
        memset(out, 0, sizeof *out); /* end of stream: release == NULL */
        return 0;
    }
    *out = p->batches[p->next++];
    out->release = release_array;
    return 0;
}
static const char* last_error(struct ArrowArrayStream* s) {
    (void)s;
    return "disk on fire";
}
static void release_stream(struct ArrowArrayStream* s) {
    s->release = NULL;
    ++streams_released;
}
static struct ArrowArrayStream stream_of(struct producer* p) {
    struct ArrowArrayStream s = {get_schema, get_next, last_error, release_stream, p};
    p->next = 0;
    return s;
}
static struct ArrowSchema struct_schema(int64_t n, struct ArrowSchema** children) {
    struct ArrowSchema s = {"+s", "", NULL, 0, n, children, NULL, noop_schema, NULL};
    return s;
}
static struct ArrowArray struct_array(int64_t length, int64_t offset, int64_t n,
                                      struct ArrowArray** children) {
    static const void* no_validity[1] = {NULL};
    struct ArrowArray a = {length, 0, offset, 1, n, no_validity, children, NULL, noop_array, NULL};
    return a;
}

/* Append a stream of one batch of `rows` rows and `n` fields to `table`. */
static passend_status append_batch(passend_appender* app, const char* table, int64_t n,
                                   struct ArrowSchema** fields, struct ArrowArray** columns,
                                   int64_t rows) {
    static struct ArrowArray batch;
    static struct producer p;
    batch = struct_array(rows, 0, n, columns);
    p.schema = struct_schema(n, fields);
    p.batches = &batch, p.n_batches = 1, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);
    return passend_appender_append_arrow(app, table, &s);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static int32_t days(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

/* ---- the region as Arrow -------------------------------------------------------------------- */

/* schools: school_id utf8_view (one inline, one out-of-line), name large_utf8, board_id and
 * swv_id utf8, setting dictionary<int8, utf8>. */
static passend_status append_schools(passend_appender* app) {
    static const char long_id[] = "S2-LONG-SCHOOL-ID";
    static unsigned char views[32];
    memset(views, 0, sizeof views);
    int32_t len = 2, off = 0, buf = 0;
    memcpy(views, &len, 4);
    memcpy(views + 4, "S1", 2);
    len = (int32_t)strlen(long_id);
    memcpy(views + 16, &len, 4);
    memcpy(views + 20, long_id, 4);
    memcpy(views + 24, &buf, 4);
    memcpy(views + 28, &off, 4);
    static int64_t view_sizes[1];
    view_sizes[0] = (int64_t)strlen(long_id);
    static const void* id_bufs[4];
    id_bufs[0] = NULL, id_bufs[1] = views, id_bufs[2] = long_id, id_bufs[3] = view_sizes;

    static const int64_t name_offsets[] = {0, 13, 18};
    static const void* name_bufs[] = {NULL, name_offsets, "Basisschool ASBO B"};
    static const int32_t board_offsets[] = {0, 2, 4};
    static const void* board_bufs[] = {NULL, board_offsets, "B1B1"};
    static const int32_t swv_offsets[] = {0, 6, 12};
    static const void* swv_bufs[] = {NULL, swv_offsets, "PO3104PO3104"};
    static const int8_t idx[] = {0, 1}; /* S1 bao, S2 sbo */
    static const void* setting_bufs[] = {NULL, idx};
    static const int32_t dict_offsets[] = {0, 3, 6};
    static const void* dict_bufs[] = {NULL, dict_offsets, "baosbo"};

    static struct ArrowSchema f[5], dict_schema;
    static struct ArrowSchema* fs[5];
    f[0] = field("school_id", "vu");
    f[1] = field("name", "U");
    f[2] = field("board_id", "u");
    f[3] = field("swv_id", "u");
    f[4] = field("setting", "c");
    dict_schema = field(NULL, "u");
    f[4].dictionary = &dict_schema;
    for (int i = 0; i < 5; ++i) fs[i] = &f[i];

    static struct ArrowArray c[5], dict;
    static struct ArrowArray* cs[5];
    c[0] = column(2, 4, id_bufs);
    c[1] = column(2, 3, name_bufs);
    c[2] = column(2, 3, board_bufs);
    c[3] = column(2, 3, swv_bufs);
    c[4] = column(2, 2, setting_bufs);
    dict = column(2, 3, dict_bufs);
    c[4].dictionary = &dict;
    for (int i = 0; i < 5; ++i) cs[i] = &c[i];
    return append_batch(app, "schools", 5, fs, cs, 2);
}

/* pupils in two batches, the second a slice (struct offset 1); an extra column `naam`; birth
 * dates as date32; municipality of the null type. */
static passend_status append_pupils(passend_appender* app, const char* birth_format) {
    static const int32_t id1_off[] = {0, 2, 4}, id2_off[] = {0, 4, 6};
    static const void *id1[] = {NULL, id1_off, "p1p2"}, *id2[] = {NULL, id2_off, "skipp3"};
    static const int32_t naam_off[] = {0, 1, 2};
    static const void* naam[] = {NULL, naam_off, "AB"};
    static int32_t birth1[2], birth2[2];
    birth1[0] = days(2015, 3, 14), birth1[1] = days(2014, 6, 1);
    birth2[0] = 0, birth2[1] = days(2013, 1, 31);
    static const void *b1[2], *b2[2];
    b1[0] = NULL, b1[1] = birth1, b2[0] = NULL, b2[1] = birth2;

    static struct ArrowSchema f[4];
    static struct ArrowSchema* fs[4];
    f[0] = field("pupil_id", "u");
    f[1] = field("naam", "u");
    f[2] = field("Birth_Date", birth_format);
    f[3] = field("municipality", "n");
    for (int i = 0; i < 4; ++i) fs[i] = &f[i];

    static struct ArrowArray c1[4], c2[4];
    static struct ArrowArray *cs1[4], *cs2[4];
    c1[0] = column(2, 3, id1), c1[1] = column(2, 3, naam), c1[2] = column(2, 2, b1);
    c1[3] = column(2, 0, NULL);
    c2[0] = column(2, 3, id2), c2[1] = column(2, 3, naam), c2[2] = column(2, 2, b2);
    c2[3] = column(2, 0, NULL);
    for (int i = 0; i < 4; ++i) cs1[i] = &c1[i], cs2[i] = &c2[i];
    static struct ArrowArray batches[2];
    batches[0] = struct_array(2, 0, 4, cs1);
    batches[1] = struct_array(1, 1, 4, cs2);

    static struct producer p;
    p.schema = struct_schema(4, fs);
    p.batches = batches, p.n_batches = 2, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);
    return passend_appender_append_arrow(app, "pupils", &s);
}

/* enrolments: start_date date64, end_date date32 with a null, grade int64 with a null; or,
 * with `drop_start`, no start_date at all. */
static passend_status append_enrolments(passend_appender* app, int drop_start) {
    static const int32_t pid_off[] = {0, 2, 4, 6};
    static const void* pid[] = {NULL, pid_off, "p1p2p3"};
    static const int32_t sid_off[] = {0, 2, 4, 21};
    static const void* sid[] = {NULL, sid_off, "S1S1S2-LONG-SCHOOL-ID"};
    static int64_t start[3];
    start[0] = (int64_t)days(2021, 8, 1) * 86400000;
    start[1] = (int64_t)days(2020, 8, 1) * 86400000;
    start[2] = (int64_t)days(2022, 8, 1) * 86400000;
    static const void* st[2];
    st[0] = NULL, st[1] = start;
    static int32_t end[3];
    end[0] = 0, end[1] = days(2022, 7, 31), end[2] = 0;
    static const uint8_t end_valid[] = {0x2}; /* only row 1 */
    static const void* en[2];
    en[0] = end_valid, en[1] = end;
    static const int64_t grade[] = {3, 5, 0};
    static const uint8_t grade_valid[] = {0x3};
    static const void* gr[] = {grade_valid, grade};

    static struct ArrowSchema f[5];
    static struct ArrowSchema* fs[5];
    static struct ArrowArray c[5];
    static struct ArrowArray* cs[5];
    int n = 0;
    f[n] = field("pupil_id", "u"), c[n++] = column(3, 3, pid);
    f[n] = field("school_id", "u"), c[n++] = column(3, 3, sid);
    if (!drop_start) f[n] = field("start_date", "tdm"), c[n++] = column(3, 2, st);
    f[n] = field("end_date", "tdD"), c[n++] = column(3, 2, en);
    f[n] = field("grade", "l"), c[n++] = column(3, 2, gr);
    for (int i = 0; i < n; ++i) fs[i] = &f[i], cs[i] = &c[i];
    return append_batch(app, "enrolments", n, fs, cs, 3);
}

/* funds: school_year int32 (start year), amount_eur decimal128(12,2). */
static passend_status append_funds(passend_appender* app) {
    static const int32_t year[] = {2021};
    static const void* yr[] = {NULL, year};
    static const int32_t off6[] = {0, 6}, off2[] = {0, 2}, off13[] = {0, 13};
    static const void *swv[] = {NULL, off6, "PO3104"}, *board[] = {NULL, off2, "B1"},
                      *stream[] = {NULL, off13, "ondersteuning"};
    static uint64_t amount[2]; /* little-endian 128-bit: 163109900 = 1631099.00 */
    amount[0] = 163109900u, amount[1] = 0;
    static const void* am[2];
    am[0] = NULL, am[1] = amount;

    static struct ArrowSchema f[5];
    static struct ArrowSchema* fs[5];
    static struct ArrowArray c[5];
    static struct ArrowArray* cs[5];
    f[0] = field("school_year", "i"), c[0] = column(1, 2, yr);
    f[1] = field("swv_id", "u"), c[1] = column(1, 3, swv);
    f[2] = field("board_id", "u"), c[2] = column(1, 3, board);
    f[3] = field("stream", "u"), c[3] = column(1, 3, stream);
    f[4] = field("amount_eur", "d:12,2"), c[4] = column(1, 2, am);
    for (int i = 0; i < 5; ++i) fs[i] = &f[i], cs[i] = &c[i];
    return append_batch(app, "funds", 5, fs, cs, 1);
}

/* ---- tests ---------------------------------------------------------------------------------- */

static void test_region(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    schemas_released = arrays_released = streams_released = 0;
    CHECK_STATUS(append_schools(app), PASSEND_OK);
    CHECK_STATUS(append_pupils(app, "tdD"), PASSEND_OK);
    CHECK_STATUS(append_enrolments(app, 0), PASSEND_OK);
    CHECK_STATUS(append_funds(app), PASSEND_OK);
    CHECK(streams_released == 4);
    CHECK(schemas_released == 4);
    CHECK(arrays_released == 5); /* 1 + 2 + 1 + 1 batches */

    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_OK);
    for (size_t i = 0; i < passend_diagnostics_count(diags); ++i)
        printf("  %s\n", passend_diagnostics_text(diags, i));
    CHECK_DIAGNOSTIC(diags, "unknown_column", "pupils", 0, 2, "naam"); /* a warning */
    CHECK(passend_diagnostics_error_count(diags) == 0);
    uint64_t n = 0;
    CHECK_STATUS(passend_dataset_row_count(ds, "schools", &n), PASSEND_OK);
    CHECK(n == 2);
    CHECK_STATUS(passend_dataset_row_count(ds, "pupils", &n), PASSEND_OK);
    CHECK(n == 3); /* p1, p2 and p3 (the slice skips "skip") */
    CHECK_STATUS(passend_dataset_row_count(ds, "enrolments", &n), PASSEND_OK);
    CHECK(n == 3);
    CHECK_STATUS(passend_dataset_row_count(ds, "funds", &n), PASSEND_OK);
    CHECK(n == 1);
    int32_t first = 0, last = 0;
    CHECK_STATUS(passend_dataset_school_years(ds, &first, &last), PASSEND_OK);
    /* No extract date given: the latest start, 2022-08-01, is it; 1 October 2022 lies after. */
    CHECK(first == 2020 && last == 2021);
    passend_diagnostics_free(&diags);
    passend_dataset_free(&ds);
    passend_appender_free(&app);
}

static void test_missing_column_and_wrong_type(void) {
    passend_appender* app = NULL;
    passend_diagnostics* diags = NULL;
    passend_dataset* ds = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(append_schools(app), PASSEND_OK);

    streams_released = arrays_released = 0;
    CHECK_STATUS(append_pupils(app, "g"), PASSEND_INVALID_DATA);   /* birth_date as float64 */
    CHECK_MESSAGE("pupils: error: birth_date has Arrow type 'g'"); /* the whole column */
    CHECK(strstr(passend_appender_error(app), "wrong_type") != NULL);
    CHECK(streams_released == 1);
    CHECK(arrays_released == 0); /* no row was read */

    CHECK_STATUS(append_enrolments(app, 1), PASSEND_INVALID_DATA);
    CHECK_MESSAGE("the required column start_date is missing");
    CHECK(streams_released == 2);

    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    CHECK_DIAGNOSTIC(diags, "wrong_type", "pupils", 0, 3, "expected a date");
    CHECK_DIAGNOSTIC(diags, "missing_column", "enrolments", 0, 0, "start_date");
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

/* A bad value inside a stream is located at row and field position, like a CSV field. */
static void test_bad_value(void) {
    static const int32_t id_off[] = {0, 2, 4};
    static const void* id[] = {NULL, id_off, "p1p2"};
    static const int32_t b_off[] = {0, 10, 20};
    static const void* birth[] = {NULL, b_off, "2015-03-142015-02-30"};
    static struct ArrowSchema f[2];
    static struct ArrowSchema* fs[2];
    static struct ArrowArray c[2];
    static struct ArrowArray* cs[2];
    f[0] = field("birth_date", "u"), c[0] = column(2, 3, birth);
    f[1] = field("pupil_id", "u"), c[1] = column(2, 3, id);
    fs[0] = &f[0], fs[1] = &f[1], cs[0] = &c[0], cs[1] = &c[1];

    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(append_batch(app, "PUPILS", 2, fs, cs, 2), PASSEND_INVALID_DATA);
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK_DIAGNOSTIC(diags, "malformed_date", "pupils", 2, 1, "birth_date 2015-02-30");
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

/* A string that is not UTF-8 (Latin-1 "Caf\xE9"): located at its row and column, nothing loads. */
static void test_invalid_utf8(void) {
    static const int32_t id_off[] = {0, 2, 4};
    static const void* id[] = {NULL, id_off, "p1p2"};
    static const int32_t m_off[] = {0, 6, 10};
    static const void* municipality[] = {NULL, m_off, "GM0935Caf\xE9"};
    static const int32_t b_off[] = {0, 10, 20};
    static const void* birth[] = {NULL, b_off, "2015-03-142015-02-01"};
    static struct ArrowSchema f[3];
    static struct ArrowSchema* fs[3];
    static struct ArrowArray c[3];
    static struct ArrowArray* cs[3];
    f[0] = field("pupil_id", "u"), c[0] = column(2, 3, id);
    f[1] = field("municipality", "u"), c[1] = column(2, 3, municipality);
    f[2] = field("birth_date", "u"), c[2] = column(2, 3, birth);
    for (int i = 0; i < 3; ++i) fs[i] = &f[i], cs[i] = &c[i];

    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(append_batch(app, "pupils", 3, fs, cs, 2), PASSEND_INVALID_DATA);
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(ds == NULL);
    const long i = find_rule(diags, "invalid_utf8");
    CHECK(i >= 0 &&
          strcmp(passend_diagnostics_text(diags, (size_t)i),
                 "pupils:2:2: error: municipality is not valid UTF-8: byte 4 of the "
                 "field is 0xE9 (a truncated sequence); save the file as UTF-8 [invalid_utf8]") ==
              0);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

static void test_misuse(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);

    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", NULL), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("stream is NULL");

    /* a NULL appender or table still releases the stream it was given */
    static struct ArrowSchema* none[1];
    static struct producer p;
    p.schema = struct_schema(0, none);
    p.batches = NULL, p.n_batches = 0, p.fail_schema = 0, p.fail_batch = 0;
    streams_released = 0;
    struct ArrowArrayStream s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(NULL, "pupils", &s), PASSEND_INVALID_ARGUMENT);
    CHECK(streams_released == 1);
    CHECK(s.release == NULL);
    /* an already released stream is refused, not touched */
    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", &s), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("already released");
    CHECK(streams_released == 1);
    s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(app, NULL, &s), PASSEND_INVALID_ARGUMENT);
    CHECK(streams_released == 2);
    s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(app, "leerlingen", &s), PASSEND_NOT_FOUND);
    CHECK(streams_released == 3);

    /* a schema that is not a struct */
    static struct producer q;
    q.schema = field("x", "u");
    q.batches = NULL, q.n_batches = 0, q.fail_schema = 0, q.fail_batch = 0;
    s = stream_of(&q);
    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", &s), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("not a struct");

    /* the producer fails: its message is passed on */
    p.fail_schema = 1;
    s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", &s), PASSEND_ERROR);
    CHECK_MESSAGE("disk on fire");
    p.fail_schema = 0;

    /* a row left open by the row-wise appender */
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", NULL, 0), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_text(app, "p1"), PASSEND_OK);
    s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", &s), PASSEND_INVALID_ARGUMENT);
    CHECK_MESSAGE("still open");
    CHECK(s.release == NULL);
    passend_appender_free(&app);
}

/* A failure in the middle of the stream: the rows read so far cannot make a dataset. */
static void test_broken_stream(void) {
    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    static const int32_t id_off[] = {0, 2};
    static const void* id[] = {NULL, id_off, "p1"};
    static int32_t birth[1];
    birth[0] = days(2015, 3, 14);
    static const void* b[2];
    b[0] = NULL, b[1] = birth;
    static struct ArrowSchema f[2];
    static struct ArrowSchema* fs[2];
    static struct ArrowArray c[2];
    static struct ArrowArray* cs[2];
    f[0] = field("pupil_id", "u"), c[0] = column(1, 3, id);
    f[1] = field("birth_date", "tdD"), c[1] = column(1, 2, b);
    fs[0] = &f[0], fs[1] = &f[1], cs[0] = &c[0], cs[1] = &c[1];
    static struct ArrowArray batches[2];
    batches[0] = batches[1] = struct_array(1, 0, 2, cs);
    static struct producer p;
    p.schema = struct_schema(2, fs);
    p.batches = batches, p.n_batches = 2, p.fail_schema = 0, p.fail_batch = 1;
    struct ArrowArrayStream s = stream_of(&p);
    CHECK_STATUS(passend_appender_append_arrow(app, "pupils", &s), PASSEND_ERROR);
    CHECK_MESSAGE("get_next failed after 1 rows: disk on fire");
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK(find_rule(diags, "stream_error") >= 0);
    passend_diagnostics_free(&diags);
    passend_appender_free(&app);
}

/* ---- dates as timestamps -------------------------------------------------------------------- */

/* The diagnostic of `rule` at `file`:`line`:`column` says exactly `message`. */
#define CHECK_EXACT(d, rule, file, line, column, message)                                          \
    check_exact(__FILE__, __LINE__, (d), (rule), (file), (line), (column), (message))
static void check_exact(const char* at, int at_line, const passend_diagnostics* d, const char* rule,
                        const char* file, uint64_t line, uint32_t column, const char* message) {
    ++check_count;
    for (size_t i = 0; i < passend_diagnostics_count(d); ++i) {
        const char *f = "", *r = "", *m = "";
        uint64_t l = 0;
        uint32_t c = 0;
        passend_diagnostics_get(d, i, NULL, &f, &l, &c, &r, &m);
        if (!strcmp(r, rule) && !strcmp(f, file) && l == line && c == column && !strcmp(m, message))
            return;
    }
    ++check_failures;
    fprintf(stderr, "%s:%d: no %s diagnostic %s:%llu:%u \"%s\"; there are:\n", at, at_line, rule,
            file, (unsigned long long)line, column, message);
    for (size_t i = 0; i < passend_diagnostics_count(d); ++i)
        fprintf(stderr, "  %s\n", passend_diagnostics_text(d, i));
}

/* The thread's message is exactly `text`. */
#define CHECK_LAST_ERROR(text)                                                                     \
    do {                                                                                           \
        ++check_count;                                                                             \
        if (strcmp(passend_last_error(), (text)) != 0) {                                           \
            ++check_failures;                                                                      \
            fprintf(stderr, "%s:%d: message\n  \"%s\"\nexpected\n  \"%s\"\n", __FILE__, __LINE__,  \
                    passend_last_error(), (text));                                                 \
        }                                                                                          \
    } while (0)

/* One opps row (pupil p1 at S1) whose start_date has Arrow type `format` and the 64-bit (or,
 * for date32, 32-bit) value at `value`, absent when `present` is 0, and whose end_date is the
 * string 1900-01-01: the end_before_start error then shows the day passend made of the value. */
static passend_status append_opp(passend_appender* app, const char* format, const void* value,
                                 int present) {
    static const int32_t off2[] = {0, 2}, off10[] = {0, 10};
    static const void *pid[] = {NULL, off2, "p1"}, *sid[] = {NULL, off2, "S1"},
                      *end[] = {NULL, off10, "1900-01-01"};
    static const uint8_t absent[] = {0x0};
    static const void* start[2];
    start[0] = present ? NULL : absent, start[1] = value;
    static struct ArrowSchema f[4];
    static struct ArrowSchema* fs[4];
    static struct ArrowArray c[4];
    static struct ArrowArray* cs[4];
    f[0] = field("pupil_id", "u"), c[0] = column(1, 3, pid);
    f[1] = field("school_id", "u"), c[1] = column(1, 3, sid);
    f[2] = field("start_date", format), c[2] = column(1, 2, start);
    f[3] = field("end_date", "u"), c[3] = column(1, 3, end);
    for (int i = 0; i < 4; ++i) fs[i] = &f[i], cs[i] = &c[i];
    return append_batch(app, "opps", 4, fs, cs, 1);
}

/* The diagnostics of a load of one opps row as append_opp makes it; `message`, when not NULL,
 * is what append_arrow says. */
static passend_diagnostics* load_opp(const char* format, const void* value, int present,
                                     const char* message) {
    passend_appender* app = NULL;
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(append_opp(app, format, value, present), PASSEND_INVALID_DATA);
    if (message) CHECK_LAST_ERROR(message);
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    passend_appender_free(&app);
    return diags;
}

/* A timestamp is taken as the calendar day it falls on: its wall-clock date without a time zone
 * (or in UTC), its local date in a named zone or at a fixed offset; the time of day is dropped. */
static void test_timestamps(void) {
    const int64_t aug1 = (int64_t)days(2021, 8, 1) * 86400; /* 2021-08-01T00:00:00Z, seconds */
    const int64_t jan1 = (int64_t)days(2022, 1, 1) * 86400;
    static const struct {
        const char* format;
        int64_t offset_seconds; /* from aug1, or (when from_jan1) from jan1 */
        int from_jan1;
        int64_t scale; /* ticks per second of the unit */
        int64_t extra; /* ticks added after scaling (sub-second parts) */
        const char* day;
    } cases[] = {
        {"tss:", 0, 0, 1, 0, "2021-08-01"},
        {"tsm:", -1, 0, 1000, 999, "2021-07-31"},                      /* 2021-07-31T23:59:59.999 */
        {"tsu:UTC", 13 * 3600 + 45 * 60, 0, 1000000, 0, "2021-08-01"}, /* 13:45 */
        {"tsn:Etc/UTC", 3600, 0, 1000000000, 0, "2021-08-01"},
        {"tsn:", -86400, 0, 1000000000, -1, "2021-07-30"}, /* 2021-07-30T23:59:59.999999999 */
        /* 2021-07-31T22:30Z is 2021-08-01 00:30 in Amsterdam (CEST, +02:00) */
        {"tsn:Europe/Amsterdam", -90 * 60, 0, 1000000000, 0, "2021-08-01"},
        {"tsu:Europe/Amsterdam", -(2 * 3600 + 1), 0, 1000000, 0, "2021-07-31"}, /* 23:59:59 */
        /* 2021-12-31T23:30Z is 2022-01-01 00:30 in Amsterdam (CET, +01:00) */
        {"tss:Europe/Amsterdam", -30 * 60, 1, 1, 0, "2022-01-01"},
        {"tsm:+01:00", -30 * 60, 0, 1000, 0, "2021-08-01"},    /* 2021-07-31T23:30Z */
        {"tsu:-05:00", 3 * 3600, 0, 1000000, 0, "2021-07-31"}, /* 2021-08-01T03:00Z */
        {"tss:+00:00", 0, 0, 1, 0, "2021-08-01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const int64_t value =
            ((cases[i].from_jan1 ? jan1 : aug1) + cases[i].offset_seconds) * cases[i].scale +
            cases[i].extra;
        char message[96];
        snprintf(message, sizeof message, "end_date 1900-01-01 is before start_date %s",
                 cases[i].day);
        passend_diagnostics* diags = load_opp(cases[i].format, &value, 1, NULL);
        CHECK_EXACT(diags, "end_before_start", "opps", 1, 4, message);
        passend_diagnostics_free(&diags);
    }

    /* before 1970 the day is floored, not truncated toward zero: -1 ms is 1969-12-31 */
    const int64_t minus_one = -1;
    passend_diagnostics* diags = load_opp("tsm:", &minus_one, 1, NULL);
    CHECK_EXACT(diags, "end_before_start", "opps", 1, 4,
                "end_date 1900-01-01 is before start_date 1969-12-31");
    passend_diagnostics_free(&diags);

    /* a null timestamp is an absent date, as a null date32 is */
    diags = load_opp("tsu:Europe/Amsterdam", &aug1, 0, NULL);
    CHECK_EXACT(diags, "missing_value", "opps", 1, 3, "start_date is empty; a value is required");
    CHECK(find_rule(diags, "end_before_start") < 0);
    passend_diagnostics_free(&diags);

    /* beyond the years 0000-9999 no contract date exists: the raw value is named */
    const int64_t far = INT64_MAX;
    diags = load_opp("tss:", &far, 1, NULL);
    CHECK_EXACT(diags, "malformed_date", "opps", 1, 3,
                "start_date 9223372036854775807 s since 1970-01-01 is not a valid date "
                "(YYYY-MM-DD)");
    passend_diagnostics_free(&diags);
    const int32_t far_day = INT32_MAX; /* was read as an absent date before */
    diags = load_opp("tdD", &far_day, 1, NULL);
    CHECK_EXACT(diags, "malformed_date", "opps", 1, 3,
                "start_date 2147483647 days since 1970-01-01 is not a valid date (YYYY-MM-DD)");
    passend_diagnostics_free(&diags);

    /* a zone passend cannot resolve is a wrong column, like a wrong type: no row is read */
    diags = load_opp("tsu:Mars/Olympus", &aug1, 1,
                     "opps: error: start_date has Arrow type 'tsu:Mars/Olympus' with time zone "
                     "'Mars/Olympus', which passend cannot resolve: Mars/Olympus not found in "
                     "timezone database [unknown_time_zone]");
    CHECK_EXACT(diags, "unknown_time_zone", "opps", 0, 3,
                "start_date has Arrow type 'tsu:Mars/Olympus' with time zone 'Mars/Olympus', "
                "which passend cannot resolve: Mars/Olympus not found in timezone database");
    CHECK(find_rule(diags, "end_before_start") < 0);
    passend_diagnostics_free(&diags);
    diags = load_opp("tsu:+25:00", &aug1, 1, NULL);
    CHECK(find_rule(diags, "unknown_time_zone") >= 0);
    passend_diagnostics_free(&diags);

    /* a malformed timestamp format, and a timestamp for a column that is not a date */
    diags = load_opp("tsx:", &aug1, 1,
                     "opps: error: start_date has Arrow type 'tsx:'; expected a date (date32, "
                     "date64, timestamp) or a string YYYY-MM-DD [wrong_type]");
    passend_diagnostics_free(&diags);
    diags = load_opp("tss", &aug1, 1, NULL);
    CHECK(find_rule(diags, "wrong_type") >= 0);
    passend_diagnostics_free(&diags);
}

/* ---- malformed arrays ----------------------------------------------------------------------- */

/* Two pupils (p1, p2) whose pupil_id is utf8 (or, with `views`, utf8_view pointing into one data
 * buffer), birth_date date32 and municipality a dictionary<int8, utf8> of {GM1883, GM0935}: the
 * parts of a stream that each case below breaks in one place. */
static struct {
    struct ArrowSchema f[3], dict_schema;
    struct ArrowSchema* fs[3];
    struct ArrowArray c[3], dict, batch;
    struct ArrowArray* cs[3];
    int32_t id_offsets[3], births[2], dict_offsets[3];
    int8_t idx[2];
    unsigned char views[32];
    int64_t view_sizes[1];
    const void *id_bufs[4], *birth_bufs[2], *idx_bufs[2], *dict_bufs[3];
    struct producer p;
} q;

static void pupils_parts(int views) {
    memset(&q, 0, sizeof q);
    q.id_offsets[1] = 2, q.id_offsets[2] = 4;
    q.births[0] = days(2014, 5, 1), q.births[1] = days(2013, 2, 10);
    q.idx[0] = 0, q.idx[1] = 1;
    q.dict_offsets[1] = 6, q.dict_offsets[2] = 12;
    q.f[0] = field("pupil_id", views ? "vu" : "u");
    q.f[1] = field("birth_date", "tdD");
    q.f[2] = field("municipality", "c");
    q.dict_schema = field(NULL, "u");
    q.f[2].dictionary = &q.dict_schema;
    if (views) { /* both ids out of line: "pupil-one-long" at 0 and "pupil-two-long" at 14 */
        static const char data[] = "pupil-one-longpupil-two-long";
        for (int i = 0; i < 2; ++i) {
            const int32_t len = 14, buf = 0, off = 14 * i;
            memcpy(q.views + 16 * i, &len, 4);
            memcpy(q.views + 16 * i + 4, data + off, 4);
            memcpy(q.views + 16 * i + 8, &buf, 4);
            memcpy(q.views + 16 * i + 12, &off, 4);
        }
        q.view_sizes[0] = 28;
        q.id_bufs[1] = q.views, q.id_bufs[2] = data, q.id_bufs[3] = q.view_sizes;
        q.c[0] = column(2, 4, q.id_bufs);
    } else {
        q.id_bufs[1] = q.id_offsets, q.id_bufs[2] = "p1p2";
        q.c[0] = column(2, 3, q.id_bufs);
    }
    q.birth_bufs[1] = q.births;
    q.idx_bufs[1] = q.idx;
    q.dict_bufs[1] = q.dict_offsets, q.dict_bufs[2] = "GM1883GM0935";
    q.c[1] = column(2, 2, q.birth_bufs);
    q.c[2] = column(2, 2, q.idx_bufs);
    q.dict = column(2, 3, q.dict_bufs);
    q.c[2].dictionary = &q.dict;
    for (int i = 0; i < 3; ++i) q.fs[i] = &q.f[i], q.cs[i] = &q.c[i];
    q.batch = struct_array(2, 0, 3, q.cs);
    q.p.schema = struct_schema(3, q.fs);
    q.p.batches = &q.batch, q.p.n_batches = 1;
}

/* Append the pupils of pupils_parts (as broken since) and expect `status` and `message`; for
 * bad data also that the diagnostic of `rule` at pupils:`line`:`column` is the message's. */
#define CHECK_PUPILS(status, message, rule, line, column, diagnostic)                              \
    check_pupils(__LINE__, (status), (message), (rule), (line), (column), (diagnostic))
static void check_pupils(int at_line, passend_status status, const char* message, const char* rule,
                         uint64_t line, uint32_t column, const char* diagnostic) {
    passend_appender* app = NULL;
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    streams_released = 0;
    struct ArrowArrayStream s = stream_of(&q.p);
    const passend_status got = passend_appender_append_arrow(app, "pupils", &s);
    ++check_count;
    if (got != status || strcmp(passend_last_error(), message) != 0) {
        ++check_failures;
        fprintf(stderr, "%s:%d: status %d, message\n  \"%s\"\nexpected %d,\n  \"%s\"\n", __FILE__,
                at_line, (int)got, passend_last_error(), (int)status, message);
    }
    CHECK(streams_released == 1);
    passend_appender_finish(app, &ds, &diags);
    if (rule) check_exact(__FILE__, at_line, diags, rule, "pupils", line, column, diagnostic);
    passend_diagnostics_free(&diags);
    passend_dataset_free(&ds);
    passend_appender_free(&app);
}

static void test_malformed_arrays(void) {
    const passend_status bad = PASSEND_INVALID_DATA;
    pupils_parts(0); /* whole, the two pupils are taken (the load lacks schools and enrolments) */
    CHECK_PUPILS(PASSEND_OK, "", NULL, 0, 0, NULL);
    pupils_parts(1);
    CHECK_PUPILS(PASSEND_OK, "", NULL, 0, 0, NULL);

    /* a dictionary index out of range: that row is an error, the other one is taken */
    pupils_parts(0);
    q.idx[1] = 7;
    CHECK_PUPILS(bad,
                 "pupils:2:3: error: municipality dictionary index 7 is out of range of 2 values "
                 "[dictionary_index_out_of_range]",
                 "dictionary_index_out_of_range", 2, 3,
                 "municipality dictionary index 7 is out of range of 2 values");
    pupils_parts(0);
    q.idx[0] = -1;
    CHECK_PUPILS(bad,
                 "pupils:1:3: error: municipality dictionary index -1 is out of range of 2 values "
                 "[dictionary_index_out_of_range]",
                 "dictionary_index_out_of_range", 1, 3,
                 "municipality dictionary index -1 is out of range of 2 values");
    pupils_parts(0); /* the dictionary is a slice: index 1 is past its one value */
    q.dict.offset = 1, q.dict.length = 1;
    CHECK_PUPILS(bad,
                 "pupils:2:3: error: municipality dictionary index 1 is out of range of 1 values "
                 "[dictionary_index_out_of_range]",
                 "dictionary_index_out_of_range", 2, 3,
                 "municipality dictionary index 1 is out of range of 1 values");

    /* string offsets out of order, a view into a buffer that is not there or past its end */
    pupils_parts(0);
    q.id_offsets[2] = 1;
    CHECK_PUPILS(bad,
                 "pupils:2:1: error: pupil_id has string offsets or a view outside the Arrow "
                 "array's buffers [malformed_arrow]",
                 "malformed_arrow", 2, 1,
                 "pupil_id has string offsets or a view outside the Arrow array's buffers");
    pupils_parts(1);
    q.views[16 + 8] = 1; /* the second view's buffer index: 1 of 1 data buffer */
    CHECK_PUPILS(bad,
                 "pupils:2:1: error: pupil_id has string offsets or a view outside the Arrow "
                 "array's buffers [malformed_arrow]",
                 "malformed_arrow", 2, 1,
                 "pupil_id has string offsets or a view outside the Arrow array's buffers");
    pupils_parts(1);
    q.view_sizes[0] = 27; /* the second id ends at 28 */
    CHECK_PUPILS(bad,
                 "pupils:2:1: error: pupil_id has string offsets or a view outside the Arrow "
                 "array's buffers [malformed_arrow]",
                 "malformed_arrow", 2, 1,
                 "pupil_id has string offsets or a view outside the Arrow array's buffers");

    /* arrays that cannot be read at all end the import at the batch's first row */
    pupils_parts(0);
    q.c[1].length = 1;
    CHECK_PUPILS(bad,
                 "pupils:1:2: error: birth_date: the Arrow array is malformed: it has 1 values "
                 "where the batch needs 2 [malformed_arrow]",
                 "malformed_arrow", 1, 2,
                 "birth_date: the Arrow array is malformed: it has 1 values where the batch "
                 "needs 2");
    pupils_parts(0);
    q.c[0].offset = -1;
    CHECK_PUPILS(bad,
                 "pupils:1:1: error: pupil_id: the Arrow array is malformed: length 2 and offset "
                 "-1 must not be negative [malformed_arrow]",
                 "malformed_arrow", 1, 1,
                 "pupil_id: the Arrow array is malformed: length 2 and offset -1 must not be "
                 "negative");
    pupils_parts(0);
    q.c[0].n_buffers = 2;
    CHECK_PUPILS(bad,
                 "pupils:1:1: error: pupil_id: the Arrow array is malformed: it has 2 buffers; its "
                 "type needs 3 [malformed_arrow]",
                 "malformed_arrow", 1, 1,
                 "pupil_id: the Arrow array is malformed: it has 2 buffers; its type needs 3");
    pupils_parts(0);
    q.birth_bufs[1] = NULL;
    CHECK_PUPILS(bad,
                 "pupils:1:2: error: birth_date: the Arrow array is malformed: its value buffer is "
                 "NULL [malformed_arrow]",
                 "malformed_arrow", 1, 2,
                 "birth_date: the Arrow array is malformed: its value buffer is NULL");
    pupils_parts(0);
    q.c[2].dictionary = NULL;
    CHECK_PUPILS(bad,
                 "pupils:1:3: error: municipality: the Arrow array is malformed: the dictionary is "
                 "NULL [malformed_arrow]",
                 "malformed_arrow", 1, 3,
                 "municipality: the Arrow array is malformed: the dictionary is NULL");
    pupils_parts(0);
    q.dict.length = -2;
    CHECK_PUPILS(bad,
                 "pupils:1:3: error: municipality: the Arrow array is malformed: its dictionary: "
                 "length -2 and offset 0 must not be negative [malformed_arrow]",
                 "malformed_arrow", 1, 3,
                 "municipality: the Arrow array is malformed: its dictionary: length -2 and "
                 "offset 0 must not be negative");
    pupils_parts(0);
    q.cs[1] = NULL;
    CHECK_PUPILS(bad,
                 "pupils:1:2: error: birth_date: the Arrow array is malformed: the array is NULL "
                 "[malformed_arrow]",
                 "malformed_arrow", 1, 2,
                 "birth_date: the Arrow array is malformed: the array is NULL");
    pupils_parts(0);
    q.batch.length = -1;
    CHECK_PUPILS(bad,
                 "pupils:1: error: a batch of the Arrow stream is malformed: length -1 and offset "
                 "0 must not be negative [malformed_arrow]",
                 "malformed_arrow", 1, 0,
                 "a batch of the Arrow stream is malformed: length -1 and offset 0 must not be "
                 "negative");
    pupils_parts(0);
    q.batch.offset = INT64_MAX;
    CHECK_PUPILS(bad,
                 "pupils:1: error: a batch of the Arrow stream is malformed: length 2 and offset "
                 "9223372036854775807 overflow [malformed_arrow]",
                 "malformed_arrow", 1, 0,
                 "a batch of the Arrow stream is malformed: length 2 and offset "
                 "9223372036854775807 overflow");
    pupils_parts(0);
    q.c[1].offset = INT64_MAX - 1;
    CHECK_PUPILS(bad,
                 "pupils:1:2: error: birth_date: the Arrow array is malformed: length 2 and offset "
                 "9223372036854775806 overflow [malformed_arrow]",
                 "malformed_arrow", 1, 2,
                 "birth_date: the Arrow array is malformed: length 2 and offset "
                 "9223372036854775806 overflow");
    pupils_parts(0);
    q.batch.children = NULL;
    CHECK_PUPILS(bad,
                 "pupils:1: error: a batch of the Arrow stream is malformed: its buffer or "
                 "children list is NULL [malformed_arrow]",
                 "malformed_arrow", 1, 0,
                 "a batch of the Arrow stream is malformed: its buffer or children list is NULL");

    /* a schema without a child is misuse, as a schema that is not a struct is */
    pupils_parts(0);
    q.fs[1] = NULL;
    CHECK_PUPILS(PASSEND_INVALID_ARGUMENT,
                 "passend_appender_append_arrow: the stream's schema child 1 is NULL", NULL, 0, 0,
                 NULL);
}

int main(void) {
    test_region();
    test_missing_column_and_wrong_type();
    test_bad_value();
    test_invalid_utf8();
    test_misuse();
    test_broken_stream();
    test_timestamps();
    test_malformed_arrays();
    return check_report("test_arrow");
}
