// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: flow tables and forecasts as row-major double matrices with labels.
#include "capi.hpp"

#include "passend/flows/disclosure.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/flows/forecast.hpp"
#include "passend/flows/units.hpp"

#include <cmath>
#include <limits>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

struct passend_matrix {
    std::size_t rows = 0, cols = 0;
    std::vector<double> data;
    std::vector<std::string> row_labels, col_labels;
};

namespace {

/// The dataset's flow tables for a view with what they may publish, computed on first use
/// (thread-safe).
const published_flows& tables_of(const passend_dataset& d, attribution_view view) {
    auto& cache = d.flows[view == attribution_view::schoolgaand ? 1 : 0];
    std::call_once(cache.once, [&] {
        cache.tables = std::shared_ptr<const published_flows>(publish_flows(*d.data, view));
    });
    return *std::static_pointer_cast<const published_flows>(cache.tables);
}

/// The cells of `m`, NaN where `shown(i, j)` hides one (`<5` or hidden to protect one).
template <class Matrix, class Shown>
void copy(const Matrix& m, passend_matrix& out, Shown shown) {
    out.rows = static_cast<std::size_t>(m.rows());
    out.cols = static_cast<std::size_t>(m.cols());
    out.data.resize(out.rows * out.cols);
    for (std::size_t i = 0; i < out.rows; ++i)
        for (std::size_t j = 0; j < out.cols; ++j) {
            const auto n = m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            out.data[i * out.cols + j] =
                shown(static_cast<int>(i), static_cast<int>(j)) != cell_shown::number
                    ? std::numeric_limits<double>::quiet_NaN()
                    : static_cast<double>(n);
        }
}

/// Rows of per-setting values, one per school year.
template <class Row>
passend_matrix* per_year(const std::vector<school_year>& years, const std::vector<Row>& rows) {
    auto m = std::make_unique<passend_matrix>();
    m->rows = rows.size();
    m->cols = setting_count;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        m->row_labels.push_back(years[i].to_string());
        for (std::size_t s = 0; s < setting_count; ++s)
            m->data.push_back(static_cast<double>(rows[i](0, static_cast<Eigen::Index>(s))));
    }
    for (auto s : all_settings) m->col_labels.emplace_back(to_string(s));
    return m.release();
}

} // namespace

extern "C" {

size_t passend_matrix_rows(const passend_matrix* m) {
    return m ? m->rows : 0;
}
size_t passend_matrix_cols(const passend_matrix* m) {
    return m ? m->cols : 0;
}
const double* passend_matrix_data(const passend_matrix* m) {
    return m ? m->data.data() : nullptr;
}
const char* passend_matrix_row_label(const passend_matrix* m, size_t i) {
    return m && i < m->row_labels.size() ? m->row_labels[i].c_str() : nullptr;
}
const char* passend_matrix_col_label(const passend_matrix* m, size_t j) {
    return m && j < m->col_labels.size() ? m->col_labels[j].c_str() : nullptr;
}
void passend_matrix_free(passend_matrix** m) {
    if (!m) return;
    delete *m;
    *m = nullptr;
}

passend_status passend_flows(const passend_dataset* dataset, int32_t year, const char* unit,
                             int table, int schoolgaand, int suppress,
                             passend_matrix** out_matrix) {
    if (out_matrix) *out_matrix = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_flows";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_matrix) return null_argument(fn, "out_matrix");
        if (table < PASSEND_FLOWS_WINDOW || table > PASSEND_FLOWS_KINDS)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": unknown table " + std::to_string(table));
        const auto& ds = *dataset->data;
        const auto id = unit ? std::string_view(unit) : std::string_view("NL");
        const auto u = find_flow_unit(ds, id);
        if (!u)
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the data has no unit '" + std::string(id) + "'");
        const auto& p = tables_of(*dataset, schoolgaand ? attribution_view::schoolgaand
                                                        : attribution_view::paying);
        const auto& t = p.tables;
        if (const auto bad = capi::year_out_of_range(fn, year)) return bad;
        const school_year y{year};
        if (!t.has_year(y))
            return capi::fail(PASSEND_NOT_FOUND, std::string(fn) +
                                                     ": the flow tables have no school year " +
                                                     y.to_string());
        auto m = std::make_unique<passend_matrix>();
        const auto* d = suppress != 0 ? p.shown() : nullptr;
        auto shown = [&](auto cell) {
            return [=](int i, int j) { return d ? cell(i, j) : cell_shown::number; };
        };
        switch (table) {
        case PASSEND_FLOWS_WINDOW:
            copy(t.flows(*u, y), *m, shown([&](int i, int j) { return d->flow(*u, y, i, j); }));
            for (int i = 0; i < flow_row_count; ++i) m->row_labels.emplace_back(flow_row_label(i));
            for (int j = 0; j < flow_col_count; ++j) m->col_labels.emplace_back(flow_col_label(j));
            break;
        case PASSEND_FLOWS_YEAR_OVER_YEAR:
            copy(t.verplaatsingen(*u, y), *m,
                 shown([&](int i, int j) { return d->verplaatsing(*u, y, i, j); }));
            for (int i = 0; i < yoy_size; ++i) {
                m->row_labels.emplace_back(yoy_label(i));
                m->col_labels.emplace_back(yoy_label(i));
            }
            break;
        case PASSEND_FLOWS_STOCK:
            copy(t.stock(*u, y), *m, shown([&](int, int j) { return d->stock(*u, y, j); }));
            m->row_labels.emplace_back("stock");
            for (auto s : all_settings) m->col_labels.emplace_back(to_string(s));
            break;
        case PASSEND_FLOWS_KINDS:
            copy(t.kinds(*u, y), *m, shown([&](int, int j) { return d->kind(*u, y, j); }));
            m->row_labels.emplace_back("transitions");
            for (std::size_t k = 0; k < transition_kind_count; ++k)
                m->col_labels.emplace_back(to_string(static_cast<transition_kind>(k)));
            break;
        }
        *out_matrix = m.release();
        return PASSEND_OK;
    });
}

passend_status passend_forecast(const passend_dataset* dataset, const char* unit, int32_t years,
                                const char* scenario_json, int schoolgaand,
                                passend_matrix** out_observed, passend_matrix** out_baseline,
                                passend_matrix** out_scenario) {
    if (out_observed) *out_observed = nullptr;
    if (out_baseline) *out_baseline = nullptr;
    if (out_scenario) *out_scenario = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_forecast";
        if (!dataset) return null_argument(fn, "dataset");
        if (years < 0 || years > max_forecast_years)
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": years must be 0 to " +
                                                            std::to_string(max_forecast_years) +
                                                            ", not " + std::to_string(years));
        const auto& ds = *dataset->data;
        const auto id = unit ? std::string_view(unit) : std::string_view("NL");
        forecast_options o;
        const auto u = find_flow_unit(ds, id);
        if (!u)
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the data has no unit '" + std::string(id) + "'");
        o.unit = *u;
        if (years) o.years = years;
        o.view = schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
        forecast_result r;
        try { // bad scenarios and too little data are errors in what the caller handed over
            if (scenario_json) o.scenario = parse_scenario(scenario_json, "scenario");
            r = run_forecast(ds, o);
        } catch (const passend::error& e) {
            return capi::fail(PASSEND_INVALID_DATA, std::string(fn) + ": " + e.what());
        }
        std::unique_ptr<passend_matrix> observed(per_year(r.observed_years, r.observed));
        // The observed stocks are published as passend_flows publishes them: NaN where hidden.
        const auto* shown = tables_of(*dataset, o.view).shown();
        for (std::size_t i = 0; i < r.observed_years.size(); ++i)
            for (std::size_t s = 0; s < setting_count; ++s)
                if (shown->stock(o.unit, r.observed_years[i], static_cast<int>(s)) !=
                    cell_shown::number)
                    observed->data[i * setting_count + s] =
                        std::numeric_limits<double>::quiet_NaN();
        std::unique_ptr<passend_matrix> baseline(per_year(r.years, r.baseline));
        std::unique_ptr<passend_matrix> scenario;
        if (o.scenario) scenario.reset(per_year(r.years, r.scenario));
        if (out_observed) *out_observed = observed.release();
        if (out_baseline) *out_baseline = baseline.release();
        if (out_scenario) *out_scenario = scenario.release();
        return PASSEND_OK;
    });
}

} // extern "C"
