// SPDX-License-Identifier: EUPL-1.2
// passend: the command-line tool. Subcommands register themselves (see commands.hpp).
#include "commands.hpp"

#include "passend/error.hpp"
#include "passend/version.hpp"

#include <fmt/core.h>

#include <exception>
#include <vector>

namespace passend::cli {
namespace {
std::vector<command_setup>& registry() {
    static std::vector<command_setup> commands;
    return commands;
}
int exit_status = exit_code::ok;
} // namespace

bool register_command(command_setup setup) {
    registry().push_back(setup);
    return true;
}
void set_exit(int code) {
    exit_status = code;
}

} // namespace passend::cli

int main(int argc, char** argv) {
    using namespace passend::cli;
    CLI::App app{"passend: the numbers of passend onderwijs from pupil-level records"};
    app.set_version_flag("--version", passend::version_string);
    app.require_subcommand(1);
    for (auto setup : registry()) setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? exit_code::ok : exit_code::usage;
    } catch (const passend::load_error& e) {
        for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", passend::to_string(d));
        return exit_code::invalid_input;
    } catch (const passend::error& e) {
        fmt::print(stderr, "passend: error: {}\n", e.what());
        return exit_code::invalid_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "passend: internal error: {}\n", e.what());
        return exit_code::internal;
    }
    return exit_status;
}
