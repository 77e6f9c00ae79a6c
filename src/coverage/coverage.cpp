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

/// Calendar years split a school year's cost: August-December is 5/12 of it, January-July the
/// rest, so that the parts add up to the cost to the cent (rounded half up).
std::pair<cents, cents> calendar_split(cents cost) {
    const cents first = (cost * 5 + 6) / 12;
    return {first, cost - first};
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
        partnership_coverage pc{
            std::string(sw.id[s]), std::string(sw.name[s]), {}, {}, {}, 0, 0, 0, {}};
        std::vector<std::uint32_t> municipality_at(mu.size(), no_domain);
        for (std::uint32_t m = 0; m < mu.size(); ++m)
            if ((has(mu.po_swv[m]) && pos(mu.po_swv[m]) == s) ||
                (has(mu.vo_swv[m]) && pos(mu.vo_swv[m]) == s)) {
                municipality_at[m] = static_cast<std::uint32_t>(pc.municipalities.size());
                pc.municipalities.emplace_back(mu.code[m]);
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
            std::tie(cost.first_year, cost.second_year) = calendar_split(cost.cost);
            pc.cost += cost.cost;
            pc.first_year += cost.first_year;
            pc.second_year += cost.second_year;
            pc.costs.push_back(cost);
        }
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
