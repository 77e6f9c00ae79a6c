// SPDX-License-Identifier: EUPL-1.2
// KPIs: evaluate a catalog, suppress small counts, and hand the rows to Python as columns
// (categorical codes for the labels, float64 with NaN for absent or hidden numbers), so that
// building the DataFrame costs a handful of numpy arrays whatever the number of rows.
#include "common.hpp"

#ifdef PASSEND_PYTHON_KPIS
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/kpi/tables.hpp"
#include "passend/report/privacy.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

namespace passend::python {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

attribution_view parse_view(const std::string& view) {
    if (view == "paying") return attribution_view::paying;
    if (view == "schoolgaand") return attribution_view::schoolgaand;
    throw py::value_error("view must be 'paying' or 'schoolgaand', not '" + view + "'");
}

/// The built-in catalog, or it extended with a user catalog file (the CLI's --catalog).
catalog load_catalog(const std::optional<std::filesystem::path>& file) {
    return file ? catalog::builtin_with(*file) : catalog::builtin();
}

/// Category codes of one string column: codes[i] indexes categories, in first-seen order.
struct categorical {
    std::vector<std::int32_t> codes;
    std::vector<std::string> categories;
    std::unordered_map<std::string, std::int32_t> index;
    void push(const std::string& value) {
        auto [it, added] = index.try_emplace(value, static_cast<std::int32_t>(categories.size()));
        if (added) categories.push_back(value);
        codes.push_back(it->second);
    }
    py::tuple to_python() const {
        return py::make_tuple(py::array_t<std::int32_t>(codes.size(), codes.data()), categories);
    }
};

py::array_t<double> to_array(const std::vector<double>& v) {
    return py::array_t<double>(v.size(), v.data());
}

template <class Enum, std::size_t N>
py::tuple enum_column(const std::vector<std::int32_t>& codes) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < N; ++i) names.emplace_back(to_string(static_cast<Enum>(i)));
    return py::make_tuple(py::array_t<std::int32_t>(codes.size(), codes.data()), names);
}

/// The rows as columns: kpi, school_year, level, unit (categorical), numerator, denominator,
/// value, change (float64), status (categorical, -1 = none), partial (bool).
py::dict rows_to_columns(const kpi_results& results, bool suppressed) {
    categorical kpi, year, unit;
    std::vector<std::int32_t> level, status;
    std::vector<double> numerator, denominator, value, change;
    std::vector<std::uint8_t> partial;
    const kpi_info* info = nullptr;
    for (const auto& row : results.rows) {
        if (!info || info->id != row.kpi) info = results.find(row.kpi);
        const auto number = [&](kpi_field f) {
            const auto v = field_value(row, f);
            if (!v || (suppressed && shown(row, f, info) != cell_shown::number)) return nan;
            return *v;
        };
        kpi.push(row.kpi);
        year.push(row.year.to_string());
        unit.push(row.unit);
        level.push_back(static_cast<std::int32_t>(row.level));
        numerator.push_back(number(kpi_field::numerator));
        denominator.push_back(number(kpi_field::denominator));
        value.push_back(number(kpi_field::value));
        change.push_back(number(kpi_field::change));
        partial.push_back(row.partial);
        // a status would tell a hidden value's side of the norm
        const bool hidden = std::isnan(value.back()) && row.value;
        // categories op_koers, aandacht, niet_op_koers; -1 (NaN) for none
        status.push_back(row.status == kpi_status::none || hidden
                             ? -1
                             : static_cast<std::int32_t>(row.status) - 1);
    }
    py::dict out;
    out["kpi"] = kpi.to_python();
    out["school_year"] = year.to_python();
    out["level"] = enum_column<kpi_level, 5>(level);
    out["unit"] = unit.to_python();
    out["numerator"] = to_array(numerator);
    out["denominator"] = to_array(denominator);
    out["value"] = to_array(value);
    out["status"] =
        py::make_tuple(py::array_t<std::int32_t>(status.size(), status.data()),
                       std::vector<std::string>{std::string(to_string(kpi_status::op_koers)),
                                                std::string(to_string(kpi_status::aandacht)),
                                                std::string(to_string(kpi_status::niet_op_koers))});
    out["change"] = to_array(change);
    // bool: the school year's period counts run through the extract date
    py::array_t<bool> partial_column(static_cast<py::ssize_t>(partial.size()));
    std::copy(partial.begin(), partial.end(), partial_column.mutable_data());
    out["partial"] = partial_column;
    return out;
}

/// The level of a unit id: NL, else a partnership, board, school or municipality of the data.
kpi_level level_of(const dataset& ds, const std::string& unit) {
    if (unit == "NL") return kpi_level::national;
    if (ds.find_swv(unit)) return kpi_level::swv;
    if (ds.find_board(unit)) return kpi_level::board;
    if (ds.find_school(unit)) return kpi_level::school;
    if (ds.find_municipality(unit)) return kpi_level::municipality;
    throw py::key_error("unit " + unit +
                        " is not NL nor a partnership, board, school or "
                        "municipality of the dataset");
}

py::list definitions_to_python(const kpi_results& results) {
    py::list out;
    for (const auto& d : results.definitions) {
        py::object dir = py::none(), target = py::none(), tolerance = py::none();
        if (d.norm) {
            dir = py::str(to_string(d.norm->dir));
            target = py::float_(d.norm->target);
            tolerance = py::float_(d.norm->tolerance);
        }
        out.append(py::make_tuple(d.id, d.title_nl, d.title_en, std::string(to_string(d.unit)), dir,
                                  target, tolerance, d.source, d.description));
    }
    return out;
}

} // namespace

void register_kpis(py::module_& m) {
    m.def(
        "kpis",
        [](const dataset_handle& h, std::optional<std::filesystem::path> catalog_file,
           std::optional<std::vector<std::string>> kpis, const py::object& years,
           std::optional<std::vector<std::string>> units, bool suppressed, const std::string& view,
           std::optional<std::vector<std::string>> levels, std::optional<std::string> day,
           int tlv_term_days, bool rolling) {
            publish_options po;
            po.view = parse_view(view);
            if (day) {
                po.reference_day = parse_day(*day);
                if (!po.reference_day)
                    throw py::value_error("day '" + *day + "' is not a date like 2025-03-15");
                if (*po.reference_day > h.data->extract_date())
                    throw py::value_error("day " + *day + " is after the data's extract date " +
                                          format_day(h.data->extract_date()) +
                                          ": nothing after it is known");
            }
            if (tlv_term_days < 0) throw py::value_error("tlv_term_days must not be negative");
            po.tlv_term_days = tlv_term_days;
            po.rolling_window = rolling;
            po.suppress = suppressed;
            if (kpis) po.select.kpis = *kpis;
            if (units) po.select.units = *units;
            if (levels)
                for (const auto& l : *levels) po.select.levels.push_back(parse_level_name(l));
            if (!years.is_none())
                for (const auto y : years)
                    po.select.years.push_back(school_year_argument(y, "year"));
            kpi_results results;
            {
                py::gil_scoped_release release;
                // Every year, unit and KPI are evaluated and suppressed before the selection
                // (kpi/publish.hpp); a bad selection raises SelectionError.
                results = publish(*h.data, load_catalog(catalog_file), po);
            }
            // A frame holds the units asked for only (the national rows when "NL" is asked).
            if (units)
                std::erase_if(results.rows, [&](const kpi_row& r) {
                    return std::find(units->begin(), units->end(), r.unit) == units->end();
                });
            return py::make_tuple(rows_to_columns(results, suppressed),
                                  definitions_to_python(results));
        },
        py::arg("dataset"), py::arg("catalog"), py::arg("kpis"), py::arg("years"), py::arg("units"),
        py::arg("suppress"), py::arg("view"), py::arg("levels"), py::arg("day") = py::none(),
        py::arg("tlv_term_days") = 42, py::arg("rolling") = false,
        "Evaluate (and suppress) the catalog: (columns, definitions).");
    m.def(
        "tables_for",
        [](const std::vector<std::string>& kpis,
           std::optional<std::filesystem::path> catalog_file) {
            return names_of(tables_for(load_catalog(catalog_file), kpis));
        },
        py::arg("kpis"), py::arg("catalog"),
        "The tables a partial load reads for these KPI ids or tags, in contract order.");
    m.def(
        "catalog",
        [](std::optional<std::filesystem::path> catalog_file) {
            const catalog cat = load_catalog(catalog_file);
            kpi_results shell;
            for (const auto& d : cat.definitions()) shell.definitions.push_back(d.info());
            return definitions_to_python(shell);
        },
        py::arg("catalog"),
        "The catalog's definitions: [(id, title_nl, title_en, unit, norm direction, target, "
        "tolerance, source, description)].");
    m.def(
        "explain",
        [](const dataset_handle& h, const std::string& kpi, const py::object& year,
           const std::string& unit, std::optional<std::string> level, const std::string& part,
           std::optional<std::filesystem::path> catalog_file, const std::string& view) {
            const auto lv = level ? parse_enum_name<kpi_level>(*level) : level_of(*h.data, unit);
            if (!lv) throw py::value_error("unknown level '" + *level + "'");
            if (part != "numerator" && part != "denominator")
                throw py::value_error("part must be 'numerator' or 'denominator'");
            const auto v = parse_view(view);
            const auto y = school_year_argument(year, "year");
            py::gil_scoped_release release;
            const catalog cat = load_catalog(catalog_file);
            if (!cat.find(kpi)) throw py::key_error("no KPI " + kpi + " in the catalog");
            return explain(*h.data, cat, kpi, y, *lv, unit,
                           part == "numerator" ? kpi_part::numerator : kpi_part::denominator, v);
        },
        py::arg("dataset"), py::arg("kpi"), py::arg("year"), py::arg("unit"), py::arg("level"),
        py::arg("part"), py::arg("catalog"), py::arg("view"),
        "The pupil ids behind one number of kpis().");
}

} // namespace passend::python
#endif
