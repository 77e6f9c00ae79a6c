/* SPDX-License-Identifier: EUPL-1.2 */
/* The vendor's case: a student administration system keeps its records in PostgreSQL and feeds
 * them to passend through the appender, row by row from a libpq cursor, then prints the KPI
 * report.
 *
 *     passend_vendor "host=127.0.0.1 port=5432 dbname=school"
 *
 * Every contract table the database has is read (schools, pupils and enrolments must be there).
 * Values go in typed: dates with passend_appender_append_date, whole numbers with
 * passend_appender_append_int64, everything else (text, codes, exact numerics) as text;
 * NULL is an absent value. passend validates them exactly as it validates CSV files. */
#include "kpi_lines.h"

#include <passend/passend.h>

#include <libpq-fe.h>

#include <stdio.h>
#include <stdlib.h>

/* PostgreSQL type oids (server/catalog/pg_type_d.h, stable since forever). */
enum { INT8OID = 20, INT2OID = 21, INT4OID = 23, DATEOID = 1082 };

static const char* const tables[] = {
    "swvs",        "boards",       "schools", "pupils",           "regions",        "enrolments",
    "tlvs",        "arrangements", "opps",    "absences",         "funds",          "allocations",
    "assessments", "extract",      "rates",   "reference_values", "support_offers", "finances"};

static int fail(const char* what, passend_status status) {
    fprintf(stderr, "%s: %s: %s\n", what, passend_errstr(status), passend_last_error());
    return 1;
}

/* Whether table `name` exists in the database. */
static int has_table(PGconn* db, const char* name) {
    const char* params[1] = {name};
    PGresult* r =
        PQexecParams(db, "SELECT to_regclass($1) IS NOT NULL", 1, NULL, params, NULL, NULL, 0);
    const int yes = PQresultStatus(r) == PGRES_TUPLES_OK && PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return yes;
}

/* One value of the current row, typed by its column's PostgreSQL type. */
static passend_status append_value(passend_appender* app, const PGresult* r, int col) {
    if (PQgetisnull(r, 0, col)) return passend_appender_append_null(app);
    const char* text = PQgetvalue(r, 0, col);
    switch (PQftype(r, col)) {
    case DATEOID: { /* DateStyle ISO: YYYY-MM-DD */
        int y, m, d;
        if (sscanf(text, "%d-%d-%d", &y, &m, &d) == 3)
            return passend_appender_append_date(app, y, m, d);
        return passend_appender_append_text(app, text);
    }
    case INT2OID:
    case INT4OID:
    case INT8OID:
        return passend_appender_append_int64(app, strtoll(text, NULL, 10));
    default:
        return passend_appender_append_text(app, text);
    }
}

/* Stream table `name` into the appender, one row at a time (libpq single-row mode: a cursor,
 * so memory does not grow with the table). Returns the rows read, or -1 on a database error. */
static long copy_table(PGconn* db, passend_appender* app, const char* name) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT * FROM %s", name); /* names from the fixed list above */
    if (!PQsendQuery(db, sql) || !PQsetSingleRowMode(db)) return -1;
    long rows = 0;
    int begun = 0, failed = 0;
    PGresult* r;
    while ((r = PQgetResult(db)) != NULL) {
        const ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE) {
            if (!begun) { /* the columns, by name, in the database's order */
                const int n = PQnfields(r);
                const char* columns[64];
                for (int c = 0; c < n && c < 64; ++c) columns[c] = PQfname(r, c);
                if (passend_appender_begin_table(app, name, columns, (size_t)(n < 64 ? n : 64)) !=
                    PASSEND_OK) {
                    fprintf(stderr, "%s: %s\n", name, passend_last_error());
                    failed = 1;
                }
                begun = 1;
            }
            if (!failed) {
                for (int c = 0; c < PQnfields(r) && c < 64; ++c) append_value(app, r, c);
                /* PASSEND_INVALID_DATA: a bad row, recorded; finish reports them all */
                passend_appender_end_row(app);
                ++rows;
            }
        } else if (st != PGRES_TUPLES_OK) {
            fprintf(stderr, "%s: %s", name, PQerrorMessage(db));
            failed = 1;
        }
        PQclear(r);
    }
    return failed ? -1 : rows;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: passend_vendor CONNINFO\n");
        return 2;
    }
    passend_status s = passend_check_abi(PASSEND_ABI_VERSION);
    if (s != PASSEND_OK) return fail("passend", s);
    PGconn* db = PQconnectdb(argv[1]);
    if (PQstatus(db) != CONNECTION_OK) {
        fprintf(stderr, "database: %s", PQerrorMessage(db));
        PQfinish(db);
        return 1;
    }
    PQclear(PQexec(db, "SET DateStyle = ISO"));

    passend_appender* app = NULL;
    if ((s = passend_appender_create(NULL, &app)) != PASSEND_OK) return fail("appender", s);
    for (size_t t = 0; t < sizeof tables / sizeof *tables; ++t) {
        if (!has_table(db, tables[t])) continue;
        const long rows = copy_table(db, app, tables[t]);
        if (rows < 0) {
            passend_appender_free(&app);
            PQfinish(db);
            return 1;
        }
        printf("read %s: %ld rows\n", tables[t], rows);
    }
    PQfinish(db);

    passend_dataset* data = NULL;
    passend_diagnostics* diags = NULL;
    s = passend_appender_finish(app, &data, &diags);
    passend_appender_free(&app);
    if (s != PASSEND_OK) {
        for (size_t i = 0; i < passend_diagnostics_count(diags) && i < 20; ++i)
            fprintf(stderr, "%s\n", passend_diagnostics_text(diags, i));
        passend_diagnostics_free(&diags);
        return fail("load", s);
    }
    printf("loaded: %zu warnings\n", passend_diagnostics_count(diags));
    passend_diagnostics_free(&diags);

    s = example_print_kpis(data);
    passend_dataset_free(&data);
    return s == PASSEND_OK ? 0 : fail("evaluate", s);
}
