// SPDX-License-Identifier: EUPL-1.2
// passend calendar: the year's quality cycle (Bijlage 1 of the Kwaliteitsbeleid 2023-2027) and a
// plan's forum meetings as iCalendar or Markdown.
#include "commands.hpp"
#include "input.hpp"

#include "passend/cycle/agenda.hpp"
#include "passend/cycle/plan.hpp"
#include "passend/error.hpp"

#include <fmt/core.h>

#include <string>

namespace passend::cli {
namespace {

struct calendar_options {
    std::string year, plan, out, format;
};

void run(const calendar_options& o) {
    const auto year = school_year::parse(o.year);
    if (!year) throw error("--year: '" + o.year + "' is not a school year like 2025-2026");
    std::optional<focus_plan> plan;
    if (!o.plan.empty()) plan = load_plan(o.plan).value(); // throws load_error when invalid
    const auto* p = plan ? &*plan : nullptr;
    const auto days = calendar_days(*year, p);
    if (days.assumed())
        fmt::print(stderr,
                   "passend: no school holidays known for {}; assuming the summer holiday is the "
                   "six weeks from the second Saturday of July (give `holidays` in the plan)\n",
                   year->to_string());
    const auto events = cycle_calendar(*year, p);
    std::string format = o.format;
    if (format.empty())
        format = o.out.size() >= 4 && o.out.substr(o.out.size() - 4) == ".ics" ? "ics" : "md";
    std::string title = "Kwaliteitscyclus " + year->to_string();
    if (p && !p->name.empty()) title += " - " + p->name;
    ics_options ics;
    ics.name = title;
    const std::string text =
        format == "ics" ? to_ics(events, ics) : to_markdown(events, days, title);
    write_output(o.out, text);
    if (!o.out.empty())
        fmt::print(stderr, "passend: wrote {} events to {}\n", events.size(), o.out);
}

void setup(CLI::App& app) {
    auto opts = std::make_shared<calendar_options>();
    auto* cmd = app.add_subcommand(
        "calendar", "The year's quality cycle and the plan's forum meetings as dated events");
    cmd->add_option("--year", opts->year, "School year, e.g. 2025-2026")->required();
    cmd->add_option("--plan", opts->plan, "Focus plan (JSON) whose forums meet in the year")
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", opts->out, "Write to this file (default: standard output)");
    cmd->add_option("--format", opts->format, "ics or md (default: by --out's extension, else md)")
        ->check(CLI::IsMember({"ics", "md"}));
    cmd->callback([opts] { run(*opts); });
}

} // namespace
PASSEND_CLI_COMMAND(setup);
} // namespace passend::cli
