// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/result.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/core.h>

PASSEND_NAMESPACE_BEGIN

const kpi_reference_value* kpi_results::reference(std::string_view kpi,
                                                  school_year year) const noexcept {
    for (const auto& r : reference_values)
        if (r.kpi == kpi && r.year == year) return &r;
    return nullptr;
}

kpi_status kpi_norm::judge(double value) const noexcept {
    // How far the value misses the target; <= 0 means it meets it (exactly on target counts).
    const double miss = dir == direction::at_most ? value - target : target - value;
    // Guard against 0.75 computed as 0.7499999999 from sums of scores.
    constexpr double epsilon = 1e-9;
    if (miss <= epsilon) return kpi_status::op_koers;
    if (miss <= tolerance + epsilon) return kpi_status::aandacht;
    return kpi_status::niet_op_koers;
}

const kpi_info* kpi_results::find(std::string_view id) const noexcept {
    const auto it = std::find_if(definitions.begin(), definitions.end(),
                                 [&](const kpi_info& k) { return k.id == id; });
    return it == definitions.end() ? nullptr : &*it;
}

namespace {
bool earlier_year(const kpi_row& a, const kpi_row& b) {
    return a.year < b.year;
}
} // namespace

school_year check_year(const kpi_results& results, school_year year) {
    const auto [first, last] =
        std::minmax_element(results.rows.begin(), results.rows.end(), earlier_year);
    if (first == results.rows.end())
        throw year_not_covered(year.to_string() + ": the data has no school years");
    const bool known = std::any_of(results.rows.begin(), results.rows.end(),
                                   [&](const kpi_row& r) { return r.year == year; });
    if (!known)
        throw year_not_covered(fmt::format("{}: the data has no such school year (it has {} to {})",
                                           year.to_string(), first->year.to_string(),
                                           last->year.to_string()));
    return year;
}

school_year latest_year(const kpi_results& results) {
    const auto last = std::max_element(results.rows.begin(), results.rows.end(), earlier_year);
    if (last == results.rows.end()) throw year_not_covered("the data gives no KPI figures");
    return last->year;
}

PASSEND_NAMESPACE_END
