// SPDX-License-Identifier: EUPL-1.2
// Keyed pseudonyms for pupils: HMAC-SHA-256 (OpenSSL) of a pupil's key under a secret the user
// keeps. The same key and secret give the same pseudonym in every export and every run; without
// the secret a pseudonym cannot be traced back nor recomputed from a BSN.
#pragma once

#include "passend/config.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// HMAC-SHA-256 of `message` under `key` (RFC 2104 with SHA-256; OpenSSL computes it).
std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message);

/// A secret for pseudonyms: at least this many bytes.
inline constexpr std::size_t min_secret_bytes = 16;

/// The secret in file `path`: its bytes without one trailing line end. Throws passend::error
/// when the file cannot be read or holds fewer than min_secret_bytes bytes.
std::string read_secret_file(const std::filesystem::path& path);

/// The pseudonym of `key` (e.g. `bsn:...`, `school:04AB:1234`): `kind` followed by the first
/// 20 hex digits (80 bits) of hmac_sha256(secret, key).
std::string pseudonym(std::string_view secret, std::string_view kind, std::string_view key);

PASSEND_NAMESPACE_END
