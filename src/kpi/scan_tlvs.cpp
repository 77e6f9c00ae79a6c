// SPDX-License-Identifier: EUPL-1.2
// The TLV measures, for the partnership that decided or handles the request (by municipality:
// the pupil's): `tlvs` decided in the year, with the days from request to decision as their
// field; `tlv_requests` received in the year; `tlv_open`, requests open on a day.
#include "kpi/scan.hpp"

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// Whether a decision came within the term after the request was complete: no date to count
/// from (neither complete_date nor request_date), within, or beyond.
enum class term : std::uint8_t { unknown, within, beyond };
inline constexpr std::size_t term_count = 3;

/// Outcome, setting admitted to, funding category, whether a request date is known, the term.
using tlv_space = combo_space<enum_count<tlv_outcome>, setting_count, enum_count<funding_category>,
                              2, term_count>;

std::size_t tlv_combos(const plan&) {
    return tlv_space::count;
}

bool tlv_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    const auto& f = q.filter;
    const auto o = static_cast<tlv_outcome>(tlv_space::at<0>(c));
    const auto s = static_cast<setting>(tlv_space::at<1>(c));
    const auto cat = static_cast<funding_category>(tlv_space::at<2>(c));
    const bool request = tlv_space::at<3>(c);
    const auto t = static_cast<term>(tlv_space::at<4>(c));
    return allows(f.outcomes, o) && allows(f.settings, s) && allows(f.categories, cat) &&
           (!f.has_request_date || *f.has_request_date == request) &&
           (!f.has_term_start || *f.has_term_start == (t != term::unknown)) &&
           (!f.within_term || (t != term::unknown && *f.within_term == (t == term::within)));
}

std::optional<table> tlvs_table(const kpi_quantity&) {
    return table::tlvs;
}

unit_keys tlv_keys(const scan_context& cx, std::uint32_t t, pupil_idx p) {
    return {pos(cx.ds.tlvs().swv[t]), not_counted, not_counted, municipality_of(cx.ds, p)};
}

void scan_tlvs(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& tv = cx.ds.tlvs();
    if (tv.first.empty()) return;
    for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t) {
        const auto y = cx.year_of(tv.decision_date[t]); // none for an open request (no_day)
        if (!y) continue;
        const bool request = tv.request_date[t] != no_day;
        const day term_start =
            tv.complete_date[t] != no_day ? tv.complete_date[t] : tv.request_date[t];
        const term within = term_start == no_day ? term::unknown
                            : (tv.decision_date[t] - term_start).count() <= cx.tlv_term_days
                                ? term::within
                                : term::beyond;
        const auto c =
            cx.pl.cls(kpi_measure::tlvs, tlv_space::encode(tv.outcome[t], tv.admits[t],
                                                           tv.category[t], request, within));
        if (c < 0) continue;
        const double days = request ? (tv.decision_date[t] - tv.request_date[t]).count() : 0;
        const unit_keys k = tlv_keys(cx, t, p);
        cx.at_event(*y, tv.decision_date[t], [&](std::size_t b) { sink.add(c, b, k, p, days); });
    }
}

// ---- tlv_requests and tlv_open: by the setting and category asked for ----

using request_space = combo_space<setting_count, enum_count<funding_category>>;

std::size_t request_combos(const plan&) {
    return request_space::count;
}

bool request_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return allows(q.filter.settings, static_cast<setting>(request_space::at<0>(c))) &&
           allows(q.filter.categories, static_cast<funding_category>(request_space::at<1>(c)));
}

void scan_requests(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& tv = cx.ds.tlvs();
    if (tv.first.empty()) return;
    for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t) {
        const auto y = cx.year_of(tv.request_date[t]);
        if (!y) continue;
        const auto c = cx.pl.cls(kpi_measure::tlv_requests,
                                 request_space::encode(tv.admits[t], tv.category[t]));
        if (c < 0) continue;
        const unit_keys k = tlv_keys(cx, t, p);
        cx.at_event(*y, tv.request_date[t], [&](std::size_t b) { sink.add(c, b, k, p, 0); });
    }
}

/// The days tlv_open may be taken at: year_end and teldatum.
constexpr std::array<kpi_reference, 2> open_days{kpi_reference::year_end, kpi_reference::teldatum};
using open_space = combo_space<open_days.size(), setting_count, enum_count<funding_category>>;

std::size_t open_combos(const plan&) {
    return open_space::count;
}

bool open_matches(const kpi_quantity& q, std::size_t c, const plan& pl) {
    return open_days[open_space::at<0>(c)] == q.at &&
           request_matches(q, c % request_space::count, pl);
}

/// A request is open on day d from its request_date until the day before its decision (an open
/// request has none); without a request_date it is never open.
void scan_open(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& tv = cx.ds.tlvs();
    if (tv.first.empty()) return;
    for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t) {
        if (tv.request_date[t] == no_day) continue;
        const auto from = cx.year_of(tv.request_date[t]);
        if (!from && tv.request_date[t] >= cx.first_days.back()) continue;
        for (std::size_t y = from ? *from : 0; y < static_cast<std::size_t>(cx.years.count); ++y) {
            // Decided before this year began: open on none of its days, nor later.
            if (tv.decision_date[t] != no_day && tv.decision_date[t] < cx.first_days[y]) break;
            for (std::size_t di = 0; di < open_days.size(); ++di) {
                const day d = cx.day_of(open_days[di], y);
                if (d > cx.extract || d < tv.request_date[t]) continue;
                if (tv.decision_date[t] != no_day && tv.decision_date[t] <= d) continue;
                const auto c = cx.pl.cls(kpi_measure::tlv_open,
                                         open_space::encode(di, tv.admits[t], tv.category[t]));
                if (c >= 0) sink.add(c, y, tlv_keys(cx, t, p), p, 0);
            }
        }
    }
}

} // namespace

const measure_spec tlvs_measure{.measure = kpi_measure::tlvs,
                                .combos = tlv_combos,
                                .matches = tlv_matches,
                                .needs_table = tlvs_table,
                                .timing = measure_timing::period,
                                .per_pupil = for_pupils<scan_tlvs>};
const measure_spec tlv_requests_measure{.measure = kpi_measure::tlv_requests,
                                        .combos = request_combos,
                                        .matches = request_matches,
                                        .needs_table = tlvs_table,
                                        .timing = measure_timing::period,
                                        .per_pupil = for_pupils<scan_requests>};
const measure_spec tlv_open_measure{.measure = kpi_measure::tlv_open,
                                    .combos = open_combos,
                                    .matches = open_matches,
                                    .needs_table = tlvs_table,
                                    .timing = measure_timing::reference_day,
                                    .per_pupil = for_pupils<scan_open>};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
