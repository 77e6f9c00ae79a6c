// SPDX-License-Identifier: EUPL-1.2
// Loading from Arrow: tables handed over through the Arrow C data interface (pyarrow, polars,
// DuckDB, nanoarrow, arrow-rs: any producer), without a dependency on an Arrow library.
//
// A table is a stream of struct batches (a record batch reader) or one struct array with its
// schema. Fields are matched to the contract's columns by name (any case), their Arrow types
// checked against the columns' types, and the values made into typed rows directly (dates from
// date32/date64/timestamps, numbers from integers, floats and decimals), text values read as a
// CSV field is. Every problem is a located diagnostic: the table as file, the 1-based row (across
// batches) as line, the field's 1-based position as column, the value and the rule. The C ABI
// (passend_appender_append_arrow) and Python's Dataset.from_arrow call this.
#pragma once

#include "passend/builder.hpp"
#include "passend/config.hpp"
#include "passend/error.hpp"
#include "passend/schema.hpp"

#include <cstdint>
#include <span>
#include <stdint.h> // int64_t unqualified, as the C structs below name it
#include <string>

// The Arrow C data and stream interfaces, verbatim from the Arrow specification
// (https://arrow.apache.org/docs/format/CDataInterface.html, CStreamInterface.html): an ABI
// standard, guarded so that a program including arrow/c/abi.h or passend.h as well compiles.
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
    const char* format;
    const char* name;
    const char* metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema** children;
    struct ArrowSchema* dictionary;
    void (*release)(struct ArrowSchema*);
    void* private_data;
};

struct ArrowArray {
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void** buffers;
    struct ArrowArray** children;
    struct ArrowArray* dictionary;
    void (*release)(struct ArrowArray*);
    void* private_data;
};

#endif // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
    int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
    int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
    const char* (*get_last_error)(struct ArrowArrayStream*);
    void (*release)(struct ArrowArrayStream*);
    void* private_data;
};

#endif // ARROW_C_STREAM_INTERFACE

PASSEND_NAMESPACE_BEGIN

/// A stream of Arrow batches failed on the producer's side (get_schema or get_next returned an
/// error): not bad data, so no diagnostic can locate it. The message holds the producer's.
class arrow_stream_error : public error {
public:
    using error::error;
};

/// One contract table as an Arrow stream. The loader takes the stream over and releases it,
/// whatever happens (as the C stream interface has a consumer do).
struct arrow_table {
    table id;
    ArrowArrayStream* stream;
};

/// A stream of the one struct array `batch` with its schema, both taken over (moved from: their
/// release callbacks are cleared). For a producer that hands out record batches, not streams.
ArrowArrayStream arrow_stream_of(ArrowSchema& schema, ArrowArray& batch);

/// Append table `t`'s rows from `stream` to `builder`, taking the stream over. Rows are
/// numbered on from `rows` (the table's rows added so far), which grows by the rows read. Every
/// problem is reported to the builder, so its finish() lists them all. Returns the first error
/// the import found itself (a missing or mistyped column, a value the arrays do not hold, a
/// malformed batch) as `table:row:column: error: ... [rule]`, or "" when it found none; rows
/// that break a contract rule are the builder's diagnostics (check its error_count()).
/// Throws invalid_argument when the stream is not one of structs (its schema is not a struct,
/// a child is missing, a batch has other children than the schema) and arrow_stream_error when
/// the producer fails.
std::string append_arrow(dataset_builder& builder, table t, ArrowArrayStream& stream,
                         std::uint64_t& rows);

/// A dataset from Arrow tables (schools, pupils and enrolments required; a table given twice
/// continues its rows): the dataset, or none and every diagnostic (`.value()` throws load_error
/// with them). Every stream is released, also when the load fails; throws as append_arrow does.
load_result load_arrow(std::span<const arrow_table> tables, const load_options& options = {});

PASSEND_NAMESPACE_END
