#include "input.hpp"

#include "passend/demo.hpp"
#include "passend/load.hpp"

#include <fmt/core.h>

#include <unistd.h>

namespace passend::cli {

void add_input_options(CLI::App& cmd, input_options& in) {
    auto* dir = cmd.add_option("DIR", in.dir, "Folder of contract CSV files")
                    ->check(CLI::ExistingDirectory);
    auto* demo =
        cmd.add_flag("--demo", in.demo, "Use the built-in demo region instead of a folder");
    dir->excludes(demo);
    cmd.final_callback([&in, &cmd] {
        if (in.dir.empty() && !in.demo)
            throw CLI::ValidationError(cmd.get_name() + ": give a folder DIR or --demo");
    });
}

progress_fn terminal_progress() {
    if (!isatty(STDERR_FILENO)) return {};
    return [last = -1](std::string_view stage, double fraction) mutable {
        const int pct = static_cast<int>(fraction * 100.0);
        if (pct == last) return;
        last = pct;
        const int width = 30, filled = pct * width / 100;
        fmt::print(stderr, "\r{:<24.24} [{:=<{}}{:<{}}] {:3}%", stage, "", filled, "",
                   width - filled, pct);
        if (pct >= 100) fmt::print(stderr, "\r{:80}\r", "");
        std::fflush(stderr);
    };
}

dataset_ptr open_input(const input_options& in) {
    if (in.demo) {
        demo_options o;
        if (in.demo_pupils) o.pupils = in.demo_pupils;
        return make_demo(o, terminal_progress());
    }
    auto result = load_folder(in.dir, {}, terminal_progress());
    const auto data = result.value(); // throws load_error with every diagnostic
    const auto& warnings = data->warnings();
    for (std::size_t i = 0; i < warnings.size() && i < 10; ++i)
        fmt::print(stderr, "{}\n", to_string(warnings[i]));
    if (warnings.size() > 10)
        fmt::print(stderr, "passend: {} more warning(s); run `passend validate` to list them\n",
                   warnings.size() - 10);
    return data;
}

} // namespace passend::cli
