// SPDX-License-Identifier: EUPL-1.2
// Private: one JSON document parsed the way every reader of JSON needs it (the dataset, the KPI
// catalog, focus plans, forecast scenarios, report texts). nlohmann's parser checks syntax and
// UTF-8; this adds what it lets through or throws past its callers: a key given twice in one
// object (the last would silently win), nesting deeper than max_json_depth, numbers beyond the
// range of a double, and UTF-16 files. Every problem is located by line and column.
#pragma once

#include "passend/config.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

struct json_problem {
    std::size_t byte = 0; ///< 1-based, as nlohmann counts (0: the document as a whole)
    std::uint64_t line = 0;
    std::uint32_t column = 0;
    /// `syntax` (nlohmann's parse errors), `invalid_utf8`, `duplicate_key`,
    /// `number_out_of_range`, `too_deep`, `utf16`
    std::string rule;
    /// For `syntax` nlohmann's own text, else a sentence; never holds bytes that are not UTF-8.
    std::string message;
};

/// The document, or nullopt and the first problem.
std::optional<nlohmann::json> parse_json_document(std::string_view text, json_problem& problem);

/// nlohmann's message without its `[json.exception.parse_error.101] parse error at line 1,
/// column 2: ` prefix.
std::string json_syntax_detail(const std::string& what);

} // namespace detail
PASSEND_NAMESPACE_END
