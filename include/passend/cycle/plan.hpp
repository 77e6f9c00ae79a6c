// SPDX-License-Identifier: EUPL-1.2
// Focus plans: the KPI template ("sjabloon") of *Integrale kwaliteitszorg* (Perspectief op
// School, 2019) as a JSON document.
//
// Each focus point (speerpunt) names the process it belongs to, a description, the indicators
// that measure it (KPI ids with a definition, a source and targets per school year) and the
// forums where it is discussed with their frequency. docs/quality-cycle.md describes the format;
// plans/demo-plan.json is an example. A plan is validated as a whole: every problem is a
// diagnostic naming the focus point and the JSON path (`/focus_points/0/indicators/1/kpi`).
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/cycle/holidays.hpp"
#include "passend/error.hpp"
#include "passend/kpi/result.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// How often a forum meets.
struct forum_frequency {
    enum class kind : std::uint8_t { months, every_weeks } rule = kind::months;
    /// For `months`: the months it meets in (1-12), in school-year order as written.
    std::vector<unsigned> months;
    /// For `months`: meet on the n-th `weekday` (0 Sunday .. 6 Saturday) of the month, moved to
    /// the next working day when closed; nth 0 means the first working day of the month.
    unsigned nth = 0;
    unsigned weekday = 1;
    /// For `every_weeks`: the interval, and the first meeting (default: the first school day).
    unsigned weeks = 0;
    std::optional<day> start;
    /// As the template writes it: `2x/jaar (dec, jun)`, `Elke 6 weken`.
    std::string describe() const;
};

/// A forum where a focus point is discussed ("Waar bespreek ik dit?").
struct plan_forum {
    std::string name;    ///< Aan: `ALV`, `Bestuur`, `ZOCO/IB-overleg`
    std::string by;      ///< Door: `SWV`
    std::string purpose; ///< Doel
    forum_frequency frequency;
};

/// A target for one school year.
struct plan_target {
    school_year year{0};
    kpi_norm norm;
};

/// An indicator ("Hoe meet ik dit?"): a KPI of the catalog and where its figure comes from.
struct plan_indicator {
    std::string kpi;
    std::string definition; ///< optional: the plan's own wording
    std::string source;     ///< Middel, e.g. `Kijkglas`, `DUO`
    kpi_level level = kpi_level::swv;
    std::string unit; ///< default: the plan's swv (or `NL` at national level)
    std::vector<plan_target> targets;
    const plan_target* target_for(school_year y) const noexcept;
};

struct focus_point {
    std::string id;
    std::string speerpunt;
    std::string process;
    std::string description;
    std::vector<plan_indicator> indicators;
    std::vector<plan_forum> forums;
};

struct focus_plan {
    std::string name;
    std::string swv; ///< the partnership the plan is for; optional
    std::vector<focus_point> focus_points;
    /// School holidays the plan's calendar uses instead of passend's own (optional).
    std::vector<closed_period> holidays;
};

/// Answers whether a KPI id exists (the catalog's lookup).
using kpi_exists_fn = std::function<bool(std::string_view)>;

/// Whether the built-in KPI catalog defines `id` (`deelname_so`, `terugplaatsingen_sbo_bao`, and
/// `<framework>_score` / `_norm` for any framework id): the default check; a caller with a
/// user catalog passes its own lookup.
bool is_catalog_kpi_id(std::string_view id);

/// A parsed plan, or none and the diagnostics.
struct [[nodiscard]] plan_result {
    std::optional<focus_plan> plan;
    std::vector<diagnostic> diagnostics;
    bool ok() const noexcept { return plan.has_value(); }
    /// The plan, or throw load_error with every diagnostic.
    const focus_plan& value() const&;
    /// On a temporary result: the plan moved out (so `parse_plan(...).value()` is safe).
    focus_plan value() &&;
};

/// Parse and validate a plan; `source` names it in diagnostics.
plan_result parse_plan(std::string_view json_text, std::string source = "plan.json",
                       const kpi_exists_fn& kpi_exists = is_catalog_kpi_id);
plan_result load_plan(const std::filesystem::path& file,
                      const kpi_exists_fn& kpi_exists = is_catalog_kpi_id);

/// One indicator of a focus point against the plan's target for a year.
///
/// Values are read as the accountability report reads them: a count without a row for the
/// unit is 0 when the national row of that year has a numerator (the data covers the year).
struct indicator_status {
    const plan_indicator* indicator = nullptr;
    std::optional<kpi_norm> target;
    std::optional<double> value;    ///< the KPI's value for the indicator's unit and year
    std::optional<double> previous; ///< the year before
    /// The nulmeting (baseline): the latest value at or before the school year before the
    /// indicator's first target year, and the year it is from; none without targets or
    /// without such a value.
    std::optional<double> baseline;
    std::optional<school_year> baseline_year;
    /// Against the target; `none` without a target or without a value.
    kpi_status status = kpi_status::none;
    /// The rows `value`, `previous` and `baseline` come from; null where there is no value or
    /// the value is a count read as 0. A publication shows them through shown()
    /// (report/privacy.hpp) after suppress().
    const kpi_row* value_row = nullptr;
    const kpi_row* previous_row = nullptr;
    const kpi_row* baseline_row = nullptr;
};

struct focus_point_status {
    const focus_point* point = nullptr;
    std::vector<indicator_status> indicators;
};

/// Per focus point, its KPIs in `year` with their status against the plan's targets.
/// `plan` and `kpis` must outlive the result.
std::vector<focus_point_status> evaluate_plan(const focus_plan& plan, const kpi_results& kpis,
                                              school_year year);

PASSEND_NAMESPACE_END
