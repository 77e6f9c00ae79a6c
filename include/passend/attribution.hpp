// SPDX-License-Identifier: EUPL-1.2
// Attribution: which partnership a pupil's number belongs to (docs/definitions.md, "Attribution").
//
// bao, sbo, vo and pro pupils count for the partnership of their school. so and vso pupils count
// for the paying partnership (WEC art. 40): the swv of the granted TLV for that setting covering
// the day (latest decision; ties to the larger tlv_id), else the partnership of the sector whose
// region holds the pupil's municipality, else the school's partnership. The `schoolgaand` view
// (the national dashboard's second view) always takes the school's partnership.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"

#include <cstdint>
#include <optional>

PASSEND_NAMESPACE_BEGIN

enum class attribution_view : std::uint8_t { paying, schoolgaand };

/// Row of the granted TLV of pupil `p` for setting `s` whose validity covers `d` (the most
/// recently decided one; ties to the larger tlv_id), if any.
std::optional<std::uint32_t> covering_tlv(const dataset& ds, pupil_idx p, setting s, day d);

/// The partnership enrolment row `e` counts for on day `d`.
swv_idx attributed_swv(const dataset& ds, std::uint32_t e, day d,
                       attribution_view view = attribution_view::paying);

/// The enrolment row of pupil `p` covering day `d`; on a switch day the new enrolment.
std::optional<std::uint32_t> enrolment_on(const dataset& ds, pupil_idx p, day d) noexcept;

PASSEND_NAMESPACE_END
