// SPDX-License-Identifier: EUPL-1.2
// Forecast: project the pupils per setting of a unit for the next school years, with scenarios
// and a backtest.
//
// The model is a cohort-component (Markov) model on teldata. A pupil's state at a teldatum is a
// setting of the unit or `buiten` (not counted by the unit: elsewhere or nowhere). From the
// observed pairs of consecutive teldata it estimates, per setting s and age a (single years 3-20,
// 20 meaning 20 or older), the probability of each state a year later, and the mean yearly inflow
// (pupils buiten at one teldatum and in setting s' at age a' the next). The projection ages the
// stock by one year per step:
//
//     x[t+1](s', a+1) = sum_s x[t](s, a) P(s -> s' | s, a) + inflow(s', a+1)
//
// An (s, a) never observed in the fitted years falls back to s's rates pooled over all ages.
// A scenario scales chosen rates (the difference is taken from, or given to, staying in the
// setting; for the staying rate itself, from leaving) or the inflow.
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/units.hpp"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

inline constexpr int forecast_min_age = 3;
inline constexpr int forecast_max_age = 20; ///< the last band holds 20 and older
inline constexpr int forecast_age_bands = forecast_max_age - forecast_min_age + 1;

/// Scale the yearly probability of moving from setting `from` to `to` (nullopt: leaving the
/// unit, `buiten`) for pupils aged min_age..max_age at the first teldatum.
struct rate_change {
    setting from = setting::bao;
    std::optional<setting> to;
    int min_age = forecast_min_age, max_age = forecast_max_age;
    double factor = 1;
};
/// Scale the yearly inflow into setting `to` (nullopt: every setting) at ages min_age..max_age.
struct inflow_change {
    std::optional<setting> to;
    int min_age = forecast_min_age, max_age = forecast_max_age;
    double factor = 1;
};
struct forecast_scenario {
    std::string name;
    std::vector<rate_change> rates;
    std::vector<inflow_change> inflow;
};

/// Parse a scenario (docs/flows.md, "Scenario files"):
/// `{"name": "...", "rates": [{"from": "bao", "to": "so", "factor": 0.9, "ages": [4, 12]}],
///   "inflow": [{"setting": "bao", "factor": 1.05}]}`. Throws passend::error naming `source`, the
/// key and the rule broken.
forecast_scenario parse_scenario(std::string_view json_text, std::string_view source = "scenario");
/// Read and parse a scenario file.
forecast_scenario read_scenario(const std::string& path);

struct forecast_options {
    flow_unit unit;
    int years = 5; ///< school years to project after the last observed teldatum
    attribution_view view = attribution_view::paying;
    std::optional<forecast_scenario> scenario;
};

using forecast_values = Eigen::Matrix<double, 1, static_cast<int>(setting_count)>;
using forecast_counts = Eigen::Matrix<std::int32_t, 1, static_cast<int>(setting_count)>;

/// One backtest step: fit on the teldata up to `fitted_to`, predict the next from its stock.
struct backtest_step {
    school_year fitted_from{0}, fitted_to{0}, predicted{0};
    forecast_values prediction;
    forecast_counts observed;
};

struct forecast_result {
    flow_unit unit;
    /// Teldata the data reaches, oldest first, and the unit's pupils per setting there.
    std::vector<school_year> observed_years;
    std::vector<forecast_counts> observed;
    /// Projected years (after the last observed) and stocks, baseline and scenario (empty
    /// without a scenario).
    std::vector<school_year> years;
    std::vector<forecast_values> baseline, scenario;
    std::vector<backtest_step> backtest;
    /// Mean absolute percentage error per setting over the backtest steps (steps where the
    /// observed stock is 0 are left out; NaN when none is left).
    forecast_values backtest_mape;
};

/// Fit on every observed pair of teldata and project; backtest on each prefix. Needs at least
/// two observed teldata (throws passend::error otherwise).
forecast_result run_forecast(const dataset& ds, const forecast_options& options = {});

PASSEND_NAMESPACE_END
