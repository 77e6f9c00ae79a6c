/*
 * passend.h: the C interface of passend (libpassend_c), installed as <passend/passend.h>.
 *
 * passend computes the figures of Dutch "passend onderwijs" (pupil counts per setting, referrals,
 * thuiszitters, TLVs, money, ...) from pupil-level records that follow the input contract
 * (shared/DATA_CONTRACT.md, reproduced in the README). This header is the reference manual of
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

/** Return a short English description of a status code (static storage; never NULL). */
PASSEND_API const char* passend_errstr(passend_status status);

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
 * passend_appender_finish; DESTRUCTOR: passend_dataset_free). Safe to share between threads.
 */
typedef struct passend_dataset passend_dataset;

/** How a load behaves. Initialise with PASSEND_LOAD_OPTIONS_INIT. */
typedef struct passend_load_options {
    unsigned int version; /**< PASSEND_LOAD_OPTIONS_VERSION */
    uint64_t max_errors;  /**< stop collecting errors after this many; 0: no cap (default 200) */
} passend_load_options;
#define PASSEND_LOAD_OPTIONS_VERSION 1
#define PASSEND_LOAD_OPTIONS_INIT                                                                  \
    { PASSEND_LOAD_OPTIONS_VERSION, 200 }

/**
 * Open the contract tables in folder `path` (schools.csv, pupils.csv and enrolments.csv
 * required; CSV per RFC 4180, UTF-8).
 * @param path the folder (UTF-8)
 * @param options NULL for the defaults
 * @param[out] out_dataset the dataset on success, NULL otherwise; free with passend_dataset_free
 * @param[out] out_diagnostics may be NULL; otherwise receives every diagnostic of the load
 *             (warnings on success, errors and warnings on PASSEND_INVALID_DATA, an empty list
 *             on other failures); free with passend_diagnostics_free. Set in every case.
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
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a NULL out_dataset or unknown options version.
 */
PASSEND_API passend_status passend_dataset_open_demo(const passend_demo_options* options,
                                                     passend_dataset** out_dataset);

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
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for NULL arguments.
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
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a NULL out_appender or unknown options version.
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
 * numbers by the host), amount columns (euros) and school-year columns (the start year: 2024 is
 * 2024-2025).
 * @return PASSEND_OK; PASSEND_INVALID_ARGUMENT for a date, code or score column (the value is not
 *         taken: append another), or as passend_appender_append_text.
 */
PASSEND_API passend_status passend_appender_append_int64(passend_appender* appender, int64_t value);

/**
 * Append a number. Fits amount columns (euros; rounded to cents when within 1e-6 of a whole
 * cent, otherwise rejected by validation as having more than two decimals) and score columns.
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
 *   - date columns: date32, date64, or strings YYYY-MM-DD;
 *   - integer columns: any integer type, or strings;
 *   - amount and score columns: float32/64, integers, or strings;
 *   - school-year columns: strings (2024-2025) or integers (the start year);
 *   - the null type for any column (every value absent).
 * Values then pass the same validation as CSV fields; row n is the n-th row of the table, column
 * the 1-based field position in the stream's schema.
 * @param stream a stream the caller exported. passend takes ownership: it releases the stream
 *        (and every schema and array it reads) whatever the outcome, except when `stream` is
 *        NULL or already released (release == NULL).
 * @return PASSEND_OK; PASSEND_NOT_FOUND for an unknown table; PASSEND_INVALID_DATA when a required
 *         column is missing or a field has a type that does not fit its column (a located
 *         diagnostic, rule `missing_column` / `wrong_type`; no row of the stream is taken) or a
 *         row broke a rule; PASSEND_ERROR when the stream itself reports an error;
 *         PASSEND_INVALID_ARGUMENT for NULL arguments, a schema that is not a struct, or a row
 *         left open by the appender.
 */
PASSEND_API passend_status passend_appender_append_arrow(passend_appender* appender,
                                                         const char* table,
                                                         struct ArrowArrayStream* stream);

#ifdef __cplusplus
}
#endif

#endif /* PASSEND_H */
