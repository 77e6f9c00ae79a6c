// SPDX-License-Identifier: EUPL-1.2
// passend import uwlr|oso FILES... --out DIR --secret-file FILE [--schools schools.csv]:
// read schools' exports (UWLR leerlinggegevens, OSO dossiers) into a contract folder, pupils
// pseudonymised with a keyed hash.
#include "commands.hpp"

#include "passend/import/import.hpp"
#include "passend/import/pseudonym.hpp"
#include "passend/load.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace passend::cli {
namespace {

struct import_cli {
    std::string format;
    std::vector<std::string> files;
    std::string out, secret_file, schools;
    std::uint64_t max_megabytes = import_options{}.max_file_bytes >> 20;
};

int run_import(const import_cli& c) {
    const auto format = parse_export_format(c.format);
    if (!format) {
        fmt::print(stderr, "passend import: '{}' is not a format; use uwlr or oso\n", c.format);
        return exit_code::usage;
    }
    import_options options;
    options.secret = read_secret_file(c.secret_file);
    if (!c.schools.empty()) options.schools = c.schools;
    options.max_file_bytes = c.max_megabytes << 20;
    const std::vector<std::filesystem::path> files(c.files.begin(), c.files.end());
    const auto warnings = import_to_folder(*format, files, options, c.out);
    for (const auto& w : warnings) fmt::print(stderr, "{}\n", to_string(w));
    const auto data = load_folder(c.out).value();
    fmt::print(stderr,
               "passend import: {} file(s): {} pupils, {} enrolments, {} schools written to {}; "
               "{} warning(s)\n",
               files.size(), data->pupils().size(), data->enrolments().size(),
               data->schools().size(), c.out, warnings.size());
    return exit_code::ok;
}

void setup_import(CLI::App& app) {
    auto c = std::make_shared<import_cli>();
    auto* cmd = app.add_subcommand(
        "import", "Read UWLR leerlinggegevens or OSO dossiers (XML) into a contract folder");
    cmd->add_option("FORMAT", c->format, "uwlr or oso")->required();
    cmd->add_option("FILES", c->files, "The export files (XML)")->required();
    cmd->add_option("--out", c->out, "Folder to write (must not exist, or be empty)")->required();
    cmd->add_option("--secret-file", c->secret_file,
                    "File holding the key of the pupil pseudonyms (at least 16 bytes; keep it: "
                    "the same key gives the same pseudonyms next time)")
        ->required();
    cmd->add_option("--schools", c->schools,
                    "The contract's schools table for setting, board, partnership and "
                    "municipality (required for uwlr)");
    cmd->add_option("--max-size", c->max_megabytes, "Refuse files larger than this many MiB")
        ->capture_default_str();
    cmd->callback([c] { set_exit(run_import(*c)); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_import);
} // namespace passend::cli
