// SPDX-License-Identifier: EUPL-1.2
// explain(): the pupils behind one number of evaluate(), by the same scans with a one-quantity
// plan and a sink that collects the pupils of one year and unit instead of counting them.
#include "kpi/accumulator.hpp"
#include "kpi/plan.hpp"
#include "kpi/scan.hpp"

#include "passend/kpi/evaluate.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN

using namespace kpi_detail;

std::vector<std::string> explain(const dataset& ds, const catalog& cat, std::string_view kpi_id,
                                 school_year year, kpi_level level, std::string_view unit,
                                 kpi_part part, attribution_view view) {
    plan pl;
    pl.frameworks = frameworks_of(ds);
    pl.domains = ds.support_domains();
    const auto defs = expand(cat, pl.frameworks, offered_domains(ds));
    const auto it = std::find_if(defs.begin(), defs.end(),
                                 [&](const kpi_definition& d) { return d.id == kpi_id; });
    if (it == defs.end()) throw error("explain: no KPI " + std::string(kpi_id) + " in the catalog");
    if (part == kpi_part::denominator && !it->denominator)
        throw error("explain: KPI " + std::string(kpi_id) + " has no denominator");
    pl.add_quantity(part == kpi_part::numerator ? it->numerator : *it->denominator);
    pl.compile();

    // The unit's index at its level.
    std::uint32_t u = 0;
    if (level != kpi_level::national && unit != "onbekend") {
        std::optional<std::uint32_t> found;
        switch (level) {
        case kpi_level::swv:
            if (auto i = ds.find_swv(unit)) found = pos(*i);
            break;
        case kpi_level::board:
            if (auto i = ds.find_board(unit)) found = pos(*i);
            break;
        case kpi_level::school:
            if (auto i = ds.find_school(unit)) found = pos(*i);
            break;
        case kpi_level::municipality:
            if (auto i = ds.find_municipality(unit)) found = pos(*i);
            break;
        default:
            break;
        }
        if (!found)
            throw error("explain: no " + std::string(to_string(level)) + " " + std::string(unit) +
                        " in the data");
        u = *found;
    } else if (level != kpi_level::national) {
        u = none;
    }

    const year_range years = scan_years(data_years(ds), {year});
    scan_settings settings;
    settings.view = view;
    const scan_context cx{ds, pl, years, settings};
    pupil_collector collector{ds, *years.index(year), level, u, {}};
    record_sink sink(collector);
    scan_pupils(cx, 0, static_cast<std::uint32_t>(ds.pupils().size()), sink);
    scan_tables(cx, sink);

    auto& pupils = collector.pupils;
    std::sort(pupils.begin(), pupils.end());
    pupils.erase(std::unique(pupils.begin(), pupils.end()), pupils.end());
    std::vector<std::string> ids;
    ids.reserve(pupils.size());
    for (auto p : pupils) ids.emplace_back(ds.pupils().id[pos(p)]);
    return ids;
}

PASSEND_NAMESPACE_END
