// SPDX-License-Identifier: EUPL-1.2
#include "kpi_lookup.hpp"

PASSEND_NAMESPACE_BEGIN
namespace detail {

bool kpi_is_percent(const kpi_results& kpis, std::string_view kpi) {
    if (const auto* info = kpis.find(kpi)) return info->unit == kpi_unit::percent;
    return kpi.find("percentage") != std::string_view::npos || kpi.starts_with("deelname_");
}

kpi_found kpi_lookup(const kpi_results& kpis, std::string_view kpi, school_year year,
                     kpi_level level, std::string_view unit) {
    const kpi_row* national = nullptr;
    for (const auto& r : kpis.rows) {
        if (r.year != year || r.kpi != kpi) continue;
        if (r.level == level && r.unit == unit) return {r.value, &r};
        if (r.level == kpi_level::national) national = &r;
    }
    const auto* info = kpis.find(kpi);
    const bool count = info ? info->unit == kpi_unit::count : !kpi_is_percent(kpis, kpi);
    if (count && national && national->numerator && level != kpi_level::national) return {0.0};
    return {};
}

} // namespace detail
PASSEND_NAMESPACE_END
