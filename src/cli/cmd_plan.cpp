// passend plan PLAN.json DIR|--demo: a focus plan's evaluation (seed 001's template) for a
// school year: per focus point each indicator's baseline, the year before, the year, the change,
// the plan's target and the status against it, as Markdown, HTML or JSON (passend-plan-1).
#include "commands.hpp"
#include "input.hpp"

#include "passend/cycle/plan.hpp"
#include "passend/cycle/plan_report.hpp"
#include "passend/error.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/report/privacy.hpp"
#include "passend/report/report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>

namespace passend::cli {
namespace {

struct plan_cli {
    std::string plan;
    input_options in;
    std::string year, format = "md", out;
    bool no_suppress = false;
};

// A plan for another region reads nothing: say which of its units have no figures at all.
void warn_unknown_units(const focus_plan& plan, const kpi_results& results) {
    std::set<std::pair<kpi_level, std::string>> known, warned;
    for (const auto& r : results.rows) known.emplace(r.level, r.unit);
    for (const auto& fp : plan.focus_points)
        for (const auto& ind : fp.indicators)
            if (!known.contains({ind.level, ind.unit}) &&
                warned.emplace(ind.level, ind.unit).second)
                fmt::print(
                    stderr,
                    "passend: warning: the data has no figures for {} '{}' (focus point '{}')\n",
                    to_string(ind.level), ind.unit, fp.id);
}

void run(const plan_cli& o) {
    // The plan first: a broken plan is reported before the data is read.
    const auto plan = load_plan(o.plan).value(); // throws load_error: file and JSON path
    std::optional<school_year> asked;
    if (!o.year.empty()) asked = parse_year_option(o.year);
    const auto data = open_input(o.in);
    // Every year and unit: the baseline and the year before need earlier years, and
    // suppression must see every unit a reader could combine with the plan's.
    auto results = evaluate(*data, catalog::builtin());
    if (results.rows.empty()) throw error("the data gives no KPI figures");
    const auto latest =
        std::max_element(results.rows.begin(), results.rows.end(),
                         [](const kpi_row& a, const kpi_row& b) { return a.year < b.year; })
            ->year;
    const auto year = asked ? year_in_results(results, *asked) : latest;
    warn_unknown_units(plan, results);

    auto privacy = suppress_options::for_dataset(*data);
    privacy.enabled = !o.no_suppress;
    suppress(results, privacy);
    plan_report_options po;
    po.subject = o.in.demo ? "demo: Zuid-Limburg" : o.in.dir;
    po.unit_names = report_options::names_of(*data);
    po.suppressed = privacy.enabled;
    po.max_small = privacy.max_small;

    if (o.format == "json")
        write_output(o.out, plan_json(plan, results, year, po));
    else if (o.format == "html")
        write_output(o.out, to_html(plan_report(plan, results, year, po)));
    else
        write_output(o.out, to_markdown(plan_report(plan, results, year, po)));
}

void setup_plan(CLI::App& app) {
    auto o = std::make_shared<plan_cli>();
    auto* cmd = app.add_subcommand(
        "plan", "A focus plan's indicators against its targets for a school year: baseline, "
                "value, change, target and status (md, html or json); counts 1-4 show as <5");
    cmd->add_option("PLAN", o->plan, "Focus plan (JSON, seed 001's template)")
        ->required()
        ->check(CLI::ExistingFile);
    add_input_options(*cmd, o->in);
    cmd->add_option("--year", o->year,
                    "School year, 2024-2025 or 2024 (default: the latest the data covers)");
    cmd->add_option("--format", o->format, "md (default), html or json")
        ->check(CLI::IsMember({"md", "html", "json"}));
    cmd->add_flag("--no-suppress", o->no_suppress,
                  "Show small counts (internal analysis only: do not publish)");
    cmd->add_option("--out", o->out, "Write to this file (default: standard output)");
    cmd->callback([o] { run(*o); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_plan);
} // namespace passend::cli
