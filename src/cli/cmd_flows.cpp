// SPDX-License-Identifier: EUPL-1.2
// passend flows DIR|--demo --year Y [--unit ID] [--format md|json|csv]: the flow matrix, stocks,
// year-over-year matrix, transitions by kind and thuiszitter episodes of one school year and unit
// (docs/flows.md).
#include "commands.hpp"
#include "input.hpp"

#include "passend/error.hpp"
#include "passend/flows/cohort.hpp"
#include "passend/flows/disclosure.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/flows/json.hpp"
#include "passend/flows/render.hpp"
#include "passend/flows/thuiszitter_lengths.hpp"
#include "passend/report/document.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <memory>

namespace passend::cli {
namespace {

struct flows_cli {
    input_options in;
    std::string year, unit = "NL", format = "md", cohort;
    int cohort_years = 3;
    bool no_suppress = false, schoolgaand = false;
};

void run_flows(const flows_cli& o) {
    const auto data = open_input(o.in);
    const auto& ds = *data;
    const auto unit = find_flow_unit(ds, o.unit);
    if (!unit) throw error("--unit: no partnership, board or school '" + o.unit + "' in the data");
    const auto view = o.schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
    // Every level, also when one unit is asked: its numbers are protected with every other's.
    const auto published = publish_flows(ds, view, !o.no_suppress);
    const auto& tables = published->tables;
    if (tables.years().empty()) throw error("the data holds no enrolments");
    school_year year = tables.years().front();
    if (o.year.empty()) {
        for (auto y : tables.years())
            if (tables.observed(y)) year = y;
    } else {
        year = parse_year_option(o.year);
        if (!tables.has_year(year))
            throw error("--year: " + year.to_string() + " is outside the data (" +
                        tables.years().front().to_string() + " to " +
                        tables.years().back().to_string() + ")");
    }
    flows_json_input j;
    j.tables = &tables;
    j.unit = *unit;
    j.year = year;
    j.view = view;
    j.disclosure = published->shown();
    thuiszitter_lengths lengths;
    if (ds.has_table(table::absences)) {
        const auto episodes = verzuim_episodes(ds, year);
        lengths = summarize_thuiszitters(episodes, *unit);
        j.thuiszitters = &lengths;
    }
    cohort_table cohort;
    if (!o.cohort.empty()) {
        const auto from = parse_code<setting>(o.cohort);
        if (!from)
            throw error("--cohort: '" + o.cohort + "' is not a setting (" +
                        enum_name_list<setting>() + ")");
        // Follow the cohort of --cohort-years before up to the chosen year ("where are the 2021
        // sbo pupils now?").
        const int first = tables.years().front().start_year();
        const school_year start{std::max(first, year.start_year() - o.cohort_years)};
        cohort =
            follow_cohort(ds, {*from, start, *unit, year.start_year() - start.start_year(), view});
        j.cohort = &cohort;
    }
    const auto doc = flows_to_json(ds, j);
    if (o.format == "json")
        fmt::print("{}\n", doc.dump(2));
    else if (o.format == "csv")
        fmt::print("{}", document_csv(doc));
    else if (o.format == "html")
        fmt::print("{}", to_html(flows_document(doc)));
    else
        fmt::print("{}", flows_markdown(doc));
}

void setup_flows(CLI::App& app) {
    auto o = std::make_shared<flows_cli>();
    auto* cmd = app.add_subcommand(
        "flows", "Flow matrix, stocks, verplaatsingen, transitions by kind and thuiszitters of a "
                 "school year and unit");
    add_input_options(*cmd, o->in);
    cmd->add_option("--year", o->year,
                    "School year, 2023-2024 or 2023 (default: the latest whose teldatum the data "
                    "reaches); its window runs from the previous teldatum to its own");
    cmd->add_option("--unit", o->unit, "NL, or a partnership, board or school id")
        ->capture_default_str();
    cmd->add_option("--format", o->format, "Output format")
        ->check(CLI::IsMember({"md", "json", "csv", "html"}))
        ->capture_default_str();
    cmd->add_option("--cohort", o->cohort,
                    "Also show where the unit's pupils of this setting at the teldatum "
                    "--cohort-years before are at each teldatum up to the year's");
    cmd->add_option("--cohort-years", o->cohort_years, "How many years back the cohort starts")
        ->capture_default_str();
    cmd->add_flag("--no-suppress", o->no_suppress, "Show counts 1-4 (internal use only)");
    cmd->add_flag("--schoolgaand", o->schoolgaand,
                  "Attribute so/vso pupils to their school's partnership, not the paying one");
    cmd->callback([o] { run_flows(*o); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_flows);
} // namespace passend::cli
