// SPDX-License-Identifier: EUPL-1.2
// Units of the flow tables: the nation, a partnership, a board or a school.
#pragma once

#include "passend/attribution.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/enum_names.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// The level a flow table is grouped at (municipalities have no flows: pupils move, towns don't).
enum class flow_level : std::uint8_t { national, swv, board, school };
template <>
struct enum_names<flow_level> {
    static constexpr std::array<std::string_view, 4> names{"national", "swv", "board", "school"};
};
inline constexpr std::size_t flow_level_count = enum_count<flow_level>;

/// One unit: the level and the row of its table in the dataset (0 for the nation).
struct flow_unit {
    flow_level level = flow_level::national;
    std::uint32_t index = 0;
    friend constexpr bool operator==(flow_unit, flow_unit) = default;
};

/// The unit with id `id`: `NL` for the nation, else a partnership, board or school id (looked up
/// in that order); nullopt when no table has it.
std::optional<flow_unit> find_flow_unit(const dataset& ds, std::string_view id);
/// Whether enrolment row `e` counts for unit `u` on day `d` (attributed as in attribution.hpp).
bool counts_for(const dataset& ds, flow_unit u, std::uint32_t e, day d,
                attribution_view view = attribution_view::paying);

/// The id of a unit (`NL`, `PO3104`, a board id, `04AB00`).
std::string unit_id(const dataset& ds, flow_unit u);

PASSEND_NAMESPACE_END
