// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: version, errors, diagnostics and datasets opened from a folder, JSON or the demo.
#include "capi.hpp"

#include "passend/demo.hpp"
#include "passend/load.hpp"
#include "passend/schema.hpp"
#include "passend/snapshot.hpp"

#include <cstring>
#include <filesystem>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

namespace {
thread_local std::string last_error;

/// The contract table named `name`, or PASSEND_NOT_FOUND.
passend_status lookup_table(const char* function, const char* name, table& out) {
    if (!name) return null_argument(function, "table");
    if (const auto t = find_table(name)) {
        out = *t;
        return PASSEND_OK;
    }
    return capi::fail(PASSEND_NOT_FOUND,
                      std::string(function) + ": the contract has no table '" + name + "'");
}
} // namespace

namespace passend::capi {

passend_status fail(passend_status status, std::string_view message) noexcept {
    try {
        last_error.assign(message);
    } catch (...) {
        last_error.clear(); // out of memory: the status still says what happened
    }
    return status;
}

void clear_error() noexcept {
    last_error.clear();
}

passend_diagnostics* make_diagnostics(std::vector<diagnostic> items) {
    auto* d = new passend_diagnostics;
    try {
        d->texts.reserve(items.size());
        for (const auto& item : items) {
            d->texts.push_back(to_string(item) + " [" + item.rule + "]");
            if (item.level == severity::error) ++d->errors;
        }
        d->items = std::move(items);
    } catch (...) {
        delete d;
        throw;
    }
    return d;
}

passend_status deliver(load_result result, passend_dataset** out_dataset,
                       passend_diagnostics** out_diagnostics) {
    if (out_diagnostics) *out_diagnostics = make_diagnostics(result.diagnostics);
    if (!result.ok()) return fail(PASSEND_INVALID_DATA, load_error(result.diagnostics).what());
    *out_dataset = new passend_dataset(std::move(result.data));
    return PASSEND_OK;
}

std::string read_options(const passend_load_options* options, load_options& out) {
    if (!options) return {};
    // Version 1 ends before as_of, version 2 before tables: read only what it has.
    if (options->version < 1 || options->version > PASSEND_LOAD_OPTIONS_VERSION)
        return "unknown passend_load_options version (use PASSEND_LOAD_OPTIONS_INIT)";
    out.max_errors = static_cast<std::size_t>(options->max_errors);
    if (options->version >= 2 && options->as_of) {
        out.as_of = parse_day(options->as_of);
        if (!out.as_of)
            return std::string("as_of '") + options->as_of + "' is not a date like 2025-03-15";
    }
    if (options->version >= 3 && options->tables) {
        table_set read;
        for (std::string_view list = options->tables;;) {
            const auto comma = list.find(',');
            const auto name = detail::trim(list.substr(0, comma));
            const auto t = find_table(name);
            if (!t || spec(*t).name != name)
                return "tables: no table named '" + std::string(name) + "' in the contract";
            read.insert(*t);
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
        out.tables = read;
    }
    return {};
}

} // namespace passend::capi

extern "C" {

const char* passend_version(void) {
    return PASSEND_VERSION_STRING;
}
int passend_version_number(void) {
    return PASSEND_VERSION_NUMBER;
}
int passend_abi_version(void) {
    return PASSEND_ABI_VERSION;
}

passend_status passend_check_abi(int abi_version) {
    return guard([&] {
        if (abi_version == PASSEND_ABI_VERSION) return PASSEND_OK;
        return capi::fail(PASSEND_ABI_MISMATCH,
                          "passend_check_abi: the caller was compiled for ABI " +
                              std::to_string(abi_version) + ", libpassend_c " +
                              PASSEND_VERSION_STRING + " has ABI " +
                              std::to_string(PASSEND_ABI_VERSION));
    });
}

const char* passend_errstr(int status) {
    switch (status) {
    case PASSEND_OK:
        return "ok";
    case PASSEND_ERROR:
        return "internal error";
    case PASSEND_INVALID_ARGUMENT:
        return "invalid argument";
    case PASSEND_INVALID_DATA:
        return "invalid data";
    case PASSEND_NOT_FOUND:
        return "not found";
    case PASSEND_NO_MEMORY:
        return "out of memory";
    case PASSEND_ABI_MISMATCH:
        return "ABI mismatch";
    }
    return "unknown status";
}

const char* passend_last_error(void) {
    return last_error.c_str();
}

// ---- diagnostics --------------------------------------------------------------------------------

size_t passend_diagnostics_count(const passend_diagnostics* diagnostics) {
    return diagnostics ? diagnostics->items.size() : 0;
}

size_t passend_diagnostics_error_count(const passend_diagnostics* diagnostics) {
    return diagnostics ? diagnostics->errors : 0;
}

passend_status passend_diagnostics_get(const passend_diagnostics* diagnostics, size_t index,
                                       int* out_severity, const char** out_file, uint64_t* out_line,
                                       uint32_t* out_column, const char** out_rule,
                                       const char** out_message) {
    return guard([&] {
        if (!diagnostics) return null_argument("passend_diagnostics_get", "diagnostics");
        if (index >= diagnostics->items.size())
            return capi::out_of_range("passend_diagnostics_get", index, diagnostics->items.size());
        const auto& d = diagnostics->items[index];
        if (out_severity)
            *out_severity =
                d.level == severity::error ? PASSEND_SEVERITY_ERROR : PASSEND_SEVERITY_WARNING;
        if (out_file) *out_file = d.file.c_str();
        if (out_line) *out_line = d.line;
        if (out_column) *out_column = d.column;
        if (out_rule) *out_rule = d.rule.c_str();
        if (out_message) *out_message = d.message.c_str();
        return PASSEND_OK;
    });
}

const char* passend_diagnostics_text(const passend_diagnostics* diagnostics, size_t index) {
    if (!diagnostics || index >= diagnostics->texts.size()) return nullptr;
    return diagnostics->texts[index].c_str();
}

void passend_diagnostics_free(passend_diagnostics** diagnostics) {
    if (!diagnostics) return;
    delete *diagnostics;
    *diagnostics = nullptr;
}

// ---- datasets -----------------------------------------------------------------------------------

passend_status passend_dataset_open_folder(const char* path, const passend_load_options* options,
                                           passend_dataset** out_dataset,
                                           passend_diagnostics** out_diagnostics) {
    if (out_dataset) *out_dataset = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_open_folder";
        if (!path) return null_argument(fn, "path");
        if (!out_dataset) return null_argument(fn, "out_dataset");
        load_options opts;
        if (const auto bad = capi::read_options(options, opts); !bad.empty())
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": " + bad);
        const auto dir = std::filesystem::u8path(path);
        if (is_snapshot(dir))
            return capi::deliver(load_snapshot(dir, opts), out_dataset, out_diagnostics);
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics({});
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the folder '" + path + "' does not exist");
        }
        return capi::deliver(load_folder(dir, opts), out_dataset, out_diagnostics);
    });
}

passend_status passend_dataset_open_json(const char* json, const char* source_name,
                                         const passend_load_options* options,
                                         passend_dataset** out_dataset,
                                         passend_diagnostics** out_diagnostics) {
    if (out_dataset) *out_dataset = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_open_json";
        if (!json) return null_argument(fn, "json");
        if (!out_dataset) return null_argument(fn, "out_dataset");
        load_options opts;
        if (const auto bad = capi::read_options(options, opts); !bad.empty())
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": " + bad);
        return capi::deliver(load_json(json, source_name ? source_name : "data.json", opts),
                             out_dataset, out_diagnostics);
    });
}

passend_status passend_dataset_open_snapshot(const char* path, passend_dataset** out_dataset,
                                             passend_diagnostics** out_diagnostics) {
    if (out_dataset) *out_dataset = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_open_snapshot";
        if (!path) return null_argument(fn, "path");
        if (!out_dataset) return null_argument(fn, "out_dataset");
        const auto file = std::filesystem::u8path(path);
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics({});
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the file '" + path + "' does not exist");
        }
        return capi::deliver(load_snapshot(file), out_dataset, out_diagnostics);
    });
}

passend_status passend_dataset_save_snapshot(const passend_dataset* dataset, const char* path) {
    return guard([&] {
        constexpr auto fn = "passend_dataset_save_snapshot";
        if (!dataset) return null_argument(fn, "dataset");
        if (!path) return null_argument(fn, "path");
        try {
            save_snapshot(*dataset->data, std::filesystem::u8path(path));
        } catch (const passend::error& e) {
            return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": " + e.what());
        }
        return PASSEND_OK;
    });
}

passend_status passend_dataset_open_demo(const passend_demo_options* options,
                                         passend_dataset** out_dataset) {
    if (out_dataset) *out_dataset = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_open_demo";
        if (!out_dataset) return null_argument(fn, "out_dataset");
        demo_options opts;
        if (options) {
            if (options->version != PASSEND_DEMO_OPTIONS_VERSION)
                return capi::fail(PASSEND_INVALID_ARGUMENT,
                                  std::string(fn) + ": unknown passend_demo_options version "
                                                    "(use PASSEND_DEMO_OPTIONS_INIT)");
            if (options->years < 0 || options->partnerships < 0 || options->last_year < 0)
                return capi::fail(PASSEND_INVALID_ARGUMENT,
                                  std::string(fn) + ": years, last_year and partnerships must "
                                                    "not be negative");
            if (options->pupils) opts.pupils = options->pupils;
            if (options->years) opts.years = options->years;
            if (options->last_year) opts.last_year = options->last_year;
            if (options->partnerships) opts.partnerships = options->partnerships;
            if (options->seed) opts.seed = options->seed;
        }
        *out_dataset = new passend_dataset(make_demo(opts));
        return PASSEND_OK;
    });
}

passend_status passend_dataset_extract_date(const passend_dataset* dataset, const char** out_date,
                                            const char** out_origin) {
    if (out_date) *out_date = nullptr;
    if (out_origin) *out_origin = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_extract_date";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_date) return null_argument(fn, "out_date");
        *out_date = dataset->extract_date.c_str();
        if (out_origin) *out_origin = to_string(dataset->data->extract_date_origin()).data();
        return PASSEND_OK;
    });
}

void passend_dataset_free(passend_dataset** dataset) {
    if (!dataset) return;
    delete *dataset;
    *dataset = nullptr;
}

passend_status passend_dataset_row_count(const passend_dataset* dataset, const char* table_name,
                                         uint64_t* out_rows) {
    return guard([&] {
        constexpr auto fn = "passend_dataset_row_count";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_rows) return null_argument(fn, "out_rows");
        table t{};
        if (const auto s = lookup_table(fn, table_name, t); s != PASSEND_OK) return s;
        *out_rows = dataset->data->rows(t);
        return PASSEND_OK;
    });
}

passend_status passend_dataset_has_table(const passend_dataset* dataset, const char* table_name,
                                         int* out_present) {
    return guard([&] {
        constexpr auto fn = "passend_dataset_has_table";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_present) return null_argument(fn, "out_present");
        table t{};
        if (const auto s = lookup_table(fn, table_name, t); s != PASSEND_OK) return s;
        *out_present = spec(t).required || dataset->data->has_table(t) ? 1 : 0;
        return PASSEND_OK;
    });
}

passend_status passend_dataset_school_years(const passend_dataset* dataset, int32_t* out_first,
                                            int32_t* out_last) {
    return guard([&] {
        constexpr auto fn = "passend_dataset_school_years";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_first) return null_argument(fn, "out_first");
        if (!out_last) return null_argument(fn, "out_last");
        const auto years = dataset->data->school_years();
        if (years.empty())
            return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": no enrolments");
        *out_first = years.front().start_year();
        *out_last = years.back().start_year();
        return PASSEND_OK;
    });
}

passend_status passend_dataset_warnings(const passend_dataset* dataset,
                                        passend_diagnostics** out_diagnostics) {
    if (out_diagnostics) *out_diagnostics = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_dataset_warnings";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_diagnostics) return null_argument(fn, "out_diagnostics");
        *out_diagnostics = capi::make_diagnostics(dataset->data->warnings());
        return PASSEND_OK;
    });
}

} // extern "C"
