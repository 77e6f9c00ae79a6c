// SPDX-License-Identifier: EUPL-1.2
// Money: funds a board received and what it allocated them to, per school year, in exact cents.
//
// This is where passend reconciles amounts (funds.csv, allocations.csv) per board and year: the
// reconciliation check, spending per pupil and per purpose, and the accountability report's
// "Aanwending middelen". The docs/definitions.md KPIs middelen_ontvangen, middelen_besteed and
// middelen_saldo are the same sums, computed by the KPI evaluator (a test checks they agree).
// Amounts are integer cents throughout: 1,019,682 + 506,195 + 12,822 + 92,400 is 1,631,099 to
// the cent, as the board's accountability table requires, never a binary floating-point
// approximation.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/ids.hpp"
#include "passend/kpi/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// Funds from one partnership in one stream (e.g. `terugploegregeling`).
struct fund_line {
    std::string swv;
    std::string stream;
    cents amount = 0;
};

/// One allocation row, as the board wrote it.
struct allocation_line {
    std::string purpose;
    cents amount = 0;
    std::string school; ///< empty when the allocation is for the board as a whole
    std::string kpi;    ///< the KPI the spending aims at; empty when none
};

/// A sum per purpose (allocations with the same purpose text added up).
struct purpose_total {
    std::string purpose;
    cents amount = 0;
};

/// What a board received and allocated in one school year.
struct board_money {
    board_idx board{};
    school_year year{0};
    std::vector<fund_line> funds;             ///< in input order
    std::vector<allocation_line> allocations; ///< in input order
    std::vector<purpose_total> by_purpose;    ///< first appearance order
    cents received = 0;                       ///< sum of funds
    cents allocated = 0;                      ///< sum of allocations
    /// Pupils at the teldatum at the board's schools (the school's board, every setting).
    std::uint64_t pupils = 0;

    /// received - allocated: positive when money is left unaccounted, negative when more was
    /// allocated than received.
    cents difference() const noexcept { return received - allocated; }
    /// Allocations add up exactly to what was received.
    bool reconciles() const noexcept { return difference() == 0; }
    bool has_data() const noexcept { return !funds.empty() || !allocations.empty(); }
    /// allocated / pupils in cents, rounded half away from zero; nullopt without pupils.
    std::optional<cents> allocated_per_pupil() const noexcept;
};

/// Funds and allocations of board `b` in `year` (empty lists when the data has none).
board_money money_of(const dataset& ds, board_idx b, school_year year);

/// Every board and year that has funds or allocations, sorted by board id then year.
std::vector<board_money> all_money(const dataset& ds);

/// The boards and years whose allocations do not add up to what they received.
std::vector<board_money> unreconciled(const dataset& ds);

/// The movement of the KPI an allocation names, beside the money (doelmatigheid).
struct allocation_effect {
    allocation_line allocation;
    kpi_level level = kpi_level::board; ///< school when the allocation names a school
    std::string unit;
    std::optional<double> previous; ///< the KPI's value the year before
    std::optional<double> current;  ///< its value in the allocation's year
    /// current - previous when both exist.
    std::optional<double> change() const noexcept;
};

/// For every allocation of `m` that names a KPI, that KPI's value in the year and the year
/// before, for the allocation's school (or else the board), looked up in `kpis`.
std::vector<allocation_effect> effects(const dataset& ds, const board_money& m,
                                       const kpi_results& kpis);

/// `€ 1.631.099` (Dutch grouping; cents shown only when not whole: `€ 12,50`).
std::string format_euro(cents amount);
/// `1631099.00`: the contract's notation.
std::string format_amount(cents amount);

PASSEND_NAMESPACE_END
