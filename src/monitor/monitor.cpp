// SPDX-License-Identifier: EUPL-1.2
// The monitor's figures: the headline rows taken from publish() on the day D, and the two
// distributions counted in one pass over the pupils' TLVs and absences.
#include "passend/monitor/monitor.hpp"

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/thuiszitters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

PASSEND_NAMESPACE_BEGIN

namespace {

/// The headline in the order the office reads it: pupils and participation, TLVs and their
/// speed, who is out of school.
const std::vector<std::string_view> headline_ids{"leerlingen_totaal",
                                                 "deelname_sbo",
                                                 "deelname_so",
                                                 "deelname_pro",
                                                 "deelname_vso",
                                                 "tlv_aanvragen",
                                                 "tlv_toegekend",
                                                 "tlv_open",
                                                 "tlv_prognose",
                                                 "tlv_doorlooptijd_p25",
                                                 "tlv_doorlooptijd_mediaan",
                                                 "tlv_doorlooptijd_p75",
                                                 "tlv_binnen_termijn",
                                                 "thuiszitters",
                                                 "thuiszitters_op_dag",
                                                 "thuiszitters_per_1000",
                                                 "thuiszitduur_p25",
                                                 "thuiszitduur_p50",
                                                 "thuiszitduur_p75"};

constexpr std::array<setting, 3> border_settings{setting::sbo, setting::so, setting::vso};
constexpr std::string_view money_out = "ondersteuningsbekostiging_uitgaand";
constexpr std::string_view money_in = "ondersteuningsbekostiging_inkomend";

std::string border_id(std::string_view direction, setting s) {
    return fmt::format("grens_{}_{}", direction, to_string(s));
}

/// Every id the monitor takes from publish(), those the catalog has.
std::vector<std::string> published_ids(const catalog& cat) {
    std::vector<std::string> ids;
    auto take = [&](std::string_view id) {
        if (cat.find(id)) ids.emplace_back(id);
    };
    for (auto id : headline_ids) take(id);
    for (auto s : border_settings) {
        take(border_id("uitgaand", s));
        take(border_id("inkomend", s));
    }
    take(money_out);
    take(money_in);
    return ids;
}

// The length classes. An open request's age is the days since its request (day 0 on the day it
// came in), so the class up to 42 days holds the requests still within the legal term.
struct length_class {
    std::string_view key, nl, en;
};
constexpr std::array<length_class, 5> request_ages{{{"0-2w", "0-2 weken", "0-2 weeks"},
                                                    {"2-4w", "2-4 weken", "2-4 weeks"},
                                                    {"4-6w", "4-6 weken", "4-6 weeks"},
                                                    {"6-10w", "6-10 weken", "6-10 weeks"},
                                                    {"10w+", "> 10 weken", "> 10 weeks"}}};
constexpr std::array<int, 4> request_age_upper{14, 28, 42, 70}; ///< last day of each class

// A thuiszitter's duration on D in calendar months since the absence's start, as
// thuiszitters_langer_dan_3_maanden counts months: beyond the class once D is after the same day
// that many months later.
constexpr std::array<length_class, 5> absence_lengths{{{"0-1m", "tot 1 maand", "up to 1 month"},
                                                       {"1-3m", "1-3 maanden", "1-3 months"},
                                                       {"3-6m", "3-6 maanden", "3-6 months"},
                                                       {"6-12m", "6-12 maanden", "6-12 months"},
                                                       {"12m+", "> 1 jaar", "> 1 year"}}};
constexpr std::array<int, 4> absence_length_months{1, 3, 6, 12};

std::size_t request_age_class(int days) {
    std::size_t c = 0;
    while (c < request_age_upper.size() && days > request_age_upper[c]) ++c;
    return c;
}

std::size_t absence_length_class(day start, day on) {
    std::size_t c = 0;
    while (c < absence_length_months.size() && on > add_months(start, absence_length_months[c]))
        ++c;
    return c;
}

/// Whether absence `a` makes its pupil a thuiszitter on `on` (thuiszitters_op_dag): absoluut
/// covering the day, or relatief covering it with more than 28 days from its start through it.
/// An end after the extract date is a plan, and `on` is never after the extract date, so an end
/// on or after `on` covers it either way.
bool thuiszitter_on(const absence_table& t, std::size_t a, day on) {
    if (t.start[a] > on || t.end[a] < on) return false;
    switch (t.kind[a]) {
    case absence_kind::absoluut:
        return true;
    case absence_kind::relatief:
        return (on - t.start[a]).count() >= langdurig_min_days_exclusive;
    case absence_kind::vrijstelling:
        return false;
    }
    return false;
}

using counts = std::array<double, 5>;

struct distribution_counts {
    std::vector<counts> open_requests, thuiszitters; ///< per monitored unit
};

/// One pass over the pupils: their open TLV requests and their absences on `on`, per monitored
/// partnership (`unit_of[swv]`, npos when not monitored).
distribution_counts count_on_day(const dataset& ds, day on, const std::vector<std::size_t>& unit_of,
                                 std::size_t units) {
    constexpr auto npos = static_cast<std::size_t>(-1);
    distribution_counts out{std::vector<counts>(units, counts{}),
                            std::vector<counts>(units, counts{})};
    const auto& tlv = ds.tlvs();
    const auto& abs = ds.absences();
    for (std::size_t p = 0; p < ds.pupils().size(); ++p) {
        for (auto i = tlv.first[p]; i < tlv.first[p + 1]; ++i) {
            const day req = tlv.request_date[i], dec = tlv.decision_date[i];
            if (req == no_day || req > on || (dec != no_day && dec <= on)) continue;
            if (const auto u = unit_of[pos(tlv.swv[i])]; u != npos)
                out.open_requests[u][request_age_class((on - req).count())] += 1;
        }
        // A pupil counts once, for the longest-lasting qualifying absence (the earliest start;
        // absences are sorted by start).
        for (auto a = abs.first[p]; a < abs.first[p + 1]; ++a) {
            if (!thuiszitter_on(abs, a, on)) continue;
            const auto pupil = pupil_idx{static_cast<std::uint32_t>(p)};
            const auto swv = attribute_absence(ds, pupil, on).swv;
            if (!has(swv)) break;
            if (const auto u = unit_of[pos(swv)]; u != npos)
                out.thuiszitters[u][absence_length_class(abs.start[a], on)] += 1;
            break;
        }
    }
    return out;
}

/// A distribution's cells: each class, and the total they add up to. Bins are hidden before the
/// total, which the headline publishes as its own KPI.
monitor_distribution add_distribution(cell_table& cells, std::string_view id,
                                      const std::array<length_class, 5>& classes, const counts& n) {
    monitor_distribution d{id, {}, cell_table::absent};
    std::vector<cell_table::cell_id> bins;
    double total = 0;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const auto cell = cells.add(n[c], true);
        d.bins.push_back({classes[c].key, classes[c].nl, classes[c].en, cell});
        bins.push_back(cell);
        total += n[c];
    }
    d.total = cells.add(total, true);
    const cell_table::cell_id totals[] = {d.total};
    cells.relate(bins, totals, true);
    return d;
}

using row_key = std::tuple<std::string_view, kpi_level, std::string_view>;

} // namespace

const std::vector<std::string_view>& monitor_headline_ids() {
    return headline_ids;
}

monitor make_monitor(const dataset& ds, const monitor_options& options) {
    const day on = options.on.value_or(ds.extract_date());
    if (on > ds.extract_date())
        throw monitor_error(fmt::format("day {} is after the data's extract date {}: nothing "
                                        "after it is known",
                                        format_day(on), format_day(ds.extract_date())));
    std::vector<swv_idx> swvs;
    if (options.units.empty()) {
        for (std::size_t i = 0; i < ds.swvs().size(); ++i)
            swvs.push_back(swv_idx{static_cast<std::uint32_t>(i)});
    } else {
        for (const auto& id : options.units) {
            const auto s = ds.find_swv(id);
            if (!s)
                throw monitor_error(fmt::format("unit '{}': not a partnership of the data", id));
            if (std::find(swvs.begin(), swvs.end(), *s) == swvs.end()) swvs.push_back(*s);
        }
    }

    monitor m;
    m.on = on;
    m.extract_date = ds.extract_date();
    m.year = school_year::containing(on);
    m.partial = on < m.year.last_day();
    m.suppressed = options.suppress;
    m.max_small = options.max_small;
    m.tlv_term_days = options.tlv_term_days;

    // One evaluation, suppressed over the whole catalog, for every partnership on D.
    const auto& cat = catalog::builtin();
    publish_options po;
    po.select.kpis = published_ids(cat);
    for (auto s : swvs) po.select.units.emplace_back(ds.swvs().id[pos(s)]);
    po.view = options.view;
    po.threads = options.threads;
    po.suppress = options.suppress;
    po.max_small = options.max_small;
    po.reference_day = on;
    po.tlv_term_days = options.tlv_term_days;
    m.results = publish(ds, cat, po);

    std::map<row_key, const kpi_row*> rows;
    for (const auto& r : m.results.rows)
        if (r.year == m.year) rows.emplace(row_key{r.kpi, r.level, r.unit}, &r);
    auto row_of = [&](std::string_view kpi, kpi_level level, std::string_view unit) {
        const auto it = rows.find(row_key{kpi, level, unit});
        return it == rows.end() ? nullptr : it->second;
    };

    constexpr auto npos = static_cast<std::size_t>(-1);
    std::vector<std::size_t> unit_of(ds.swvs().size(), npos);
    for (std::size_t u = 0; u < swvs.size(); ++u) unit_of[pos(swvs[u])] = u;
    const auto counted = count_on_day(ds, on, unit_of, swvs.size());

    for (std::size_t u = 0; u < swvs.size(); ++u) {
        const auto s = pos(swvs[u]);
        monitor_unit mu;
        mu.id = ds.swvs().id[s];
        mu.name = ds.swvs().name[s];
        mu.sector_of = ds.swvs().sector_of[s];
        for (auto id : headline_ids) {
            const auto* row = row_of(id, kpi_level::swv, mu.id);
            if (!row) continue; // not in the catalog yet, or not of this sector
            mu.headline.push_back({m.results.find(id), row, row_of(id, kpi_level::national, "NL"),
                                   m.results.reference(id, m.year)});
        }
        for (auto st : border_settings) {
            const auto* out = row_of(border_id("uitgaand", st), kpi_level::swv, mu.id);
            const auto* in = row_of(border_id("inkomend", st), kpi_level::swv, mu.id);
            if (out || in) mu.cross_border.push_back({st, out, in});
        }
        mu.money_outgoing = row_of(money_out, kpi_level::swv, mu.id);
        mu.money_incoming = row_of(money_in, kpi_level::swv, mu.id);
        const auto& fi = ds.finances();
        for (std::size_t i = 0; i < fi.size(); ++i)
            if (pos(fi.swv[i]) == s &&
                fi.year[i] <= static_cast<int>(date::year_month_day{on}.year()))
                mu.continuity.push_back({fi.year[i], continuity_of(fi.income[i], fi.reserves[i])});

        mu.open_requests =
            add_distribution(m.cells, "tlv_open_leeftijd", request_ages, counted.open_requests[u]);
        mu.thuiszitters = add_distribution(m.cells, "thuiszitters_duur", absence_lengths,
                                           counted.thuiszitters[u]);
        // A total the headline hides stays hidden here (one publication, one answer).
        for (const auto& [dist, kpi] : {std::pair{&mu.open_requests, "tlv_open"},
                                        std::pair{&mu.thuiszitters, "thuiszitters_op_dag"}})
            if (const auto* r = row_of(kpi, kpi_level::swv, mu.id); r && r->suppressed.numerator)
                m.cells.hide(dist->total);
        m.units.push_back(std::move(mu));
    }
    protect(m.cells, options.suppress ? options.max_small : 0);
    return m;
}

PASSEND_NAMESPACE_END
