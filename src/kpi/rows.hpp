// SPDX-License-Identifier: EUPL-1.2
// The rows: a quantity's number for a unit is the sum of its classes (totals); a definition
// combines its numerator and denominator (kpi_row), compares with the year before (change),
// judges the norm and marks a partial year.
#pragma once

#include "kpi/accumulator.hpp"
#include "kpi/plan.hpp"
#include "kpi/scan.hpp"

#include "passend/kpi/evaluate.hpp"

#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

/// What the rows are made of: the scan's sums and what it was asked.
struct row_inputs {
    const scan_context& cx;
    const accumulator& acc;
    const slot_layout& layout;
    const std::vector<kpi_definition>& defs;
    const std::vector<planned_definition>& planned; ///< per definition
    const std::vector<school_year>& data_years;     ///< every year the data reports
    const evaluate_options& options;
    unsigned threads; ///< 1 or 2: the definitions' rows are made in two halves side by side
};

/// Every row, sorted: definitions by id, then year, level (national, swv, board, school,
/// municipality), unit.
std::vector<kpi_row> make_rows(const row_inputs& in);

} // namespace kpi_detail

PASSEND_NAMESPACE_END
