// SPDX-License-Identifier: EUPL-1.2
// Small-count suppression for published flow numbers (docs/definitions.md, "Privacy"): counts 1-4
// show as
// `<5`; 0 and 5 or more show as they are. One rule, used by every flows output.
#pragma once

#include "passend/config.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

PASSEND_NAMESPACE_BEGIN

/// The text every output shows for a suppressed count.
inline constexpr const char* suppressed_text = "<5";

/// True when a count must be hidden in published output (1 to 4).
constexpr bool is_small_count(std::int64_t n) noexcept {
    return n >= 1 && n <= 4;
}

/// A count as published: `<5` for 1-4 when `suppress`, else the number.
std::string published_count(std::int64_t n, bool suppress);
/// The same in JSON: the string "<5", or the number.
nlohmann::ordered_json published_count_json(std::int64_t n, bool suppress);

PASSEND_NAMESPACE_END
