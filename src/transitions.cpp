// SPDX-License-Identifier: EUPL-1.2
#include "passend/transitions.hpp"

#include <array>

PASSEND_NAMESPACE_BEGIN

transition_kind classify(setting from, setting to, bool same_school) noexcept {
    using enum setting;
    if (same_school) return transition_kind::voortzetting;
    if (from == to) return transition_kind::overstap;
    if (sector_of(from) != sector_of(to))
        return sector_of(from) == sector::po ? transition_kind::doorstroom
                                             : transition_kind::overig;
    // Within a sector the settings are ordered from regular to most specialised (bao < sbo < so,
    // vo < pro < vso): a step up is a referral, a step down a return.
    return index_of(to) > index_of(from) ? transition_kind::verwijzing
                                         : transition_kind::terugplaatsing;
}

std::vector<transition> transitions(const dataset& ds) {
    std::vector<transition> out;
    out.reserve(ds.enrolments().size() * 2);
    for (std::uint32_t p = 0; p < ds.pupils().size(); ++p)
        for_each_transition(ds, pupil_idx{p}, [&](const transition& t) { out.push_back(t); });
    return out;
}

PASSEND_NAMESPACE_END
