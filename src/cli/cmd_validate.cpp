// SPDX-License-Identifier: EUPL-1.2
// passend validate PATH: load a folder of contract CSV files (or a snapshot, or one .json
// document) and list
// every warning and error in the compiler form `enrolments.csv:118:3: error: ...`.
#include "commands.hpp"
#include "input.hpp"

#include "passend/load.hpp"

#include <fmt/core.h>

namespace passend::cli {
namespace {

struct validate_options {
    std::string path;
    std::size_t max_errors = load_options{}.max_errors;
    std::string as_of;
};

int run_validate(const validate_options& o) {
    load_options options;
    options.max_errors = o.max_errors;
    options.as_of = parse_as_of(o.as_of);
    const auto result = load_input(o.path, options);
    std::size_t errors = 0, warnings = 0;
    bool capped = false;
    for (const auto& d : result.diagnostics) {
        fmt::print("{}\n", to_string(d));
        if (d.rule == "too_many_diagnostics")
            capped = true; // a note, not a problem of the data
        else
            ++(d.level == severity::error ? errors : warnings);
    }
    if (result.ok()) {
        const auto& ds = *result.data;
        // The extract date's origin: option (--as-of), file (extract.csv) or derived.
        fmt::print("{}: valid: {} schools, {} pupils, {} enrolments; extract date {} ({}); {} "
                   "warning(s){}\n",
                   o.path, ds.schools().size(), ds.pupils().size(), ds.enrolments().size(),
                   format_day(ds.extract_date()), to_string(ds.extract_date_origin()), warnings,
                   capped ? " listed (more not shown, see above)" : "");
        return exit_code::ok;
    }
    fmt::print("{}: not valid: {} error(s), {} warning(s){}\n", o.path, errors, warnings,
               capped ? " listed (stopped at the cap, see above)" : "");
    return exit_code::invalid_input;
}

void setup_validate(CLI::App& app) {
    auto opts = std::make_shared<validate_options>();
    auto* cmd = app.add_subcommand(
        "validate",
        "Check a data folder (or a snapshot, or a .json document) against the input contract");
    cmd->add_option("PATH", opts->path,
                    "Folder of contract CSV files, a snapshot file, or a .json file")
        ->required();
    cmd->add_option("--max-errors", opts->max_errors,
                    "Stop listing after this many errors (0: list all)")
        ->capture_default_str();
    add_as_of_option(*cmd, opts->as_of);
    cmd->callback([opts] { set_exit(run_validate(*opts)); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_validate);
} // namespace passend::cli
