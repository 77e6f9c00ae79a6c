// SPDX-License-Identifier: EUPL-1.2
// passend plan PLAN.json DIR|--demo: a focus plan's evaluation (the template of Integrale
// kwaliteitszorg) for a school year: per focus point each indicator's baseline, the year before,
// the year, the change, the plan's target and the status against it, as Markdown, HTML or JSON
// (passend-plan-1).
#include "commands.hpp"
#include "input.hpp"

#include "passend/cycle/plan.hpp"
#include "passend/cycle/plan_report.hpp"
#include "passend/error.hpp"

#include <fmt/core.h>

#include <memory>
#include <string>

namespace passend::cli {
namespace {

struct plan_cli {
    std::string plan;
    input_options in;
    std::string year, format = "md", out;
    bool no_suppress = false;
};

void run(const plan_cli& o) {
    // The plan first: a broken plan is reported before the data is read.
    const auto plan = load_plan(o.plan).value(); // throws load_error: file and JSON path
    plan_evaluation_options po;
    if (!o.year.empty()) po.year = parse_year_option(o.year);
    const auto data = open_input(o.in);
    po.suppress = !o.no_suppress;
    po.subject = o.in.demo ? "demo: Zuid-Limburg" : o.in.dir;
    po.source = o.plan;
    const auto evaluation = [&] {
        try {
            return evaluate_plan(*data, plan, po);
        } catch (const year_not_covered& e) {
            if (po.year) throw error(std::string("--year ") + e.what());
            throw;
        }
    }();
    for (const auto& w : evaluation.warnings)
        fmt::print(stderr, "passend: warning: {}\n", w.message);

    if (o.format == "json")
        write_output(o.out, evaluation.json());
    else if (o.format == "html")
        write_output(o.out, to_html(evaluation.document()));
    else
        write_output(o.out, to_markdown(evaluation.document()));
}

void setup_plan(CLI::App& app) {
    auto o = std::make_shared<plan_cli>();
    auto* cmd = app.add_subcommand(
        "plan", "A focus plan's indicators against its targets for a school year: baseline, "
                "value, change, target and status (md, html or json); counts 1-4 show as <5");
    cmd->add_option("PLAN", o->plan, "Focus plan (JSON; docs/quality-cycle.md)")
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
