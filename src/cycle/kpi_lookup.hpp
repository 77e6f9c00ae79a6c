// SPDX-License-Identifier: EUPL-1.2
// Private: reading one value out of evaluated KPI rows, the way the cycle's outputs need it.
#pragma once

#include "passend/kpi/result.hpp"

#include <optional>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// A value read from KPI rows and the row it comes from (null for a count read as 0, or when
/// there is no value).
struct kpi_found {
    std::optional<double> value;
    const kpi_row* row = nullptr;
};

/// The value of KPI `kpi` for `unit` at `level` in `year`, with its row.
///
/// The evaluator writes rows below the partnership level only for units with records, so a
/// count KPI without a row for the unit is 0 when the national row of that year has a
/// numerator (the data covers it); otherwise (not evaluated, table absent, year outside the
/// data, or a ratio whose denominator is 0) there is no value.
kpi_found kpi_lookup(const kpi_results& kpis, std::string_view kpi, school_year year,
                     kpi_level level, std::string_view unit);

/// kpi_lookup()'s value alone.
inline std::optional<double> kpi_value(const kpi_results& kpis, std::string_view kpi,
                                       school_year year, kpi_level level, std::string_view unit) {
    return kpi_lookup(kpis, kpi, year, level, unit).value;
}

/// What the change of `found` compares with: the previous year's value `previous`, except in a
/// partial school year, where a period count compares with the same period a year earlier
/// (the row's value minus its change; none without that change).
inline std::optional<double> compared_value(const kpi_found& found,
                                            std::optional<double> previous) {
    if (!found.row || !found.row->partial) return previous;
    if (!found.value || !found.row->change) return std::nullopt;
    return *found.value - *found.row->change;
}

/// Whether `kpi` is a percentage (by its definition, else by its id).
bool kpi_is_percent(const kpi_results& kpis, std::string_view kpi);

} // namespace detail
PASSEND_NAMESPACE_END
