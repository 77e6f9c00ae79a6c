// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/publish.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

PASSEND_NAMESPACE_BEGIN

kpi_level parse_level_name(std::string_view text) {
    if (const auto level = parse_enum_name<kpi_level>(text)) return *level;
    throw selection_error(
        fmt::format("level '{}': not a level ({})", text, enum_name_list<kpi_level>(", ")));
}

namespace {
bool is_unit(const dataset& ds, std::string_view id) {
    return id == "NL" || id == "onbekend" || ds.find_swv(id) || ds.find_board(id) ||
           ds.find_school(id) || ds.find_municipality(id);
}
} // namespace

void check_kpi_names(const catalog& cat, const std::vector<std::string>& ids_or_tags) {
    for (const auto& k : ids_or_tags)
        if (cat.select({k}).size() == 0)
            throw selection_error(fmt::format("kpi '{}': not an id or tag of the catalog", k));
}

void check_selection(const dataset& ds, const catalog& cat, const kpi_results& results,
                     const kpi_selection& select) {
    check_kpi_names(cat, select.kpis);
    for (const auto& u : select.units)
        if (!is_unit(ds, u))
            throw selection_error(fmt::format("unit '{}': not NL, onbekend, nor a partnership, "
                                              "board, school or municipality of the data",
                                              u));
    for (auto y : select.years) {
        try {
            check_year(results, y);
        } catch (const year_not_covered& e) {
            throw selection_error(fmt::format("school year {}", e.what()));
        }
    }
}

kpi_results publish(const dataset& ds, const catalog& cat, const publish_options& options) {
    const auto& sel = options.select;
    evaluate_options eo;
    eo.view = options.view;
    eo.threads = options.threads;
    eo.reference_day = options.reference_day;
    eo.tlv_term_days = options.tlv_term_days;
    eo.rolling_window = options.rolling_window;
    if (!options.suppress) {
        // Nothing is hidden, so nothing else need be seen first: evaluate only what is asked.
        eo.years = sel.years;
        eo.kpis = sel.kpis;
        eo.units = sel.units;
        eo.levels = sel.levels;
    }
    // A bad id or unit is an error before the work, a year once the data's years are known.
    check_selection(ds, cat, {}, {sel.kpis, {}, sel.units, {}});
    auto results = evaluate(ds, cat, eo);
    check_selection(ds, cat, results, {{}, sel.years, {}, {}});
    auto privacy = suppress_options::for_dataset(ds);
    privacy.enabled = options.suppress;
    privacy.max_small = options.max_small;
    suppress(results, privacy);

    std::set<std::string, std::less<>> wanted;
    if (!sel.kpis.empty()) {
        const auto chosen = cat.select(sel.kpis); // outlives the loop over its definitions
        for (const auto& d : chosen.definitions()) wanted.insert(d.id);
    }
    auto in = [](const auto& list, const auto& x) {
        return list.empty() || std::find(list.begin(), list.end(), x) != list.end();
    };
    // Templates expand to ids of their own (`ankerpunt1_score`): keep those of a chosen template.
    auto kpi_wanted = [&](std::string_view id) {
        if (wanted.empty() || wanted.count(id)) return true;
        return std::any_of(wanted.begin(), wanted.end(), [&](std::string_view w) {
            const auto open = w.find('{'), close = w.find('}');
            if (open == std::string_view::npos || close == std::string_view::npos) return false;
            const auto prefix = w.substr(0, open), suffix = w.substr(close + 1);
            return id.size() > prefix.size() + suffix.size() && id.starts_with(prefix) &&
                   id.ends_with(suffix);
        });
    };
    std::erase_if(results.rows, [&](const kpi_row& row) {
        if (!in(sel.years, row.year) || !kpi_wanted(row.kpi)) return true;
        if (row.level == kpi_level::national) return false;
        return !in(sel.units, row.unit) || !in(sel.levels, row.level);
    });
    if (!wanted.empty())
        std::erase_if(results.definitions, [&](const kpi_info& d) { return !kpi_wanted(d.id); });
    std::erase_if(results.reference_values, [&](const kpi_reference_value& r) {
        return !in(sel.years, r.year) || !kpi_wanted(r.kpi);
    });
    return results;
}

PASSEND_NAMESPACE_END
