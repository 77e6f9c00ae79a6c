// SPDX-License-Identifier: EUPL-1.2
// Private: text for one Markdown table cell (the report's, the calendar's and the accountability
// tables).
#pragma once

#include "passend/config.hpp"

#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// `|` escaped and line breaks turned into spaces, so the text stays in its cell.
inline std::string markdown_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else if (c != '\r')
            out += c;
    }
    return out;
}

} // namespace detail
PASSEND_NAMESPACE_END
