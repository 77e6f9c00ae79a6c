// SPDX-License-Identifier: EUPL-1.2
// Flow tables: where pupils go, per school year and unit, counted so that stocks add up.
//
// For school year Y the *window* is the days after the previous teldatum T(Y-1) up to and
// including this year's teldatum T(Y). Every change of a pupil's state (setting and unit) on a day
// of the window is one count in the flow matrix of Y, so for every unit and setting
//
//     stock at T(Y) = stock at T(Y-1) + column sum (inflows) - row sum (outflows)
//
// (the diagonal, moves within a setting, cancels). A pupil is in a setting at a day when an
// enrolment covers it (on a switch day the new one), attributed as in attribution.hpp; a pupil
// leaves on the day after an enrolment's last day. The events are the transitions of
// transitions.hpp (docs/definitions.md "Flows"):
// - instroom: row `instroom`, on the enrolment's first day, for the unit of that enrolment;
// - uitstroom: column `uitstroom_<exit>`, for the unit of the enrolment on its last day;
// - a direct transition a -> b: cell [a's setting][b's setting], for a's unit on its last day and
//   b's unit on its first. When the two units differ it counts as an outflow to `elders` in a's
//   matrix and an inflow from `elders` in b's; when the pupil is outside at a teldatum between a
//   and b (a gap of at most 92 days across 1 October) it goes to `onderweg` in the window of a's
//   end and comes from `onderweg` in the window of b's start;
// - a pupil whose paying partnership changes while at the same school (a new TLV of another
//   partnership, or re-enrolment at the same school, `voortzetting`) moves between partnerships:
//   `elders` in both partnerships' matrices, nothing at the other levels.
// So the diagonal [s][s] counts overstappen within the unit, and re-enrolment at the same school
// under the same partnership counts nowhere (the pupil did not move).
//
// Beside it: the year-over-year matrix ("verplaatsingen", as the national dashboard shows it):
// each pupil's setting at T(Y-1) against the one at T(Y), with `elders` (another unit) and
// `buiten` (no enrolment); and the transitions by kind of school year Y (1 August - 31 July, the
// year of docs/definitions.md and of the KPIs), for the unit of the from-enrolment (instroom: the
// to-enrolment).
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/units.hpp"
#include "passend/transitions.hpp"

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// Rows of a flow matrix: where a pupil comes from. 0-5 are the settings (bao..vso).
enum class flow_row : std::uint8_t { instroom = setting_count, elders, onderweg };
inline constexpr int flow_row_count = static_cast<int>(setting_count) + 3;
/// Columns of a flow matrix: where a pupil goes. 0-5 are the settings, then `elders`,
/// `onderweg`, and uitstroom by exit reason (diploma, zonder_diploma, verhuisd, overig, onbekend).
enum class flow_col : std::uint8_t { elders = setting_count, onderweg, uitstroom_first };
inline constexpr int flow_col_count = static_cast<int>(setting_count) + 2 + 5;
/// Rows and columns of the year-over-year matrix: the settings, `elders`, `buiten`.
inline constexpr int yoy_size = static_cast<int>(setting_count) + 2;
inline constexpr int yoy_elders = static_cast<int>(setting_count);
inline constexpr int yoy_buiten = yoy_elders + 1;

/// The column of uitstroom with exit reason `r` (`none` is `uitstroom_onbekend`, the last).
constexpr int uitstroom_col(exit_reason r) noexcept {
    return static_cast<int>(flow_col::uitstroom_first) +
           (r == exit_reason::none ? 4 : static_cast<int>(r) - 1);
}

/// Labels as they appear in every output (`bao`, ..., `instroom`, `uitstroom_diploma`).
std::string_view flow_row_label(int row) noexcept;
std::string_view flow_col_label(int col) noexcept;
std::string_view yoy_label(int i) noexcept;

using flow_matrix = Eigen::Matrix<std::int32_t, flow_row_count, flow_col_count, Eigen::RowMajor>;
using yoy_matrix = Eigen::Matrix<std::int32_t, yoy_size, yoy_size, Eigen::RowMajor>;
using stock_vector = Eigen::Matrix<std::int32_t, 1, static_cast<int>(setting_count)>;
using kind_vector = Eigen::Matrix<std::int32_t, 1, static_cast<int>(transition_kind_count)>;

struct flow_options {
    attribution_view view = attribution_view::paying;
    /// Also group per board and per school (the larger tables; off saves memory nationally).
    bool boards = true;
    bool schools = true;
    /// Threads to use: 0 picks 2 when the data is large enough to pay for it, else 1.
    unsigned threads = 0;
};

/// The flow tables of every school year of a dataset, for every unit at the chosen levels.
class flow_tables {
public:
    /// The school years the dataset reports (dataset::school_years(): each teldatum on or before
    /// the extract date), oldest first; year Y's window ends at its teldatum. Changes after the
    /// last teldatum belong to a year not reported yet.
    const std::vector<school_year>& years() const noexcept { return years_; }
    /// True when the tables hold `y` and its teldatum is on or before the extract date: every
    /// year they hold (kept for callers of the time when a year after the data was projected).
    bool observed(school_year y) const noexcept;
    bool has_year(school_year y) const noexcept;
    /// Whether the tables hold this level (boards and schools are optional).
    bool has_level(flow_level l) const noexcept;
    std::uint32_t unit_count(flow_level l) const noexcept;

    // The maps below view the tables' memory: keep the flow_tables alive while using them (copy
    // into a flow_matrix etc. to keep a table longer).

    /// Changes of state in the window of `y` (T(y-1), T(y)].
    Eigen::Map<const flow_matrix> flows(flow_unit u, school_year y) const;
    /// Pupils per setting at T(y).
    Eigen::Map<const stock_vector> stock(flow_unit u, school_year y) const;
    /// Setting at T(y-1) (rows) against setting at T(y) (columns).
    Eigen::Map<const yoy_matrix> verplaatsingen(flow_unit u, school_year y) const;
    /// Transitions by kind (transition_kind order) whose day lies in school year `y` (through the
    /// extract date in a partial year).
    Eigen::Map<const kind_vector> kinds(flow_unit u, school_year y) const;

private:
    friend flow_tables compute_flows(const dataset&, const flow_options&);
    friend struct flow_accumulator;
    struct level_tables {
        std::uint32_t units = 0;
        std::vector<std::int32_t> flows, stock, yoy, kinds;
    };
    std::size_t slot(flow_unit u, school_year y) const;

    std::vector<school_year> years_;
    day horizon_{};
    std::array<level_tables, flow_level_count> levels_;
};

/// Compute every table in one pass over the pupils.
flow_tables compute_flows(const dataset& ds, const flow_options& options = {});

/// The first school year whose flow window holds day `d`: the year whose teldatum is the first on
/// or after `d`.
school_year flow_window_of(day d) noexcept;

PASSEND_NAMESPACE_END
