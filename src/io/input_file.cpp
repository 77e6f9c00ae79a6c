// SPDX-License-Identifier: EUPL-1.2
#include "io/input_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace fs = std::filesystem;

namespace {
std::string kind_of(fs::file_type t) {
    switch (t) {
    case fs::file_type::directory:
        return "is a directory";
    case fs::file_type::fifo:
        return "is a FIFO (named pipe), not a regular file";
    case fs::file_type::character:
        return "is a character device, not a regular file";
    case fs::file_type::block:
        return "is a block device, not a regular file";
    case fs::file_type::socket:
        return "is a socket, not a regular file";
    default:
        return "is not a regular file";
    }
}

std::string mebibytes(std::uintmax_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}
} // namespace

bool names_anything(const fs::path& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

std::optional<std::string> file_problem(const fs::path& path) {
    std::error_code ec;
    const auto link = fs::symlink_status(path, ec);
    if (link.type() == fs::file_type::not_found) return "no such file";
    if (ec) return "cannot be read: " + ec.message();
    const auto target = fs::status(path, ec);
    if (link.type() == fs::file_type::symlink) {
        if (ec.value() == ELOOP) return "is a symbolic link loop";
        if (target.type() == fs::file_type::not_found) {
            std::error_code ignored;
            return "is a dangling symbolic link (to " + fs::read_symlink(path, ignored).string() +
                   ", which does not exist)";
        }
    }
    if (ec) return "cannot be read: " + ec.message();
    if (target.type() != fs::file_type::regular) return kind_of(target.type());
    return std::nullopt;
}

std::optional<std::string> read_document(const fs::path& path, std::string& why,
                                         std::uintmax_t max_bytes) {
    if (auto problem = file_problem(path)) {
        why = std::move(*problem);
        return std::nullopt;
    }
    std::error_code ec;
    if (const auto size = fs::file_size(path, ec); !ec && size > max_bytes) {
        why = "is larger than " + mebibytes(max_bytes) + " (the limit for a file read whole)";
        return std::nullopt;
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(path.c_str(), "rb"),
                                                            &std::fclose};
    if (!f) {
        why = "cannot be read: " + std::string(std::strerror(errno));
        return std::nullopt;
    }
    // Read with the cap, not the size seen above: the file may grow meanwhile.
    std::string text;
    char block[1 << 16];
    while (const auto n = std::fread(block, 1, sizeof block, f.get())) {
        if (text.size() + n > max_bytes) {
            why = "is larger than " + mebibytes(max_bytes) + " (the limit for a file read whole)";
            return std::nullopt;
        }
        text.append(block, n);
    }
    if (std::ferror(f.get())) {
        why = "cannot be read: " + std::string(std::strerror(errno));
        return std::nullopt;
    }
    return text;
}

} // namespace detail
PASSEND_NAMESPACE_END
