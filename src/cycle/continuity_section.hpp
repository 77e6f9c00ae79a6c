// SPDX-License-Identifier: EUPL-1.2
// Private: the accountability report's section on the continuity of the board's partnerships
// (finances.csv, contract v1.1): their reserves against the signal value.
#pragma once

#include "passend/cycle/accountability.hpp"
#include "passend/dataset.hpp"

#include <optional>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// The section for partnerships `swvs` (positions) in the calendar years school year `year`
/// spans; nullopt when the data have no finances.csv.
std::optional<report_section>
continuity_section(const dataset& ds, const std::vector<std::uint32_t>& swvs, school_year year);

} // namespace detail
PASSEND_NAMESPACE_END
