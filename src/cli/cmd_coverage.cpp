// SPDX-License-Identifier: EUPL-1.2
// passend coverage DIR|--demo: the covering network of support per partnership (domain ×
// municipality: places, occupancy, colour), the gaps in words, the costs per domain and level
// split over calendar years, and the continuity check of the reserves.
#include "commands.hpp"
#include "input.hpp"

#include "passend/coverage/coverage.hpp"
#include "passend/error.hpp"

#include <memory>
#include <string>

namespace passend::cli {
namespace {

struct coverage_args {
    input_options in;
    std::string year, unit, format = "md", out;
    bool no_suppress = false;
};

void run(const coverage_args& a) {
    if (a.format == "xlsx" && a.out.empty())
        throw CLI::ValidationError("--format xlsx", "needs --out FILE");
    coverage_options o;
    if (!a.year.empty()) o.year = parse_year_option(a.year);
    o.unit = a.unit;
    const auto data = open_input(a.in);
    if (!a.unit.empty() && !data->find_swv(a.unit))
        throw CLI::ValidationError("--unit", "no partnership '" + a.unit + "' in the data");
    if (o.year && !data->is_reported(*o.year))
        throw CLI::ValidationError("--year", "school year " + o.year->to_string() +
                                                 " is not reported by the data");
    const auto c = make_coverage(*data, o);
    coverage_privacy privacy;
    privacy.suppress = !a.no_suppress;
    if (a.format == "xlsx") return write_coverage_xlsx(a.out, c, privacy);
    write_output(a.out, a.format == "json"   ? coverage_json(c, privacy)
                        : a.format == "html" ? coverage_html(c, privacy)
                                             : coverage_markdown(c, privacy));
}

void setup_coverage(CLI::App& app) {
    auto args = std::make_shared<coverage_args>();
    auto* cmd = app.add_subcommand(
        "coverage", "The covering network of support: per partnership a matrix of support "
                    "domain × municipality (places, occupancy on teldatum, covered / more demand "
                    "than places / no offer), the gaps in words, costs per domain and level split "
                    "over calendar years, and reserves against the signal value; counts 1-4 show "
                    "as <5");
    add_input_options(*cmd, args->in);
    cmd->add_option("--year", args->year,
                    "The school year (2024-2025); default: the latest reported year with offers");
    cmd->add_option("--unit", args->unit, "Only this partnership");
    cmd->add_option("--format", args->format, "md (default), html, xlsx or json")
        ->check(CLI::IsMember({"md", "html", "xlsx", "json"}));
    cmd->add_flag("--no-suppress", args->no_suppress,
                  "Show small counts (internal analysis only: do not publish)");
    cmd->add_option("--out", args->out, "Write to this file (required for xlsx); default: stdout");
    cmd->callback([args] { run(*args); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_coverage);
} // namespace passend::cli
