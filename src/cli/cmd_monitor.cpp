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
    (void)parse_day_option(a.day); // a malformed day is a usage error before the data is read
    const auto data = open_input(a.in);
    monitor_options o;
    o.on = parse_day_option(a.day, data.get()); // and so is a day after the extract date
    o.units = a.units;
    o.suppress = !a.no_suppress;
    o.tlv_term_days = a.term;
    monitor m;
    try {
        m = make_monitor(*data, o);
    } catch (const monitor_error& e) { // a unit that is not a partnership: usage
        throw CLI::ValidationError("--unit", e.what());
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
                    "The day D (YYYY-MM-DD), on or before the extract date: stocks and open "
                    "requests on it, counts of its school year through it, each against the same "
                    "period a year earlier; default: the extract date");
    cmd->add_option("--unit", args->units, "Only this partnership (repeat the option)");
    cmd->add_option("--tlv-term", args->term,
                    "The term of tlv_binnen_termijn in days from a complete request (default 42)")
        ->check(CLI::Range(0, 3660));
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
