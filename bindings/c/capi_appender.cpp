// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: the appender, rows of typed values table by table. A row's values become the
// table's typed row as they stand (io/typed_cells.hpp); a row with a value that does not fit
// goes through dataset_builder::add_text_row as the field texts a CSV file would hold, so it is
// reported as the CSV path reports it.
#include "capi.hpp"

#include <algorithm>
#include <cctype>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

bool passend_appender::add_row() {
    const bool ok =
        detail::add_cells(builder, current, cells, ++rows[static_cast<std::size_t>(current)]);
    std::fill(cells.begin(), cells.end(), detail::cell{});
    next = 0;
    return ok;
}

namespace {

constexpr std::string_view type_name(column_type t) {
    switch (t) {
    case column_type::text:
        return "text";
    case column_type::date:
        return "date";
    case column_type::integer:
        return "integer";
    case column_type::amount:
        return "amount";
    case column_type::score:
        return "score";
    case column_type::code:
        return "code";
    case column_type::year:
        return "school-year";
    case column_type::number:
        return "number";
    }
    return "?";
}

/// Run an appender call: the thread's error and the appender's own message both record it.
template <class F>
passend_status on_appender(passend_appender* a, const char* fn, F&& work) noexcept {
    const auto status = guard([&] {
        if (!a) return null_argument(fn, "appender");
        return work(*a);
    });
    if (a && status == PASSEND_OK) {
        a->error.clear(); // a success leaves no message (and copies none, once per value)
    } else if (a) {
        try {
            a->error = passend_last_error();
        } catch (...) {
            a->error.clear();
        }
    }
    return status;
}

/// The contract column the next value goes to, or a misuse status.
passend_status next_column(passend_appender& a, const char* fn, const column_spec*& out) {
    if (!a.begun)
        return capi::fail(PASSEND_INVALID_ARGUMENT,
                          std::string(fn) + ": no table begun (call passend_appender_begin_table)");
    if (a.next >= a.column_of.size())
        return capi::fail(PASSEND_INVALID_ARGUMENT,
                          std::string(fn) + ": the row of " + std::string(spec(a.current).name) +
                              " already has all " + std::to_string(a.column_of.size()) +
                              " values (call passend_appender_end_row)");
    out = &spec(a.current).columns[a.column_of[a.next]];
    return PASSEND_OK;
}

/// Append a typed value after checking that column types `fits` accept it: `value(type, keep)`
/// makes its cell, any text it makes kept in `keep` until the row is added.
template <class Fits, class Value>
passend_status append_typed(passend_appender* appender, const char* fn, const char* what, Fits fits,
                            Value value) noexcept {
    return on_appender(appender, fn, [&](passend_appender& a) {
        const column_spec* col = nullptr;
        if (const auto s = next_column(a, fn, col); s != PASSEND_OK) return s;
        if (!fits(col->type))
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": " + std::string(spec(a.current).name) + "." +
                                  std::string(col->name) + " is a " +
                                  std::string(type_name(col->type)) + " column; " + what +
                                  " does not fit it (append it as text, or convert it)");
        const auto c = a.column_of[a.next];
        a.cells[c] = value(col->type, a.texts[c]);
        ++a.next;
        return PASSEND_OK;
    });
}

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

extern "C" {

passend_status passend_appender_create(const passend_load_options* options,
                                       passend_appender** out_appender) {
    if (out_appender) *out_appender = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_appender_create";
        if (!out_appender) return null_argument(fn, "out_appender");
        load_options opts;
        if (const auto bad = capi::read_options(options, opts); !bad.empty())
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": " + bad);
        if (opts.tables) // the host appends the tables it has: nothing to leave unread
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": tables applies to opening a folder or JSON");
        *out_appender = new passend_appender(opts);
        return PASSEND_OK;
    });
}

passend_status passend_appender_begin_table(passend_appender* appender, const char* table_name,
                                            const char* const* columns, size_t column_count) {
    constexpr auto fn = "passend_appender_begin_table";
    return on_appender(appender, fn, [&](passend_appender& a) {
        if (!table_name) return null_argument(fn, "table");
        if (a.row_open())
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": a row of " + std::string(spec(a.current).name) +
                                  " is still open (call passend_appender_end_row)");
        const auto t = find_table(lower_trimmed(table_name));
        if (!t)
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the contract has no table '" + table_name + "'");
        const auto& ts = spec(*t);
        std::vector<std::size_t> column_of;
        if (!columns) {
            for (std::size_t c = 0; c < ts.columns.size(); ++c) column_of.push_back(c);
        } else {
            for (std::size_t i = 0; i < column_count; ++i) {
                if (!columns[i])
                    return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": column name " +
                                                                    std::to_string(i) + " is NULL");
                const auto c = ts.find(lower_trimmed(columns[i]));
                if (!c)
                    return capi::fail(PASSEND_INVALID_ARGUMENT,
                                      std::string(fn) + ": table " + std::string(ts.name) +
                                          " has no column '" + columns[i] + "'");
                if (std::find(column_of.begin(), column_of.end(), *c) != column_of.end())
                    return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": column '" +
                                                                    columns[i] +
                                                                    "' is given twice");
                column_of.push_back(*c);
            }
        }
        std::vector<std::uint32_t> positions(ts.columns.size(), 0);
        for (std::size_t i = 0; i < column_of.size(); ++i)
            positions[column_of[i]] = static_cast<std::uint32_t>(i + 1);
        for (std::size_t c = 0; c < ts.columns.size(); ++c) {
            if (!ts.columns[c].required || positions[c]) continue;
            a.builder.report(
                {severity::error, std::string(ts.name), 0, 0, "missing_column",
                 "the required column " + std::string(ts.columns[c].name) + " is missing"});
            a.begun = false;
            return capi::fail(PASSEND_INVALID_DATA,
                              std::string(ts.name) + ": error: the required column " +
                                  std::string(ts.columns[c].name) + " is missing [missing_column]");
        }
        a.builder.set_source(*t, std::string(ts.name), std::move(positions));
        a.current = *t;
        a.pupil_column = ts.find("pupil_id").value_or(ts.columns.size());
        a.column_of = std::move(column_of);
        a.cells.assign(ts.columns.size(), detail::cell{});
        a.texts.assign(ts.columns.size(), std::string());
        a.next = 0;
        a.begun = true;
        return PASSEND_OK;
    });
}

passend_status passend_appender_append_text(passend_appender* appender, const char* value) {
    return append_typed(
        appender, "passend_appender_append_text", "text", [](column_type) { return true; },
        [&](column_type, std::string& keep) {
            keep = value ? value : "";
            // A pupil's place in the index is fetched while the row's other values arrive.
            if (appender->column_of[appender->next] == appender->pupil_column)
                appender->builder.prefetch_pupil(keep);
            return detail::cell::of_text(keep);
        });
}

passend_status passend_appender_append_null(passend_appender* appender) {
    return append_typed(
        appender, "passend_appender_append_null", "null", [](column_type) { return true; },
        [](column_type, std::string&) { return detail::cell{}; });
}

passend_status passend_appender_append_int64(passend_appender* appender, int64_t value) {
    return append_typed(
        appender, "passend_appender_append_int64", "an int64",
        [](column_type t) {
            return t == column_type::text || t == column_type::integer ||
                   t == column_type::amount || t == column_type::year || t == column_type::number;
        },
        [&](column_type t, std::string& keep) {
            if (t != column_type::text) return detail::cell::of_integer(value);
            keep = std::to_string(value);
            return detail::cell::of_text(keep);
        });
}

passend_status passend_appender_append_double(passend_appender* appender, double value) {
    return append_typed(
        appender, "passend_appender_append_double", "a double",
        [](column_type t) {
            return t == column_type::amount || t == column_type::score || t == column_type::number;
        },
        [&](column_type, std::string&) { return detail::cell::of_real(value); });
}

passend_status passend_appender_append_date(passend_appender* appender, int32_t year, int32_t month,
                                            int32_t day) {
    return append_typed(
        appender, "passend_appender_append_date", "a date",
        [](column_type t) { return t == column_type::date; },
        [&](column_type, std::string& keep) {
            // A day of a four-digit year as its number; anything else as the text it reads as,
            // which validation then judges.
            const date::year_month_day ymd{date::year{year},
                                           date::month(static_cast<unsigned>(month)),
                                           date::day(static_cast<unsigned>(day))};
            if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
                day <= 31 && ymd.ok())
                return detail::cell::of_days(date::sys_days{ymd}.time_since_epoch().count());
            keep = detail::format_date(year, month, day);
            return detail::cell::of_other(keep);
        });
}

passend_status passend_appender_end_row(passend_appender* appender) {
    constexpr auto fn = "passend_appender_end_row";
    return on_appender(appender, fn, [&](passend_appender& a) {
        if (!a.begun)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) +
                                  ": no table begun (call passend_appender_begin_table)");
        const auto& ts = spec(a.current);
        if (a.next < a.column_of.size())
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": the row of " + std::string(ts.name) + " has " +
                                  std::to_string(a.next) + " of " +
                                  std::to_string(a.column_of.size()) + " values");
        if (a.add_row()) return PASSEND_OK;
        return capi::fail(PASSEND_INVALID_DATA,
                          std::string(ts.name) + ": row " +
                              std::to_string(a.rows[static_cast<std::size_t>(a.current)]) +
                              " breaks a rule; passend_appender_finish lists every diagnostic");
    });
}

passend_status passend_appender_finish(passend_appender* appender, passend_dataset** out_dataset,
                                       passend_diagnostics** out_diagnostics) {
    if (out_dataset) *out_dataset = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    constexpr auto fn = "passend_appender_finish";
    return on_appender(appender, fn, [&](passend_appender& a) {
        if (!out_dataset) return null_argument(fn, "out_dataset");
        if (a.row_open())
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": a row of " + std::string(spec(a.current).name) +
                                  " is still open (call passend_appender_end_row)");
        auto result = a.builder.finish();
        a.begun = false;
        std::fill(std::begin(a.rows), std::end(a.rows), 0);
        return capi::deliver(std::move(result), out_dataset, out_diagnostics);
    });
}

const char* passend_appender_error(const passend_appender* appender) {
    return appender ? appender->error.c_str() : "";
}

void passend_appender_free(passend_appender** appender) {
    if (!appender) return;
    delete *appender;
    *appender = nullptr;
}

} // extern "C"
