// SPDX-License-Identifier: EUPL-1.2
// The one list of names of an enum, used both to print and to parse it.
//
// Each enum that has a spelling (in the data contract, the catalog, a report or an option)
// specialises `enum_names<E>` once, beside the enum, with its names in enum order; an empty name
// is a value without a spelling (`none`). Printing (`to_string`), exact parsing
// (`parse_enum_name`), the lists in error messages (`enum_name_list`) and the sizes of the KPI
// record encoding (`enum_count`) all read that list, so a new value is added in one place.
#pragma once

#include "passend/config.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

PASSEND_NAMESPACE_BEGIN

/// The spellings of enum `E` in enum order: `static constexpr std::array<std::string_view, N>
/// names`. Specialised beside each enum.
template <class E>
struct enum_names;

/// An enum with an `enum_names` specialisation.
template <class E>
concept named_enum = std::is_enum_v<E> && requires {
    enum_names<E>::names.size();
};

/// The number of values of `E` (the length of its name list).
template <named_enum E>
inline constexpr std::size_t enum_count = enum_names<E>::names.size();

/// The spelling of `e` (empty for a value without one, such as `none`).
template <named_enum E>
constexpr std::string_view to_string(E e) noexcept {
    return enum_names<E>::names[static_cast<std::size_t>(e)];
}

/// The value spelled exactly `text`; nullopt for an unknown or empty text.
template <named_enum E>
constexpr std::optional<E> parse_enum_name(std::string_view text) noexcept {
    const auto& names = enum_names<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!names[i].empty() && names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

/// The spellings joined by `separator`, values without one left out: "bao|sbo|so|vo|pro|vso".
template <named_enum E>
std::string enum_name_list(std::string_view separator = "|") {
    std::string out;
    for (auto name : enum_names<E>::names) {
        if (name.empty()) continue;
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

PASSEND_NAMESPACE_END
