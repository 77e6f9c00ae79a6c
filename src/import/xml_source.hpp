// SPDX-License-Identifier: EUPL-1.2
// Private: one XML export parsed with pugixml, and every diagnostic about it located at file,
// line:column (pugixml gives byte offsets; this converts them) and element path.
#pragma once

#include "passend/calendar.hpp"
#include "passend/error.hpp"

#include <pugixml.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Where a value came from: for conflict messages that name both places.
struct origin {
    std::string file;
    std::uint64_t line = 0;
    std::uint32_t column = 0;
    std::string path;         ///< element path, e.g. `/dossier/huidigeschool/leerling`
    std::string text() const; ///< `file:line:column (path)`
};

/// The local part of an element name (`ns2:leerling` -> `leerling`).
std::string_view local_name(pugi::xml_node node) noexcept;
/// The first child element with that local name (null when none).
pugi::xml_node child(pugi::xml_node node, std::string_view local) noexcept;
/// The namespace URI of an element, resolved through the xmlns attributes of its ancestors.
std::string namespace_of(pugi::xml_node node);
/// `/a/b[2]/c`: local names, with a 1-based index where siblings share a name.
std::string element_path(pugi::xml_node node);

class xml_source {
public:
    /// Read and parse `path`; on failure (unreadable, larger than `max_bytes`, not well-formed)
    /// the error is in diagnostics() and ok() is false.
    xml_source(const std::filesystem::path& path, std::uint64_t max_bytes);

    bool ok() const noexcept { return ok_; }
    pugi::xml_node root() const { return doc_.document_element(); }
    const std::string& file() const noexcept { return file_; }
    std::vector<diagnostic>& diagnostics() noexcept { return diagnostics_; }
    std::size_t error_count() const noexcept;

    origin where(pugi::xml_node node) const;
    /// Report at `node`; the message is prefixed with its element path.
    void report(pugi::xml_node node, std::string rule, std::string message,
                severity level = severity::error);

    /// The child element `name` of `node`, or a `missing_element` error at `node` and null.
    pugi::xml_node require(pugi::xml_node node, std::string_view name);
    /// The trimmed text of child `name` (empty when absent).
    std::string_view text(pugi::xml_node node, std::string_view name) const;
    /// Child `name` as an xs:date; nullopt when absent (an error when required) or malformed
    /// (a `bad_date` error naming the value).
    std::optional<day> date(pugi::xml_node node, std::string_view name, bool required = false);

private:
    std::pair<std::uint64_t, std::uint32_t> line_column(std::ptrdiff_t offset) const;

    std::string file_;
    std::string bytes_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_document doc_;
    std::vector<diagnostic> diagnostics_;
    bool ok_ = false;
};

} // namespace detail
PASSEND_NAMESPACE_END
