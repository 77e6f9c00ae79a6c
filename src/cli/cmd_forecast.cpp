// SPDX-License-Identifier: EUPL-1.2
// passend forecast DIR|--demo --years N [--scenario FILE.json] [--format md|json|csv]: the
// projected pupils per setting and the backtest error (docs/flows.md).
#include "commands.hpp"
#include "input.hpp"

#include "passend/error.hpp"
#include "passend/flows/forecast.hpp"
#include "passend/flows/json.hpp"
#include "passend/flows/render.hpp"

#include <fmt/core.h>

#include <memory>

namespace passend::cli {
namespace {

struct forecast_cli {
    input_options in;
    int years = 5;
    std::string scenario, unit = "NL", format = "md";
    bool no_suppress = false, schoolgaand = false;
};

void run_forecast_cmd(const forecast_cli& o) {
    // Read the scenario first: a bad file should not wait for the data.
    forecast_options fo;
    if (!o.scenario.empty()) fo.scenario = read_scenario(o.scenario);
    const auto data = open_input(o.in);
    const auto unit = find_flow_unit(*data, o.unit);
    if (!unit) throw error("--unit: no partnership, board or school '" + o.unit + "' in the data");
    fo.unit = *unit;
    fo.years = o.years;
    fo.view = o.schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
    const auto result = run_forecast(*data, fo);
    // The observed stocks are shown as the flows publish them.
    const auto published = publish_flows(*data, fo.view, !o.no_suppress);
    const auto doc = forecast_to_json(*data, result, fo, published->shown());
    if (o.format == "json")
        fmt::print("{}\n", doc.dump(2));
    else if (o.format == "csv")
        fmt::print("{}", document_csv(doc));
    else
        fmt::print("{}", forecast_markdown(doc));
}

void setup_forecast(CLI::App& app) {
    auto o = std::make_shared<forecast_cli>();
    auto* cmd = app.add_subcommand(
        "forecast", "Project the pupils per setting for the next school years, with a backtest");
    add_input_options(*cmd, o->in);
    cmd->add_option("--years", o->years, "School years to project")
        ->check(CLI::Range(0, 50))
        ->capture_default_str();
    cmd->add_option("--scenario", o->scenario, "Scenario file (JSON; see docs/flows.md)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--unit", o->unit, "NL, or a partnership, board or school id")
        ->capture_default_str();
    cmd->add_option("--format", o->format, "Output format")
        ->check(CLI::IsMember({"md", "json", "csv"}))
        ->capture_default_str();
    cmd->add_flag("--no-suppress", o->no_suppress, "Show counts 1-4 (internal use only)");
    cmd->add_flag("--schoolgaand", o->schoolgaand,
                  "Attribute so/vso pupils to their school's partnership, not the paying one");
    cmd->callback([o] { run_forecast_cmd(*o); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_forecast);
} // namespace passend::cli
