// SPDX-License-Identifier: EUPL-1.2
// Private: opening an input file the way every reader must, so that a directory, a FIFO, a
// device or a broken symbolic link named as an input is a clear error and never a hang, and a
// file read whole has a bounded size.
#pragma once

#include "passend/config.hpp"
#include "passend/error.hpp"
#include "passend/limits.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Why `path` is not a readable input file: "no such file", "is a directory", "is a FIFO, not
/// a regular file", "is a dangling symbolic link", "is a symbolic link loop", ...; nullopt for a
/// regular file (symbolic links followed). Looks without opening, so a FIFO cannot block.
std::optional<std::string> file_problem(const std::filesystem::path& path);

/// Whether anything at all (a file, a link, even a dangling one) has the name `path`.
bool names_anything(const std::filesystem::path& path);

/// A file read whole, or why it could not be: one diagnostic for the file (no line), its rule
/// `missing_file`, `file_too_large` or `unreadable_file`, its message file_problem's reason,
/// "is larger than 256 MiB (the limit for a file read whole)" or "cannot be read: <errno>".
struct file_text {
    std::optional<std::string> text;
    diagnostic problem; ///< when there is no text
};

/// The one way passend reads a whole file (documents, catalogs, plans, texts, XML exports,
/// secrets): a regular file of at most `max_bytes`, else the problem. Never throws for the file.
file_text read_whole_file(const std::filesystem::path& path,
                          std::uintmax_t max_bytes = max_document_bytes);

/// read_whole_file for a caller that fails loudly: throws passend::error
/// "PATH: cannot read the WHAT: REASON" (WHAT e.g. "scenario file").
std::string read_whole_file_or_throw(const std::filesystem::path& path, std::string_view what,
                                     std::uintmax_t max_bytes = max_document_bytes);

} // namespace detail
PASSEND_NAMESPACE_END
