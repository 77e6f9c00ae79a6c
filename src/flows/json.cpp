// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/json.hpp"

#include "passend/flows/suppress.hpp"

#include <array>
#include <cmath>

PASSEND_NAMESPACE_BEGIN

namespace {
using json = nlohmann::ordered_json;

json labels(int n, std::string_view (*label)(int)) {
    json out = json::array();
    for (int i = 0; i < n; ++i) out.push_back(label(i));
    return out;
}
std::string_view setting_label(int i) {
    return to_string(all_settings[static_cast<std::size_t>(i)]);
}
json setting_labels() {
    return labels(static_cast<int>(setting_count), setting_label);
}

/// A count as published: the number, "<5" for a small one, null when hidden to protect one.
json published(std::int64_t n, cell_shown shown) {
    return shown == cell_shown::number  ? json(n)
           : shown == cell_shown::small ? json(suppressed_text)
                                        : json(nullptr);
}

/// The cells of a matrix, each shown as `shown(row, column)` says.
template <class Matrix, class Shown>
json count_rows(const Matrix& m, Shown shown) {
    json values = json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json row = json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.push_back(published(m(r, c), shown(static_cast<int>(r), static_cast<int>(c))));
        values.push_back(std::move(row));
    }
    return values;
}
constexpr auto all_shown = [](int, int) { return cell_shown::number; };
json json_table(json rows, json columns, json values) {
    return {
        {"rows", std::move(rows)}, {"columns", std::move(columns)}, {"values", std::move(values)}};
}

json unit_json(const dataset& ds, flow_unit u) {
    return {{"id", unit_id(ds, u)}, {"level", to_string(u.level)}};
}
std::string_view view_name(attribution_view v) {
    return v == attribution_view::paying ? "paying" : "schoolgaand";
}

json thuiszitters_json(const thuiszitter_lengths& t, school_year y, bool suppress) {
    // Its own small table: episodes = relatief + absoluut = the sum over length classes.
    cell_table cells;
    auto add = [&](std::int64_t v) { return cells.add(static_cast<double>(v), true); };
    const auto episodes = add(t.episodes), relatief = add(t.relatief), absoluut = add(t.absoluut),
               open = add(t.open), longer = add(t.longer_than_3_months);
    std::array<cell_table::cell_id, length_class_count> by_length{};
    for (std::size_t c = 0; c < length_class_count; ++c) by_length[c] = add(t.by_length[c]);
    const std::array total{episodes};
    cells.relate(total, std::array{relatief, absoluut});
    cells.relate(total, by_length);
    protect(cells, suppress ? 4 : 0);
    const auto n = [&](std::int64_t v, cell_table::cell_id c) {
        return published(v, cells.shown(c));
    };
    // Mean, median and maximum of fewer than five episodes would describe single pupils.
    const bool hide = cells.hidden(episodes);
    const auto opt = [&](const auto& v) { return v && !hide ? json(*v) : json(nullptr); };
    json by_length_json = json::object();
    for (std::size_t c = 0; c < length_class_count; ++c)
        by_length_json[std::string(length_class_label(c))] = n(t.by_length[c], by_length[c]);
    return {{"school_year", y.to_string()},
            {"episodes", n(t.episodes, episodes)},
            // The pupils are the KPI `thuiszitters` of this unit: published by the KPI report,
            // whose suppression protects them with their relations there.
            {"pupils", suppress ? json(nullptr) : json(t.pupils)},
            {"relatief", n(t.relatief, relatief)},
            {"absoluut", n(t.absoluut, absoluut)},
            {"open", n(t.open, open)},
            {"longer_than_3_months", n(t.longer_than_3_months, longer)},
            {"by_length_days", by_length_json},
            {"mean_days",
             t.mean_days && !hide ? json(std::round(*t.mean_days * 10) / 10) : json(nullptr)},
            {"median_days", opt(t.median_days)},
            {"max_days", opt(t.max_days)}};
}

/// A cohort's table: every year's column adds up to the cohort, which is a published stock
/// (hidden here when the flows hide it).
json cohort_json(const cohort_table& c, const flow_disclosure* d) {
    cell_table cells;
    const auto rows = static_cast<int>(c.counts.rows()), cols = static_cast<int>(c.counts.cols());
    for (int j = 0; j < cols; ++j)
        for (int r = 0; r < rows; ++r) cells.add(c.counts(r, j), true);
    auto at = [&](int r, int j) { return static_cast<cell_table::cell_id>(j * rows + r); };
    if (cols > 0) {
        const std::array size{at(static_cast<int>(c.query.from), 0)};
        if (d && d->stock(c.query.unit, c.query.start, static_cast<int>(c.query.from)) !=
                     cell_shown::number)
            cells.hide(size.front());
        for (int j = 1; j < cols; ++j) {
            std::vector<cell_table::cell_id> column;
            for (int r = 0; r < rows; ++r) column.push_back(at(r, j));
            cells.relate(size, column);
        }
    }
    protect(cells, d ? 4 : 0);
    json years = json::array();
    for (auto y : c.years) years.push_back(y.to_string());
    json t = json_table(labels(cohort_rows, cohort_row_label), years,
                        count_rows(c.counts, [&](int r, int j) { return cells.shown(at(r, j)); }));
    t["setting"] = to_string(c.query.from);
    t["start"] = c.query.start.to_string();
    return t;
}
} // namespace

json flows_to_json(const dataset& ds, const flows_json_input& in) {
    const auto& ft = *in.tables;
    const school_year prev = in.year.prev();
    json out;
    out["format"] = flows_json_format;
    out["unit"] = unit_json(ds, in.unit);
    out["school_year"] = in.year.to_string();
    out["view"] = view_name(in.view);
    out["extract_date"] = format_day(ds.extract_date());
    out["suppressed"] = in.disclosure != nullptr;
    out["window"] = {{"after", format_day(prev.teldatum())},
                     {"through", format_day(in.year.teldatum())},
                     {"observed", ft.observed(in.year)}};
    const auto* d = in.disclosure;
    stock_vector before = stock_vector::Zero();
    if (ft.has_year(prev)) before = ft.stock(in.unit, prev);
    Eigen::Matrix<std::int32_t, 2, static_cast<int>(setting_count), Eigen::RowMajor> stock;
    stock.row(0) = before;
    stock.row(1) = ft.stock(in.unit, in.year);
    out["stock"] = json_table({format_day(prev.teldatum()), format_day(in.year.teldatum())},
                              setting_labels(), count_rows(stock, [&](int r, int s) {
                                  return d ? d->stock(in.unit, r == 0 ? prev : in.year, s)
                                           : cell_shown::number;
                              }));
    out["flows"] =
        json_table(labels(flow_row_count, flow_row_label), labels(flow_col_count, flow_col_label),
                   count_rows(ft.flows(in.unit, in.year), [&](int r, int c) {
                       return d ? d->flow(in.unit, in.year, r, c) : cell_shown::number;
                   }));
    out["verplaatsingen"] =
        json_table(labels(yoy_size, yoy_label), labels(yoy_size, yoy_label),
                   count_rows(ft.verplaatsingen(in.unit, in.year), [&](int r, int c) {
                       return d ? d->verplaatsing(in.unit, in.year, r, c) : cell_shown::number;
                   }));
    json kinds = json::object();
    const auto k = ft.kinds(in.unit, in.year);
    for (std::size_t i = 0; i < transition_kind_count; ++i) {
        const auto ki = static_cast<int>(i);
        kinds[std::string(to_string(static_cast<transition_kind>(i)))] =
            published(k[ki], d ? d->kind(in.unit, in.year, ki) : cell_shown::number);
    }
    // In a partial year the transitions run through the extract date.
    out["transitions"] = {{"school_year", in.year.to_string()},
                          {"first_day", format_day(in.year.first_day())},
                          {"last_day", format_day(std::min(in.year.last_day(), ds.extract_date()))},
                          {"partial", ds.is_partial(in.year)},
                          {"counts", kinds}};
    out["thuiszitters"] = in.thuiszitters
                              ? thuiszitters_json(*in.thuiszitters, in.year, d != nullptr)
                              : json(nullptr);
    out["cohort"] = in.cohort ? cohort_json(*in.cohort, d) : json(nullptr);
    return out;
}

namespace {
json years_json(const std::vector<school_year>& ys) {
    json out = json::array();
    for (auto y : ys) out.push_back(y.to_string());
    return out;
}
json projection_table(const std::vector<school_year>& ys, const std::vector<forecast_values>& v,
                      bool suppress) {
    json values = json::array();
    for (const auto& x : v) {
        json row = json::array();
        for (int s = 0; s < x.cols(); ++s)
            row.push_back(published_count_json(std::llround(x[s]), suppress));
        values.push_back(std::move(row));
    }
    return json_table(years_json(ys), setting_labels(), std::move(values));
}
json scenario_json(const forecast_scenario& sc) {
    json rates = json::array(), inflow = json::array();
    for (const auto& r : sc.rates)
        rates.push_back({{"from", to_string(r.from)},
                         {"to", r.to ? to_string(*r.to) : std::string_view("buiten")},
                         {"factor", r.factor},
                         {"ages", {r.min_age, r.max_age}}});
    for (const auto& c : sc.inflow)
        inflow.push_back({{"setting", c.to ? json(to_string(*c.to)) : json(nullptr)},
                          {"factor", c.factor},
                          {"ages", {c.min_age, c.max_age}}});
    return {{"name", sc.name}, {"rates", rates}, {"inflow", inflow}};
}
json pct(double v) {
    return std::isnan(v) ? json(nullptr) : json(std::round(v * 10) / 10);
}
} // namespace

json forecast_to_json(const dataset& ds, const forecast_result& f, const forecast_options& o,
                      const flow_disclosure* d) {
    const bool suppress = d != nullptr;
    // An observed stock as the flows publish it.
    auto stock_shown = [&](school_year y, int s) {
        return d ? d->stock(f.unit, y, s) : cell_shown::number;
    };
    json out;
    out["format"] = forecast_json_format;
    out["unit"] = unit_json(ds, f.unit);
    out["view"] = view_name(o.view);
    out["extract_date"] = format_day(ds.extract_date()); // observed years end there
    out["suppressed"] = suppress;
    out["model"] = {
        {"age_bands", {forecast_min_age, forecast_max_age}},
        {"fitted", {f.observed_years.front().to_string(), f.observed_years.back().to_string()}}};
    out["scenario"] = o.scenario ? scenario_json(*o.scenario) : json(nullptr);
    json observed = json::array();
    for (std::size_t i = 0; i < f.observed.size(); ++i) {
        json row = json::array();
        for (int s = 0; s < f.observed[i].cols(); ++s)
            row.push_back(published(f.observed[i][s], stock_shown(f.observed_years[i], s)));
        observed.push_back(std::move(row));
    }
    out["observed"] =
        json_table(years_json(f.observed_years), setting_labels(), std::move(observed));
    out["projection"] = {
        {"baseline", projection_table(f.years, f.baseline, suppress)},
        {"scenario", o.scenario ? projection_table(f.years, f.scenario, suppress) : json(nullptr)}};
    json steps = json::array();
    for (const auto& b : f.backtest) {
        json prediction = json::object(), observed_s = json::object(), error = json::object();
        for (int s = 0; s < static_cast<int>(setting_count); ++s) {
            const auto name = std::string(setting_label(s));
            const auto obs = b.observed[s];
            prediction[name] = published_count_json(std::llround(b.prediction[s]), suppress);
            const auto shown = stock_shown(b.predicted, s);
            observed_s[name] = published(obs, shown);
            // The error of a hidden count would give the count away.
            const bool hidden = shown != cell_shown::number;
            error[name] = obs > 0 && !hidden
                              ? pct((b.prediction[s] - obs) / static_cast<double>(obs) * 100.0)
                              : json(nullptr);
        }
        steps.push_back({{"fitted", {b.fitted_from.to_string(), b.fitted_to.to_string()}},
                         {"predicted", b.predicted.to_string()},
                         {"prediction", prediction},
                         {"observed", observed_s},
                         {"error_pct", error}});
    }
    json mape = json::object();
    for (int s = 0; s < static_cast<int>(setting_count); ++s)
        mape[std::string(setting_label(s))] = pct(f.backtest_mape[s]);
    out["backtest"] = {{"steps", steps}, {"mape_pct", mape}};
    return out;
}

PASSEND_NAMESPACE_END
