// SPDX-License-Identifier: EUPL-1.2
#include "passend/coverage/continuity.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN

continuity_check continuity_of(cents income, cents reserves) noexcept {
    // 3.5% rounded half up to the cent, in whole cents (no floating point).
    const cents share = (income * signal_value_per_mille + 500) / 1000;
    continuity_check c{income, reserves, std::max(share, signal_value_minimum), 0,
                       share < signal_value_minimum};
    c.above = std::max<cents>(reserves - c.signal_value, 0);
    return c;
}

PASSEND_NAMESPACE_END
