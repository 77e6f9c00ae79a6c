// SPDX-License-Identifier: EUPL-1.2
// The support continuum: sectors, settings, support levels and the coded values of the records.
//
// Every code has one lower-case spelling (the data contract's); parse_code() accepts any case and
// surrounding spaces, and the BRON aliases L/M/H for funding categories.
#pragma once

#include "passend/config.hpp"
#include "passend/enum_names.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

PASSEND_NAMESPACE_BEGIN

/// Sector of education: primary (PO, ages 4-12) or secondary (VO, 12-18).
enum class sector : std::uint8_t { po, vo };

/// Setting (onderwijssoort), from regular to most specialised within each sector.
enum class setting : std::uint8_t { bao, sbo, so, vo, pro, vso };
inline constexpr std::size_t setting_count = 6; // == enum_count<setting>, asserted below
inline constexpr std::array<setting, setting_count> all_settings{
    setting::bao, setting::sbo, setting::so, setting::vo, setting::pro, setting::vso};

/// Support level on the continuum: 1-4 basisondersteuning, 5 extra ondersteuning.
enum class support_level : std::uint8_t { l1 = 1, l2, l3, l4, l5 };

/// A TLV request's outcome; `open` (contract v1.1) is a request without a decision yet: it has
/// no contract code (its outcome column is empty) and no decision_date.
enum class tlv_outcome : std::uint8_t { toegekend, afgewezen, ingetrokken, open };
/// Funding category of an so/vso TLV; `none` for sbo/pro TLVs or when not given.
enum class funding_category : std::uint8_t { none, laag, midden, hoog };
enum class absence_kind : std::uint8_t { relatief, absoluut, vrijstelling };
/// Why an enrolment ended when the pupil left education in the area; `none` when not given.
enum class exit_reason : std::uint8_t { none, diploma, zonder_diploma, verhuisd, overig };
enum class arrangement_kind : std::uint8_t { individueel, groep, doelgroep };

constexpr sector sector_of(setting s) noexcept {
    return s <= setting::so ? sector::po : sector::vo;
}
/// The regular setting of a sector: bao or vo.
constexpr bool is_regular(setting s) noexcept {
    return s == setting::bao || s == setting::vo;
}
/// Settings a pupil needs a TLV for: sbo, so, pro, vso.
constexpr bool needs_tlv(setting s) noexcept {
    return !is_regular(s);
}
/// so and vso: funded by the partnership that issued the TLV (WEC art. 40).
constexpr bool is_paid_by_tlv(setting s) noexcept {
    return s == setting::so || s == setting::vso;
}
constexpr std::size_t index_of(setting s) noexcept {
    return static_cast<std::size_t>(s);
}

// The contract's spellings of the codes, in enum order (enum_names.hpp).
template <>
struct enum_names<sector> {
    static constexpr std::array<std::string_view, 2> names{"po", "vo"};
};
template <>
struct enum_names<setting> {
    static constexpr std::array<std::string_view, 6> names{"bao", "sbo", "so", "vo", "pro", "vso"};
};
template <>
struct enum_names<tlv_outcome> {
    static constexpr std::array<std::string_view, 4> names{"toegekend", "afgewezen", "ingetrokken",
                                                           ""};
};
template <>
struct enum_names<funding_category> {
    static constexpr std::array<std::string_view, 4> names{"", "laag", "midden", "hoog"};
};
template <>
struct enum_names<absence_kind> {
    static constexpr std::array<std::string_view, 3> names{"relatief", "absoluut", "vrijstelling"};
};
template <>
struct enum_names<exit_reason> {
    static constexpr std::array<std::string_view, 5> names{"", "diploma", "zonder_diploma",
                                                           "verhuisd", "overig"};
};
template <>
struct enum_names<arrangement_kind> {
    static constexpr std::array<std::string_view, 3> names{"individueel", "groep", "doelgroep"};
};
static_assert(enum_count<setting> == setting_count);

namespace detail {
bool equals_code(std::string_view text, std::string_view code) noexcept;
std::string_view trim(std::string_view text) noexcept;
} // namespace detail

/// Parse a code in any case with surrounding spaces; nullopt for an unknown or empty code.
template <class Code>
std::optional<Code> parse_code(std::string_view text) noexcept {
    text = detail::trim(text);
    if (text.empty()) return std::nullopt;
    const auto& names = enum_names<Code>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!names[i].empty() && detail::equals_code(text, names[i])) return static_cast<Code>(i);
    if constexpr (std::is_same_v<Code, funding_category>) {
        // BRON registers the categories as L, M and H.
        constexpr std::array<std::string_view, 4> bron{"", "l", "m", "h"};
        for (std::size_t i = 1; i < bron.size(); ++i)
            if (detail::equals_code(text, bron[i])) return static_cast<Code>(i);
    }
    return std::nullopt;
}

PASSEND_NAMESPACE_END
