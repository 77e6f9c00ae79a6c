// SPDX-License-Identifier: EUPL-1.2
// Measures `pupils` (stocks at teldatum and peildatum, with verblijfsduur) and `opps` (pupils
// with an OPP covering the reference day): records of the pupils present on a day.
#include "kpi/scan.hpp"

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

// ---- pupils: a pupil enrolled on a reference day, by the school's setting and OPP flag ----

using stock_space = combo_space<reference_day_count, setting_count, 2>; // day, setting, has_opp

std::size_t stock_combos(const plan&) {
    return stock_space::count;
}

bool stock_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    const auto& f = q.filter;
    const bool opp = stock_space::at<2>(c);
    const auto s = static_cast<setting>(stock_space::at<1>(c));
    return stock_space::at<0>(c) == day_index(q.at) && allows(f.settings, s) &&
           (!f.has_opp || *f.has_opp == opp);
}

std::optional<table> stock_table(const kpi_quantity& q) {
    return q.filter.has_opp ? std::optional<table>(table::opps) : std::nullopt;
}

bool has_opp_on(const dataset& ds, pupil_idx p, day d) {
    const auto& op = ds.opps();
    if (op.first.empty()) return false;
    for (auto o = op.first[pos(p)]; o < op.first[pos(p) + 1]; ++o)
        if (op.start[o] <= d && d <= op.end[o]) return true;
    return false;
}

/// 1 when no quantity counts stocks at peildatum (the days are teldatum, then peildatum), else 2.
std::size_t stock_days(const std::int32_t* classes) {
    for (std::size_t c = 0; c < stock_space::count; ++c)
        if (stock_space::at<0>(c) == 1 && classes[c] >= 0) return reference_day_count;
    return 1;
}

/// Stocks at teldatum and peildatum; verblijfsduur (the field) counts every teldatum in the
/// setting from the first year.
void scan_stocks(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& ds = cx.ds;
    const auto& pl = cx.pl;
    const auto& en = ds.enrolments();
    const auto& kind = ds.schools().kind;
    const std::uint32_t begin = en.first[pos(p)], end = en.first[pos(p) + 1];
    if (begin == end) return;
    const std::uint32_t municipality = municipality_of(ds, p);
    const std::int32_t* const classes = pl.classes_of_measure(kpi_measure::pupils);
    const day last = std::min(en.end[end - 1], ds.horizon());
    const int y_end = std::min(cx.years.first + cx.years.count - 1, cx.clamped_year(last));
    // Only the days some quantity counts at (a catalog's subset may ask for teldatum only).
    const std::size_t days = stock_days(classes);
    int years_in[setting_count] = {};
    std::uint32_t e = begin, units_of = none;
    enrolment_units units;
    for (int y = std::max(cx.years.first, cx.clamped_year(en.start[begin])); y <= y_end; ++y) {
        const auto yi = static_cast<std::size_t>(y - cx.years.first);
        for (std::size_t di = 0; di < days; ++di) {
            const day d = cx.days[di][yi];
            if (d > cx.extract) continue; // no value after the extract date
            // The last enrolment starting by d covers it, if any: a switch day gives the new.
            while (e + 1 < end && en.start[e + 1] <= d) ++e;
            if (!(en.start[e] <= d && d <= en.end[e])) continue;
            const setting s = kind[pos(en.school[e])];
            if (di == 0) ++years_in[index_of(s)];
            // Look the OPPs up only when having one changes the record's class.
            const auto without = classes[stock_space::encode(di, s, false)];
            const auto with = classes[stock_space::encode(di, s, true)];
            const auto c = without != with && has_opp_on(ds, p, d) ? with : without;
            if (c < 0) continue;
            // The units only change with the enrolment, except for TLV-paid settings.
            if (units_of != e || is_paid_by_tlv(s)) {
                units = enrolment_units_of(cx, e, d, municipality);
                units_of = e;
            }
            sink.add_enrolment(c, yi, units, p, years_in[index_of(s)]);
        }
    }
}

// ---- opps: a pupil with an OPP covering a reference day ----

std::size_t opp_combos(const plan&) {
    return reference_day_count;
}

bool opp_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return c == day_index(q.at);
}

std::optional<table> opp_table(const kpi_quantity&) {
    return table::opps;
}

/// The pupil counts once, for the school of the latest-starting OPP covering the day.
void scan_opps(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& ds = cx.ds;
    const auto& op = ds.opps();
    if (op.first.empty() || op.first[pos(p)] == op.first[pos(p) + 1]) return;
    const std::uint32_t municipality = municipality_of(ds, p);
    const std::uint32_t o0 = op.first[pos(p)], o1 = op.first[pos(p) + 1];
    const int y0 = std::max(cx.years.first, cx.clamped_year(op.start[o0]));
    for (int y = y0; y < cx.end_year(); ++y) {
        for (std::size_t di = 0; di < reference_day_count; ++di) {
            const auto c = cx.pl.cls(kpi_measure::opps, di);
            if (c < 0) continue;
            const day d = cx.days[di][static_cast<std::size_t>(y - cx.years.first)];
            if (d > cx.extract) continue; // no value after the extract date
            std::uint32_t best = none;
            for (auto o = o0; o < o1; ++o) {
                if (!(op.start[o] <= d && d <= op.end[o])) continue;
                if (best == none || op.start[o] > op.start[best] ||
                    (op.start[o] == op.start[best] && op.school[o] < op.school[best]))
                    best = o;
            }
            if (best == none) continue;
            // For the OPP school's partnership, also at an so school (not an enrolment).
            enrolment_units u{pos(op.school[best]), municipality};
            if ((u.own = own_swv(ds, cx.view, u.school))) u.swv = swv_of(ds, u.school);
            sink.add_enrolment(c, static_cast<std::size_t>(y - cx.years.first), u, p, 0);
        }
    }
}

} // namespace

const measure_spec pupils_measure{.measure = kpi_measure::pupils,
                                  .combos = stock_combos,
                                  .matches = stock_matches,
                                  .needs_table = stock_table,
                                  .timing = measure_timing::reference_day,
                                  .by_enrolment = true,
                                  .per_pupil = for_pupils<scan_stocks>};
const measure_spec opps_measure{.measure = kpi_measure::opps,
                                .combos = opp_combos,
                                .matches = opp_matches,
                                .needs_table = opp_table,
                                .timing = measure_timing::reference_day,
                                .by_enrolment = true,
                                .per_pupil = for_pupils<scan_opps>};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
