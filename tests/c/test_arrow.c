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
    static const void* name_bufs[] = {NULL, name_offsets, "BasisschoolASBO B"};
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
    static struct ArrowArray batch;
    batch = struct_array(2, 0, 5, cs);

    static struct producer p;
    p.schema = struct_schema(5, fs);
    p.batches = &batch, p.n_batches = 1, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);
    return passend_appender_append_arrow(app, "schools", &s);
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
    static struct ArrowArray batch;
    batch = struct_array(3, 0, n, cs);

    static struct producer p;
    p.schema = struct_schema(n, fs);
    p.batches = &batch, p.n_batches = 1, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);
    return passend_appender_append_arrow(app, "enrolments", &s);
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
    static struct ArrowArray batch;
    batch = struct_array(1, 0, 5, cs);
    static struct producer p;
    p.schema = struct_schema(5, fs);
    p.batches = &batch, p.n_batches = 1, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);
    return passend_appender_append_arrow(app, "funds", &s);
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
    CHECK(first == 2020 && last == 2022);
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
    static struct ArrowArray batch;
    batch = struct_array(2, 0, 2, cs);
    static struct producer p;
    p.schema = struct_schema(2, fs);
    p.batches = &batch, p.n_batches = 1, p.fail_schema = 0, p.fail_batch = 0;
    struct ArrowArrayStream s = stream_of(&p);

    passend_appender* app = NULL;
    CHECK_STATUS(passend_appender_create(NULL, &app), PASSEND_OK);
    CHECK_STATUS(passend_appender_append_arrow(app, "PUPILS", &s), PASSEND_INVALID_DATA);
    passend_dataset* ds = NULL;
    passend_diagnostics* diags = NULL;
    CHECK_STATUS(passend_appender_finish(app, &ds, &diags), PASSEND_INVALID_DATA);
    CHECK_DIAGNOSTIC(diags, "malformed_date", "pupils", 2, 1, "birth_date 2015-02-30");
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

int main(void) {
    test_region();
    test_missing_column_and_wrong_type();
    test_bad_value();
    test_misuse();
    test_broken_stream();
    return check_report("test_arrow");
}
