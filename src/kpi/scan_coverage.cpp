// SPDX-License-Identifier: EUPL-1.2
// The covering network and continuity (contract v1.1): measures `support_offers` (places and
// places × tariff per offer, for its school), `offer_pupils` (pupils with an individual
// arrangement of a domain on the reference day at a school offering that domain),
// `region_coverage` (per partnership and municipality of its region: whether one of its own
// schools offers the domain there) and `finances` (the signal value of a partnership's reserves
// and what lies above it). All run on the table thread.
#include "kpi/scan.hpp"

#include "passend/coverage/continuity.hpp"

#include <map>
#include <set>
#include <tuple>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

bool domain_matches(const kpi_quantity& q, std::size_t domain, const plan& pl) {
    return q.filter.domain.empty() || q.filter.domain == pl.domains[domain];
}

/// The years in which support_offers.csv holds an offer: coverage is reported only for those
/// (a year before the partnership counted its network is not a year without one).
std::set<school_year> offer_years(const dataset& ds) {
    const auto& y = ds.support_offers().year;
    return {y.begin(), y.end()};
}

std::optional<table> offers_table(const kpi_quantity&) {
    return table::support_offers;
}

// ---- support_offers: a combo per domain and value (0: places, 1: places × tariff) ----

std::size_t offer_combos(const plan& pl) {
    return pl.domains.size() * 2;
}

bool offer_matches(const kpi_quantity& q, std::size_t c, const plan& pl) {
    return domain_matches(q, c / 2, pl) && c % 2 == (q.field == "cost_eur" ? 1u : 0u);
}

void scan_offers(const scan_context& cx, record_sink& sink) {
    const auto& so = cx.ds.support_offers();
    for (std::size_t i = 0; i < so.size(); ++i) {
        const auto y = cx.years.index(so.year[i]);
        if (!y) continue;
        const auto k = school_unit_keys(cx.ds, pos(so.school[i]));
        // An offer without places (or tariff) adds nothing to the sums, and is counted.
        const double places = so.places[i] < 0 ? 0.0 : so.places[i];
        const double cost =
            so.tariff[i] < 0 ? 0.0 : places * static_cast<double>(so.tariff[i]) / 100;
        for (std::size_t value = 0; value < 2; ++value) {
            const auto c = cx.pl.cls(kpi_measure::support_offers, so.domain[i] * 2 + value);
            if (c >= 0) sink.add(c, *y, k, no_index<pupil_idx>, value ? cost : places);
        }
    }
}

// ---- offer_pupils: a combo per domain and reference day ----

std::size_t offer_pupil_combos(const plan& pl) {
    return pl.domains.size() * reference_day_count;
}

bool offer_pupil_matches(const kpi_quantity& q, std::size_t c, const plan& pl) {
    return domain_matches(q, c / reference_day_count, pl) &&
           c % reference_day_count == day_index(q.at);
}

std::optional<table> arrangements_table(const kpi_quantity&) {
    return table::arrangements;
}

/// A pupil counts once per domain and day, for the school of the arrangement that started last
/// on it (ties: the school that sorts first), as opp_aantal counts an OPP's pupil.
void scan_offer_pupils(const scan_context& cx, record_sink& sink) {
    const auto& ds = cx.ds;
    const auto& ar = ds.arrangements();
    const auto& so = ds.support_offers();
    std::set<std::tuple<std::uint32_t, int, std::uint32_t>> offered; // school, year, domain
    for (std::size_t i = 0; i < so.size(); ++i)
        offered.emplace(pos(so.school[i]), so.year[i].start_year(), so.domain[i]);
    // (year, day, domain, pupil) -> (start, school) of the arrangement it counts for.
    std::map<std::tuple<std::size_t, std::size_t, std::uint32_t, std::uint32_t>,
             std::pair<day, std::uint32_t>>
        counted;
    for (std::size_t a = 0; a < ar.size(); ++a) {
        if (ar.kind[a] != arrangement_kind::individueel || !has(ar.pupil[a]) ||
            ar.domain[a] == no_domain)
            continue;
        const auto school = pos(ar.school[a]);
        const period span{ar.start[a], ar.end[a]};
        for (std::size_t y = 0; y < static_cast<std::size_t>(cx.years.count); ++y) {
            if (!offered.contains({school, cx.years.first + static_cast<int>(y), ar.domain[a]}))
                continue;
            for (std::size_t di = 0; di < reference_day_count; ++di) {
                const day d = cx.days[di][y];
                if (d > cx.extract || !span.covers(d)) continue;
                const auto [it, fresh] = counted.try_emplace(
                    {y, di, ar.domain[a], pos(ar.pupil[a])}, ar.start[a], school);
                auto& [start, at] = it->second;
                if (!fresh &&
                    (ar.start[a] > start ||
                     (ar.start[a] == start && ds.schools().id[school] < ds.schools().id[at])))
                    start = ar.start[a], at = school;
            }
        }
    }
    for (const auto& [key, chosen] : counted) {
        const auto [y, di, domain, pupil] = key;
        const auto c = cx.pl.cls(kpi_measure::offer_pupils, domain * reference_day_count + di);
        if (c >= 0) sink.add(c, y, school_unit_keys(ds, chosen.second), pupil_idx{pupil}, 1.0);
    }
}

// ---- region_coverage: a combo per domain; one record per partnership, municipality of its
// region, domain and year with an offer; its field 1 when covered ----

std::size_t domain_combos(const plan& pl) {
    return pl.domains.size();
}

bool region_matches(const kpi_quantity& q, std::size_t c, const plan& pl) {
    return domain_matches(q, c, pl);
}

void scan_region_coverage(const scan_context& cx, record_sink& sink) {
    const auto& ds = cx.ds;
    const auto& so = ds.support_offers();
    const auto& sc = ds.schools();
    std::set<std::tuple<int, std::uint32_t, std::uint32_t, std::uint32_t>> covered;
    for (std::size_t i = 0; i < so.size(); ++i) {
        const auto s = pos(so.school[i]);
        if (has(sc.swv[s]) && has(sc.municipality[s]))
            covered.emplace(so.year[i].start_year(), pos(sc.swv[s]), pos(sc.municipality[s]),
                            so.domain[i]);
    }
    const auto& mu = ds.municipalities();
    for (const auto year : offer_years(ds)) {
        const auto y = cx.years.index(year);
        if (!y) continue;
        for (std::uint32_t m = 0; m < mu.size(); ++m)
            for (const auto swv : {mu.po_swv[m], mu.vo_swv[m]}) {
                if (!has(swv)) continue;
                const unit_keys k{pos(swv), not_counted, not_counted, not_counted};
                for (std::uint32_t d = 0; d < cx.pl.domains.size(); ++d) {
                    const auto c = cx.pl.cls(kpi_measure::region_coverage, d);
                    if (c < 0) continue;
                    const bool yes = covered.contains({year.start_year(), pos(swv), m, d});
                    sink.add(c, *y, k, no_index<pupil_idx>, yes ? 1.0 : 0.0);
                }
            }
    }
}

// ---- finances: a combo per value (0: the signal value, 1: the reserves above it) ----

std::size_t finance_combos(const plan&) {
    return 2;
}

bool finance_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return c == (q.field == "reserves_above" ? 1u : 0u);
}

std::optional<table> finances_table(const kpi_quantity&) {
    return table::finances;
}

/// A calendar year's figures are reported in the row of the school year that starts in it
/// (2024 in 2024-2025): the report labels say the calendar year.
void scan_finances(const scan_context& cx, record_sink& sink) {
    const auto& fi = cx.ds.finances();
    for (std::size_t i = 0; i < fi.size(); ++i) {
        const auto y = cx.years.index(school_year{fi.year[i]});
        if (!y) continue;
        const auto check = continuity_of(fi.income[i], fi.reserves[i]);
        const unit_keys k{pos(fi.swv[i]), not_counted, not_counted, not_counted};
        for (std::size_t value = 0; value < 2; ++value)
            if (const auto c = cx.pl.cls(kpi_measure::finances, value); c >= 0)
                sink.add(c, *y, k, no_index<pupil_idx>,
                         static_cast<double>(value ? check.above : check.signal_value) / 100);
    }
}

} // namespace

const measure_spec support_offers_measure{.measure = kpi_measure::support_offers,
                                          .combos = offer_combos,
                                          .matches = offer_matches,
                                          .needs_table = offers_table,
                                          .timing = measure_timing::school_year,
                                          .per_table = scan_offers};
const measure_spec offer_pupils_measure{.measure = kpi_measure::offer_pupils,
                                        .combos = offer_pupil_combos,
                                        .matches = offer_pupil_matches,
                                        .needs_table = arrangements_table,
                                        .timing = measure_timing::reference_day,
                                        .per_table = scan_offer_pupils};
const measure_spec region_coverage_measure{.measure = kpi_measure::region_coverage,
                                           .combos = domain_combos,
                                           .matches = region_matches,
                                           .needs_table = offers_table,
                                           .timing = measure_timing::school_year,
                                           .per_table = scan_region_coverage};
const measure_spec finances_measure{.measure = kpi_measure::finances,
                                    .combos = finance_combos,
                                    .matches = finance_matches,
                                    .needs_table = finances_table,
                                    .timing = measure_timing::school_year,
                                    .per_table = scan_finances};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
