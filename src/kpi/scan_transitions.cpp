// SPDX-License-Identifier: EUPL-1.2
// Measures `transitions` (direct transitions, instroom and uitstroom: passend/transitions.hpp
// decides them) and `exits` (enrolments ending with an exit reason): the year's flows.
#include "kpi/scan.hpp"

#include "passend/transitions.hpp"

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

// ---- transitions: kind, setting left, setting entered (or none), exit reason ----

static_assert(transition_kind_count == static_cast<std::size_t>(transition_kind::uitstroom) + 1,
              "transition_kind_count must count every transition kind");

constexpr std::size_t no_setting = setting_count; // a transition's missing side
using transition_space = combo_space<transition_kind_count, setting_count + 1, setting_count + 1,
                                     enum_count<exit_reason>>;

std::size_t transition_combos(const plan&) {
    return transition_space::count;
}

bool transition_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    const auto& f = q.filter;
    const auto k = static_cast<transition_kind>(transition_space::at<0>(c));
    const std::size_t from = transition_space::at<1>(c), to = transition_space::at<2>(c);
    const auto x = static_cast<exit_reason>(transition_space::at<3>(c));
    auto side = [](const std::vector<setting>& list, std::size_t s) {
        return list.empty() || (s != no_setting && allows(list, static_cast<setting>(s)));
    };
    return allows(f.kinds, k) && side(f.from_settings, from) && side(f.to_settings, to) &&
           allows(f.exits, x);
}

std::optional<table> no_table(const kpi_quantity&) {
    return std::nullopt;
}

void scan_transitions(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& ds = cx.ds;
    const auto& en = ds.enrolments();
    const auto& kind = ds.schools().kind;
    const std::uint32_t municipality = municipality_of(ds, p);
    for_each_transition(ds, p, [&](const transition& t) {
        const auto y = cx.year_of(t.on);
        if (!y) return;
        const bool has_from = t.from != no_enrolment, has_to = t.to != no_enrolment;
        const std::size_t from = has_from ? index_of(kind[pos(en.school[t.from])]) : no_setting;
        const std::size_t to = has_to ? index_of(kind[pos(en.school[t.to])]) : no_setting;
        const exit_reason x =
            t.kind == transition_kind::uitstroom ? en.exit[t.from] : exit_reason::none;
        const auto c =
            cx.pl.cls(kpi_measure::transitions, transition_space::encode(t.kind, from, to, x));
        if (c < 0) return;
        if (t.on > cx.extract) return; // a planned end: not a fact
        // A transition counts for its from enrolment on its last day; instroom for its to
        // enrolment on its first day.
        const auto u = has_from ? enrolment_units_of(cx, t.from, en.end[t.from], municipality)
                                : enrolment_units_of(cx, t.to, en.start[t.to], municipality);
        cx.at_event(*y, t.on, [&](std::size_t b) { sink.add_enrolment(c, b, u, p, 0); });
    });
}

// ---- exits: an enrolment ending with an exit reason, by the school's setting ----

using exit_space = combo_space<setting_count, enum_count<exit_reason>>;

std::size_t exit_combos(const plan&) {
    return exit_space::count;
}

bool exit_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return allows(q.filter.settings, static_cast<setting>(exit_space::at<0>(c))) &&
           allows(q.filter.exits, static_cast<exit_reason>(exit_space::at<1>(c)));
}

void scan_exits(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& ds = cx.ds;
    const auto& en = ds.enrolments();
    const std::uint32_t municipality = municipality_of(ds, p);
    for (std::uint32_t e = en.first[pos(p)]; e < en.first[pos(p) + 1]; ++e) {
        if (en.end[e] == open_end || en.exit[e] == exit_reason::none) continue;
        const auto y = cx.year_of(en.end[e]);
        if (!y) continue;
        const auto c =
            cx.pl.cls(kpi_measure::exits,
                      exit_space::encode(ds.schools().kind[pos(en.school[e])], en.exit[e]));
        if (c < 0 || en.end[e] > cx.extract) continue;
        const auto u = enrolment_units_of(cx, e, en.end[e], municipality);
        cx.at_event(*y, en.end[e], [&](std::size_t b) { sink.add_enrolment(c, b, u, p, 0); });
    }
}

} // namespace

const measure_spec transitions_measure{.measure = kpi_measure::transitions,
                                       .combos = transition_combos,
                                       .matches = transition_matches,
                                       .needs_table = no_table,
                                       .timing = measure_timing::period,
                                       .by_enrolment = true,
                                       .per_pupil = for_pupils<scan_transitions>};
const measure_spec exits_measure{.measure = kpi_measure::exits,
                                 .combos = exit_combos,
                                 .matches = exit_matches,
                                 .needs_table = no_table,
                                 .timing = measure_timing::period,
                                 .by_enrolment = true,
                                 .per_pupil = for_pupils<scan_exits>};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
