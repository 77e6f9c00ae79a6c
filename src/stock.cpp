// SPDX-License-Identifier: EUPL-1.2
#include "passend/stock.hpp"

#include <numeric>

PASSEND_NAMESPACE_BEGIN

std::uint64_t pupil_stock::total(swv_idx s) const {
    const auto& c = by_swv[pos(s)];
    return std::accumulate(c.begin(), c.end(), std::uint64_t{0});
}

std::uint64_t pupil_stock::national_total() const {
    return std::accumulate(national.begin(), national.end(), std::uint64_t{0});
}

pupil_stock count_pupils(const dataset& ds, day d, attribution_view view) {
    pupil_stock out{d, view, std::vector<setting_counts>(ds.swvs().size(), setting_counts{}), {}};
    const auto& kind = ds.schools().kind;
    const auto pupils = static_cast<std::uint32_t>(ds.pupils().size());
    for (std::uint32_t p = 0; p < pupils; ++p) {
        const auto e = enrolment_on(ds, pupil_idx{p}, d); // a switch day gives the new enrolment
        if (!e) continue;
        const auto s = index_of(kind[pos(ds.enrolments().school[*e])]);
        ++out.by_swv[pos(attributed_swv(ds, *e, d, view))][s];
        ++out.national[s];
    }
    return out;
}

PASSEND_NAMESPACE_END
