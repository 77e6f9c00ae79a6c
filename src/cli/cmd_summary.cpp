// SPDX-License-Identifier: EUPL-1.2
// passend summary DIR|--demo: pupils per partnership and setting at each teldatum, as an aligned
// table per school year with a national total. Counts 1-4 show as `<5` unless --no-suppress.
#include "commands.hpp"
#include "input.hpp"

#include "passend/stock.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <string>

namespace passend::cli {
namespace {

struct summary_options {
    input_options in;
    bool no_suppress = false;
    bool schoolgaand = false;
};

constexpr int number_width = 8;

std::string cell(std::uint64_t n, bool suppress) {
    if (suppress && n >= 1 && n <= 4) return "<5";
    return std::to_string(n);
}

/// One row: id, name, bao sbo so | vo pro vso | total; settings of the other sector are left
/// blank when empty (a PO partnership has no vo pupils).
std::string row(std::string_view id, std::string_view name, std::size_t id_width,
                std::size_t name_width, const setting_counts& c, int sector_shown, bool suppress) {
    std::string line =
        fmt::format("{:<{}}  {:<{}}", id, id_width, name.substr(0, name_width), name_width);
    std::uint64_t total = 0;
    for (auto s : all_settings) {
        const auto n = c[index_of(s)];
        total += n;
        const bool blank =
            n == 0 && sector_shown >= 0 && static_cast<int>(sector_of(s)) != sector_shown;
        line += fmt::format(" {:>{}}", blank ? "" : cell(n, suppress), number_width);
        if (s == setting::so || s == setting::vso) line += " |";
    }
    line += fmt::format(" {:>{}}", cell(total, suppress), number_width);
    return line;
}

void print_summary(const dataset& ds, const summary_options& o) {
    const bool suppress = !o.no_suppress;
    const auto view = o.schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
    const auto& swvs = ds.swvs();
    std::size_t id_width = 6, name_width = 14;
    for (std::size_t i = 0; i < swvs.size(); ++i) {
        id_width = std::max(id_width, swvs.id[i].size());
        name_width = std::max(name_width, swvs.name[i].size());
    }
    name_width = std::min<std::size_t>(name_width, 32);

    fmt::print("Pupils per partnership and setting at the teldatum (1 October).\n");
    // Every report says what day its data run through; no teldatum after it is shown.
    fmt::print("Gegevens t/m {0} (data as of {0}).\n", format_day(ds.extract_date()));
    fmt::print("{}; {}.\n",
               o.schoolgaand ? "Every pupil counts for the partnership of the school (schoolgaand)"
                             : "so and vso pupils count for the paying partnership (TLV, else "
                               "region of residence)",
               suppress ? "counts 1-4 are shown as <5 (--no-suppress shows them)"
                        : "counts are not suppressed: not for publication");
    for (const auto year : ds.school_years()) {
        const auto stock = count_pupils(ds, year.teldatum(), view);
        fmt::print("\n{}  (teldatum {})\n", year.to_string(), format_day(year.teldatum()));
        std::string header = fmt::format("{:<{}}  {:<{}}", "swv", id_width, "name", name_width);
        for (auto s : all_settings) {
            header += fmt::format(" {:>{}}", to_string(s), number_width);
            if (s == setting::so || s == setting::vso) header += " |";
        }
        header += fmt::format(" {:>{}}", "total", number_width);
        fmt::print("{}\n{}\n", header, std::string(header.size(), '-'));
        for (std::size_t i = 0; i < swvs.size(); ++i)
            fmt::print("{}\n", row(swvs.id[i], swvs.name[i], id_width, name_width, stock.by_swv[i],
                                   static_cast<int>(swvs.sector_of[i]), suppress));
        fmt::print("{}\n{}\n", std::string(header.size(), '-'),
                   row("NL", "national total", id_width, name_width, stock.national, -1, suppress));
    }
}

void setup_summary(CLI::App& app) {
    auto opts = std::make_shared<summary_options>();
    auto* cmd = app.add_subcommand(
        "summary", "Print pupils per partnership and setting at each teldatum (1 October)");
    add_input_options(*cmd, opts->in);
    cmd->add_option("--pupils", opts->in.demo_pupils,
                    "With --demo: about this many pupils at a teldatum (default 40,000)");
    cmd->add_flag("--no-suppress", opts->no_suppress,
                  "Show counts 1-4 instead of <5 (internal use only)");
    cmd->add_flag("--schoolgaand", opts->schoolgaand,
                  "Count so and vso pupils for the partnership of their school");
    cmd->callback([opts] { print_summary(*open_input(opts->in), *opts); });
}

} // namespace

PASSEND_CLI_COMMAND(setup_summary);

} // namespace passend::cli
