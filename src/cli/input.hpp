// SPDX-License-Identifier: EUPL-1.2
// The input every data subcommand takes: a folder or a snapshot file (positional DIR) or --demo,
// with progress on a terminal.
#pragma once

#include "passend/calendar.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/result.hpp"
#include "passend/load.hpp"
#include "passend/progress.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace passend::cli {

struct input_options {
    std::string dir;
    bool demo = false;
    std::uint64_t demo_pupils = 0; ///< 0: the demo's default size
    std::string as_of;             ///< --as-of: the extract date, winning over extract.csv
    std::string command;           ///< the subcommand, for messages
    /// A partial load (load_options::tables): `report --only-needed-tables`; not for --demo.
    std::optional<table_set> tables;
};

/// Add `DIR`, `--demo` (exactly one required, checked by open_input()) and `--as-of` to a
/// subcommand.
void add_input_options(CLI::App& cmd, input_options& in);

/// Add `--as-of DATE` (the extract date) to a subcommand, read into `as_of`.
void add_as_of_option(CLI::App& cmd, std::string& as_of);
/// The date of `--as-of`; nullopt when not given; a malformed date is a usage error.
std::optional<day> parse_as_of(const std::string& text);

/// The monitor's any day and the TLV term: `--day DATE` and `--tlv-term DAYS`.
struct day_options {
    std::string day;
    int tlv_term_days = 42;
    bool rolling = false; ///< --rolling: the 12 months up to the day
};
/// Add `--day` and `--tlv-term` to a subcommand.
void add_day_options(CLI::App& cmd, day_options& o);
/// The date of `--day`; nullopt when not given; a malformed date, or one after the data's
/// extract date (`data` when given), is a usage error.
std::optional<day> parse_day_option(const std::string& text, const dataset* data = nullptr);

/// A progress bar on standard error when it is a terminal; empty otherwise.
progress_fn terminal_progress();

/// Load what `path` names, with progress on a terminal: a folder of contract CSV files, a
/// snapshot file (`passend snapshot`) or a `.json` document. Every command resolves its input
/// here.
load_result load_input(const std::string& path, const load_options& options);

/// Load the folder (or snapshot) or generate the demo; warnings go to standard error (a count when
/// there are many); a failed load throws load_error, which main() prints and turns into exit
/// code 1. Neither DIR nor --demo is a usage error (exit code 2).
dataset_ptr open_input(const input_options& in);

/// `--year`: `2024-2025` or `2024` (the year it starts in); anything else is a usage error.
school_year parse_year_option(const std::string& text);

/// Write `text` to the file `out`, or to standard output when `out` is empty; throws
/// passend::error when the file cannot be written.
void write_output(const std::string& out, std::string_view text);

} // namespace passend::cli
