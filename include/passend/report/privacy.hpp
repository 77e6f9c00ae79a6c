// SPDX-License-Identifier: EUPL-1.2
// Privacy: hiding small counts (1-4) and every number they could be recovered from, before a
// report is published. docs/privacy.md says exactly what is and is not protected.
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/result.hpp"
#include "passend/report/cell_table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

PASSEND_NAMESPACE_BEGIN

struct suppress_options {
    /// false: leave every number visible (internal analysis; the CLI's `--no-suppress`).
    bool enabled = true;
    /// Counts from 1 up to this are small and show as `<5` (for the default 4); 0 never is.
    int max_small = 4;
    /// The board of each school id. When given, a board's count is protected as the sum of its
    /// schools' counts too; without it that relation is not known to suppress().
    std::unordered_map<std::string, std::string> board_of_school;

    /// The defaults with the board of every school of `ds`.
    static suppress_options for_dataset(const dataset& ds);
};

/// Mark in `results` every number a publication must hide (kpi_row::suppressed):
/// - primary: counts of pupils or records from 1 to max_small (numerators of counts and
///   percentages, denominators of percentages, means and medians), with the row's value;
/// - secondary: per additive relation of this catalog (a unit's counts summing to the national
///   one, breakdown ids summing to their total, a percentage's numerator being another KPI's
///   count, ...) at least one more cell, chosen so no hidden count can be solved back;
/// - the change of a row whose value, or whose previous year's value, is hidden.
/// Run it on the complete results, before selecting units or years for a report: a report
/// of one unit can otherwise be combined with another's. Numbers stay in the rows (for
/// internal use and explain); every writer prints a hidden one as `<5` or an empty field.
suppress_summary suppress(kpi_results& results, const suppress_options& options = {});

/// `info` is the row's definition (results.find(row.kpi)); may be null.
cell_shown shown(const kpi_row& row, kpi_field field, const kpi_info* info,
                 int max_small = 4) noexcept;
/// The number behind a field (nullopt when absent).
std::optional<double> field_value(const kpi_row& row, kpi_field field) noexcept;

PASSEND_NAMESPACE_END
