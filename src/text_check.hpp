// SPDX-License-Identifier: EUPL-1.2
// Private: is a text what the contract calls text? UTF-8 (contract v1.1), no NUL bytes, and not
// a UTF-16 file read as bytes. One check for every loader, so each reports a bad byte alike.
#pragma once

#include "passend/config.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// The first byte at which a text stops being valid UTF-8.
struct bad_byte {
    std::size_t offset;   ///< 0-based, of the sequence's first byte
    unsigned char value;  ///< that byte
    std::string_view why; ///< "a truncated sequence", "an overlong encoding", ...
};

/// Where `text` is not UTF-8, or nullopt. Rejected: stray continuation bytes, overlong encodings,
/// surrogates (ED A0..BF), code points above U+10FFFF (F4 90.., F5..FF), truncated sequences, and
/// NUL bytes (no contract value holds one; they are what binary data and UTF-16 look like).
std::optional<bad_byte> find_bad_utf8(std::string_view text) noexcept;

/// `is not valid UTF-8: byte 5 of the field is 0xE9 (a truncated sequence); save the file as
/// UTF-8` (prefixed by the caller with the column's name); `within` names what was checked.
std::string describe_bad_utf8(const bad_byte& b, std::string_view within = "the field");

/// "UTF-16 little-endian" (or big-endian) when a file's first bytes are a UTF-16 byte order
/// mark or ASCII text with a NUL between every letter; empty otherwise.
std::string_view utf16_encoding(std::string_view head) noexcept;

} // namespace detail
PASSEND_NAMESPACE_END
