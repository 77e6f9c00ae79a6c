/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * passend.h: the C interface of passend (libpassend_c), installed as <passend/passend.h>.
 *
 * passend computes the figures of Dutch "passend onderwijs" (pupil counts per setting, referrals,
 * thuiszitters, TLVs, money, ...) from pupil-level records that follow the input contract
 * (docs/data-contract.md, summarised in the README). This header is the reference manual of
 * the C interface: every function below says who owns what, what NULL means and what happens on
 * failure. docs/c-api.md is the short guide.
 *
 * CONVENTIONS
 *   - Status codes. Every function that can fail returns a passend_status: PASSEND_OK (0) or one
 *     of a few broad codes. Results come back through out-parameters, which come last; on
 *     failure an out-handle is set to NULL (when the out pointer itself is not NULL).
 *   - Error messages. A failing call stores a message for the calling thread, read with
 *     passend_last_error(); a successful call clears it. Bad input data comes with located
 *     diagnostics as well (passend_diagnostics: file or table, line or row, column, rule,
 *     message), one by one.
 *   - Handles are opaque pointers. Each one that a _create/_open call hands out has one _free
 *     function, which takes the address of the handle, frees it and sets the handle to NULL:
 *     freeing NULL, or a handle already freed through the same variable, does nothing.
 *   - Strings are UTF-8 and NUL-terminated, in and out. A string passend returns is owned by the
 *     handle it came from and stays valid until that handle is freed; never free it yourself.
 *     The one exception is a `char**` out-parameter (passend_plan_evaluate's JSON): that string
 *     belongs to the caller, who frees it with passend_string_free.
 *   - No C++ exception, and no crash on a NULL or out-of-range argument, crosses this interface:
 *     misuse returns PASSEND_INVALID_ARGUMENT (or NULL / 0 from the few functions that return a
 *     value directly).
 *   - Option structs begin with a version field and have an _INIT macro; pass NULL for defaults.
 *
 * THREAD SAFETY
 *   - A passend_dataset is immutable once opened: any number of threads may use one dataset at
 *     once (evaluate KPIs, read flows, read its tables). The same holds for passend_catalog,
 *     passend_result, passend_diagnostics and passend_matrix: nothing changes them after creation.
 *   - A passend_appender is used by one thread at a time (it is a cursor being filled).
 *   - The message of passend_last_error() belongs to the calling thread.
 *   - Freeing a handle while another thread still uses it is, as everywhere in C, the caller's
 *     error.
 */
#ifndef PASSEND_H
#define PASSEND_H

#include "passend_version.h"

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(PASSEND_C_BUILD)
#define PASSEND_API __declspec(dllexport)
#else
#define PASSEND_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define PASSEND_API __attribute__((visibility("default")))
#else
#define PASSEND_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================== */
/* Version and ABI                                                                                */
/* ============================================================================================== */

/** The version as one number, major * 1000000 + minor * 1000 + patch (SQLite's habit). */
#define PASSEND_VERSION_NUMBER                                                                     \
    (PASSEND_VERSION_MAJOR * 1000000 + PASSEND_VERSION_MINOR * 1000 + PASSEND_VERSION_PATCH)

/** True when this header's version is at least major.minor.patch. */
#define PASSEND_VERSION_CHECK(major, minor, patch)                                                 \
    (PASSEND_VERSION_NUMBER >= ((major)*1000000 + (minor)*1000 + (patch)))

/**
 * The ABI version of this header. It changes only when a function, struct or constant of this
 * header changes in a way that breaks a program compiled against an older header; new functions
 * do not change it. A host checks it at start-up: passend_check_abi(PASSEND_ABI_VERSION).
 */
#define PASSEND_ABI_VERSION 1

/** Return the library's version, e.g. "0.1.0" (static storage; never NULL). */
PASSEND_API const char* passend_version(void);

/** Return the library's version number (see PASSEND_VERSION_NUMBER) to compare with the header. */
PASSEND_API int passend_version_number(void);

/** Return the library's ABI version (see PASSEND_ABI_VERSION). */
PASSEND_API int passend_abi_version(void);

/* ============================================================================================== */
/* Status codes and errors                                                                        */
/* ============================================================================================== */

/** What a call did. Few and broad; the message of passend_last_error() says more. */
typedef enum passend_status {
    PASSEND_OK = 0,               /**< success */
    PASSEND_ERROR = 1,            /**< an unexpected internal error (please report it) */
    PASSEND_INVALID_ARGUMENT = 2, /**< misuse: a NULL handle, an index out of range, a value of the
                                       wrong type, a call out of order, an unknown option version */
    PASSEND_INVALID_DATA = 3,     /**< the input data (or a definition file) breaks a rule: see the
                                       diagnostics */
    PASSEND_NOT_FOUND = 4,        /**< a folder, file, table, KPI id or unit that does not exist */
    PASSEND_NO_MEMORY = 5,        /**< an allocation failed */
    PASSEND_ABI_MISMATCH = 6      /**< passend_check_abi() found a different ABI version */
} passend_status;

/**
 * Check that the loaded library speaks the ABI the caller was compiled against.
 * @param abi_version pass PASSEND_ABI_VERSION
 * @return PASSEND_OK, or PASSEND_ABI_MISMATCH with a message naming both versions.
 */
PASSEND_API passend_status passend_check_abi(int abi_version);

/** Return a short English description of a status code, a passend_status (static storage;
 * never NULL; "unknown status" for any other number). */
PASSEND_API const char* passend_errstr(int status);

/**
 * Return the message of the calling thread's last failed call, or "" when the last call
 * succeeded. Never NULL. The text stays valid until the thread's next passend call.
 * Messages name files, lines, columns, values and rules, never more pupil data than a pupil id.
 */
PASSEND_API const char* passend_last_error(void);

/* ============================================================================================== */
/* Diagnostics: located problems in input data                                                    */
/* ============================================================================================== */

/** Severity of a diagnostic. Errors make a load fail; warnings ride along on success. */
typedef enum passend_severity {
    PASSEND_SEVERITY_WARNING = 0,
    PASSEND_SEVERITY_ERROR = 1
} passend_severity;

/** The problems found in one load (or catalog): an immutable list. Free with
 * passend_diagnostics_free(). */
typedef struct passend_diagnostics passend_diagnostics;

/** Return how many diagnostics `diagnostics` holds (0 for NULL). */
PASSEND_API size_t passend_diagnostics_count(const passend_diagnostics* diagnostics);

/** Return how many of them are errors (0 for NULL). */
PASSEND_API size_t passend_diagnostics_error_count(const passend_diagnostics* diagnostics);

/**
 * Read diagnostic `index` (0-based). Every out-parameter may be NULL when not wanted; strings are
 * owned by `diagnostics`.
 * @param[out] out_severity a passend_severity
 * @param[out] out_file the file (`enrolments.csv`) or, for the appender and Arrow, the table
 *             (`enrolments`)
 * @param[out] out_line the line in a CSV file (header = line 1) or the row number (1-based) in
 *             other sources; 0 when it concerns the whole table
 * @param[out] out_column the 1-based column in the source (CSV column, appender column, Arrow
 *             field); 0 when it concerns a whole row or table
 * @param[out] out_rule a stable rule id, e.g. `end_before_start`, `unknown_reference`
 * @param[out] out_message what is wrong, naming the value and the rule
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT when `diagnostics` is NULL or `index` is out of
 *         range (the out-parameters are then left untouched).
 */
PASSEND_API passend_status passend_diagnostics_get(const passend_diagnostics* diagnostics,
                                                   size_t index, int* out_severity,
                                                   const char** out_file, uint64_t* out_line,
                                                   uint32_t* out_column, const char** out_rule,
                                                   const char** out_message);

/**
 * Return diagnostic `index` as one line, like a compiler message:
 * `enrolments.csv:118:3: error: end_date 2024-07-01 is before start_date 2024-08-01
 * [end_before_start]`. NULL when `diagnostics` is NULL or `index` is out of range. Owned by
 * `diagnostics`.
 */
PASSEND_API const char* passend_diagnostics_text(const passend_diagnostics* diagnostics,
                                                 size_t index);

/** Free a diagnostics list and set `*diagnostics` to NULL. NULL-safe, double-free-safe. */
PASSEND_API void passend_diagnostics_free(passend_diagnostics** diagnostics);

/* ============================================================================================== */
/* Datasets: open from a folder, a JSON document or the demo region                               */
/* ============================================================================================== */

/**
 * A validated, immutable set of passend onderwijs records (CONSTRUCTORS:
 * passend_dataset_open_folder, passend_dataset_open_json, passend_dataset_open_demo,
 * passend_dataset_open_snapshot, passend_appender_finish; DESTRUCTOR: passend_dataset_free). Safe
 * to share between threads.
 */
typedef struct passend_dataset passend_dataset;

/** How a load behaves. Initialise with PASSEND_LOAD_OPTIONS_INIT. */
typedef struct passend_load_options {
    unsigned int version; /**< PASSEND_LOAD_OPTIONS_VERSION (1 and 2 end earlier; still read) */
    uint64_t max_errors;  /**< stop collecting errors after this many; 0: no cap (default 200) */
    /** since version 2: the extract date `YYYY-MM-DD`, the day the data were exported; it wins
     * over extract.csv (no request, decision, or start of an enrolment, absence or OPP may lie
     * after it). NULL: extract.csv, else the latest such event in the data. */
    const char* as_of;
    /** since version 3: a partial load, as a lazy reader reads only the columns it uses: only
     * these tables, contract names separated by commas ("tlvs,absences"), and those always read
     * (partnerships, boards, schools, pupils, regions, enrolments, extract, rates, reference
     * values). The others are not read, not checked and not given (passend_dataset_has_table
     * says 0, a KPI that needs one has no value); a file of one gives the warning
     * `table_not_read`. NULL: every table (docs/data-contract.md, "A partial load"). */
    const char* tables;
} passend_load_options;
#define PASSEND_LOAD_OPTIONS_VERSION 3
#define PASSEND_LOAD_OPTIONS_INIT                                                                  \
    { PASSEND_LOAD_OPTIONS_VERSION, 200, NULL, NULL }

/**
 * Open the contract tables in folder `path` (schools.csv, pupils.csv and enrolments.csv
 * required; CSV per RFC 4180, UTF-8), or the snapshot file `path` (as
 * passend_dataset_open_snapshot).
 * @param path the folder or snapshot file (UTF-8)
 * @param options NULL for the defaults
 * @param[out] out_dataset the dataset on success, NULL otherwise; free with passend_dataset_free
 * @param[out] out_diagnostics may be NULL; otherwise receives every diagnostic of the load
 *             (warnings on success, errors and warnings on PASSEND_INVALID_DATA, an empty list
 *             on PASSEND_NOT_FOUND; NULL after misuse); free with passend_diagnostics_free.
 * @return PASSEND_OK; PASSEND_NOT_FOUND when the folder does not exist; PASSEND_INVALID_DATA when
 *         the data breaks the contract (nothing is loaded; the message quotes the first error);
 *         PASSEND_INVALID_ARGUMENT for a NULL path or out_dataset.
 */
PASSEND_API passend_status passend_dataset_open_folder(const char* path,
                                                       const passend_load_options* options,
                                                       passend_dataset** out_dataset,
                                                       passend_diagnostics** out_diagnostics);

/**
 * Open the contract tables from one JSON document: an object whose members are table names
 * ("schools", "enrolments", ...) holding arrays of row objects keyed by column name.
 * @param json the document, NUL-terminated UTF-8
 * @param source_name the name diagnostics give as file; NULL for "data.json"
 * Other parameters and return values as passend_dataset_open_folder (a malformed document is
 * PASSEND_INVALID_DATA).
 */
PASSEND_API passend_status passend_dataset_open_json(const char* json, const char* source_name,
                                                     const passend_load_options* options,
                                                     passend_dataset** out_dataset,
                                                     passend_diagnostics** out_diagnostics);

/**
 * Open a snapshot file (written by passend_dataset_save_snapshot or `passend snapshot`; the
 * format is docs/snapshot.md): mapped, checked against its checksums and copied into a dataset
 * in a fraction of the time a CSV load takes. passend_dataset_open_folder opens one as well.
 * @param path the snapshot file (UTF-8)
 * @param[out] out_dataset the dataset on success, NULL otherwise; free with passend_dataset_free
 * @param[out] out_diagnostics may be NULL; the load's warnings kept in the snapshot on success,
 *             on failure one error naming the file and what is wrong
 * @return PASSEND_OK; PASSEND_NOT_FOUND when no file has that name; PASSEND_INVALID_DATA when the
 *         file is not a snapshot, was written by another passend version, is truncated or is
 *         damaged (a checksum differs); PASSEND_INVALID_ARGUMENT for a NULL path or out_dataset.
 */
PASSEND_API passend_status passend_dataset_open_snapshot(const char* path,
                                                         passend_dataset** out_dataset,
                                                         passend_diagnostics** out_diagnostics);

/**
 * Write `dataset` as a snapshot file at `path`, replaced whole (written beside it, then renamed).
 * @return PASSEND_OK; PASSEND_NOT_FOUND when the file cannot be written (no such folder, no
 *         permission, disk full; the message says which file); PASSEND_INVALID_ARGUMENT for a
 *         NULL dataset or path.
 */
PASSEND_API passend_status passend_dataset_save_snapshot(const passend_dataset* dataset,
                                                         const char* path);

/** What the demo generator makes. Initialise with PASSEND_DEMO_OPTIONS_INIT; 0 in any field
 * means the default. */
typedef struct passend_demo_options {
    unsigned int version; /**< PASSEND_DEMO_OPTIONS_VERSION */
    uint64_t pupils;      /**< pupils enrolled at a teldatum, roughly (default 40000) */
    int32_t years;        /**< school years generated (default 5) */
    int32_t last_year;    /**< start year of the last school year (default 2024: 2024-2025) */
    int32_t partnerships; /**< 0: Zuid-Limburg; otherwise this many synthetic partnerships */
    uint64_t seed;        /**< generator seed (0: the default seed) */
} passend_demo_options;
#define PASSEND_DEMO_OPTIONS_VERSION 1
#define PASSEND_DEMO_OPTIONS_INIT                                                                  \
    { PASSEND_DEMO_OPTIONS_VERSION, 0, 0, 0, 0, 0 }

/**
 * Generate the built-in demo region (a deterministic synthetic Zuid-Limburg): the same options
 * give the same dataset on every machine.
 * @param options NULL for the defaults
 * @param[out] out_dataset the dataset; NULL on failure. Free with passend_dataset_free.
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a NULL out_dataset, an unknown options
 *         version or an option out of range (pupils 100 to 20,000,000, years 1-30, partnerships
 *         0 or 2-1,000, last_year 1950-2200).
 */
PASSEND_API passend_status passend_dataset_open_demo(const passend_demo_options* options,
                                                     passend_dataset** out_dataset);

/* ---- Importing schools' exports (UWLR, OSO): docs/import.md ------------------------------- */

/** The XML formats passend_import_open and passend_import_to_folder read. */
typedef enum passend_export_format {
    PASSEND_EXPORT_UWLR = 0, /**< UWLR 2.x leerlinggegevens: a school's pupils in a school year */
    PASSEND_EXPORT_OSO = 1   /**< OSO gegevensset 2019.1 dossiers (POSWV, VOSWV, ...) */
} passend_export_format;

/** How an import reads. Initialise with PASSEND_IMPORT_OPTIONS_INIT. */
typedef struct passend_import_options {
    unsigned int version;    /**< PASSEND_IMPORT_OPTIONS_VERSION */
    const char* secret_file; /**< file holding the key of the pupil pseudonyms (required, at
                                  least 16 bytes; one trailing line end is ignored) */
    const char* schools;     /**< the contract's schools.csv for setting, board, partnership
                                  and municipality; NULL: none (required for UWLR) */
    uint64_t max_file_bytes; /**< refuse larger files; 0: the default (256 MiB) */
} passend_import_options;
#define PASSEND_IMPORT_OPTIONS_VERSION 1
#define PASSEND_IMPORT_OPTIONS_INIT                                                                \
    { PASSEND_IMPORT_OPTIONS_VERSION, NULL, NULL, 0 }

/**
 * Read `file_count` export files of one format (a passend_export_format value, passed as int so
 * that any value a caller passes is defined) into one dataset: pupils keyed-pseudonymised,
 * histories merged across files; names, addresses, BSN and the like are never copied.
 * @param files UTF-8 paths
 * @param options required: its secret_file at least
 * @param[out] out_dataset the dataset on success, NULL otherwise; free with passend_dataset_free
 * @param[out] out_diagnostics may be NULL; as passend_dataset_open_folder (every diagnostic is
 *             located at file, line, column and element path)
 * @return PASSEND_OK; PASSEND_INVALID_DATA when an export is malformed, of another namespace or
 *         version, lacks a required element or conflicts with another (nothing is made);
 *         PASSEND_INVALID_ARGUMENT for NULL arguments, an unknown format or options version, a
 *         missing or short secret, or UWLR without a schools table.
 */
PASSEND_API passend_status passend_import_open(int format, const char* const* files,
                                               size_t file_count,
                                               const passend_import_options* options,
                                               passend_dataset** out_dataset,
                                               passend_diagnostics** out_diagnostics);

/**
 * passend_import_open and write the dataset as a contract folder `out_dir` (which must not
 * exist, or be empty): written beside it under a temporary name and renamed, so a failure leaves
 * nothing. Parameters and return values as passend_import_open; an existing non-empty out_dir is
 * PASSEND_INVALID_ARGUMENT.
 */
PASSEND_API passend_status passend_import_to_folder(int format, const char* const* files,
                                                    size_t file_count,
                                                    const passend_import_options* options,
                                                    const char* out_dir,
                                                    passend_diagnostics** out_diagnostics);
/**
 * The dataset's extract date: the day its data were exported. No reference day after it has a
 * value, and the school year holding it is partial (passend_result_partial).
 * @param[out] out_date `YYYY-MM-DD`, owned by the dataset
 * @param[out] out_origin may be NULL; `option` (passend_load_options.as_of), `file`
 *             (extract.csv) or `derived` (the latest request, decision or start in the data)
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a NULL dataset or out_date.
 */
PASSEND_API passend_status passend_dataset_extract_date(const passend_dataset* dataset,
                                                        const char** out_date,
                                                        const char** out_origin);

/** Free a dataset and set `*dataset` to NULL. NULL-safe, double-free-safe. Results and matrices
 * made from the dataset stay valid. */
PASSEND_API void passend_dataset_free(passend_dataset** dataset);

/**
 * Count the rows of contract table `table` ("pupils", "enrolments", ... or "enrolments.csv").
 * @param[out] out_rows the count (0 for an optional table the data does not have)
 * @return PASSEND_OK; PASSEND_NOT_FOUND for a table the contract does not know;
 *         PASSEND_INVALID_ARGUMENT for NULL arguments.
 */
PASSEND_API passend_status passend_dataset_row_count(const passend_dataset* dataset,
                                                     const char* table, uint64_t* out_rows);

/**
 * Tell whether the data has optional table `table` (KPIs that need an absent table have no
 * value). Required tables are always present.
 * @param[out] out_present 1 or 0
 * @return as passend_dataset_row_count.
 */
PASSEND_API passend_status passend_dataset_has_table(const passend_dataset* dataset,
                                                     const char* table, int* out_present);

/**
 * The school years the data covers, as start years (2024 stands for 2024-2025): from the
 * earliest enrolment to the latest.
 * @param[out] out_first, out_last the first and last start year
 * @return PASSEND_OK; PASSEND_NOT_FOUND when the data has no enrolment;
 *         PASSEND_INVALID_ARGUMENT for NULL arguments.
 */
PASSEND_API passend_status passend_dataset_school_years(const passend_dataset* dataset,
                                                        int32_t* out_first, int32_t* out_last);

/**
 * The warnings of the load that made `dataset` (errors make no dataset).
 * @param[out] out_diagnostics a new list; free with passend_diagnostics_free
 */
PASSEND_API passend_status passend_dataset_warnings(const passend_dataset* dataset,
                                                    passend_diagnostics** out_diagnostics);

/* ============================================================================================== */
/* The appender: build a dataset row by row, without files                                       */
/* ============================================================================================== */

/**
 * Builds a dataset from rows of typed values, table by table: what a host writes in a loop over
 * its own database cursor (CONSTRUCTOR: passend_appender_create; DESTRUCTOR:
 * passend_appender_free). Values pass the same validation as the CSV loader; every problem is a
 * diagnostic located at table, row and column, and passend_appender_finish() hands over the
 * dataset or every diagnostic, never half a dataset. One thread at a time.
 *
 *     passend_appender *app = NULL;
 *     passend_appender_create(NULL, &app);
 *     passend_appender_begin_table(app, "pupils", NULL, 0);      // contract column order
 *     passend_appender_append_text(app, "p1");                   // pupil_id
 *     passend_appender_append_date(app, 2015, 3, 14);            // birth_date
 *     passend_appender_append_null(app);                         // municipality (absent)
 *     passend_appender_end_row(app);
 *     ...
 *     passend_appender_finish(app, &dataset, &diagnostics);
 *     passend_appender_free(&app);
 */
typedef struct passend_appender passend_appender;

/**
 * Create an empty appender.
 * @param options NULL for the defaults
 * @param[out] out_appender free with passend_appender_free; NULL on failure
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a NULL out_appender, an unknown options
 *         version, or options naming tables (a partial load is for opening a folder or JSON).
 */
PASSEND_API passend_status passend_appender_create(const passend_load_options* options,
                                                   passend_appender** out_appender);

/**
 * Start (or continue) appending rows to contract table `table`.
 * @param table "schools", "pupils", "enrolments", ... (or the file name, "enrolments.csv")
 * @param columns the names of the columns each row will give, in the order of the append calls
 *        (like a CSV header); NULL for every contract column in contract order (see the README)
 * @param column_count the number of names in `columns` (ignored when `columns` is NULL)
 * @return PASSEND_OK; PASSEND_NOT_FOUND for an unknown table; PASSEND_INVALID_ARGUMENT for an
 *         unknown or repeated column name, or when a row is still open; PASSEND_INVALID_DATA when
 *         a required column of the table is missing from `columns` (recorded as a diagnostic, so
 *         finish fails too; the table is not started).
 * Rows are numbered per table across calls: row n is the n-th row appended to that table.
 */
PASSEND_API passend_status passend_appender_begin_table(passend_appender* appender,
                                                        const char* table,
                                                        const char* const* columns,
                                                        size_t column_count);

/**
 * Append the next value of the open row as text, exactly as a CSV field (any column type: dates
 * as YYYY-MM-DD, amounts with a dot decimal, codes in any case). NULL or "" is absent.
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT when no table is begun or the row already has a
 *         value for every column.
 */
PASSEND_API passend_status passend_appender_append_text(passend_appender* appender,
                                                        const char* value);

/** Append an absent value (an empty CSV field). Returns as passend_appender_append_text. */
PASSEND_API passend_status passend_appender_append_null(passend_appender* appender);

/**
 * Append a whole number. Fits integer columns (grade, level), text columns (identifiers kept as
 * numbers by the host), amount columns (euros), number columns (reference_values' value) and
 * school-year columns (the start year: 2024 is 2024-2025).
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a date, code or score column (the value is not
 *         taken: append another), or as passend_appender_append_text.
 */
PASSEND_API passend_status passend_appender_append_int64(passend_appender* appender, int64_t value);

/**
 * Append a number. Fits amount columns (euros; rounded to cents when within 1e-6 of a whole
 * cent, otherwise rejected by validation as having more than two decimals), score columns and
 * number columns (reference_values' value).
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for any other column (the value is not taken),
 *         or as passend_appender_append_text. NaN is absent.
 */
PASSEND_API passend_status passend_appender_append_double(passend_appender* appender, double value);

/**
 * Append a calendar date. Fits date columns only.
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for any other column (not taken), or as
 *         passend_appender_append_text. An impossible date (2023-02-30) is taken and reported
 *         by validation as malformed, like the same text in a CSV file.
 */
PASSEND_API passend_status passend_appender_append_date(passend_appender* appender, int32_t year,
                                                        int32_t month, int32_t day);

/**
 * Close the open row and validate its fields.
 * @return PASSEND_OK; PASSEND_INVALID_DATA when a field broke a rule (recorded as a diagnostic;
 *         keep appending, finish reports everything at once); PASSEND_INVALID_ARGUMENT when
 *         the row has fewer values than columns (the row stays open).
 */
PASSEND_API passend_status passend_appender_end_row(passend_appender* appender);

/**
 * Check every rule across tables and hand over the dataset. The appender is empty afterwards
 * and may be used again.
 * @param[out] out_dataset the dataset on success, NULL otherwise; free with passend_dataset_free
 * @param[out] out_diagnostics may be NULL; otherwise every diagnostic (as for
 *             passend_dataset_open_folder)
 * @return PASSEND_OK; PASSEND_INVALID_DATA when a rule is broken (nothing is built; the message
 *         quotes the first error); PASSEND_INVALID_ARGUMENT when a row is still open.
 */
PASSEND_API passend_status passend_appender_finish(passend_appender* appender,
                                                   passend_dataset** out_dataset,
                                                   passend_diagnostics** out_diagnostics);

/** Return the message of the appender's last failed call ("" when it succeeded). Owned by the
 * appender; "" for NULL. */
PASSEND_API const char* passend_appender_error(const passend_appender* appender);

/** Free an appender (and whatever it holds) and set `*appender` to NULL. NULL-safe,
 * double-free-safe. */
PASSEND_API void passend_appender_free(passend_appender** appender);

/* ============================================================================================== */
/* Arrow C Data Interface import                                                                  */
/* ============================================================================================== */

/* The Arrow C data and stream interfaces, verbatim from the Arrow specification
 * (https://arrow.apache.org/docs/format/CDataInterface.html, CStreamInterface.html): an ABI
 * standard, guarded so that a host including arrow/c/abi.h as well compiles. */
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
    /* Array type description */
    const char* format;
    const char* name;
    const char* metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema** children;
    struct ArrowSchema* dictionary;

    /* Release callback */
    void (*release)(struct ArrowSchema*);
    /* Opaque producer-specific data */
    void* private_data;
};

struct ArrowArray {
    /* Array data description */
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void** buffers;
    struct ArrowArray** children;
    struct ArrowArray* dictionary;

    /* Release callback */
    void (*release)(struct ArrowArray*);
    /* Opaque producer-specific data */
    void* private_data;
};

#endif /* ARROW_C_DATA_INTERFACE */

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
    /* Callbacks providing stream functionality */
    int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
    int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
    const char* (*get_last_error)(struct ArrowArrayStream*);

    /* Release callback */
    void (*release)(struct ArrowArrayStream*);

    /* Opaque producer-specific data */
    void* private_data;
};

#endif /* ARROW_C_STREAM_INTERFACE */

/**
 * Append every row of an Arrow stream (a struct-typed schema, e.g. a table exported by pyarrow,
 * polars or DuckDB) to contract table `table`. Fields are matched to contract columns by name
 * (lower case); extra fields are ignored with a warning, as extra CSV columns are. Accepted
 * Arrow types per contract column type:
 *   - text and code columns: utf8, large_utf8, utf8_view, dictionary of those; integers for text
 *     (identifiers);
 *   - date columns: date32, date64, timestamp (any unit, with or without a time zone), or
 *     strings YYYY-MM-DD;
 *   - integer columns: any integer type, or strings;
 *   - amount and score columns: float32/64, decimal128, integers, or strings;
 *   - school-year columns: strings (2024-2025) or integers (the start year);
 *   - the null type for any column (every value absent).
 * A timestamp is the calendar day it falls on: without a time zone (or with UTC) the date of its
 * wall-clock time, with a zone the date of its local time there (a fixed offset like +01:00, or a
 * tz database name like Europe/Amsterdam, read from the OS tz database); the time of day is
 * dropped, so 2024-08-01 13:45 is 2024-08-01. A zone passend cannot resolve is a located
 * diagnostic (rule `unknown_time_zone`) and no row of the stream is taken. A date beyond the
 * years 0000-9999 is rejected as `malformed_date` naming the raw value.
 * Values then pass the same validation as CSV fields; row n is the n-th row of the table, column
 * the 1-based field position in the stream's schema.
 * Arrays that do not hold what their schema says are bad data too: a dictionary index outside
 * the dictionary (rule `dictionary_index_out_of_range`) or string offsets or a view outside the
 * buffers (`malformed_arrow`) reject that row; an array with a negative length or offset, fewer
 * values than its batch, missing buffers or a NULL dictionary (`malformed_arrow`, at the batch's
 * first row) ends the import. The C data interface carries no buffer sizes: an offset within
 * order but past the end of a buffer cannot be seen.
 * @param stream a stream the caller exported. passend takes ownership: it releases the stream
 *        (and every schema and array it reads) whatever the outcome, except when `stream` is
 *        NULL or already released (release == NULL).
 * @return PASSEND_OK; PASSEND_NOT_FOUND for an unknown table; PASSEND_INVALID_DATA when a required
 *         column is missing or a field has a type or time zone that does not fit its column (a
 *         located diagnostic, rule `missing_column` / `wrong_type` / `unknown_time_zone`; no row
 *         of the stream is taken), an array is malformed (the message is the located diagnostic,
 *         e.g. `schools:2:5: error: setting dictionary index 7 is out of range of 2 values
 *         [dictionary_index_out_of_range]`) or a row broke a rule; PASSEND_ERROR when the stream
 *         itself reports an error; PASSEND_INVALID_ARGUMENT for NULL arguments, a schema that is
 *         not a struct or lacks a child, a batch whose children do not match the schema, or a
 *         row left open by the appender.
 */
PASSEND_API passend_status passend_appender_append_arrow(passend_appender* appender,
                                                         const char* table,
                                                         struct ArrowArrayStream* stream);

/* ============================================================================================== */
/* KPI catalogs                                                                                   */
/* ============================================================================================== */

/**
 * An immutable, ordered set of KPI definitions (CONSTRUCTORS: passend_catalog_builtin,
 * passend_catalog_open_json, passend_catalog_open_file, passend_catalog_extend; DESTRUCTOR:
 * passend_catalog_free). Safe to share between threads. The definition format is
 * catalog/kpi-definition.schema.json; docs/kpis.md lists the built-in ids.
 */
typedef struct passend_catalog passend_catalog;

/**
 * Open the catalog built into the library (every standard definition of docs/definitions.md,
 * and the eleven KPIs of the partnerships' Kwaliteitsbeleid 2023-2027, tagged
 * `kwaliteitsbeleid:<n>`).
 * @param[out] out_catalog free with passend_catalog_free
 */
PASSEND_API passend_status passend_catalog_builtin(passend_catalog** out_catalog);

/**
 * Parse a catalog document, `{"version": 1, "kpis": [ {definition}, ... ]}`.
 * @param json NUL-terminated UTF-8
 * @param origin the name messages give the source (NULL: "catalog")
 * @param[out] out_catalog free with passend_catalog_free; NULL on failure
 * @return PASSEND_OK; PASSEND_INVALID_DATA for malformed JSON or an invalid definition (the
 *         message names the KPI id and the JSON path of the field); PASSEND_INVALID_ARGUMENT for
 *         NULL arguments.
 */
PASSEND_API passend_status passend_catalog_open_json(const char* json, const char* origin,
                                                     passend_catalog** out_catalog);

/** As passend_catalog_open_json on the contents of file `path`; PASSEND_NOT_FOUND when it
 * does not exist; PASSEND_INVALID_DATA when it is not a regular file (a directory, a FIFO, a
 * device: never opened) or larger than 256 MiB. */
PASSEND_API passend_status passend_catalog_open_file(const char* path,
                                                     passend_catalog** out_catalog);

/**
 * Make a new catalog: `base` with each definition of `extra` added, replacing one with the same
 * id in place (what the CLI's `--catalog FILE` does to the built-in catalog). Neither input
 * changes.
 * @param[out] out_catalog free with passend_catalog_free
 */
PASSEND_API passend_status passend_catalog_extend(const passend_catalog* base,
                                                  const passend_catalog* extra,
                                                  passend_catalog** out_catalog);

/** Return the number of definitions (0 for NULL). */
PASSEND_API size_t passend_catalog_count(const passend_catalog* catalog);

/**
 * Read definition `index` (0-based). Out-parameters may be NULL; strings are owned by `catalog`.
 * @param[out] out_id e.g. `deelname_so`
 * @param[out] out_title_nl, out_title_en the titles
 * @param[out] out_unit `count`, `percent`, `days`, `euro`, `score` or `years`
 * @param[out] out_source the published document (title, publisher) or official definition it
 *                        follows
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for NULL or an index out of range.
 */
PASSEND_API passend_status passend_catalog_get(const passend_catalog* catalog, size_t index,
                                               const char** out_id, const char** out_title_nl,
                                               const char** out_title_en, const char** out_unit,
                                               const char** out_source);

/**
 * Find the index of definition `kpi_id`.
 * @return PASSEND_OK; PASSEND_NOT_FOUND when the catalog has no such id.
 */
PASSEND_API passend_status passend_catalog_find(const passend_catalog* catalog, const char* kpi_id,
                                                size_t* out_index);

/** Free a catalog and set `*catalog` to NULL. NULL-safe, double-free-safe. */
PASSEND_API void passend_catalog_free(passend_catalog** catalog);

/* ============================================================================================== */
/* Evaluating KPIs                                                                                */
/* ============================================================================================== */

/** Evaluated KPIs: rows of kpi, school year, level, unit, numerator, denominator, value, status
 * (CONSTRUCTOR: passend_evaluate; DESTRUCTOR: passend_result_free). Immutable; safe to share. */
typedef struct passend_result passend_result;

/** What to evaluate. Initialise with PASSEND_EVALUATE_OPTIONS_INIT. Lists are comma-separated. */
typedef struct passend_evaluate_options {
    unsigned int version; /**< PASSEND_EVALUATE_OPTIONS_VERSION (1 ends before `day`; still read) */
    int32_t year;         /**< the school year's start year (2024: 2024-2025); 0: every year */
    const char* units;    /**< unit ids (partnership, board, school, municipality, `onbekend`);
                               NULL: all. The national row `NL` always comes along. */
    const char* levels;   /**< `swv`, `board`, `school`, `municipality`; NULL: all */
    const char* kpis;     /**< KPI ids or tags (`kwaliteitsbeleid`); NULL: the whole catalog */
    int schoolgaand;      /**< 0: so/vso pupils count for their TLV's (paying) partnership;
                               1: for their school's partnership (the dashboard's second view) */
    int suppress;         /**< 1 (default): hide small counts (1-4) and what reveals them, as
                               every published output does; 0: every number (internal use) */
    unsigned int threads; /**< 0: the library's choice; at most 256 */
    /** since version 2: any day `YYYY-MM-DD` on or before the extract date (the monitor): stocks
     * are taken on it, the period counts of its school year run through it, and only that year
     * is reported. NULL: the yearly table. */
    const char* day;
    /** since version 2: the term of tlv_binnen_termijn in days (0: the default, 42) */
    int tlv_term_days;
    /** since version 2: 1: counts over the 12 months up to `day` (NULL: the extract date)
     * instead of from 1 August, compared with the 12 months before */
    int rolling_window;
} passend_evaluate_options;
#define PASSEND_EVALUATE_OPTIONS_VERSION 2
#define PASSEND_EVALUATE_OPTIONS_INIT                                                              \
    { PASSEND_EVALUATE_OPTIONS_VERSION, 0, NULL, NULL, NULL, 0, 1, 0, NULL, 0, 0 }

/**
 * Evaluate the KPIs of `catalog` on `dataset`. Safe to call from many threads on one dataset.
 * With suppression on, the whole catalog is evaluated for every unit and year and suppressed
 * before the rows asked for are selected, so that two selections cannot be combined to reveal a
 * hidden count.
 * @param catalog NULL for the built-in catalog
 * @param options NULL for the defaults
 * @param[out] out_result free with passend_result_free; NULL on failure
 * @return PASSEND_OK; PASSEND_NOT_FOUND for a year outside the data, or a unit, level, KPI id
 *         or tag that does not exist; PASSEND_INVALID_ARGUMENT for NULL dataset or out_result,
 *         an unknown options version or more than 256 threads.
 */
PASSEND_API passend_status passend_evaluate(const passend_dataset* dataset,
                                            const passend_catalog* catalog,
                                            const passend_evaluate_options* options,
                                            passend_result** out_result);

/** Return the number of rows (0 for NULL). Rows are sorted by kpi, year, level, unit. */
PASSEND_API size_t passend_result_count(const passend_result* result);

/**
 * Read row `index`. Out-parameters may be NULL; strings are owned by `result`. A number that is
 * absent (no denominator, no value) or hidden by suppression is NaN; `out_suppressed` says
 * which were hidden.
 * @param[out] out_kpi the KPI id
 * @param[out] out_year the school year's start year
 * @param[out] out_level `national`, `swv`, `board`, `school` or `municipality`
 * @param[out] out_unit `NL`, a partnership, board or school id, or a municipality code
 * @param[out] out_status `op_koers`, `aandacht`, `niet_op_koers`, or "" without a norm or value
 * @param[out] out_suppressed bits PASSEND_HIDDEN_* of the numbers hidden
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for NULL or an index out of range.
 */
PASSEND_API passend_status passend_result_row(const passend_result* result, size_t index,
                                              const char** out_kpi, int32_t* out_year,
                                              const char** out_level, const char** out_unit,
                                              double* out_numerator, double* out_denominator,
                                              double* out_value, const char** out_status,
                                              uint32_t* out_suppressed);
#define PASSEND_HIDDEN_NUMERATOR 1u
#define PASSEND_HIDDEN_DENOMINATOR 2u
#define PASSEND_HIDDEN_VALUE 4u
#define PASSEND_HIDDEN_CHANGE 8u

/* Typed columns: arrays of passend_result_count() elements, owned by `result`, NULL for NULL.
 * Numbers are NaN where absent or hidden (as in passend_result_row). */
PASSEND_API const char* const* passend_result_kpis(const passend_result* result);
PASSEND_API const int32_t* passend_result_years(const passend_result* result);
PASSEND_API const char* const* passend_result_levels(const passend_result* result);
PASSEND_API const char* const* passend_result_units(const passend_result* result);
PASSEND_API const double* passend_result_numerators(const passend_result* result);
PASSEND_API const double* passend_result_denominators(const passend_result* result);
PASSEND_API const double* passend_result_values(const passend_result* result);
/** Value minus the previous school year's value (same KPI and unit); NaN when unknown. */
PASSEND_API const double* passend_result_changes(const passend_result* result);
PASSEND_API const char* const* passend_result_statuses(const passend_result* result);
/** PASSEND_HIDDEN_* bits per row. */
PASSEND_API const uint32_t* passend_result_suppressed(const passend_result* result);
/** 1 per row of a partial school year (its last day is after the extract date: its counts over
 * the year run from 1 August through the extract date, and their change compares with the same
 * period a year earlier), else 0. */
PASSEND_API const int32_t* passend_result_partial(const passend_result* result);

/**
 * The result as one JSON document: `{"extract_date": "2025-03-15", "definitions": [{id,
 * title_nl, title_en, unit, source, norm}], "rows": [{kpi, school_year, level, unit, numerator,
 * denominator, value, status, change, partial}]}`, school years written `2024-2025`, a hidden small
 * count as "<5" and any other hidden or absent number as null.
 * @param[out] out_json owned by `result` (made on first use; thread-safe)
 */
PASSEND_API passend_status passend_result_json(const passend_result* result, const char** out_json);

/** Free a result and set `*result` to NULL. NULL-safe, double-free-safe. */
PASSEND_API void passend_result_free(passend_result** result);

/* ============================================================================================== */
/* Explaining a value: the pupils behind it                                                       */
/* ============================================================================================== */

/** An immutable list of strings (DESTRUCTOR: passend_strings_free). */
typedef struct passend_strings passend_strings;

/** Return the number of strings (0 for NULL). */
PASSEND_API size_t passend_strings_count(const passend_strings* strings);
/** Return string `index`, owned by `strings`; NULL for NULL or an index out of range. */
PASSEND_API const char* passend_strings_get(const passend_strings* strings, size_t index);
/** Free a list and set `*strings` to NULL. NULL-safe, double-free-safe. */
PASSEND_API void passend_strings_free(passend_strings** strings);

/**
 * The pupil ids (pseudonyms, sorted) counted in one number of passend_evaluate(): the
 * numerator (or denominator) of `kpi_id` in school year `year` for `unit`. Records without a
 * pupil (group arrangements, money, assessments) contribute no ids. Internal use: these are
 * the records behind a possibly small count.
 * @param catalog NULL for the built-in catalog
 * @param unit `NL` for national, or a partnership, board, school id or municipality code
 * @param level NULL to infer it from `unit`; else `national`, `swv`, `board`, `school`,
 *        `municipality` (a municipality code and a school id may look alike)
 * @param denominator 0 for the numerator, 1 for the denominator
 * @param schoolgaand as in passend_evaluate_options
 * @param[out] out_pupils free with passend_strings_free
 * @return PASSEND_OK; PASSEND_NOT_FOUND for an unknown KPI id, unit or level, or a year outside
 *         the data; PASSEND_INVALID_ARGUMENT for NULL arguments.
 */
PASSEND_API passend_status passend_explain(const passend_dataset* dataset,
                                           const passend_catalog* catalog, const char* kpi_id,
                                           int32_t year, const char* level, const char* unit,
                                           int denominator, int schoolgaand,
                                           passend_strings** out_pupils);

/* ============================================================================================== */
/* Focus plans: a plan's indicators against its targets                                           */
/* ============================================================================================== */

/** How passend_plan_evaluate() reads the data. Initialise with PASSEND_PLAN_OPTIONS_INIT. */
typedef struct passend_plan_options {
    unsigned int version; /**< PASSEND_PLAN_OPTIONS_VERSION */
    int32_t year;         /**< the school year's start year (2024: 2024-2025); 0 (default): the
                               latest year the data covers, as `passend plan` does */
    int suppress;         /**< 1 (default): small counts (1-4) show as "<5", and the numbers,
                               changes and statuses that would reveal one are null, as in every
                               published output; 0: every number (internal use) */
    const char* subject;  /**< what the figures are of (the JSON's "subject", e.g. the source of
                               the data); NULL: "" */
} passend_plan_options;
#define PASSEND_PLAN_OPTIONS_VERSION 1
#define PASSEND_PLAN_OPTIONS_INIT                                                                  \
    { PASSEND_PLAN_OPTIONS_VERSION, 0, 1, NULL }

/**
 * Evaluate a focus plan (the KPI template of "Integrale kwaliteitszorg", Perspectief op School
 * 2019, as JSON; docs/quality-cycle.md) on `dataset` for one school year: per focus point
 * each indicator's baseline, the value the year before and in the year, the change, the plan's
 * target and the status against it. The same code as the command
 * `passend plan PLAN.json DIR --format json`: KPIs of the built-in catalog for every year and
 * unit, suppressed before the plan's rows are read, so the JSON is the command's byte for byte
 * (with the same subject). Safe to call from many threads on one dataset.
 * @param plan_json the plan, NUL-terminated UTF-8; its KPI ids must be in the built-in catalog
 * @param source_name the name diagnostics give as file (e.g. the plan's path); NULL: "plan.json"
 * @param options NULL for the defaults
 * @param[out] out_json the evaluation as JSON, format `passend-plan-1` (docs/quality-cycle.md),
 *             indented, ending in a newline; NULL on failure. It belongs to the caller: free it
 *             with passend_string_free.
 * @param[out] out_diagnostics may be NULL; otherwise receives the plan's diagnostics: every
 *             problem on PASSEND_INVALID_DATA (file `source_name`, rule, and in the message the
 *             focus point and the JSON pointer, e.g. `/focus_points/0/indicators/1/kpi`; line and
 *             column for a JSON syntax error); on success a warning (rule `unit_without_figures`)
 *             per indicator unit the data has no figures for (a plan for another region); an
 *             empty list on PASSEND_NOT_FOUND; NULL after misuse. Free with
 *             passend_diagnostics_free.
 * @return PASSEND_OK; PASSEND_INVALID_DATA for an invalid plan (malformed JSON, an unknown
 *         member or KPI id, a bad target, ...; the message lists every problem, one per line, as
 *         the command prints them: `plans/broken.json: error: focus point 'so-daling'
 *         /focus_points/0/indicators/0/kpi: unknown KPI id 'deelname_sox'`); PASSEND_NOT_FOUND
 *         for a `year` the data does not cover (the message names the years it does) or data
 *         that gives no KPI figures; PASSEND_INVALID_ARGUMENT for a NULL dataset, plan_json or
 *         out_json, or an unknown options version.
 */
PASSEND_API passend_status passend_plan_evaluate(const passend_dataset* dataset,
                                                 const char* plan_json, const char* source_name,
                                                 const passend_plan_options* options,
                                                 char** out_json,
                                                 passend_diagnostics** out_diagnostics);

/** Free a string passend handed to the caller (the out_json of passend_plan_evaluate,
 * passend_monitor_json and passend_coverage_json) and set
 * `*string` to NULL. NULL-safe, double-free-safe. Never pass a string a handle owns. */
PASSEND_API void passend_string_free(char** string);

/* ============================================================================================== */
/* The partnership's monitor                                                                      */
/* ============================================================================================== */

/** What passend_monitor_json() shows. Initialise with PASSEND_MONITOR_OPTIONS_INIT. */
typedef struct passend_monitor_options {
    unsigned int version; /**< PASSEND_MONITOR_OPTIONS_VERSION */
    const char* day;      /**< the day D, `YYYY-MM-DD`, on or before the extract date; NULL:
                               the extract date */
    const char* units;    /**< partnership ids, comma-separated; NULL: every partnership */
    int schoolgaand;      /**< as in passend_evaluate_options */
    int suppress;         /**< 1 (default): small counts (1-4) show as "<5" and what would
                               reveal one is null; 0: every number (internal use) */
    int tlv_term_days;    /**< the legal term of a TLV decision in days; 0: 42 */
    unsigned int threads; /**< 0: the library's choice; at most 256 */
    const char* subject;  /**< what the data is (the JSON's "subject"); NULL: "" */
} passend_monitor_options;
#define PASSEND_MONITOR_OPTIONS_VERSION 1
#define PASSEND_MONITOR_OPTIONS_INIT                                                               \
    { PASSEND_MONITOR_OPTIONS_VERSION, NULL, NULL, 0, 1, 0, 0, NULL }

/**
 * The partnership's monitor on one day as a `passend-monitor` JSON document (docs/monitor.md):
 * per partnership the headline figures with their change against the same period last year,
 * the national value and a published reference value; open TLV requests by age; thuiszitters
 * on the day by duration; cross-border pupils and money. The same code as
 * `passend monitor DIR --format json`: with the same subject the bytes are the command's.
 * Safe to call from many threads on one dataset.
 * @param options NULL for the defaults
 * @param[out] out_json free with passend_string_free; NULL on failure
 * @return PASSEND_OK; PASSEND_NOT_FOUND for a day after the extract date or a unit that is not a
 *         partnership of the data; PASSEND_INVALID_ARGUMENT for a NULL dataset or out_json, an
 *         unknown options version, a malformed day, a term outside 0-3660 days or more than 256
 *         threads.
 */
PASSEND_API passend_status passend_monitor_json(const passend_dataset* dataset,
                                                const passend_monitor_options* options,
                                                char** out_json);

/* ============================================================================================== */
/* The covering network of support and continuity                                                */
/* ============================================================================================== */

/** What passend_coverage_json() shows. Initialise with PASSEND_COVERAGE_OPTIONS_INIT. */
typedef struct passend_coverage_options {
    unsigned int version; /**< PASSEND_COVERAGE_OPTIONS_VERSION */
    const char* year;     /**< the school year, `2024-2025` or `2024`; NULL: the latest reported
                               year with support offers */
    const char* unit;     /**< one partnership id; NULL: every partnership */
    int suppress;         /**< 1 (default): pupil counts 1-4 show as "<5" without occupancy;
                               0: every number (internal use) */
} passend_coverage_options;
#define PASSEND_COVERAGE_OPTIONS_VERSION 1
#define PASSEND_COVERAGE_OPTIONS_INIT                                                              \
    { PASSEND_COVERAGE_OPTIONS_VERSION, NULL, NULL, 1 }

/**
 * The covering network of support as JSON (docs/coverage.md): per partnership a cell per support
 * domain and municipality of its region (places, pupils and occupancy on teldatum, state
 * `covered`, `over_demanded` or `no_offer`), the gaps and findings in words, the costs per domain
 * and level split over calendar years, and the continuity check of its reserves per calendar
 * year. The same code as `passend coverage DIR --format json`: the bytes are the command's.
 * Safe to call from many threads on one dataset.
 * @param options NULL for the defaults
 * @param[out] out_json free with passend_string_free; NULL on failure
 * @return PASSEND_OK; PASSEND_NOT_FOUND for a unit that is not a partnership of the data or a
 *         year the data do not report; PASSEND_INVALID_ARGUMENT for a NULL dataset or out_json,
 *         an unknown options version or a malformed year.
 */
PASSEND_API passend_status passend_coverage_json(const passend_dataset* dataset,
                                                 const passend_coverage_options* options,
                                                 char** out_json);

/* ============================================================================================== */
/* Flows and forecasts as matrices */
/* ============================================================================================== */

/** A matrix of doubles, row-major, with a label per row and per column (DESTRUCTOR:
 * passend_matrix_free). Immutable; safe to share. */
typedef struct passend_matrix passend_matrix;

/** Return the number of rows (0 for NULL). */
PASSEND_API size_t passend_matrix_rows(const passend_matrix* matrix);
/** Return the number of columns (0 for NULL). */
PASSEND_API size_t passend_matrix_cols(const passend_matrix* matrix);
/** Return the rows * cols values, row by row (element [i][j] at i * cols + j); owned by the
 * matrix; NULL for NULL. A suppressed count is NaN. */
PASSEND_API const double* passend_matrix_data(const passend_matrix* matrix);
/** Return the label of row `i` (e.g. `bao`, `instroom`); NULL for NULL or out of range. */
PASSEND_API const char* passend_matrix_row_label(const passend_matrix* matrix, size_t i);
/** Return the label of column `j` (e.g. `sbo`, `uitstroom_diploma`); NULL for NULL or out of
 * range. */
PASSEND_API const char* passend_matrix_col_label(const passend_matrix* matrix, size_t j);
/** Free a matrix and set `*matrix` to NULL. NULL-safe, double-free-safe. */
PASSEND_API void passend_matrix_free(passend_matrix** matrix);

/** Which flow table passend_flows() returns. */
typedef enum passend_flow_table {
    /** Changes of state in the window (teldatum of the previous year, teldatum of `year`]: rows
     * bao..vso, instroom, elders, onderweg; columns bao..vso, elders, onderweg, uitstroom_<exit>.
     * Stock at T(year) = stock at T(year-1) + column sums - row sums, per setting. */
    PASSEND_FLOWS_WINDOW = 0,
    /** Setting at the previous teldatum (rows) against setting at this one (columns), with
     * `elders` (another unit) and `buiten` (no enrolment): the dashboard's verplaatsingen. */
    PASSEND_FLOWS_YEAR_OVER_YEAR = 1,
    /** One row `stock`: pupils per setting at the teldatum of `year`. */
    PASSEND_FLOWS_STOCK = 2,
    /** One row `transitions`: transitions by kind during school year `year`. */
    PASSEND_FLOWS_KINDS = 3
} passend_flow_table;

/**
 * Read a flow table of school year `year` for `unit`. The first call on a dataset computes the
 * tables of every year and unit in one pass (thread-safe; later calls only copy).
 * @param unit NULL or `NL` for the nation, else a partnership, board or school id
 * @param schoolgaand as in passend_evaluate_options
 * @param suppress 1: counts 1-4 become NaN, as published outputs hide them; 0: every count
 * @param[out] out_matrix free with passend_matrix_free
 * @param table a passend_flow_table (an int, so that any number a binding passes is safe)
 * @return PASSEND_OK; PASSEND_NOT_FOUND for a unit or year the tables do not have;
 *         PASSEND_INVALID_ARGUMENT for NULL arguments, an unknown table or a `year` outside
 *         1900-2200.
 */
PASSEND_API passend_status passend_flows(const passend_dataset* dataset, int32_t year,
                                         const char* unit, int table, int schoolgaand, int suppress,
                                         passend_matrix** out_matrix);

/**
 * Project the pupils per setting of `unit` for the next school years (a cohort-component model
 * fitted on every pair of consecutive teldata; docs/flows.md), with an optional scenario.
 * Each matrix has a row per school year (labels `2025-2026`) and a column per setting (`bao`
 * .. `vso`).
 * @param unit NULL or `NL` for the nation, else a partnership, board or school id
 * @param years school years to project after the last observed teldatum (0: 5; at most 50)
 * @param scenario_json NULL for none, else a scenario document, e.g.
 *        `{"name": "minder so", "rates": [{"from": "bao", "to": "so", "factor": 0.9}]}`
 * @param schoolgaand as in passend_evaluate_options
 * @param[out] out_observed may be NULL; the observed pupils per setting at each teldatum, NaN
 *             where passend_flows (suppress 1) hides that stock: a small count or one that would
 *             reveal one (the internal numbers: passend_flows with suppress 0)
 * @param[out] out_baseline may be NULL; the projection without scenario
 * @param[out] out_scenario may be NULL; the projection under the scenario (NULL when
 *             `scenario_json` is NULL)
 * Free every matrix returned with passend_matrix_free.
 * @return PASSEND_OK; PASSEND_NOT_FOUND for an unknown unit; PASSEND_INVALID_DATA for a
 *         malformed scenario or data with fewer than two observed teldata;
 *         PASSEND_INVALID_ARGUMENT for a NULL dataset or `years` outside 0-50.
 */
PASSEND_API passend_status passend_forecast(const passend_dataset* dataset, const char* unit,
                                            int32_t years, const char* scenario_json,
                                            int schoolgaand, passend_matrix** out_observed,
                                            passend_matrix** out_baseline,
                                            passend_matrix** out_scenario);

#ifdef __cplusplus
}
#endif

#endif /* PASSEND_H */
