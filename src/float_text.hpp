// SPDX-License-Identifier: EUPL-1.2
// Floating-point numbers to and from text without a locale: std::from_chars and std::to_chars
// where the standard library has them for double (__cpp_lib_to_chars), else the C library in
// the "C" locale (emscripten's libc++ lacks them; WebAssembly has no other locale).
#pragma once

#include "passend/config.hpp"

#include <charconv>
#include <string>
#include <string_view>
#ifndef __cpp_lib_to_chars
#include <cstdio>
#include <cstdlib>
#endif

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// The whole of `t` as a number with a dot decimal (1.87, 2e-3); false if it is not one.
inline bool parse_double(std::string_view t, double& value) {
#ifdef __cpp_lib_to_chars
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    return ec == std::errc{} && p == t.data() + t.size();
#else
    // strtod also takes what from_chars does not: leading space, a plus sign, hexadecimal.
    if (t.empty() || t.front() == ' ' || t.front() == '+' ||
        t.find_first_of("xX\t\n\r") != std::string_view::npos)
        return false;
    const std::string text(t);
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
#endif
}

/// The shortest text that reads back as `v`.
inline std::string shortest_text(double v) {
    char buf[32];
#ifdef __cpp_lib_to_chars
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
#else
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
#endif
}

} // namespace detail
PASSEND_NAMESPACE_END
