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

/// "256 MiB" for a whole number of mebibytes, else "1000 bytes".
std::string limit_text(std::uintmax_t bytes) {
    if (bytes > 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
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

file_text read_whole_file(const fs::path& path, std::uintmax_t max_bytes) {
    file_text out;
    const auto fail = [&](std::string rule, std::string why) {
        out.problem = {severity::error, path.string(), 0, 0, std::move(rule), std::move(why)};
        return out;
    };
    const auto too_large = [&] {
        return fail("file_too_large", "is larger than " + limit_text(max_bytes) +
                                          " (the limit for a file read whole)");
    };
    if (auto problem = file_problem(path))
        return fail(names_anything(path) ? "unreadable_file" : "missing_file", std::move(*problem));
    std::error_code ec;
    if (const auto size = fs::file_size(path, ec); !ec && size > max_bytes) return too_large();
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(path.c_str(), "rb"),
                                                            &std::fclose};
    if (!f) return fail("unreadable_file", "cannot be read: " + std::string(std::strerror(errno)));
    // Read with the cap, not the size seen above: the file may grow meanwhile.
    std::string text;
    char block[1 << 16];
    while (const auto n = std::fread(block, 1, sizeof block, f.get())) {
        if (text.size() + n > max_bytes) return too_large();
        text.append(block, n);
    }
    if (std::ferror(f.get()))
        return fail("unreadable_file", "cannot be read: " + std::string(std::strerror(errno)));
    out.text = std::move(text);
    return out;
}

std::string read_whole_file_or_throw(const fs::path& path, std::string_view what,
                                     std::uintmax_t max_bytes) {
    auto file = read_whole_file(path, max_bytes);
    if (!file.text)
        throw error(path.string() + ": cannot read the " + std::string(what) + ": " +
                    file.problem.message);
    return std::move(*file.text);
}

} // namespace detail
PASSEND_NAMESPACE_END
