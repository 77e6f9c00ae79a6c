// SPDX-License-Identifier: EUPL-1.2
// passend demo --out DIR: write the built-in demo region (or a larger one) as contract CSV.
#include "commands.hpp"
#include "input.hpp"

#include "passend/demo.hpp"
#include "passend/load.hpp"

#include <fmt/core.h>

#include <chrono>
#include <memory>
#include <string>

namespace passend::cli {
namespace {

struct demo_cli {
    std::string out;
    std::uint64_t pupils = 0;
    int years = 0;
    std::uint64_t seed = 0;
    bool national = false;
    std::string as_of;
};

void write_demo(const demo_cli& c) {
    demo_options o = c.national ? demo_options::national() : demo_options{};
    if (c.pupils) o.pupils = c.pupils;
    if (c.years) o.years = c.years;
    if (c.seed) o.seed = c.seed;
    o.extract_date = parse_as_of(c.as_of);
    const auto start = std::chrono::steady_clock::now();
    const auto ds = make_demo(o, terminal_progress());
    const std::chrono::duration<double> generated = std::chrono::steady_clock::now() - start;
    write_folder(*ds, c.out);
    const std::chrono::duration<double> total = std::chrono::steady_clock::now() - start;
    fmt::print(stderr,
               "passend demo: {} pupils, {} enrolments, {} schools, {} partnerships, {} school "
               "years written to {} (generated in {:.1f} s, {:.1f} s in all)\n",
               ds->pupils().size(), ds->enrolments().size(), ds->schools().size(),
               ds->swvs().size(), ds->school_years().size(), c.out, generated.count(),
               total.count());
}

void setup_demo(CLI::App& app) {
    auto c = std::make_shared<demo_cli>();
    auto* cmd = app.add_subcommand("demo", "Write the built-in demo region as contract CSV files");
    cmd->add_option("--out", c->out, "Folder to write (created if needed)")->required();
    cmd->add_option("--pupils", c->pupils, "About this many pupils at a teldatum");
    cmd->add_option("--years", c->years, "School years, ending with 2024-2025");
    cmd->add_option("--seed", c->seed, "Another random seed: another region of the same kind");
    cmd->add_flag("--national", c->national,
                  "National scale: 150 synthetic partnerships, 2.5 million pupils, ten years");
    add_as_of_option(*cmd, c->as_of);
    cmd->callback([c] { write_demo(*c); });
}

} // namespace

PASSEND_CLI_COMMAND(setup_demo);

} // namespace passend::cli
