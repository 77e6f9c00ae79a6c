// The input every data subcommand takes: a folder (positional DIR) or --demo, with progress on
// a terminal.
#pragma once

#include "passend/dataset.hpp"
#include "passend/progress.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace passend::cli {

struct input_options {
    std::string dir;
    bool demo = false;
    std::uint64_t demo_pupils = 0; ///< 0: the demo's default size
};

/// Add `DIR` and `--demo` (exactly one required) to a subcommand.
void add_input_options(CLI::App& cmd, input_options& in);

/// A progress bar on standard error when it is a terminal; empty otherwise.
progress_fn terminal_progress();

/// Load the folder or generate the demo; warnings go to standard error (a count when there are
/// many); a failed load throws load_error, which main() prints and turns into exit code 1.
dataset_ptr open_input(const input_options& in);

} // namespace passend::cli
