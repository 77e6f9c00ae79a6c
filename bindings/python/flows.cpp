// SPDX-License-Identifier: EUPL-1.2
// Flows and forecast: labelled matrices and projected stocks as numpy arrays.
#include "common.hpp"

#ifdef PASSEND_PYTHON_FLOWS
#include "passend/flows/disclosure.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/flows/forecast.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <type_traits>
#include <vector>

namespace passend::python {

namespace {

flow_unit unit_of(const dataset& ds, const std::string& id) {
    if (auto u = find_flow_unit(ds, id)) return *u;
    throw py::key_error("unit " + id + " is not NL nor a partnership, board or school of the data");
}

attribution_view view_of(const std::string& view) {
    if (view == "paying") return attribution_view::paying;
    if (view == "schoolgaand") return attribution_view::schoolgaand;
    throw py::value_error("view must be 'paying' or 'schoolgaand', not '" + view + "'");
}

template <class Label>
std::vector<std::string> labels(int n, Label label) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.emplace_back(label(i));
    return out;
}

/// A row-major matrix of counts as a 2-D int32 array.
template <class Matrix>
py::array_t<std::int32_t> to_array(const Matrix& m) {
    py::array_t<std::int32_t> out({m.rows(), m.cols()});
    auto v = out.template mutable_unchecked<2>();
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c) v(r, c) = m(r, c);
    return out;
}

template <class Row>
py::array_t<double> stack(const std::vector<Row>& rows) {
    py::array_t<double> out(
        {static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(setting_count)});
    auto v = out.mutable_unchecked<2>();
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < setting_count; ++c)
            v(r, c) = static_cast<double>(rows[r](static_cast<Eigen::Index>(c)));
    return out;
}

std::vector<int> start_years(const std::vector<school_year>& years) {
    std::vector<int> out;
    for (auto y : years) out.push_back(y.start_year());
    return out;
}

} // namespace

void register_flows(py::module_& m) {
    m.def(
        "flows",
        [](const dataset_handle& h, const py::object& year, const std::string& unit_id,
           const std::string& matrix, const std::string& view, bool suppress) {
            const auto& ds = *h.data;
            const school_year y = school_year_argument(year, "year");
            const auto u = unit_of(ds, unit_id);
            if (matrix != "flows" && matrix != "verplaatsingen")
                throw py::value_error("matrix must be 'flows' or 'verplaatsingen'");
            std::unique_ptr<const published_flows> p;
            {
                py::gil_scoped_release release;
                p = publish_flows(ds, view_of(view), suppress);
            }
            const auto& tables = p->tables;
            const auto* d = p->shown();
            if (!tables.has_year(y))
                throw py::key_error("no flows for school year " + y.to_string() + " in the data");
            const bool window = matrix == "flows";
            const auto rows = window ? flow_row_count : yoy_size;
            const auto cols = window ? flow_col_count : yoy_size;
            // True where a publication hides the count (`<5`, or to protect one).
            py::array_t<bool> hidden({rows, cols});
            auto hv = hidden.mutable_unchecked<2>();
            for (int r = 0; r < rows; ++r)
                for (int c = 0; c < cols; ++c)
                    hv(r, c) = d && (window ? d->flow(u, y, r, c) : d->verplaatsing(u, y, r, c)) !=
                                        cell_shown::number;
            if (window)
                return py::make_tuple(to_array(tables.flows(u, y)),
                                      labels(flow_row_count, flow_row_label),
                                      labels(flow_col_count, flow_col_label), hidden);
            return py::make_tuple(to_array(tables.verplaatsingen(u, y)),
                                  labels(yoy_size, yoy_label), labels(yoy_size, yoy_label), hidden);
        },
        py::arg("dataset"), py::arg("year"), py::arg("unit"), py::arg("matrix"), py::arg("view"),
        py::arg("suppress"),
        "A flow matrix of one school year and unit: (counts, row labels, column labels, hidden).");
    m.def(
        "forecast",
        [](const dataset_handle& h, const std::string& unit_id, int years,
           std::optional<std::string> scenario_json, const std::string& view, bool suppress) {
            forecast_options o;
            o.unit = unit_of(*h.data, unit_id);
            o.years = years;
            o.view = view_of(view);
            if (scenario_json) o.scenario = parse_scenario(*scenario_json, "scenario");
            std::optional<forecast_result> r;
            std::unique_ptr<const published_flows> p;
            {
                py::gil_scoped_release release;
                r.emplace(run_forecast(*h.data, o));
                // The observed stocks are hidden as the flows publish them.
                if (suppress) p = publish_flows(*h.data, o.view);
            }
            py::array_t<bool> hidden({static_cast<py::ssize_t>(r->observed_years.size()),
                                      static_cast<py::ssize_t>(setting_count)});
            auto hv = hidden.mutable_unchecked<2>();
            for (std::size_t i = 0; i < r->observed_years.size(); ++i)
                for (int s = 0; s < static_cast<int>(setting_count); ++s)
                    hv(static_cast<py::ssize_t>(i), s) =
                        p &&
                        p->shown()->stock(o.unit, r->observed_years[i], s) != cell_shown::number;
            py::dict out;
            out["settings"] = labels(static_cast<int>(setting_count),
                                     [](int i) { return to_string(static_cast<setting>(i)); });
            out["observed_years"] = start_years(r->observed_years);
            out["observed"] = stack(r->observed);
            out["observed_hidden"] = hidden;
            out["years"] = start_years(r->years);
            out["baseline"] = stack(r->baseline);
            out["scenario"] = stack(r->scenario);
            out["scenario_name"] = o.scenario ? o.scenario->name : std::string();
            std::vector<std::decay_t<decltype(r->backtest_mape)>> mape{r->backtest_mape};
            out["backtest_mape"] = stack(mape);
            return out;
        },
        py::arg("dataset"), py::arg("unit"), py::arg("years"), py::arg("scenario"), py::arg("view"),
        py::arg("suppress"), "Project pupils per setting: observed, baseline and scenario stocks.");
}

} // namespace passend::python
#endif
