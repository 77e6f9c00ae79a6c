// SPDX-License-Identifier: EUPL-1.2
// A focus plan's evaluation for readers and machines: per focus point each indicator's
// baseline, the value the year before and in the year, the change, the plan's target and the
// status against it (evaluate_plan() in plan.hpp).
//
// The readable form is a report document of accountability.hpp, so its Markdown and HTML
// writers (to_markdown(), to_html()) print it; the JSON form is `passend-plan-1`, documented in
// docs/quality-cycle.md (stable: keys are only ever added). Both show a suppressed number
// (report/privacy.hpp) as `<5` or leave it out, and hide the status and change that would
// reveal it: run suppress() on the complete KPI results first.
//
// evaluate_plan(dataset, plan, options) makes those KPI results the one way `passend plan`, the C
// API (passend_plan_evaluate) and Python (Dataset.plan) all use: the built-in catalog for every
// year and unit, suppressed, the school year checked against the data.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/cycle/accountability.hpp"
#include "passend/cycle/plan.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"
#include "passend/kpi/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// The `format` of plan_json()'s document.
inline constexpr const char* plan_json_format = "passend-plan-1";

struct plan_report_options {
    /// What the figures are of, e.g. `demo: Zuid-Limburg` or the input folder.
    std::string subject;
    /// Names shown beside unit ids (report_options::names_of(ds)).
    std::map<std::string, std::string, std::less<>> unit_names;
    /// Whether suppress() ran on the results (the outputs say which numbers are hidden), and
    /// its threshold.
    bool suppressed = true;
    int max_small = 4;
};

/// The evaluation of `plan` in `year` as a document: one section per focus point with its
/// process, description, indicators ("Hoe meet ik dit?") and forums ("Waar bespreek ik
/// dit?"). `kpis`: every year and unit the evaluator gives, after suppress().
accountability_report plan_report(const focus_plan& plan, const kpi_results& kpis, school_year year,
                                  const plan_report_options& options = {});

/// The same as JSON (`{"format": "passend-plan-1", ...}`), indented, ending in a newline.
std::string plan_json(const focus_plan& plan, const kpi_results& kpis, school_year year,
                      const plan_report_options& options = {});

/// How evaluate_plan() reads a dataset (the options of `passend plan`).
struct plan_evaluation_options {
    /// The school year to evaluate; none: the latest the KPI figures cover.
    std::optional<school_year> year;
    /// Hide small counts and every number that reveals one (suppress()); false for internal
    /// analysis only (`--no-suppress`).
    bool suppress = true;
    /// plan_report_options::subject, e.g. the input folder.
    std::string subject;
    /// The plan's name in the warnings' diagnostics (its file).
    std::string source = "plan.json";
};

/// A plan evaluated on a dataset: the KPI results and options plan_report() and plan_json() take.
struct plan_evaluation {
    const focus_plan* plan = nullptr;
    /// Every KPI of the built-in catalog for every school year and unit (the baseline and the
    /// year before need earlier years, and suppression must see every unit a reader could
    /// combine with the plan's), after suppress() unless it was turned off.
    kpi_results kpis;
    school_year year{0};
    /// subject, unit names of the dataset, whether suppressed and its threshold.
    plan_report_options report;
    /// One warning per level and unit of the plan's indicators that has no figures at all in
    /// the data (a plan for another region reads nothing), naming the first focus point with it:
    /// `the data has no figures for swv 'PO9999' (focus point 'so')`, rule `unit_without_figures`.
    std::vector<diagnostic> warnings;

    accountability_report document() const { return plan_report(*plan, kpis, year, report); }
    std::string json() const { return plan_json(*plan, kpis, year, report); }
};

/// Evaluate `plan` on `ds` in `options.year` (default the latest year of the figures). Throws
/// year_not_covered (kpi/result.hpp) for a year the figures do not hold, or when the data gives
/// no figures at all. `plan` must outlive the result.
plan_evaluation evaluate_plan(const dataset& ds, const focus_plan& plan,
                              const plan_evaluation_options& options = {});

PASSEND_NAMESPACE_END
