// SPDX-License-Identifier: EUPL-1.2
// Private to libpassend_c: the structs behind the opaque handles of passend.h, and the guard
// every entry point runs its work in so that no exception crosses the C boundary.
#pragma once

#include "passend.h"

#include "passend/builder.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"
#include "passend/limits.hpp"
#include "passend/schema.hpp"

#include "io/typed_cells.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct passend_diagnostics {
    std::vector<passend::diagnostic> items;
    std::vector<std::string> texts; ///< one line each, made once so the pointers stay valid
    std::size_t errors = 0;
};

struct passend_dataset {
    passend::dataset_ptr data;
    /// Flow tables per attribution view (paying, schoolgaand), computed on first use. Held as
    /// shared_ptr<const void> so this header needs no flows header (capi_flows.cpp casts).
    struct flow_cache {
        std::once_flag once;
        std::shared_ptr<const void> tables;
    };
    mutable flow_cache flows[2];

    std::string extract_date; ///< `YYYY-MM-DD`, for passend_dataset_extract_date

    explicit passend_dataset(passend::dataset_ptr d)
        : data(std::move(d)), extract_date(passend::format_day(data->extract_date())) {}
};

struct passend_appender {
    passend::dataset_builder builder;
    std::string error; ///< message of the last failed call on this appender
    // The table being appended to: which contract column each given column feeds.
    bool begun = false;
    passend::table current{};
    std::vector<std::size_t> column_of;       ///< given position -> contract column index
    std::vector<passend::detail::cell> cells; ///< the open row, in contract column order
    std::vector<std::string> texts;           ///< the texts its cells point to
    std::size_t next = 0;                     ///< given position of the next value
    std::size_t pupil_column = 0;             ///< the table's pupil_id column (none: past the end)
    std::uint64_t rows[passend::table_count] = {};

    explicit passend_appender(passend::load_options o) : builder(o) {}
    bool row_open() const noexcept { return next > 0; }
    /// Add the open row (typed, or through the CSV path when a value needs it) and clear it;
    /// false when it added an error.
    bool add_row();
};

namespace passend::capi {

/// Store `message` as the calling thread's last error and return `status`. Never throws.
passend_status fail(passend_status status, std::string_view message) noexcept;
/// Clear the calling thread's last error.
void clear_error() noexcept;

/// Run `work` (returning a passend_status) with the thread's error cleared first and every
/// exception turned into a status and message.
template <class F>
passend_status guard(F&& work) noexcept {
    try {
        clear_error();
        return work();
    } catch (const std::bad_alloc&) {
        return fail(PASSEND_NO_MEMORY, "out of memory");
    } catch (const load_error& e) {
        return fail(PASSEND_INVALID_DATA, e.what());
    } catch (const invalid_argument& e) {
        return fail(PASSEND_INVALID_ARGUMENT, e.what());
    } catch (const std::exception& e) {
        return fail(PASSEND_ERROR, std::string("internal error: ") + e.what());
    } catch (...) {
        return fail(PASSEND_ERROR, "internal error: unknown exception");
    }
}

/// The usual misuse check: `name` must not be NULL.
inline passend_status null_argument(const char* function, const char* name) {
    return fail(PASSEND_INVALID_ARGUMENT, std::string(function) + ": " + name + " is NULL");
}

/// The usual misuse check: an options struct of a version this library does not know.
inline passend_status unknown_version(const char* function, const char* type, const char* init) {
    return fail(PASSEND_INVALID_ARGUMENT,
                std::string(function) + ": unknown " + type + " version (use " + init + ")");
}

/// The usual misuse check: a school year's start within school_year's accepted range.
inline passend_status year_out_of_range(const char* function, std::int64_t year) {
    try {
        (void)school_year::checked(year);
    } catch (const invalid_argument& e) {
        return fail(PASSEND_INVALID_ARGUMENT, std::string(function) + ": " + e.what());
    }
    return PASSEND_OK;
}

/// The usual misuse check: `index` must be below `count`.
inline passend_status out_of_range(const char* function, std::size_t index, std::size_t count) {
    return fail(PASSEND_INVALID_ARGUMENT, std::string(function) + ": index " +
                                              std::to_string(index) + " is out of range (count " +
                                              std::to_string(count) + ")");
}

/// A new diagnostics handle holding `items` (texts formatted once).
passend_diagnostics* make_diagnostics(std::vector<diagnostic> items);

/// Hand a load's outcome to the caller: the dataset or PASSEND_INVALID_DATA with the first
/// error as message; the diagnostics when asked for.
passend_status deliver(load_result result, passend_dataset** out_dataset,
                       passend_diagnostics** out_diagnostics);

/// max_errors and as_of from an options struct (NULL: the defaults); the problem (an unknown
/// version, a malformed date) or empty.
std::string read_options(const passend_load_options* options, load_options& out);

/// Split a comma-separated option list (`"PO3104, PO3105"`), trimming spaces; empty items dropped.
std::vector<std::string> split(const char* list);

/// A copy of `text` the caller frees with passend_string_free (malloc: no C++ allocator crosses).
char* caller_string(const std::string& text);

} // namespace passend::capi
