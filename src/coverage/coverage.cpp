// SPDX-License-Identifier: EUPL-1.2
// The coverage model: offers, arrangements and finances gathered per partnership.
#include "passend/coverage/coverage.hpp"

#include "passend/error.hpp"

#include <algorithm>
#include <map>
#include <set>

PASSEND_NAMESPACE_BEGIN

std::string_view to_string(cover_state s) noexcept {
    switch (s) {
    case cover_state::covered:
        return "covered";
    case cover_state::over_demanded:
        return "over_demanded";
    case cover_state::no_offer:
        return "no_offer";
    }
    return "no_offer";
}

std::optional<double> coverage_cell::occupancy() const noexcept {
    if (places <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(pupils) / static_cast<double>(places);
}

namespace {

/// The default year: the latest reported one with offers, else the latest reported.
school_year default_year(const dataset& ds) {
    std::optional<school_year> best;
    for (const auto y : ds.support_offers().year)
        if (ds.is_reported(y) && (!best || *best < y)) best = y;
    if (best) return *best;
    if (ds.school_years().empty()) throw error("coverage: the data report no school year");
    return ds.school_years().back();
}

/// Calendar years split a school year's costs: August-December is 5/12 of them, in the year it
/// starts, January-July the rest. The total's first part is its exact 5/12 rounded half up to the
/// cent; each line's first part is its exact 5/12 rounded down, and the cents that leave go one
/// each to the lines with the largest remainders (the earlier line on a tie). So each line's
/// parts add up to its cost and the lines' parts to the total's, never a cent off.
void split_calendar_years(partnership_coverage& pc) {
    constexpr cents share = 5, whole = 12;
    pc.first_year = (pc.cost * share + whole / 2) / whole;
    pc.second_year = pc.cost - pc.first_year;
    std::vector<std::size_t> by_remainder(pc.costs.size());
    cents left = pc.first_year;
    for (std::size_t i = 0; i < pc.costs.size(); ++i) {
        pc.costs[i].first_year = pc.costs[i].cost * share / whole;
        left -= pc.costs[i].first_year;
        by_remainder[i] = i;
    }
    const auto remainder = [&](std::size_t i) { return pc.costs[i].cost * share % whole; };
    std::stable_sort(by_remainder.begin(), by_remainder.end(),
                     [&](std::size_t a, std::size_t b) { return remainder(a) > remainder(b); });
    for (std::size_t k = 0; left > 0 && k < by_remainder.size(); ++k, --left)
        ++pc.costs[by_remainder[k]].first_year;
    for (auto& line : pc.costs) line.second_year = line.cost - line.first_year;
}

} // namespace

coverage make_coverage(const dataset& ds, const coverage_options& options) {
    coverage out;
    out.year = options.year ? *options.year : default_year(ds);
    if (!ds.is_reported(out.year))
        throw error("coverage: school year " + out.year.to_string() +
                    " is not reported by the data (its teldatum is after the extract date " +
                    format_day(ds.extract_date()) + ")");
    out.teldatum = out.year.teldatum();
    const auto& so = ds.support_offers();
    const auto& sc = ds.schools();
    const auto& sw = ds.swvs();
    const auto& mu = ds.municipalities();

    std::set<std::uint32_t> offered;
    for (std::size_t i = 0; i < so.size(); ++i)
        if (so.year[i] == out.year) offered.insert(so.domain[i]);
    std::vector<std::uint32_t> domain_at(ds.support_domains().size(), no_domain);
    for (const auto d : offered) {
        domain_at[d] = static_cast<std::uint32_t>(out.domains.size());
        out.domains.push_back(ds.support_domains()[d]);
    }

    std::optional<swv_idx> only;
    if (!options.unit.empty()) {
        only = ds.find_swv(options.unit);
        if (!only) throw error("coverage: no partnership '" + options.unit + "' in the data");
    }
    // The pupils on teldatum per (school, domain): individual arrangements covering it.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<std::uint32_t>> pupils_at;
    const auto& ar = ds.arrangements();
    for (std::size_t a = 0; a < ar.size(); ++a)
        if (ar.kind[a] == arrangement_kind::individueel && has(ar.pupil[a]) &&
            ar.domain[a] != no_domain && period{ar.start[a], ar.end[a]}.covers(out.teldatum))
            pupils_at[{pos(ar.school[a]), ar.domain[a]}].insert(pos(ar.pupil[a]));

    for (std::uint32_t s = 0; s < sw.size(); ++s) {
        if (only && pos(*only) != s) continue;
        partnership_coverage pc{sw.id[s], sw.name[s], {}, {}, {}, 0, 0, 0, {}};
        std::vector<std::uint32_t> municipality_at(mu.size(), no_domain);
        for (std::uint32_t m = 0; m < mu.size(); ++m)
            if ((has(mu.po_swv[m]) && pos(mu.po_swv[m]) == s) ||
                (has(mu.vo_swv[m]) && pos(mu.vo_swv[m]) == s)) {
                municipality_at[m] = static_cast<std::uint32_t>(pc.municipalities.size());
                pc.municipalities.push_back(mu.code[m]);
            }
        pc.cells.assign(out.domains.size(), std::vector<coverage_cell>(pc.municipalities.size()));
        std::map<std::pair<std::uint32_t, int>, coverage_cost> costs; // (domain, level)
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<std::uint32_t>> cell_pupils;
        bool any_offer = false;
        for (std::size_t i = 0; i < so.size(); ++i) {
            const auto school = pos(so.school[i]);
            if (so.year[i] != out.year || !has(sc.swv[school]) || pos(sc.swv[school]) != s)
                continue;
            any_offer = true;
            const auto d = domain_at[so.domain[i]];
            const std::int64_t places = std::max(so.places[i], 0);
            auto& cost = costs[{d, static_cast<int>(so.level[i])}];
            cost.domain = out.domains[d];
            cost.level = static_cast<int>(so.level[i]);
            cost.places += places;
            cost.cost += so.tariff[i] < 0 ? 0 : places * so.tariff[i];
            const auto m = has(sc.municipality[school])
                               ? municipality_at[pos(sc.municipality[school])]
                               : no_domain;
            if (m == no_domain) continue; // a school outside the region: costs only
            auto& cell = pc.cells[d][m];
            cell.places += places;
            ++cell.offers;
            // A school's pupils count once per domain, however many levels it offers.
            const auto it = pupils_at.find({school, so.domain[i]});
            if (it != pupils_at.end())
                cell_pupils[{d, m}].insert(it->second.begin(), it->second.end());
        }
        for (auto& [dm, pupils] : cell_pupils)
            pc.cells[dm.first][dm.second].pupils = static_cast<std::int64_t>(pupils.size());
        for (auto& row : pc.cells)
            for (auto& cell : row)
                cell.state = cell.offers == 0            ? cover_state::no_offer
                             : cell.pupils > cell.places ? cover_state::over_demanded
                                                         : cover_state::covered;
        for (auto& [key, cost] : costs) {
            pc.cost += cost.cost;
            pc.costs.push_back(cost);
        }
        split_calendar_years(pc);
        const auto& fi = ds.finances();
        for (std::size_t i = 0; i < fi.size(); ++i)
            if (pos(fi.swv[i]) == s)
                pc.continuity.push_back({fi.year[i], continuity_of(fi.income[i], fi.reserves[i])});
        if (!only && pc.municipalities.empty() && !any_offer && pc.continuity.empty()) continue;
        out.partnerships.push_back(std::move(pc));
    }
    return out;
}

PASSEND_NAMESPACE_END
