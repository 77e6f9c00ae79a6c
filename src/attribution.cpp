// SPDX-License-Identifier: EUPL-1.2
#include "passend/attribution.hpp"

PASSEND_NAMESPACE_BEGIN

std::optional<std::uint32_t> covering_tlv(const dataset& ds, pupil_idx p, setting s, day d) {
    const auto& tv = ds.tlvs();
    if (tv.first.empty()) return std::nullopt;
    std::optional<std::uint32_t> best;
    // TLVs are sorted by decision date, then tlv_id: the last match is the one that counts.
    for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t)
        if (tv.outcome[t] == tlv_outcome::toegekend && tv.admits[t] == s &&
            period{tv.start[t], tv.end[t]}.covers(d))
            best = t;
    return best;
}

swv_idx attributed_swv(const dataset& ds, std::uint32_t e, day d, attribution_view view) {
    const auto& en = ds.enrolments();
    const auto school = pos(en.school[e]);
    const setting s = ds.schools().kind[school];
    if (counts_for_school_swv(s, view)) return ds.schools().swv[school];
    const pupil_idx p = en.pupil[e];
    if (const auto t = covering_tlv(ds, p, s, d)) return ds.tlvs().swv[*t];
    const auto region =
        ds.municipalities().region_swv(ds.pupils().municipality[pos(p)], sector_of(s));
    return has(region) ? region : ds.schools().swv[school];
}

swv_idx attributed_swv(const dataset& ds, school_idx school, swv_idx paying,
                       attribution_view view) noexcept {
    return view == attribution_view::schoolgaand && has(school) ? ds.schools().swv[pos(school)]
                                                                : paying;
}

std::optional<std::uint32_t> enrolment_on(const dataset& ds, pupil_idx p, day d) noexcept {
    const auto& en = ds.enrolments();
    // The last enrolment starting on or before d wins, so a switch day gives the new one.
    for (auto e = en.first[pos(p) + 1]; e-- > en.first[pos(p)];)
        if (en.start[e] <= d) {
            if (d <= en.end[e]) return e;
            return std::nullopt;
        }
    return std::nullopt;
}

PASSEND_NAMESPACE_END
