#include "passend/flows/json.hpp"

#include "passend/flows/suppress.hpp"

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

template <class Matrix>
json count_rows(const Matrix& m, bool suppress) {
    json values = json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json row = json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.push_back(published_count_json(m(r, c), suppress));
        values.push_back(std::move(row));
    }
    return values;
}

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
    const auto n = [&](std::int64_t v) { return published_count_json(v, suppress); };
    // With fewer than five episodes their mean, median and maximum would describe single pupils.
    const bool hide = suppress && is_small_count(t.episodes);
    const auto opt = [&](const auto& v) { return v && !hide ? json(*v) : json(nullptr); };
    json by_length = json::object();
    for (std::size_t c = 0; c < length_class_count; ++c)
        by_length[std::string(length_class_label(c))] = n(t.by_length[c]);
    return {{"school_year", y.to_string()},
            {"episodes", n(t.episodes)},
            {"pupils", n(t.pupils)},
            {"relatief", n(t.relatief)},
            {"absoluut", n(t.absoluut)},
            {"open", n(t.open)},
            {"longer_than_3_months", n(t.longer_than_3_months)},
            {"by_length_days", by_length},
            {"mean_days",
             t.mean_days && !hide ? json(std::round(*t.mean_days * 10) / 10) : json(nullptr)},
            {"median_days", opt(t.median_days)},
            {"max_days", opt(t.max_days)}};
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
    out["suppressed"] = in.suppress;
    out["window"] = {{"after", format_day(prev.teldatum())},
                     {"through", format_day(in.year.teldatum())},
                     {"observed", ft.observed(in.year)}};
    stock_vector before = stock_vector::Zero();
    if (ft.has_year(prev)) before = ft.stock(in.unit, prev);
    Eigen::Matrix<std::int32_t, 2, static_cast<int>(setting_count), Eigen::RowMajor> stock;
    stock.row(0) = before;
    stock.row(1) = ft.stock(in.unit, in.year);
    out["stock"] = json_table({format_day(prev.teldatum()), format_day(in.year.teldatum())},
                              setting_labels(), count_rows(stock, in.suppress));
    out["flows"] =
        json_table(labels(flow_row_count, flow_row_label), labels(flow_col_count, flow_col_label),
                   count_rows(ft.flows(in.unit, in.year), in.suppress));
    out["verplaatsingen"] =
        json_table(labels(yoy_size, yoy_label), labels(yoy_size, yoy_label),
                   count_rows(ft.verplaatsingen(in.unit, in.year), in.suppress));
    json kinds = json::object();
    const auto k = ft.kinds(in.unit, in.year);
    for (std::size_t i = 0; i < transition_kind_count; ++i)
        kinds[std::string(to_string(static_cast<transition_kind>(i)))] =
            published_count_json(k[static_cast<int>(i)], in.suppress);
    // In a partial year the transitions run through the extract date.
    out["transitions"] = {{"school_year", in.year.to_string()},
                          {"first_day", format_day(in.year.first_day())},
                          {"last_day", format_day(std::min(in.year.last_day(), ds.extract_date()))},
                          {"partial", ds.is_partial(in.year)},
                          {"counts", kinds}};
    out["thuiszitters"] =
        in.thuiszitters ? thuiszitters_json(*in.thuiszitters, in.year, in.suppress) : json(nullptr);
    if (in.cohort) {
        const auto& c = *in.cohort;
        json years = json::array();
        for (auto y : c.years) years.push_back(y.to_string());
        json t = json_table(labels(cohort_rows, cohort_row_label), years,
                            count_rows(c.counts, in.suppress));
        t["setting"] = to_string(c.query.from);
        t["start"] = c.query.start.to_string();
        out["cohort"] = std::move(t);
    } else {
        out["cohort"] = nullptr;
    }
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
                      bool suppress) {
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
    for (const auto& x : f.observed) {
        json row = json::array();
        for (int s = 0; s < x.cols(); ++s) row.push_back(published_count_json(x[s], suppress));
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
            observed_s[name] = published_count_json(obs, suppress);
            // The error of a hidden count would give the count away.
            const bool hidden = suppress && is_small_count(obs);
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
