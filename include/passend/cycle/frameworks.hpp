// SPDX-License-Identifier: EUPL-1.2
// Assessment frameworks: the 43 process indicators and the four anchor points of a school board's
// accountability report 2024-2025 (*Schoolbesturen aan zet*), and
// their scores from assessments.csv per school and board against the 75% norm.
//
// A framework's score for a unit (school or board) in a school year is the mean of its item
// scores (ja = 1, deels = 0.5, nee = 0); the norm is met when that mean is at least 0.75
// ("de norm van 75% op de kwaliteitsindicatoren"; docs/definitions.md `<framework>_score`,
// `<framework>_norm`, which the KPI evaluator computes the same way from the same rows). Exactly
// 0.75 meets it. A unit without assessment rows has no score: the
// functions return nullopt, never a zero.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/ids.hpp"
#include "passend/kpi/result.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// One numbered item of a framework, with its Dutch text as the report writes it.
struct framework_item {
    int number;
    std::string_view text_nl;
};

/// A group of consecutive items (process indicators 1-7, 8-27, 28-34, 35-43).
struct framework_group {
    std::string_view id; ///< `algemeen`, `basis_op_orde`, `doelgroeparrangementen`, `knooppunt`
    std::string_view title_nl;
    int first, last; ///< item numbers, both included
};

/// An assessment framework as the `framework` column of assessments.csv names it.
struct framework_def {
    std::string_view id; ///< `procesindicatoren`, `ankerpunt1` .. `ankerpunt4`
    std::string_view title_nl;
    std::string_view source; ///< the published passage it follows (title and section)
    /// The numbered items; empty when the data names them (the anchor points' quality
    /// indicators come from each partnership's own SOP questionnaire).
    std::span<const framework_item> items;
    std::span<const framework_group> groups;
    /// Measured every two years: a report for a year without a measurement shows the latest
    /// earlier one, saying from which year it is.
    bool biennial = false;
};

/// The 75% norm: a mean item score of at least 0.75 meets it (tolerance 0).
inline constexpr double framework_norm_target = 0.75;
kpi_norm framework_norm() noexcept;

/// Every built-in framework: procesindicatoren, then ankerpunt1..4.
std::span<const framework_def> assessment_frameworks() noexcept;
/// The framework with this id, or null (assessments may use other frameworks: they are scored
/// the same way, without item texts).
const framework_def* find_framework(std::string_view id) noexcept;
/// The text of process indicator `number` (1-43); empty when out of range.
std::string_view process_indicator_text(int number) noexcept;

/// The scores of one unit in one framework and school year.
struct unit_assessment {
    std::string framework;
    school_year year{0};
    unit_level level = unit_level::school;
    std::uint32_t unit = 0; ///< school_idx or board_idx position, after `level`
    /// Item id and score, in item order (numbers numerically). Several rows for one item are
    /// averaged into one score (passend's choice: the contract does not forbid repeats).
    std::vector<std::pair<std::string, double>> items;

    double mean() const noexcept;
    bool meets_norm() const noexcept;
    std::optional<double> score_of(std::string_view item) const noexcept;
    /// Mean over the items numbered first..last; nullopt when none of them was scored.
    std::optional<double> group_mean(int first, int last) const noexcept;
};

/// The assessment of `framework` for one unit in `year`; nullopt when the data has none.
std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework,
                                      unit_level level, std::uint32_t unit, school_year year);
std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework, school_idx s,
                                      school_year year);
std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework, board_idx b,
                                      school_year year);

/// The latest school year at or before `year` in which the unit was assessed on `framework`
/// (anchor points are measured every two years); nullopt when never.
std::optional<school_year> latest_assessment_year(const dataset& ds, std::string_view framework,
                                                  unit_level level, std::uint32_t unit,
                                                  school_year year);

/// Every (framework, year, unit) that has assessment rows, sorted by framework, year, level,
/// unit position.
std::vector<unit_assessment> all_assessments(const dataset& ds);

/// A board's schools against the norm on one framework in one year.
struct board_share {
    std::string framework;
    school_year year{0};
    std::size_t schools = 0;  ///< schools of the board in the data
    std::size_t assessed = 0; ///< of which assessed on the framework that year
    std::size_t meeting = 0;  ///< of which meet the 75% norm
    /// meeting / assessed; nullopt when no school was assessed (not 0%).
    std::optional<double> share() const noexcept;
};
board_share share_meeting_norm(const dataset& ds, board_idx b, std::string_view framework,
                               school_year year);

PASSEND_NAMESPACE_END
