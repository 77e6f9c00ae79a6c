// SPDX-License-Identifier: EUPL-1.2
// Measure `tlvs`: TLVs decided in the year, for the deciding partnership, with the days from
// request to decision as their field.
#include "kpi/scan.hpp"

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// Outcome, setting admitted to, funding category, whether a request date is known.
using tlv_space =
    combo_space<code_count<tlv_outcome>, setting_count, code_count<funding_category>, 2>;

std::size_t tlv_combos(const plan&) {
    return tlv_space::count;
}

bool tlv_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    const auto& f = q.filter;
    const auto o = static_cast<tlv_outcome>(tlv_space::at<0>(c));
    const auto s = static_cast<setting>(tlv_space::at<1>(c));
    const auto cat = static_cast<funding_category>(tlv_space::at<2>(c));
    const bool request = tlv_space::at<3>(c);
    return allows(f.outcomes, o) && allows(f.settings, s) && allows(f.categories, cat) &&
           (!f.has_request_date || *f.has_request_date == request);
}

std::optional<table> tlvs_table(const kpi_quantity&) {
    return table::tlvs;
}

void scan_tlvs(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& tv = cx.ds.tlvs();
    if (tv.first.empty()) return;
    const std::uint32_t municipality = municipality_of(cx.ds, p);
    for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t) {
        const auto y = cx.year_of(tv.decision_date[t]);
        if (!y) continue;
        const bool request = tv.request_date[t] != no_day;
        const auto c = cx.pl.cls(kpi_measure::tlvs, tlv_space::encode(tv.outcome[t], tv.admits[t],
                                                                      tv.category[t], request));
        if (c < 0) continue;
        const double days = request ? (tv.decision_date[t] - tv.request_date[t]).count() : 0;
        const unit_keys k{pos(tv.swv[t]), not_counted, not_counted, municipality};
        cx.at_event(*y, tv.decision_date[t], [&](std::size_t b) { sink.add(c, b, k, p, days); });
    }
}

} // namespace

const measure_spec tlvs_measure{kpi_measure::tlvs, tlv_combos, tlv_matches,
                                tlvs_table,        false,      scan_tlvs};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
