// SPDX-License-Identifier: EUPL-1.2
// The board's yearly accountability report on passend onderwijs, in the structure of a real one
// (*Schoolbesturen aan zet*, a Zuid-Limburg school board's accountability report 2024-2025):
// context; development of the anchor points; what the board steers on (the 43 process
// indicators); thuiszitters; uninterrupted development; referrals to sbo/so (or pro/vso) with
// the previous year; returns from specialised settings; use of the partnership's funds.
//
// Figures come from the dataset (schools, assessments, money) and from evaluated KPIs (board
// rows of verwijzingen_*, terugplaatsingen_*, thuiszitters, ...); the board's own words come
// from a text file (JSON or Markdown, see parse_texts()). A section whose data is missing says
// so in words, never with a zero. Counts from 1 to 4 show as `<5` unless turned off. The report
// is a report document (report/document.hpp): to_markdown(), to_html() and write_xlsx() print it.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"
#include "passend/ids.hpp"
#include "passend/kpi/result.hpp"
#include "passend/report/document.hpp"

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// The free-text fields a board writes itself, by key (see accountability_text_keys()).
struct accountability_texts {
    std::map<std::string, std::string, std::less<>> fields;
    /// The text of `key`, empty when not given.
    std::string_view get(std::string_view key) const noexcept;
};

/// The keys a text file may use, in report order: `namens`, `context`, `ankerpunt1`..`4`,
/// `algemeen`, `basis_op_orde`, `doelgroeparrangementen`, `knooppunt`, `thuiszitters`,
/// `ononderbroken_ontwikkeling`, `verwijzingen`, `terugplaatsingen`, `middelen`.
std::span<const std::string_view> accountability_text_keys() noexcept;

/// Read texts from JSON (`{"context": "...", ...}`) or Markdown (`## context` headings, each
/// followed by its text; anything before the first heading is ignored). Unknown keys and a
/// malformed document throw load_error naming `source` and the key or line.
accountability_texts parse_texts(std::string_view text, std::string source);
accountability_texts load_texts(const std::filesystem::path& file);

/// The report is a report document (report/document.hpp), printed by its writers.
using accountability_report = report_document;

struct accountability_options {
    /// Whether `kpis` were suppressed (the closing note says which; publication default).
    bool suppress_small_counts = true;
};

/// Build the report of board `b` for `year`. `kpis` should be published results
/// (kpi/publish.hpp) holding the board's and its schools' rows for `year` and the year before:
/// the report shows a number exactly as their suppression does (`<5`, or `–` where it is hidden
/// to protect one), so it cannot be combined with the KPI report to recover a hidden count.
/// Missing rows are reported as missing.
accountability_report build_accountability(const dataset& ds, const kpi_results& kpis, board_idx b,
                                           school_year year, const accountability_texts& texts,
                                           const accountability_options& options = {});

PASSEND_NAMESPACE_END
