// SPDX-License-Identifier: EUPL-1.2
#include "passend/continuum.hpp"

#include <cctype>

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::string_view trim(std::string_view text) noexcept {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

bool equals_code(std::string_view text, std::string_view code) noexcept {
    if (text.size() != code.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != code[i]) return false;
    return true;
}

} // namespace detail
PASSEND_NAMESPACE_END
