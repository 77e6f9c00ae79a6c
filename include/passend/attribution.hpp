// SPDX-License-Identifier: EUPL-1.2
// Attribution: which partnership a pupil's number belongs to (docs/definitions.md, "Attribution").
//
// bao, sbo, vo and pro pupils count for the partnership of their school. so and vso pupils count
// for the paying partnership (WEC art. 40): the swv of the granted TLV for that setting covering
// the day (latest decision; ties to the larger tlv_id), else the partnership of the sector whose
// region holds the pupil's municipality, else the school's partnership. The `schoolgaand` view
// (the national dashboard's second view) always takes the school's partnership. Every count by
// partnership (stocks, flows, KPIs) asks these functions under its view; none decides apart.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"

#include <cstdint>
#include <optional>

PASSEND_NAMESPACE_BEGIN

enum class attribution_view : std::uint8_t { paying, schoolgaand };

/// Whether a pupil at a school of setting `s` counts for the school's own partnership under
/// `view`: always under schoolgaand; under paying, all but so and vso (paid by their TLV).
constexpr bool counts_for_school_swv(setting s, attribution_view view) noexcept {
    return view == attribution_view::schoolgaand || !is_paid_by_tlv(s);
}

/// Row of the granted TLV of pupil `p` for setting `s` whose validity covers `d` (the most
/// recently decided one; ties to the larger tlv_id), if any.
std::optional<std::uint32_t> covering_tlv(const dataset& ds, pupil_idx p, setting s, day d);

/// The partnership enrolment row `e` counts for on day `d`.
swv_idx attributed_swv(const dataset& ds, std::uint32_t e, day d,
                       attribution_view view = attribution_view::paying);

/// The partnership of a record attributed to `school` (no_index: none, as an absence attributed
/// to a region) under `view`, given `paying`, the one it counts for under the paying view: the
/// school's under schoolgaand, else `paying`.
swv_idx attributed_swv(const dataset& ds, school_idx school, swv_idx paying,
                       attribution_view view) noexcept;

/// The enrolment row of pupil `p` covering day `d`; on a switch day the new enrolment.
std::optional<std::uint32_t> enrolment_on(const dataset& ds, pupil_idx p, day d) noexcept;

PASSEND_NAMESPACE_END
