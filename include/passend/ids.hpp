// SPDX-License-Identifier: EUPL-1.2
// Strong row indices: a pupil_idx cannot be passed where a school_idx is expected.
#pragma once

#include "passend/config.hpp"

#include <cstdint>

PASSEND_NAMESPACE_BEGIN

/// Row index into dataset::pupils() (pupils are sorted by pupil_id).
enum class pupil_idx : std::uint32_t {};
/// Row index into dataset::schools() (sorted by school_id).
enum class school_idx : std::uint32_t {};
/// Row index into dataset::swvs() (sorted by swv_id).
enum class swv_idx : std::uint32_t {};
/// Row index into dataset::boards() (sorted by board_id).
enum class board_idx : std::uint32_t {};
/// Row index into dataset::municipalities() (sorted by code).
enum class municipality_idx : std::uint32_t {};

/// The value of an absent reference (a pupil without municipality, a group arrangement).
template <class Idx>
inline constexpr Idx no_index = Idx{0xFFFFFFFFu};

/// The position an index stands for, to subscript a column.
template <class Idx>
constexpr std::uint32_t pos(Idx i) noexcept {
    return static_cast<std::uint32_t>(i);
}
template <class Idx>
constexpr bool has(Idx i) noexcept {
    return i != no_index<Idx>;
}

PASSEND_NAMESPACE_END
