// SPDX-License-Identifier: EUPL-1.2
// Data frames in: pandas columns as numpy arrays straight into dataset_builder.
//
// Python hands each table as columns: identifiers and codes factorized (integer codes plus the
// distinct values, so each distinct string crosses once), dates as int64 day numbers
// (datetime64[D]), numbers as float64 with NaN for absent. The big per-pupil tables go into typed
// rows without formatting a single date; any row whose fields do not fit (an absent required
// value, an unknown code, a fractional grade, dates given as text) goes through
// add_text_row with its fields as text, so frames and CSV files report exactly the same errors.
#include "common.hpp"

#include "text_fields.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace passend::python {

namespace {

enum class column_kind { absent, text, days, number };

/// One contract column of a frame; pointers into numpy buffers kept alive by `owner`.
struct frame_column {
    column_kind kind = column_kind::absent;
    const std::int64_t* codes = nullptr; ///< text: index into `uniques`, -1 absent
    std::vector<std::string> uniques;
    const std::int64_t* days = nullptr; ///< days: since 1970-01-01, NaT absent
    const double* numbers = nullptr;    ///< number: NaN absent
    py::object owner;
};

constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();

struct frame_table {
    table id;
    std::size_t rows = 0;
    std::vector<frame_column> columns; ///< in contract order
};

/// Reads one row into typed values; any field that a typed row cannot take as is (absent where
/// required, unknown code, malformed text) clears ok() and the row takes the text path.
class typed_reader {
public:
    typed_reader(const table_spec& spec, const std::vector<frame_column>& columns)
        : spec_(spec), columns_(columns) {}
    void at(std::size_t row) {
        row_ = row;
        ok_ = true;
    }
    bool ok() const { return ok_; }

    std::string_view text(std::size_t c) {
        const auto& col = columns_[c];
        std::string_view t;
        if (col.kind == column_kind::text) {
            if (const auto code = col.codes[row_]; code >= 0)
                t = detail::trim(col.uniques[static_cast<std::size_t>(code)]);
        } else if (col.kind != column_kind::absent) {
            ok_ = false;
        }
        if (t.empty() && spec_.columns[c].required) ok_ = false;
        return t;
    }
    day date(std::size_t c, day absent = no_day) {
        const auto& col = columns_[c];
        if (col.kind == column_kind::days) {
            const auto v = col.days[row_];
            if (v == nat) return missing(c, absent);
            if (v < std::numeric_limits<int>::min() / 2 || v > std::numeric_limits<int>::max() / 2)
                return fail(absent);
            return day{date::days{static_cast<int>(v)}};
        }
        const auto t = text(c);
        if (t.empty()) return absent;
        if (auto d = parse_day(t)) return *d;
        return fail(absent);
    }
    int integer(std::size_t c, int absent) {
        const auto& col = columns_[c];
        if (col.kind == column_kind::number) {
            const double v = col.numbers[row_];
            if (std::isnan(v)) return missing(c, absent);
            if (v != std::floor(v) || std::abs(v) > 1e9) return fail(absent);
            return static_cast<int>(v);
        }
        const auto t = text(c);
        if (t.empty()) return absent;
        int v = 0;
        const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        return ec == std::errc{} && p == t.data() + t.size() ? v : fail(absent);
    }
    template <class Code>
    std::optional<Code> code(std::size_t c) {
        const auto t = text(c);
        if (t.empty()) return std::nullopt;
        auto v = parse_code<Code>(t);
        if (!v) ok_ = false;
        return v;
    }
    int yes_no(std::size_t c) {
        const auto t = text(c);
        if (t.empty()) return -1;
        if (detail::equals_code(t, "ja")) return 1;
        if (detail::equals_code(t, "nee")) return 0;
        return fail(-1);
    }

private:
    template <class T>
    T missing(std::size_t c, T absent) {
        if (spec_.columns[c].required) ok_ = false;
        return absent;
    }
    template <class T>
    T fail(T absent) {
        ok_ = false;
        return absent;
    }

    const table_spec& spec_;
    const std::vector<frame_column>& columns_;
    std::size_t row_ = 0;
    bool ok_ = true;
};

/// The field of a column as the CSV text it stands for ("" when absent).
std::string_view field_text(const frame_column& col, std::size_t row, std::string& scratch) {
    switch (col.kind) {
    case column_kind::absent:
        return {};
    case column_kind::text: {
        const auto code = col.codes[row];
        return code < 0 ? std::string_view{} : col.uniques[static_cast<std::size_t>(code)];
    }
    case column_kind::days: {
        const auto v = col.days[row];
        if (v == nat) return {};
        if (v < std::numeric_limits<int>::min() / 2 || v > std::numeric_limits<int>::max() / 2)
            scratch = std::to_string(v) + " days since 1970-01-01";
        else
            scratch = format_day(day{date::days{static_cast<int>(v)}});
        return scratch;
    }
    case column_kind::number: {
        const double v = col.numbers[row];
        if (std::isnan(v)) return {};
        char buf[64];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        scratch.assign(buf, ec == std::errc{} ? end : buf);
        return scratch;
    }
    }
    return {};
}

/// Add every row of a table: typed where the table has a typed path and the row fits it.
void add_rows(dataset_builder& b, const frame_table& ft) {
    const auto& spec = passend::spec(ft.id);
    const auto& cols = ft.columns;
    std::vector<std::string> scratch(cols.size());
    std::vector<std::string_view> fields(cols.size());
    const auto as_text = [&](std::size_t row) {
        for (std::size_t c = 0; c < cols.size(); ++c)
            fields[c] = field_text(cols[c], row, scratch[c]);
        b.add_text_row(ft.id, fields, row + 1);
    };
    typed_reader f(spec, cols);
    for (std::size_t row = 0; row < ft.rows; ++row) {
        if (b.error_cap_reached()) return; // the load fails anyway; the cap note says so
        f.at(row);
        const auto line = row + 1;
        switch (ft.id) {
        case table::pupils: {
            const pupil_row r{f.text(0), f.date(1), f.text(2)};
            if (f.ok()) {
                b.add(r, line);
                continue;
            }
            break;
        }
        case table::enrolments: {
            const enrolment_row r{
                f.text(0),       f.text(1),
                f.date(2),       f.date(3, open_end),
                f.integer(4, 0), f.code<exit_reason>(5).value_or(exit_reason::none)};
            if (f.ok()) {
                b.add(r, line);
                continue;
            }
            break;
        }
        case table::tlvs: {
            const tlv_row r{f.text(0),
                            f.text(1),
                            f.text(2),
                            f.code<setting>(3).value_or(setting::so),
                            f.code<funding_category>(4).value_or(funding_category::none),
                            f.date(5, no_day),
                            f.date(6, no_day),
                            f.code<tlv_outcome>(7).value_or(tlv_outcome::open),
                            f.date(8, no_day),
                            f.date(9, open_end),
                            f.yes_no(10),
                            f.date(11, no_day)};
            if (f.ok()) {
                b.add(r, line);
                continue;
            }
            break;
        }
        case table::opps: {
            const opp_row r{f.text(0), f.text(1), f.date(2), f.date(3, open_end)};
            if (f.ok()) {
                b.add(r, line);
                continue;
            }
            break;
        }
        case table::absences: {
            const absence_row r{f.text(0), f.code<absence_kind>(1).value_or(absence_kind::relatief),
                                f.date(2), f.date(3, open_end), f.text(4)};
            if (f.ok()) {
                b.add(r, line);
                continue;
            }
            break;
        }
        default:
            break; // small tables: the text path is fast enough
        }
        as_text(row);
    }
}

/// Read a table handed over from Python: (name, rows, [(column, position, kind, data...)]).
frame_table read_table(dataset_builder& b, const py::handle& item) {
    const auto entry = item.cast<py::tuple>();
    const auto name = entry[0].cast<std::string>();
    const auto t = find_table(name);
    if (!t) throw py::value_error("no table named '" + name + "' in the contract");
    const auto& spec = passend::spec(*t);
    frame_table ft{*t, entry[1].cast<std::size_t>(), {}};
    ft.columns.resize(spec.columns.size());
    std::vector<std::uint32_t> positions(spec.columns.size(), 0);

    for (const auto& c : entry[2].cast<py::list>()) {
        const auto col = c.cast<py::tuple>();
        const auto column = col[0].cast<std::string>();
        const auto position = col[1].cast<std::uint32_t>();
        const auto kind = col[2].cast<std::string>();
        const auto index = spec.find(column);
        if (!index) {
            b.report({severity::warning, name, 0, position, "unknown_column",
                      "the column '" + column + "' is not in the contract; ignored"});
            continue;
        }
        if (positions[*index]) {
            b.report({severity::error, name, 0, position, "duplicate_column",
                      "the column " + column + " is given twice"});
            continue;
        }
        auto& fc = ft.columns[*index];
        positions[*index] = position;
        if (kind == "text") {
            auto codes = col[3].cast<py::array_t<std::int64_t, py::array::c_style>>();
            if (static_cast<std::size_t>(codes.size()) != ft.rows)
                throw py::value_error(name + "." + column + ": length differs from the table's");
            fc.kind = column_kind::text;
            fc.codes = codes.data();
            fc.owner = codes;
            for (const auto& u : col[4].cast<py::list>())
                fc.uniques.push_back(u.cast<std::string>());
            for (std::size_t i = 0; i < ft.rows; ++i)
                if (fc.codes[i] >= static_cast<std::int64_t>(fc.uniques.size()))
                    throw py::value_error(name + "." + column + ": code out of range");
        } else if (kind == "days") {
            auto days = col[3].cast<py::array_t<std::int64_t, py::array::c_style>>();
            if (static_cast<std::size_t>(days.size()) != ft.rows)
                throw py::value_error(name + "." + column + ": length differs from the table's");
            fc.kind = column_kind::days;
            fc.days = days.data();
            fc.owner = days;
        } else if (kind == "number") {
            auto numbers = col[3].cast<py::array_t<double, py::array::c_style>>();
            if (static_cast<std::size_t>(numbers.size()) != ft.rows)
                throw py::value_error(name + "." + column + ": length differs from the table's");
            fc.kind = column_kind::number;
            fc.numbers = numbers.data();
            fc.owner = numbers;
        } else {
            throw py::value_error("unknown column kind '" + kind + "'");
        }
    }
    for (std::size_t i = 0; i < spec.columns.size(); ++i)
        if (spec.columns[i].required && ft.columns[i].kind == column_kind::absent)
            b.report({severity::error, name, 0, 0, "missing_column",
                      "the required column " + std::string(spec.columns[i].name) + " is missing"});
    b.set_source(*t, name, std::move(positions));
    return ft;
}

} // namespace

void register_frames(py::module_& m) {
    m.def(
        "load_frames",
        [](const py::list& tables, std::size_t max_errors,
           const std::optional<std::string>& as_of) {
            dataset_builder b(load_options_of(max_errors, as_of));
            std::vector<frame_table> frames;
            for (const auto& item : tables) frames.push_back(read_table(b, item));
            load_result result;
            {
                py::gil_scoped_release release;
                for (const auto& ft : frames) add_rows(b, ft);
                result = b.finish();
            }
            return to_python(std::move(result));
        },
        py::arg("tables"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        "Build a dataset from columns: [(table, rows, [(column, position, kind, data...)])] with "
        "kind text (codes, uniques), days (int64) or number (float64). Returns (Dataset or None, "
        "diagnostics).");
}

} // namespace passend::python
