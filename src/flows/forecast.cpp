// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/forecast.hpp"

#include "passend/error.hpp"
#include "passend/limits.hpp"

#include "io/input_file.hpp"
#include "io/json_document.hpp"
#include "teldatum_walk.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

PASSEND_NAMESPACE_BEGIN

namespace {
constexpr int settings = static_cast<int>(setting_count);
constexpr int buiten = settings; ///< the state "not counted by the unit"
constexpr int states = settings + 1;
constexpr int bands = forecast_age_bands;

int band_of(int age) noexcept {
    return std::clamp(age, forecast_min_age, forecast_max_age) - forecast_min_age;
}

/// Counts observed at the teldata: the stock by (setting, age band) at each, the moves of that
/// stock to the next teldatum, and the inflow there.
struct observations {
    std::vector<school_year> years;
    // Indexed [k][s][a], [k][s][a][s'], [k][s'][a'].
    std::vector<double> stock, moves, inflow;
    double& stock_at(std::size_t k, int s, int a) {
        return stock[(k * settings + static_cast<std::size_t>(s)) * bands +
                     static_cast<std::size_t>(a)];
    }
    double& move_at(std::size_t k, int s, int a, int to) {
        return moves[((k * settings + static_cast<std::size_t>(s)) * bands +
                      static_cast<std::size_t>(a)) *
                         states +
                     static_cast<std::size_t>(to)];
    }
    double& inflow_at(std::size_t k, int s, int a) {
        return inflow[(k * settings + static_cast<std::size_t>(s)) * bands +
                      static_cast<std::size_t>(a)];
    }
    forecast_counts stock_of(std::size_t k) {
        forecast_counts out = forecast_counts::Zero();
        for (int s = 0; s < settings; ++s)
            for (int a = 0; a < bands; ++a) out[s] += static_cast<std::int32_t>(stock_at(k, s, a));
        return out;
    }
};

observations observe(const dataset& ds, const forecast_options& o) {
    observations obs;
    // The reported years: each teldatum is on or before the extract date.
    obs.years = ds.school_years();
    const std::size_t n = obs.years.size();
    if (n < 2)
        throw error("forecast: the data holds " + std::to_string(n) +
                    " teldatum(s) (1 October); a forecast needs at least two");
    std::vector<day> teldata;
    for (auto y : obs.years) teldata.push_back(y.teldatum());
    obs.stock.assign(n * settings * bands, 0);
    obs.moves.assign(n * settings * bands * states, 0);
    obs.inflow.assign(n * settings * bands, 0);

    const auto& kind = ds.schools().kind;
    const auto& school = ds.enrolments().school;
    std::vector<int> state(n); // reused for every pupil
    for (std::uint32_t p = 0; p < ds.pupils().size(); ++p) {
        std::fill(state.begin(), state.end(), buiten);
        bool any = false;
        detail::for_each_teldatum(ds, pupil_idx{p}, teldata, [&](std::size_t w, std::uint32_t e) {
            if (!counts_for(ds, o.unit, e, teldata[w], o.view)) return;
            state[w] = static_cast<int>(kind[pos(school[e])]);
            any = true;
        });
        if (!any) continue;
        // Every teldatum is 1 October, so the age grows by exactly one a year.
        const int age0 = age_on(ds.pupils().birth_date[p], teldata[0]);
        for (std::size_t k = 0; k < n; ++k) {
            const int a = band_of(age0 + static_cast<int>(k));
            if (state[k] != buiten) obs.stock_at(k, state[k], a) += 1;
            if (k + 1 == n) continue;
            if (state[k] != buiten)
                obs.move_at(k, state[k], a, state[k + 1]) += 1;
            else if (state[k + 1] != buiten)
                obs.inflow_at(k, state[k + 1], band_of(age0 + static_cast<int>(k) + 1)) += 1;
        }
    }
    return obs;
}

/// Transition probabilities [s][a][s'] and the yearly inflow [s'][a'].
struct model {
    std::vector<double> p = std::vector<double>(settings * bands * states, 0);
    std::vector<double> inflow = std::vector<double>(settings * bands, 0);
    double& rate(int s, int a, int to) {
        return p[(static_cast<std::size_t>(s) * bands + static_cast<std::size_t>(a)) * states +
                 static_cast<std::size_t>(to)];
    }
    double& in(int s, int a) {
        return inflow[static_cast<std::size_t>(s) * bands + static_cast<std::size_t>(a)];
    }
};

/// Fit on the moves from teldata first..last-1 to the next one.
model fit(observations& obs, std::size_t first, std::size_t last) {
    model m;
    const double pairs = static_cast<double>(last - first);
    for (int s = 0; s < settings; ++s) {
        std::array<double, states> pooled{};
        for (int a = 0; a < bands; ++a)
            for (int to = 0; to < states; ++to)
                for (auto k = first; k < last; ++k) pooled[to] += obs.move_at(k, s, a, to);
        double pooled_n = 0;
        for (double v : pooled) pooled_n += v;
        for (int a = 0; a < bands; ++a) {
            std::array<double, states> c{};
            double total = 0;
            for (int to = 0; to < states; ++to) {
                for (auto k = first; k < last; ++k) c[to] += obs.move_at(k, s, a, to);
                total += c[to];
            }
            for (int to = 0; to < states; ++to) {
                if (total > 0)
                    m.rate(s, a, to) = c[to] / total;
                else if (pooled_n > 0)
                    m.rate(s, a, to) = pooled[to] / pooled_n;
                else
                    m.rate(s, a, to) = to == s ? 1.0 : 0.0; // never seen: assume it stays
            }
        }
        for (int a = 0; a < bands; ++a) {
            double sum = 0;
            for (auto k = first; k < last; ++k) sum += obs.inflow_at(k, s, a);
            m.in(s, a) = sum / pairs;
        }
    }
    return m;
}

void apply(model& m, const forecast_scenario& sc) {
    for (const auto& r : sc.rates) {
        const int s = static_cast<int>(r.from);
        const int to = r.to ? static_cast<int>(*r.to) : buiten;
        // The difference comes from (or goes to) staying; when staying itself is scaled, from
        // leaving the unit.
        const int balance = to == s ? buiten : s;
        for (int a = band_of(r.min_age); a <= band_of(r.max_age); ++a) {
            const double before = m.rate(s, a, to), after = before * r.factor;
            m.rate(s, a, to) = after;
            m.rate(s, a, balance) -= after - before;
            if (m.rate(s, a, balance) < 0) {
                m.rate(s, a, balance) = 0;
                double sum = 0;
                for (int x = 0; x < states; ++x) sum += m.rate(s, a, x);
                for (int x = 0; x < states; ++x) m.rate(s, a, x) /= sum;
            }
        }
    }
    for (const auto& c : sc.inflow)
        for (int s = 0; s < settings; ++s) {
            if (c.to && static_cast<int>(*c.to) != s) continue;
            for (int a = band_of(c.min_age); a <= band_of(c.max_age); ++a) m.in(s, a) *= c.factor;
        }
}

/// One year on: stock [s][a] -> stock [s'][a+1].
std::vector<double> step(model& m, const std::vector<double>& x) {
    std::vector<double> next(settings * bands, 0);
    for (int s = 0; s < settings; ++s)
        for (int a = 0; a < bands; ++a) {
            const double n = x[static_cast<std::size_t>(s * bands + a)];
            if (n == 0) continue;
            const int older = std::min(a + 1, bands - 1);
            for (int to = 0; to < settings; ++to)
                next[static_cast<std::size_t>(to * bands + older)] += n * m.rate(s, a, to);
        }
    for (int s = 0; s < settings; ++s)
        for (int a = 0; a < bands; ++a) next[static_cast<std::size_t>(s * bands + a)] += m.in(s, a);
    return next;
}

forecast_values totals(const std::vector<double>& x) {
    forecast_values out = forecast_values::Zero();
    for (int s = 0; s < settings; ++s)
        for (int a = 0; a < bands; ++a) out[s] += x[static_cast<std::size_t>(s * bands + a)];
    return out;
}

std::vector<double> stock_vector_of(observations& obs, std::size_t k) {
    std::vector<double> x(settings * bands);
    for (int s = 0; s < settings; ++s)
        for (int a = 0; a < bands; ++a)
            x[static_cast<std::size_t>(s * bands + a)] = obs.stock_at(k, s, a);
    return x;
}

std::vector<forecast_values> project(model m, std::vector<double> x, int years) {
    std::vector<forecast_values> out;
    for (int t = 0; t < years; ++t) {
        x = step(m, x);
        out.push_back(totals(x));
    }
    return out;
}

// --- scenario files ---

[[noreturn]] void bad(std::string_view source, const std::string& where, const std::string& rule) {
    throw error(std::string(source) + ": " + where + ": " + rule);
}

std::optional<setting> setting_field(const nlohmann::json& j, std::string_view source,
                                     const std::string& where, bool allow_buiten) {
    if (!j.is_string()) bad(source, where, "must be a setting (" + enum_name_list<setting>() + ")");
    const auto text = j.get<std::string>();
    if (allow_buiten && text == "buiten") return std::nullopt;
    const auto s = parse_code<setting>(text);
    if (!s)
        bad(source, where,
            "'" + text + "' is not a setting (" + enum_name_list<setting>() +
                (allow_buiten ? "|buiten)" : ")"));
    return s;
}

template <class Change>
void common_fields(const nlohmann::json& item, Change& c, std::string_view source,
                   const std::string& where) {
    if (!item.contains("factor") || !item["factor"].is_number())
        bad(source, where + ".factor", "a number is required");
    c.factor = item["factor"].get<double>();
    if (!(c.factor >= 0) || !std::isfinite(c.factor))
        bad(source, where + ".factor", "must be 0 or more");
    if (item.contains("ages")) {
        const auto& ages = item["ages"];
        if (!ages.is_array() || ages.size() != 2 || !ages[0].is_number_integer() ||
            !ages[1].is_number_integer())
            bad(source, where + ".ages", "must be [min, max], two whole ages");
        c.min_age = ages[0].get<int>();
        c.max_age = ages[1].get<int>();
        if (c.min_age > c.max_age || c.min_age < forecast_min_age || c.max_age > forecast_max_age)
            bad(source, where + ".ages",
                "must lie within " + std::to_string(forecast_min_age) + "-" +
                    std::to_string(forecast_max_age) + ", min before max");
    }
}

void only_keys(const nlohmann::json& item, std::initializer_list<std::string_view> keys,
               std::string_view source, const std::string& where) {
    for (const auto& [key, value] : item.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            bad(source, where + "." + key, "unknown key");
}
} // namespace

forecast_scenario parse_scenario(std::string_view text, std::string_view source) {
    detail::json_problem problem;
    auto parsed = detail::parse_json_document(text, problem);
    if (!parsed)
        throw error(std::string(source) + ": not valid JSON at line " +
                    std::to_string(problem.line) + ", column " + std::to_string(problem.column) +
                    ": " + problem.message);
    nlohmann::json j = std::move(*parsed);
    if (!j.is_object()) bad(source, "(top)", "must be an object");
    only_keys(j, {"name", "rates", "inflow"}, source, "(top)");
    forecast_scenario sc;
    if (j.contains("name")) {
        if (!j["name"].is_string()) bad(source, "name", "must be a string");
        sc.name = j["name"].get<std::string>();
    }
    if (j.contains("rates")) {
        if (!j["rates"].is_array()) bad(source, "rates", "must be a list");
        for (std::size_t i = 0; i < j["rates"].size(); ++i) {
            const auto& item = j["rates"][i];
            const std::string where = "rates[" + std::to_string(i) + "]";
            if (!item.is_object()) bad(source, where, "must be an object");
            only_keys(item, {"from", "to", "factor", "ages"}, source, where);
            if (!item.contains("from") || !item.contains("to"))
                bad(source, where, "needs 'from' and 'to'");
            rate_change r;
            r.from = *setting_field(item["from"], source, where + ".from", false);
            r.to = setting_field(item["to"], source, where + ".to", true);
            common_fields(item, r, source, where);
            sc.rates.push_back(r);
        }
    }
    if (j.contains("inflow")) {
        if (!j["inflow"].is_array()) bad(source, "inflow", "must be a list");
        for (std::size_t i = 0; i < j["inflow"].size(); ++i) {
            const auto& item = j["inflow"][i];
            const std::string where = "inflow[" + std::to_string(i) + "]";
            if (!item.is_object()) bad(source, where, "must be an object");
            only_keys(item, {"setting", "factor", "ages"}, source, where);
            inflow_change c;
            if (item.contains("setting"))
                c.to = setting_field(item["setting"], source, where + ".setting", false);
            common_fields(item, c, source, where);
            sc.inflow.push_back(c);
        }
    }
    return sc;
}

forecast_scenario read_scenario(const std::string& path) {
    return parse_scenario(detail::read_whole_file_or_throw(path, "scenario file"), path);
}

forecast_result run_forecast(const dataset& ds, const forecast_options& o) {
    if (o.years < 0 || o.years > max_forecast_years)
        throw invalid_argument("forecast: the number of years must be 0 to " +
                               std::to_string(max_forecast_years) + ", not " +
                               std::to_string(o.years));
    auto obs = observe(ds, o);
    const std::size_t n = obs.years.size();
    forecast_result out;
    out.unit = o.unit;
    out.observed_years = obs.years;
    for (std::size_t k = 0; k < n; ++k) out.observed.push_back(obs.stock_of(k));

    const model base = fit(obs, 0, n - 1);
    for (int t = 1; t <= o.years; ++t)
        out.years.push_back(school_year{obs.years.back().start_year() + t});
    out.baseline = project(base, stock_vector_of(obs, n - 1), o.years);
    if (o.scenario) {
        model changed = base;
        apply(changed, *o.scenario);
        out.scenario = project(changed, stock_vector_of(obs, n - 1), o.years);
    }

    // Backtest: fit on teldata 0..k-1, predict k from the stock at k-1.
    forecast_values abs_pct = forecast_values::Zero(), steps = forecast_values::Zero();
    for (std::size_t k = 2; k < n; ++k) {
        backtest_step b;
        b.fitted_from = obs.years.front();
        b.fitted_to = obs.years[k - 1];
        b.predicted = obs.years[k];
        b.prediction = project(fit(obs, 0, k - 1), stock_vector_of(obs, k - 1), 1).front();
        b.observed = out.observed[k];
        for (int s = 0; s < settings; ++s)
            if (b.observed[s] > 0) {
                abs_pct[s] += std::abs(b.prediction[s] - b.observed[s]) / b.observed[s] * 100.0;
                steps[s] += 1;
            }
        out.backtest.push_back(b);
    }
    for (int s = 0; s < settings; ++s)
        out.backtest_mape[s] =
            steps[s] > 0 ? abs_pct[s] / steps[s] : std::numeric_limits<double>::quiet_NaN();
    return out;
}

PASSEND_NAMESPACE_END
