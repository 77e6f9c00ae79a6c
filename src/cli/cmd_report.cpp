// SPDX-License-Identifier: EUPL-1.2
// passend report DIR|--demo: every KPI of the catalog, small counts suppressed, as a dashboard
// (md, html), a table (csv, json) or a workbook (xlsx).
#include "commands.hpp"
#include "input.hpp"

#include "passend/error.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/kpi/tables.hpp"
#include "passend/report/privacy.hpp"
#include "passend/report/report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace passend::cli {
namespace {

struct report_args {
    input_options in;
    std::string year, unit, catalog_file, format = "md", out;
    std::vector<std::string> kpis, levels;
    bool no_suppress = false;
    bool only_needed_tables = false;
    day_options on;
};

void run(const report_args& a) {
    const auto format = parse_report_format(a.format);
    if (!format) throw CLI::ValidationError("--format", "one of md, json, csv, html, xlsx");
    if (*format == report_format::xlsx && a.out.empty())
        throw CLI::ValidationError("--format xlsx", "needs --out FILE");
    std::optional<school_year> year;
    if (!a.year.empty()) year = parse_year_option(a.year);

    const catalog cat =
        a.catalog_file.empty() ? catalog::builtin() : catalog::builtin_with(a.catalog_file);
    auto in = a.in;
    if (a.only_needed_tables) in.tables = tables_for(cat, a.kpis);
    const auto data = open_input(in);
    // Every year (the trend and change need earlier ones) of the unit asked for; publish()
    // evaluates and suppresses every unit before it selects.
    publish_options po;
    po.suppress = !a.no_suppress;
    po.reference_day = parse_day_option(a.on.day, data.get());
    po.tlv_term_days = a.on.tlv_term_days;
    po.rolling_window = a.on.rolling;
    if (!a.unit.empty()) po.select.units = {a.unit};
    po.select.kpis = a.kpis;
    for (const auto& l : a.levels) po.select.levels.push_back(parse_level_name(l));
    const auto results = publish(*data, cat, po);
    report_options ro;
    if (year) {
        check_selection(*data, cat, results, {{}, {*year}, {}, {}});
        ro.years = {*year};
    }
    if (!a.unit.empty()) ro.unit = a.unit;
    ro.suppressed = po.suppress;
    ro.max_small = po.max_small;
    ro.unit_names = report_options::names_of(*data);
    ro.subject = a.in.demo ? "demo: Zuid-Limburg" : a.in.dir;

    if (*format == report_format::xlsx) {
        write_xlsx(a.out, results, ro);
        return;
    }
    if (a.out.empty()) {
        write_report(*format, std::cout, results, ro);
        std::cout.flush();
        return;
    }
    std::ofstream file(a.out, std::ios::binary);
    if (!file) throw error(fmt::format("cannot write {}", a.out));
    write_report(*format, file, results, ro);
    file.close();
    if (!file) throw error(fmt::format("cannot write {}", a.out));
}

void setup_report(CLI::App& app) {
    auto args = std::make_shared<report_args>();
    auto* cmd = app.add_subcommand(
        "report", "Every KPI of the catalog as a dashboard (md, html), table (csv, json) or "
                  "workbook (xlsx); counts 1-4 show as <5");
    add_input_options(*cmd, args->in);
    cmd->add_option("--year", args->year, "Only this school year (2024-2025); default: every year");
    cmd->add_option(
        "--unit", args->unit,
        "Only this partnership, board, school or municipality (with the national figures)");
    cmd->add_option("--kpi", args->kpis, "Only these KPI ids or tags (repeat the option)");
    cmd->add_option("--level", args->levels,
                    "Only these levels: swv, board, school, municipality (national always)");
    cmd->add_option("--catalog", args->catalog_file,
                    "A catalog file adding to or overriding the built-in KPI definitions")
        ->check(CLI::ExistingFile);
    cmd->add_option("--format", args->format, "md (default), json, csv, html or xlsx")
        ->check(CLI::IsMember({"md", "json", "csv", "html", "xlsx"}));
    add_day_options(*cmd, args->on);
    cmd->add_flag("--only-needed-tables", args->only_needed_tables,
                  "Read only the tables the KPIs asked for need (a partial load: the others "
                  "are neither read nor checked; `passend validate` checks every table)");
    cmd->add_flag("--no-suppress", args->no_suppress,
                  "Show small counts (internal analysis only: do not publish)");
    cmd->add_option("--out", args->out, "Write to this file (required for xlsx); default: stdout");
    cmd->callback([args] { run(*args); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_report);
} // namespace passend::cli
