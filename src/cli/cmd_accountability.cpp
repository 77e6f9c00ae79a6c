// SPDX-License-Identifier: EUPL-1.2
// passend accountability: a board's yearly accountability report (the structure of a real one) as
// Markdown or self-contained HTML.
#include "commands.hpp"
#include "input.hpp"

#include "passend/cycle/accountability.hpp"
#include "passend/error.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"

#include <algorithm>
#include <memory>
#include <string>

namespace passend::cli {
namespace {

struct accountability_options_cli {
    input_options in;
    std::string board, year, text, format = "md", out;
    bool no_suppress = false;
};

// The published KPI rows of the board and its schools (allocations may name a school) for the
// year and the year before: evaluated and suppressed for every unit first (kpi/publish.hpp).
kpi_results board_kpis(const dataset& ds, const std::string& board, school_year year,
                       bool suppress) {
    publish_options o;
    o.suppress = suppress;
    o.select.years = {year.prev(), year};
    o.select.units = {board};
    const auto b = ds.find_board(board);
    for (std::size_t s = 0; s < ds.schools().size(); ++s)
        if (ds.schools().board[s] == *b) o.select.units.emplace_back(ds.schools().id[s]);
    o.select.levels = {kpi_level::board, kpi_level::school};
    // The year before may lie before the data: select only the years the data has.
    const auto years = ds.school_years();
    std::erase_if(o.select.years, [&](school_year y) {
        return std::find(years.begin(), years.end(), y) == years.end();
    });
    if (o.select.years.empty()) o.select.years = {year};
    return publish(ds, catalog::builtin(), o);
}

void run(const accountability_options_cli& o) {
    const auto year = school_year::parse(o.year);
    if (!year) throw error("--year: '" + o.year + "' is not a school year like 2024-2025");
    const auto data = open_input(o.in);
    const auto board = data->find_board(o.board);
    if (!board) {
        std::string known;
        for (std::size_t i = 0; i < data->boards().size() && i < 10; ++i)
            known += (known.empty() ? "" : ", ") + std::string(data->boards().id[i]);
        throw error("--board: '" + o.board + "' is not a board in the data (e.g. " + known + ")");
    }
    const auto texts = o.text.empty() ? accountability_texts{} : load_texts(o.text);
    accountability_options opts;
    opts.suppress_small_counts = !o.no_suppress;
    const auto report =
        build_accountability(*data, board_kpis(*data, o.board, *year, opts.suppress_small_counts),
                             *board, *year, texts, opts);
    write_output(o.out, o.format == "html" ? to_html(report) : to_markdown(report));
}

void setup(CLI::App& app) {
    auto o = std::make_shared<accountability_options_cli>();
    auto* cmd = app.add_subcommand(
        "accountability",
        "A board's yearly accountability report on passend onderwijs as Markdown or HTML");
    add_input_options(*cmd, o->in);
    cmd->add_option("--board", o->board, "Board id (board_id)")->required();
    cmd->add_option("--year", o->year, "School year, e.g. 2024-2025")->required();
    cmd->add_option("--text", o->text, "The board's own texts: JSON or Markdown (## key)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--format", o->format, "md (default) or html")
        ->check(CLI::IsMember({"md", "html"}));
    cmd->add_option("--out", o->out, "Write to this file (default: standard output)");
    cmd->add_flag("--no-suppress", o->no_suppress,
                  "Show counts 1-4 as they are (internal use; default shows <5)");
    cmd->callback([o] { run(*o); });
}

} // namespace
PASSEND_CLI_COMMAND(setup);
} // namespace passend::cli
