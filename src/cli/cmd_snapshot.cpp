// SPDX-License-Identifier: EUPL-1.2
// passend snapshot DIR --out FILE: load and validate a data folder once and write it as a
// snapshot file, which every data command then opens in a fraction of the load's time
// (docs/snapshot.md).
#include "commands.hpp"
#include "input.hpp"

#include "passend/snapshot.hpp"

#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <memory>

namespace passend::cli {
namespace {

struct snapshot_options {
    input_options in;
    std::string out;
};

void run_snapshot(const snapshot_options& o) {
    const auto start = std::chrono::steady_clock::now();
    const auto data = open_input(o.in);
    const auto loaded = std::chrono::steady_clock::now();
    save_snapshot(*data, o.out);
    const auto done = std::chrono::steady_clock::now();
    const auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
    fmt::print(stderr,
               "passend snapshot: {} pupils, {} enrolments, {} school years written to {} "
               "({:.0f} MB; loaded in {:.1f} s, written in {:.1f} s)\n",
               data->pupils().size(), data->enrolments().size(), data->school_years().size(), o.out,
               static_cast<double>(std::filesystem::file_size(o.out)) / 1e6,
               seconds(loaded - start), seconds(done - loaded));
}

void setup_snapshot(CLI::App& app) {
    auto opts = std::make_shared<snapshot_options>();
    auto* cmd = app.add_subcommand(
        "snapshot", "Write a data folder, loaded and validated, as a snapshot file that every "
                    "data command opens in place of the folder");
    add_input_options(*cmd, opts->in);
    cmd->add_option("--pupils", opts->in.demo_pupils,
                    "With --demo: about this many pupils at a teldatum (default 40,000)");
    cmd->add_option("--out", opts->out, "The snapshot file to write (replaced whole)")->required();
    cmd->callback([opts] { run_snapshot(*opts); });
}

} // namespace
PASSEND_CLI_COMMAND(setup_snapshot);
} // namespace passend::cli
