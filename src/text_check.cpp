// SPDX-License-Identifier: EUPL-1.2
#include "text_check.hpp"

#include <cstdint>
#include <cstring>

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::optional<bad_byte> find_bad_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    std::size_t i = 0;
    while (i < n) {
        // Runs of ASCII without NUL, eight bytes at a time: nearly all contract text.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if ((w & highs) || ((w - ones) & ~w & highs)) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned c = p[i];
        if (c == 0) return bad_byte{i, 0, "a NUL byte"};
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0xC0)
            return bad_byte{i, static_cast<unsigned char>(c),
                            "a continuation byte "
                            "without a lead byte"};
        if (c < 0xC2) return bad_byte{i, static_cast<unsigned char>(c), "an overlong encoding"};
        if (c > 0xF4) return bad_byte{i, static_cast<unsigned char>(c), "never used in UTF-8"};
        const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        // The second byte's range is narrower after E0 (overlong), ED (surrogates), F0
        // (overlong) and F4 (beyond U+10FFFF).
        unsigned lo = 0x80, hi = 0xBF;
        std::string_view narrow_why;
        if (c == 0xE0) lo = 0xA0, narrow_why = "an overlong encoding";
        if (c == 0xED) hi = 0x9F, narrow_why = "a surrogate (U+D800-U+DFFF)";
        if (c == 0xF0) lo = 0x90, narrow_why = "an overlong encoding";
        if (c == 0xF4) hi = 0x8F, narrow_why = "beyond U+10FFFF";
        const auto bad = [&](std::string_view why) {
            return bad_byte{i, static_cast<unsigned char>(c), why};
        };
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k >= n || p[i + k] < 0x80 || p[i + k] > 0xBF)
                return bad("a truncated sequence");
            if (k == 1 && (p[i + 1] < lo || p[i + 1] > hi)) return bad(narrow_why);
        }
        i += len;
    }
    return std::nullopt;
}

std::string describe_bad_utf8(const bad_byte& b, std::string_view within) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "is not valid UTF-8: byte " + std::to_string(b.offset + 1) + " of " +
                      std::string(within) + " is 0x";
    out += hex[b.value >> 4];
    out += hex[b.value & 15];
    out += " (";
    out += b.why;
    out += "); save the file as UTF-8";
    return out;
}

std::string_view utf16_encoding(std::string_view head) noexcept {
    if (head.starts_with("\xFF\xFE")) return "UTF-16 little-endian";
    if (head.starts_with("\xFE\xFF")) return "UTF-16 big-endian";
    // No BOM: letters with a NUL beside each (`s\0c\0h\0`) in the first bytes.
    if (head.size() >= 4 && head[0] && !head[1] && head[2] && !head[3])
        return "UTF-16 little-endian";
    if (head.size() >= 4 && !head[0] && head[1] && !head[2] && head[3]) return "UTF-16 big-endian";
    return {};
}

} // namespace detail
PASSEND_NAMESPACE_END
