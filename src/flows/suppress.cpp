// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/suppress.hpp"

PASSEND_NAMESPACE_BEGIN

std::string published_count(std::int64_t n, bool suppress) {
    return suppress && is_small_count(n) ? suppressed_text : std::to_string(n);
}

nlohmann::ordered_json published_count_json(std::int64_t n, bool suppress) {
    if (suppress && is_small_count(n)) return suppressed_text;
    return n;
}

PASSEND_NAMESPACE_END
