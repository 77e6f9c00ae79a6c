// SPDX-License-Identifier: EUPL-1.2
// Stocks: pupils per partnership and setting on one day (docs/definitions.md, "Pupils in X at D").
//
// A pupil counts once, for the enrolment covering the day (on a switch day the new one), in the
// setting of that enrolment's school and for the partnership attribution gives it (so and vso:
// the paying partnership; the schoolgaand view: the school's).
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"

#include <array>
#include <cstdint>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// Pupils per setting.
using setting_counts = std::array<std::uint64_t, setting_count>;

/// Pupils per partnership and setting on day `on`.
struct pupil_stock {
    day on;
    attribution_view view = attribution_view::paying;
    /// Indexed by swv position (dataset::swvs() order).
    std::vector<setting_counts> by_swv;
    /// Every pupil once: the sum over partnerships.
    setting_counts national{};

    std::uint64_t count(swv_idx s, setting x) const { return by_swv[pos(s)][index_of(x)]; }
    /// All pupils a partnership counts, whatever their setting.
    std::uint64_t total(swv_idx s) const;
    std::uint64_t national_total() const;
};

/// Count the pupils in each setting at day `d`, per partnership.
pupil_stock count_pupils(const dataset& ds, day d,
                         attribution_view view = attribution_view::paying);

PASSEND_NAMESPACE_END
