// SPDX-License-Identifier: EUPL-1.2
// Measures `thuiszitters`: pupils with a qualifying absence (or a vrijstelling) in the year, or
// on a day, by thuiszitter class; and `absences`: each qualifying absence that ended in the year,
// with its length in days. passend/thuiszitters.hpp decides which absences qualify and their
// units.
#include "kpi/scan.hpp"

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// The thuiszitter classes (kpi/definition.hpp): one combo each.
constexpr std::size_t thuiszitter_class_count = 5;
static_assert(static_cast<std::size_t>(thuiszitter_class::vrijstelling) + 1 ==
                  thuiszitter_class_count,
              "a new thuiszitter class: widen thuiszitter_class_count and qualifies()");

/// In the year (0) or on the day (1: teldatum, or the reference day), and the class.
using thuiszitter_space = combo_space<2, thuiszitter_class_count>;

std::size_t thuiszitter_combos(const plan&) {
    return thuiszitter_space::count;
}

bool thuiszitter_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return thuiszitter_space::at<0>(c) == (q.at == kpi_reference::teldatum) &&
           static_cast<std::size_t>(*q.filter.absence) == thuiszitter_space::at<1>(c);
}

std::size_t class_combos(const plan&) {
    return thuiszitter_class_count;
}

bool class_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return static_cast<std::size_t>(*q.filter.absence) == c;
}

std::optional<table> absences_table(const kpi_quantity&) {
    return table::absences;
}

bool qualifies(thuiszitter_class c, const verzuim_episode& ep) {
    switch (c) {
    case thuiszitter_class::langdurig_relatief_verzuim:
        return ep.kind == absence_kind::relatief;
    case thuiszitter_class::absoluut_verzuim:
        return ep.kind == absence_kind::absoluut;
    case thuiszitter_class::thuiszitter:
        return ep.is_thuiszitter();
    case thuiszitter_class::thuiszitter_langer_dan_3_maanden:
        return ep.is_thuiszitter() && ep.longer_than_3_months;
    case thuiszitter_class::vrijstelling:
        return ep.kind == absence_kind::vrijstelling;
    }
    return false;
}

/// Thuiszitters and vrijstellingen of one pupil in one school year, from its `episodes` of the
/// year: the pupil counts once per class, for the unit of the earliest absence qualifying for
/// it; on a tie (same start), per level the unit that sorts first.
unit_keys keys_of(const scan_context& cx, const verzuim_episode& ep) {
    const auto& u = ep.unit;
    const auto swv = attributed_swv(cx.ds, u.school, u.swv, cx.view);
    return unit_keys{has(swv) ? pos(swv) : none, has(u.board) ? pos(u.board) : none,
                     has(u.school) ? pos(u.school) : none,
                     has(u.municipality) ? pos(u.municipality) : none};
}

/// `on_day`: the combos of thuiszitters on a day rather than in the year.
void add_thuiszitters(const scan_context& cx, pupil_idx p, std::size_t y,
                      const std::vector<verzuim_episode>& episodes, record_sink& sink,
                      bool on_day = false) {
    const auto& ds = cx.ds;
    // The unit that sorts first by its id (`onbekend` sorts as that word).
    auto first_of = [](std::uint32_t a, std::uint32_t b, const text_column& ids) {
        const std::string_view na = a == none ? "onbekend" : ids[a];
        const std::string_view nb = b == none ? "onbekend" : ids[b];
        return nb < na ? b : a;
    };
    for (std::size_t c = 0; c < thuiszitter_class_count; ++c) {
        const auto cls = cx.pl.cls(kpi_measure::thuiszitters, thuiszitter_space::encode(on_day, c));
        if (cls < 0) continue;
        std::optional<unit_keys> keys;
        day start{};
        for (const auto& ep : episodes) {
            if (!qualifies(static_cast<thuiszitter_class>(c), ep)) continue;
            if (keys && ep.start > start) break; // episodes are sorted by start
            const unit_keys k = keys_of(cx, ep);
            if (!keys) {
                keys = k;
                start = ep.start;
                continue;
            }
            keys->swv = first_of(keys->swv, k.swv, ds.swvs().id);
            keys->board = first_of(keys->board, k.board, ds.boards().id);
            keys->school = first_of(keys->school, k.school, ds.schools().id);
        }
        if (keys) sink.add(cls, y, *keys, p, 0);
    }
}

/// Whether pupil `p` has absences at all (most have none: their scans stop here).
bool has_absences(const dataset& ds, pupil_idx p) {
    const auto& ab = ds.absences();
    return ds.has_table(table::absences) && !ab.first.empty() &&
           ab.first[pos(p)] != ab.first[pos(p) + 1];
}

/// Year by year: each year's counted days (through the extract date in a partial year); the
/// year before a partial one also through the same day a year earlier, as the data stood then.
void scan_thuiszitters(const scan_context& cx, pupil_idx p, record_sink& sink,
                       scan_scratch& scratch) {
    const auto& ds = cx.ds;
    if (!has_absences(ds, p)) return;
    auto& episodes = scratch.episodes;
    const auto add_period = [&](period days, day as_of, std::size_t bucket) {
        episodes.clear();
        append_verzuim_episodes(ds, p, days, as_of, episodes);
        if (!episodes.empty()) add_thuiszitters(cx, p, bucket, episodes, sink);
    };
    for (int y = 0; y < cx.end_year() - cx.years.first; ++y) {
        const auto yi = static_cast<std::size_t>(y);
        const period days = cx.counted(yi);
        add_period(days, cx.extract, yi);
        if (cx.compared(yi))
            add_period({days.start, cx.compare_through}, cx.compare_through, cx.compare_bucket);
        // On the day: the absences covering it as they stood then (a relatief one counts when
        // day - start >= 28), each attributed on the day rather than on its start.
        const day d = cx.days[0][yi];
        if (d > cx.extract) continue;
        episodes.clear();
        append_verzuim_episodes(ds, p, {d, d}, d, episodes);
        if (episodes.empty()) continue;
        const auto unit = attribute_absence(ds, p, d);
        for (auto& ep : episodes) ep.unit = unit;
        add_thuiszitters(cx, p, yi, episodes, sink, true);
    }
}

/// Each qualifying absence that ended in a counted year (through the extract date), for the
/// unit of its own start, with its length in days (start to end inclusive).
void scan_absences(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch& scratch) {
    const auto& ds = cx.ds;
    if (!has_absences(ds, p)) return;
    auto& episodes = scratch.episodes;
    for (int y = 0; y < cx.end_year() - cx.years.first; ++y) {
        const auto yi = static_cast<std::size_t>(y);
        const period days = cx.counted(yi);
        episodes.clear();
        append_verzuim_episodes(ds, p, days, cx.extract, episodes);
        for (const auto& ep : episodes) {
            if (ep.open || ep.last < days.start || ep.last > days.end) continue;
            const unit_keys k = keys_of(cx, ep);
            for (std::size_t c = 0; c < thuiszitter_class_count; ++c) {
                if (!qualifies(static_cast<thuiszitter_class>(c), ep)) continue;
                const auto cls = cx.pl.cls(kpi_measure::absences, c);
                if (cls < 0) continue;
                cx.at_event(yi, ep.last,
                            [&](std::size_t b) { sink.add(cls, b, k, p, ep.length_days); });
            }
        }
    }
}

} // namespace

const measure_spec thuiszitters_measure{.measure = kpi_measure::thuiszitters,
                                        .combos = thuiszitter_combos,
                                        .matches = thuiszitter_matches,
                                        .needs_table = absences_table,
                                        .timing = measure_timing::period,
                                        .per_pupil = for_pupils<scan_thuiszitters>};
const measure_spec absences_measure{.measure = kpi_measure::absences,
                                    .combos = class_combos,
                                    .matches = class_matches,
                                    .needs_table = absences_table,
                                    .timing = measure_timing::period,
                                    .per_pupil = for_pupils<scan_absences>};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
