// SPDX-License-Identifier: EUPL-1.2
#include "input.hpp"

#include "passend/demo.hpp"
#include "passend/error.hpp"
#include "passend/load.hpp"
#include "passend/snapshot.hpp"

#include <fmt/core.h>

#include <fstream>

#include <unistd.h>

namespace passend::cli {

void add_input_options(CLI::App& cmd, input_options& in) {
    auto* dir =
        cmd.add_option("DIR", in.dir, "Folder of contract CSV files, or a snapshot file of one")
            ->check(CLI::ExistingPath);
    auto* demo =
        cmd.add_flag("--demo", in.demo, "Use the built-in demo region instead of a folder");
    dir->excludes(demo);
    add_as_of_option(cmd, in.as_of);
    // Checked in open_input(): a final_callback here would be replaced by the command's own.
    in.command = cmd.get_name();
}

void add_as_of_option(CLI::App& cmd, std::string& as_of) {
    cmd.add_option("--as-of", as_of,
                   "The extract date YYYY-MM-DD: the day the data were exported (wins over "
                   "extract.csv; default: that table, else the latest request, decision or start "
                   "in the data). No reference day after it gets a value");
}

namespace {
std::optional<day> date_option(const char* name, const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (const auto d = parse_day(text)) return d;
    throw CLI::ValidationError(name, "expected a date like 2025-03-15, got '" + text + "'");
}
} // namespace

std::optional<day> parse_as_of(const std::string& text) {
    return date_option("--as-of", text);
}

void add_day_options(CLI::App& cmd, day_options& o) {
    cmd.add_option("--day", o.day,
                   "Any day YYYY-MM-DD up to the extract date: stocks on that day (compared with "
                   "the same day a year earlier), counts of its school year through it; only that "
                   "school year is reported. Default: the yearly table");
    cmd.add_option("--tlv-term", o.tlv_term_days,
                   "The term of tlv_binnen_termijn in days from a complete request (default 42)")
        ->check(CLI::Range(0, 3660));
    cmd.add_flag("--rolling", o.rolling,
                 "Counts over the 12 months up to --day (default: the extract date) instead of "
                 "from 1 August, compared with the 12 months before");
}

std::optional<day> parse_day_option(const std::string& text, const dataset* data) {
    const auto d = date_option("--day", text);
    if (d && data && *d > data->extract_date())
        throw CLI::ValidationError("--day", text + " is after the data's extract date " +
                                                format_day(data->extract_date()) +
                                                ": nothing after it is known");
    return d;
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
    if (in.dir.empty() && !in.demo)
        throw CLI::ValidationError(in.command, "give a folder DIR or --demo");
    load_options load;
    load.as_of = parse_as_of(in.as_of);
    load.tables = in.tables;
    if (in.demo) {
        demo_options o;
        if (in.demo_pupils) o.pupils = in.demo_pupils;
        o.extract_date = load.as_of; // the demo as exported on that day
        return make_demo(o, terminal_progress());
    }
    auto result = load_input(in.dir, load);
    const auto data = result.value(); // throws load_error with every diagnostic
    const auto& warnings = data->warnings();
    for (std::size_t i = 0; i < warnings.size() && i < 10; ++i)
        fmt::print(stderr, "{}\n", to_string(warnings[i]));
    if (warnings.size() > 10)
        fmt::print(stderr, "passend: {} more warning(s); run `passend validate` to list them\n",
                   warnings.size() - 10);
    return data;
}

load_result load_input(const std::string& path, const load_options& options) {
    return load_path(path, options, terminal_progress());
}

school_year parse_year_option(const std::string& text) {
    if (auto y = school_year::parse_option(text)) return *y;
    throw CLI::ValidationError("--year",
                               "expected a school year like 2024-2025, got '" + text + "'");
}

void write_output(const std::string& out, std::string_view text) {
    if (out.empty()) {
        fmt::print("{}", text);
        std::fflush(stdout);
        return;
    }
    std::ofstream f(out, std::ios::binary);
    f << text;
    f.close();
    if (!f) throw error(fmt::format("cannot write {}", out));
}

} // namespace passend::cli
