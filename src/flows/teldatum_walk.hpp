// SPDX-License-Identifier: EUPL-1.2
// Internal: the enrolment a pupil is in at each of a list of teldata, without allocation.
#pragma once

#include "passend/dataset.hpp"

#include <algorithm>
#include <span>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Call f(w, e) for each index w of `teldata` (sorted) whose day enrolment row e of pupil p
/// covers; on a switch day the new enrolment.
template <class F>
void for_each_teldatum(const dataset& ds, pupil_idx p, std::span<const day> teldata, F&& f) {
    const auto& en = ds.enrolments();
    const std::uint32_t begin = en.first[pos(p)], end = en.first[pos(p) + 1];
    for (std::uint32_t e = begin; e < end; ++e) {
        const bool switch_day = e + 1 < end && en.start[e + 1] == en.end[e];
        const day last = switch_day ? en.end[e] - date::days{1} : en.end[e];
        auto w = static_cast<std::size_t>(
            std::lower_bound(teldata.begin(), teldata.end(), en.start[e]) - teldata.begin());
        for (; w < teldata.size() && teldata[w] <= last; ++w) f(w, e);
    }
}

} // namespace detail
PASSEND_NAMESPACE_END
