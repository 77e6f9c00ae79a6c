// SPDX-License-Identifier: EUPL-1.2
// passend monitor DIR|--demo: the partnership's monitor on one day (the extract date unless
// --day), as Markdown, a self-contained HTML page or JSON.
#include "commands.hpp"
#include "input.hpp"

#include "passend/monitor/monitor.hpp"

#include <memory>
#include <string>
#include <vector>

namespace passend::cli {
namespace {

struct monitor_args {
    input_options in;
    std::string day, format = "md", out;
    std::vector<std::string> units;
    bool no_suppress = false;
    int term = 42;
};

void run(const monitor_args& a) {
    monitor_options o;
    if (!a.day.empty()) {
        o.on = parse_day(a.day);
        if (!o.on)
            throw CLI::ValidationError("--day",
                                       "expected a date like 2025-03-15, got '" + a.day + "'");
    }
    o.units = a.units;
    o.suppress = !a.no_suppress;
    o.tlv_term_days = a.term;
    const auto data = open_input(a.in);
    monitor m;
    try {
        m = make_monitor(*data, o);
    } catch (const monitor_error& e) { // a day or unit the data cannot answer: usage
        throw CLI::ValidationError(e.what());
    }
    monitor_format_options fo;
    fo.subject = a.in.demo ? "demo: Zuid-Limburg" : a.in.dir;
    write_output(a.out, a.format == "json"   ? monitor_json(m, fo)
                        : a.format == "html" ? monitor_html(m, fo)
                                             : monitor_markdown(m, fo));
}

void setup_monitor(CLI::App& app) {
    auto args = std::make_shared<monitor_args>();
    auto* cmd = app.add_subcommand(
        "monitor", "The partnership's monitor on one day: headline figures against the same "
                   "period last year and the nation, open TLV requests by age, thuiszitters by "
                   "duration, cross-border pupils and money; counts 1-4 show as <5");
    add_input_options(*cmd, args->in);
    cmd->add_option("--day", args->day,
                    "The day D (YYYY-MM-DD), on or before the extract date; default: the "
                    "extract date");
    cmd->add_option("--unit", args->units, "Only this partnership (repeat the option)");
    cmd->add_option("--tlv-term", args->term,
                    "The legal term of a TLV decision in days (default 42)")
        ->check(CLI::Range(1, 366));
    cmd->add_option("--format", args->format, "md (default), html or json")
        ->check(CLI::IsMember({"md", "html", "json"}));
    cmd->add_flag("--no-suppress", args->no_suppress,
                  "Show small counts (internal analysis only: do not publish)");
    cmd->add_option("--out", args->out, "Write to this file; default: stdout");
    cmd->callback([args] { run(*args); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_monitor);
} // namespace passend::cli
