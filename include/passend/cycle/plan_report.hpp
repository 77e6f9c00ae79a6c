// A focus plan's evaluation for readers and machines: per focus point each indicator's
// baseline, the value the year before and in the year, the change, the plan's target and the
// status against it (evaluate_plan() in plan.hpp).
//
// The readable form is a report document of accountability.hpp, so its Markdown and HTML
// writers (to_markdown(), to_html()) print it; the JSON form is `passend-plan-1`, documented in
// docs/quality-cycle.md (stable: keys are only ever added). Both show a suppressed number
// (report/privacy.hpp) as `<5` or leave it out, and hide the status and change that would
// reveal it: run suppress() on the complete KPI results first.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/cycle/accountability.hpp"
#include "passend/cycle/plan.hpp"
#include "passend/kpi/result.hpp"

#include <map>
#include <string>

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

PASSEND_NAMESPACE_END
