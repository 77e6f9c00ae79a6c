// SPDX-License-Identifier: EUPL-1.2
// Data frames in: pandas columns as numpy arrays straight into dataset_builder.
//
// Python hands each table as columns: identifiers and codes factorized (integer codes plus the
// distinct values, so each distinct string crosses once), dates as int64 day numbers
// (datetime64[D]), numbers as float64 with NaN for absent. Every table's rows become its typed
// rows (table_row.hpp) through the loaders' typed cells (io/typed_cells.hpp), handed to the
// builder in chunks, without formatting a single date; any row whose fields do not fit (an
// absent required value, an unknown code, a fractional grade, dates given as text) goes
// through add_text_row with its fields as text, so frames and CSV files report exactly the same
// errors.
#include "common.hpp"

#include "io/typed_cells.hpp"

#include "passend/table_row.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <limits>

namespace passend::python {

namespace {

enum class column_kind { absent, text, strings, days, number };

/// One contract column of a frame; pointers into numpy buffers kept alive by `owner`.
struct frame_column {
    column_kind kind = column_kind::absent;
    const std::int64_t* codes = nullptr;   ///< text: index into `uniques`, -1 absent
    std::vector<std::string_view> uniques; ///< into `owner`'s buffer or `texts`
    std::vector<std::string> texts;
    const std::int64_t* offsets = nullptr; ///< strings: row i is bytes[offsets[i]:offsets[i + 1]]
    const char* bytes = nullptr;
    const bool* nulls = nullptr;
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

/// Row `row` of a column as a cell.
detail::cell cell_of(const frame_column& col, std::size_t row) {
    switch (col.kind) {
    case column_kind::absent:
        return {};
    case column_kind::text: {
        const auto code = col.codes[row];
        return code < 0 ? detail::cell{}
                        : detail::cell::of_text(col.uniques[static_cast<std::size_t>(code)]);
    }
    case column_kind::strings:
        return col.nulls[row]
                   ? detail::cell{}
                   : detail::cell::of_text(std::string_view(
                         col.bytes + col.offsets[row],
                         static_cast<std::size_t>(col.offsets[row + 1] - col.offsets[row])));
    case column_kind::days:
        return col.days[row] == nat ? detail::cell{} : detail::cell::of_days(col.days[row]);
    case column_kind::number:
        return detail::cell::of_real(col.numbers[row]);
    }
    return {};
}

/// Add every row of a table of the contract's table T: typed where the row's values fit as
/// they stand, else through the text path.
template <table T>
void add_rows(dataset_builder& b, const frame_table& ft) {
    detail::row_chunk<T> chunk(b);
    std::vector<detail::cell> cells(ft.columns.size());
    table_row_t<T> typed{};
    for (std::size_t row = 0; row < ft.rows; ++row) {
        for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = cell_of(ft.columns[c], row);
        const auto line = row + 1;
        if (detail::typed_row<T>(cells, typed)) {
            if (!chunk.push(typed, line)) return; // the load fails anyway; the cap note says so
            continue;
        }
        if (!chunk.flush()) return;
        detail::add_cells_as_text(b, T, cells, line);
        if (b.error_cap_reached()) return;
    }
    chunk.flush();
}

/// The offsets of `count` texts in `bytes` (value i is bytes[offsets[i]:offsets[i + 1]]);
/// ValueError when one lies outside.
const std::int64_t* checked_offsets(const std::string& column,
                                    const py::array_t<std::int64_t, py::array::c_style>& offsets,
                                    std::size_t count,
                                    const py::array_t<std::uint8_t, py::array::c_style>& bytes) {
    const auto* at = offsets.data();
    if (static_cast<std::size_t>(offsets.size()) != count + 1)
        throw py::value_error(column + ": length differs from the table's");
    for (std::size_t i = 0; i < count; ++i)
        if (at[i] < 0 || at[i + 1] < at[i] || at[i + 1] > bytes.size())
            throw py::value_error(column + ": text offsets out of range");
    return at;
}

/// The distinct values of a text column: a list of bytes, or (offsets, bytes) as numpy arrays
/// (int64 and uint8: value i is bytes[offsets[i]:offsets[i + 1]]), viewed where they lie.
/// Returns what must live while the views do.
py::object read_uniques(const std::string& column, const py::handle& given, frame_column& fc) {
    if (py::isinstance<py::list>(given)) {
        for (const auto& u : given.cast<py::list>()) fc.texts.push_back(u.cast<std::string>());
        fc.uniques.assign(fc.texts.begin(), fc.texts.end());
        return py::none();
    }
    const auto pair = given.cast<py::tuple>();
    const auto offsets = pair[0].cast<py::array_t<std::int64_t, py::array::c_style>>();
    const auto bytes = pair[1].cast<py::array_t<std::uint8_t, py::array::c_style>>();
    const auto count = offsets.size() > 0 ? static_cast<std::size_t>(offsets.size() - 1) : 0;
    const auto* at = checked_offsets(column, offsets, count, bytes);
    const auto* data = reinterpret_cast<const char*>(bytes.data());
    for (std::size_t i = 0; i < count; ++i)
        fc.uniques.emplace_back(data + at[i], static_cast<std::size_t>(at[i + 1] - at[i]));
    return py::make_tuple(offsets, bytes);
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
            fc.owner = py::make_tuple(codes, read_uniques(name + "." + column, col[4], fc));
            for (std::size_t i = 0; i < ft.rows; ++i)
                if (fc.codes[i] >= static_cast<std::int64_t>(fc.uniques.size()))
                    throw py::value_error(name + "." + column + ": code out of range");
        } else if (kind == "strings") {
            auto offsets = col[3].cast<py::array_t<std::int64_t, py::array::c_style>>();
            auto bytes = col[4].cast<py::array_t<std::uint8_t, py::array::c_style>>();
            auto nulls = col[5].cast<py::array_t<bool, py::array::c_style>>();
            if (static_cast<std::size_t>(nulls.size()) != ft.rows)
                throw py::value_error(name + "." + column + ": length differs from the table's");
            fc.offsets = checked_offsets(name + "." + column, offsets, ft.rows, bytes);
            fc.kind = column_kind::strings;
            fc.bytes = reinterpret_cast<const char*>(bytes.data());
            fc.nulls = nulls.data();
            fc.owner = py::make_tuple(offsets, bytes, nulls);
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
                for (const auto& ft : frames)
                    with_table(ft.id, [&](auto tag) { add_rows<decltype(tag)::value>(b, ft); });
                result = b.finish();
            }
            return to_python(std::move(result));
        },
        py::arg("tables"), py::arg("max_errors"), py::arg("as_of") = py::none(),
        "Build a dataset from columns: [(table, rows, [(column, position, kind, data...)])] with "
        "kind text (codes, uniques), strings (offsets, bytes, nulls), days (int64) or number "
        "(float64). Returns (Dataset or None, "
        "diagnostics).");
}

} // namespace passend::python
