// SPDX-License-Identifier: EUPL-1.2
// What a publication of flow tables may show: every count of the tables of every school year
// and unit, protected at once by the one suppression rule (report/cell_table.hpp) over the
// relations the flows publish (docs/privacy.md, "Flows"):
// - per unit, year and setting: stock at T(Y) + outflows = stock at T(Y-1) + inflows (the flow
//   matrix's identity, the diagonal left out);
// - the year-over-year matrix's rows add up to the stocks at T(Y-1), its columns to those at T(Y);
// - stocks and transitions by kind of the partnerships (boards, schools) add up to the national
//   ones, and a board's to the sum of its schools'.
// Stocks are one number across years (this year's T(Y-1) is last year's T(Y)), so all years are
// protected together: a reader combining the outputs of two years learns nothing more.
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/report/cell_table.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

PASSEND_NAMESPACE_BEGIN

class flow_disclosure {
public:
    /// Protect every number of `tables` (all its years and the levels it holds).
    flow_disclosure(const dataset& ds, const flow_tables& tables, int max_small = 4);

    cell_shown flow(flow_unit u, school_year y, int row, int col) const;
    /// The stock at T(y) (`y.prev()` for the start of y's window; before the tables' first
    /// year the stock is 0 and shown).
    cell_shown stock(flow_unit u, school_year y, int setting) const;
    cell_shown verplaatsing(flow_unit u, school_year y, int row, int col) const;
    cell_shown kind(flow_unit u, school_year y, int kind) const;
    const suppress_summary& summary() const noexcept { return summary_; }

private:
    static constexpr int stock_at = 0;
    static constexpr int flows_at = stock_at + static_cast<int>(setting_count);
    static constexpr int yoy_at = flows_at + flow_row_count * flow_col_count;
    static constexpr int kinds_at = yoy_at + yoy_size * yoy_size;
    static constexpr int block = kinds_at + static_cast<int>(transition_kind_count);
    cell_table::cell_id cell(flow_unit u, school_year y, int offset) const;

    const flow_tables& tables_;
    std::array<cell_table::cell_id, flow_level_count> base_{};
    cell_table table_;
    suppress_summary summary_;
};

/// Flow tables as every front end publishes them: every level (nation, partnerships, boards,
/// schools), so that the output of one unit is protected together with every other's.
struct published_flows {
    flow_tables tables;
    /// What may be shown; absent when not suppressing (internal use).
    std::optional<flow_disclosure> disclosure;
    const flow_disclosure* shown() const noexcept { return disclosure ? &*disclosure : nullptr; }
};
std::unique_ptr<const published_flows> publish_flows(const dataset& ds, attribution_view view,
                                                     bool suppress = true);

PASSEND_NAMESPACE_END
