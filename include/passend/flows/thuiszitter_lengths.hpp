// SPDX-License-Identifier: EUPL-1.2
// How long pupils stay home: the thuiszitter episodes of a school year and unit with their
// lengths (the episodes themselves come from thuiszitters.hpp, docs/definitions.md's definition).
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/units.hpp"
#include "passend/thuiszitters.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// Length classes of an episode, in days from start to its last day (an open one: to the school
/// year's last day): up to 4 weeks (absoluut verzuim only), 29-91, 92-182, 183-365, over 365.
inline constexpr std::size_t length_class_count = 5;
std::string_view length_class_label(std::size_t c) noexcept;
std::size_t length_class_of(int days) noexcept;

struct thuiszitter_lengths {
    /// Qualifying episodes (langdurig relatief verzuim and absoluut verzuim, not vrijstellingen)
    /// overlapping the year and attributed to the unit, each counted on its own.
    std::int32_t episodes = 0;
    std::int32_t relatief = 0, absoluut = 0;
    /// Distinct pupils, each for the unit of its earliest episode of the year: the KPI
    /// `thuiszitters` for this unit.
    std::int32_t pupils = 0;
    std::int32_t open = 0; ///< episodes still open
    std::int32_t longer_than_3_months =
        0; ///< as docs/definitions.md's thuiszitters_langer_dan_3_maanden
    std::array<std::int32_t, length_class_count> by_length{};
    /// Over the episodes; absent when there are none.
    std::optional<double> mean_days, median_days;
    std::optional<int> max_days;
};

/// Summarise the episodes of year `y` (verzuim_episodes(ds, y)) for unit `u`. Episodes attributed
/// to `onbekend` count only nationally.
thuiszitter_lengths summarize_thuiszitters(std::span<const verzuim_episode> episodes, flow_unit u);

PASSEND_NAMESPACE_END
