// SPDX-License-Identifier: EUPL-1.2
// The C appender against the CSV folder it was made from, in one process: load_folder (the
// peer), then every row of the same dataset appended value by value through passend.h as an
// embedder with typed values would (dates as dates, numbers as numbers, ids as text). The values
// are prepared before the clock starts, so the appender's time is its own.
//
//   appender_benchmark DIR [REPEAT]    prints both times (best of REPEAT) and their ratio
#include "passend/load.hpp"
#include "passend/table_row.hpp"

#include "io/table_rows.hpp"
#include "timing.hpp"

#include <passend/passend.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace passend;
using namespace passend::bench;

/// One value as an embedder holds it.
struct value {
    enum class kind { null, text, integer, real, date } what = kind::null;
    std::string text;
    std::int64_t integer = 0;
    double real = 0;
    int year = 0, month = 0, day = 0;
};

struct prepared_table {
    std::string name;
    std::size_t width = 0;
    std::vector<value> values; ///< rows × width
};

/// A field text as the typed value an embedder would append for a column of type `type`.
value typed(const std::string& text, column_type type) {
    value v;
    if (text.empty()) return v;
    switch (type) {
    case column_type::date: {
        const auto d = parse_day(text);
        const date::year_month_day ymd{*d};
        v.what = value::kind::date;
        v.year = static_cast<int>(ymd.year());
        v.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
        v.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
        return v;
    }
    case column_type::integer:
        v.what = value::kind::integer;
        v.integer = std::stoll(text);
        return v;
    case column_type::year:
        v.what = value::kind::integer;
        v.integer = std::stoll(text.substr(0, 4));
        return v;
    case column_type::amount:
    case column_type::number:
        v.what = value::kind::real;
        v.real = std::stod(text);
        return v;
    default: // text, codes, scores (ja/deels/nee or a number: as text)
        v.what = value::kind::text;
        v.text = text;
        return v;
    }
}

std::vector<prepared_table> prepare(const dataset& ds) {
    std::vector<prepared_table> out;
    for (const auto& ts : all_tables()) {
        if (!detail::writes_table(ds, ts.id)) continue;
        prepared_table t{std::string(ts.name), ts.columns.size(), {}};
        detail::for_each_row(ds, ts.id, [&](const std::vector<std::string>& row) {
            for (std::size_t c = 0; c < row.size(); ++c)
                t.values.push_back(typed(row[c], ts.columns[c].type));
        });
        out.push_back(std::move(t));
    }
    return out;
}

bool append(passend_appender* app, const value& v) {
    switch (v.what) {
    case value::kind::null:
        return passend_appender_append_null(app) == PASSEND_OK;
    case value::kind::text:
        return passend_appender_append_text(app, v.text.c_str()) == PASSEND_OK;
    case value::kind::integer:
        return passend_appender_append_int64(app, v.integer) == PASSEND_OK;
    case value::kind::real:
        return passend_appender_append_double(app, v.real) == PASSEND_OK;
    case value::kind::date:
        return passend_appender_append_date(app, v.year, v.month, v.day) == PASSEND_OK;
    }
    return false;
}

/// Every table through the appender; false when anything fails.
bool load_by_appender(const std::vector<prepared_table>& tables) {
    passend_appender* app = nullptr;
    if (passend_appender_create(nullptr, &app) != PASSEND_OK) return false;
    bool ok = true;
    for (const auto& t : tables) {
        ok = ok && passend_appender_begin_table(app, t.name.c_str(), nullptr, 0) == PASSEND_OK;
        for (std::size_t i = 0; ok && i < t.values.size(); i += t.width) {
            for (std::size_t c = 0; ok && c < t.width; ++c) ok = append(app, t.values[i + c]);
            ok = ok && passend_appender_end_row(app) == PASSEND_OK;
        }
    }
    passend_dataset* ds = nullptr;
    ok = passend_appender_finish(app, &ds, nullptr) == PASSEND_OK && ok;
    if (!ok) std::fprintf(stderr, "appender: %s\n", passend_appender_error(app));
    passend_dataset_free(&ds);
    passend_appender_free(&app);
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: appender_benchmark DIR [REPEAT]\n");
        return 2;
    }
    const int repeat = argc == 3 ? std::atoi(argv[2]) : 3;
    dataset_ptr loaded;
    const auto csv = best_of(repeat, [&] {
        loaded = load_folder(argv[1]).data;
        if (!loaded) std::exit(1);
    });
    const auto tables = prepare(*loaded);
    loaded.reset();
    const auto appender = best_of(repeat, [&] {
        if (!load_by_appender(tables)) std::exit(1);
    });
    std::printf("from_folder  %.3f s wall %.3f s CPU\n", csv.wall, csv.cpu);
    std::printf("appender     %.3f s wall %.3f s CPU  = %.2f x from_folder (wall), %.2f x (CPU)\n",
                appender.wall, appender.cpu, appender.wall / csv.wall, appender.cpu / csv.cpu);
}
