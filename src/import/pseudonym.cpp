// SPDX-License-Identifier: EUPL-1.2
// Keyed pseudonyms: OpenSSL's HMAC with SHA-256 (never a hand-written hash).
#include "passend/import/pseudonym.hpp"

#include "passend/error.hpp"

#include "io/input_file.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

PASSEND_NAMESPACE_BEGIN

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) {
    std::array<std::uint8_t, 32> out{};
    unsigned int length = 0;
    const auto* result = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                              reinterpret_cast<const unsigned char*>(message.data()),
                              message.size(), out.data(), &length);
    if (!result || length != out.size()) throw error("HMAC-SHA-256 failed (OpenSSL)");
    return out;
}

namespace {
/// A secret is a short key; anything longer than this is not one.
constexpr std::uintmax_t max_secret_file_bytes = 1 << 20;
} // namespace

std::string read_secret_file(const std::filesystem::path& path) {
    auto secret = detail::read_whole_file_or_throw(path, "secret file", max_secret_file_bytes);
    if (secret.ends_with('\n')) secret.pop_back();
    if (secret.ends_with('\r')) secret.pop_back();
    if (secret.size() < min_secret_bytes)
        throw error("--secret-file " + path.string() + ": the secret has " +
                    std::to_string(secret.size()) + " bytes; pseudonyms need at least " +
                    std::to_string(min_secret_bytes));
    return secret;
}

std::string pseudonym(std::string_view secret, std::string_view kind, std::string_view key) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto mac = hmac_sha256(secret, key);
    std::string out(kind);
    for (std::size_t i = 0; i < 10; ++i) {
        out += hex[mac[i] >> 4];
        out += hex[mac[i] & 0xF];
    }
    return out;
}

PASSEND_NAMESPACE_END
