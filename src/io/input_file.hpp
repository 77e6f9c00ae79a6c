// SPDX-License-Identifier: EUPL-1.2
// Private: opening an input file the way every reader must, so that a directory, a FIFO, a
// device or a broken symbolic link named as an input is a clear error and never a hang, and a
// file read whole has a bounded size.
#pragma once

#include "passend/config.hpp"
#include "passend/limits.hpp"

#include <filesystem>
#include <optional>
#include <string>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Why `path` is not a readable input file: "no such file", "is a directory", "is a FIFO, not
/// a regular file", "is a dangling symbolic link", "is a symbolic link loop", ...; nullopt for a
/// regular file (symbolic links followed). Looks without opening, so a FIFO cannot block.
std::optional<std::string> file_problem(const std::filesystem::path& path);

/// Whether anything at all (a file, a link, even a dangling one) has the name `path`.
bool names_anything(const std::filesystem::path& path);

/// The whole text of a regular file of at most `max_bytes`; nullopt with `why` otherwise
/// (file_problem's reasons, "is larger than 256 MiB (the limit)", a read error).
std::optional<std::string> read_document(const std::filesystem::path& path, std::string& why,
                                         std::uintmax_t max_bytes = max_document_bytes);

} // namespace detail
PASSEND_NAMESPACE_END
