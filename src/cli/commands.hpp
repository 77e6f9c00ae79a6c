// SPDX-License-Identifier: EUPL-1.2
// The passend CLI: each subcommand lives in its own cmd_<name>.cpp and registers itself here,
// so adding a command touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace passend::cli {

/// Exit codes: 0 success, 1 the data (or a definition file) is invalid, 2 usage, 3 internal.
enum exit_code : int { ok = 0, invalid_input = 1, usage = 2, internal = 3 };

/// Set up a subcommand on `app`; the callback it installs returns through cli::finish().
using command_setup = void (*)(CLI::App& app);
bool register_command(command_setup setup);

/// Set the process exit code from inside a subcommand callback.
void set_exit(int code);

} // namespace passend::cli

/// In a cmd_<name>.cpp: PASSEND_CLI_COMMAND(setup_name);
#define PASSEND_CLI_COMMAND(setup)                                                                 \
    [[maybe_unused]] static const bool setup##_registered = ::passend::cli::register_command(setup)
