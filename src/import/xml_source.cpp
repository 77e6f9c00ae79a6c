// SPDX-License-Identifier: EUPL-1.2
// Private: pugixml documents with located diagnostics.
#include "import/xml_source.hpp"

#include "passend/continuum.hpp"

#include "io/input_file.hpp"

#include <algorithm>
#include <system_error>

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::string origin::text() const {
    std::string out = file;
    if (line) out += ':' + std::to_string(line) + ':' + std::to_string(column);
    if (!path.empty()) out += " (" + path + ")";
    return out;
}

std::string_view local_name(pugi::xml_node node) noexcept {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) noexcept {
    for (auto c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == local) return c;
    return {};
}

std::string namespace_of(pugi::xml_node node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    const std::string attribute =
        colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    for (auto n = node; n && n.type() == pugi::node_element; n = n.parent())
        if (const auto a = n.attribute(attribute.c_str())) return a.value();
    return {};
}

std::string element_path(pugi::xml_node node) {
    std::vector<std::string> parts;
    for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        const auto name = local_name(n);
        std::size_t index = 0, same = 0;
        for (auto s = n.parent().first_child(); s; s = s.next_sibling()) {
            if (s.type() != pugi::node_element || local_name(s) != name) continue;
            ++same;
            if (s == n) index = same;
        }
        std::string part(name);
        if (same > 1) part += '[' + std::to_string(index) + ']';
        parts.push_back(std::move(part));
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += '/' + *it;
    return out;
}

xml_source::xml_source(const std::filesystem::path& path, std::uint64_t max_bytes)
    : file_(path.string()) {
    auto read = detail::read_whole_file(path, max_bytes);
    if (!read.text) {
        diagnostics_.push_back(std::move(read.problem));
        return;
    }
    bytes_ = std::move(*read.text);
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes_.size(); ++i)
        if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
    const auto parsed =
        doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        const auto [line, column] = line_column(parsed.offset);
        // Truncated: no tag is closed after the point where parsing stopped.
        const auto from = std::min(
            static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), bytes_.size());
        const bool at_end = bytes_.find('>', from) == std::string::npos;
        diagnostics_.push_back({severity::error, file_, line, column,
                                at_end ? "truncated_xml" : "malformed_xml",
                                std::string("not well-formed XML: ") + parsed.description() +
                                    (at_end ? " (the file ends too early)" : "")});
        return;
    }
    if (!doc_.document_element()) {
        diagnostics_.push_back(
            {severity::error, file_, 1, 1, "malformed_xml", "the file holds no XML element"});
        return;
    }
    ok_ = true;
}

std::pair<std::uint64_t, std::uint32_t> xml_source::line_column(std::ptrdiff_t offset) const {
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
    const auto line = static_cast<std::uint64_t>(it - line_starts_.begin());
    const std::size_t start = *(it - 1);
    std::uint32_t column = 1; // characters, not bytes: UTF-8 continuation bytes do not count
    for (std::size_t i = start; i < at && i < bytes_.size(); ++i)
        if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
    return {line, column};
}

std::size_t xml_source::error_count() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(diagnostics_.begin(), diagnostics_.end(),
                      [](const diagnostic& d) { return d.level == severity::error; }));
}

origin xml_source::where(pugi::xml_node node) const {
    auto offset = node.offset_debug(); // an element's name: point at its '<' as compilers do
    if (offset > 0 && bytes_[static_cast<std::size_t>(offset) - 1] == '<') --offset;
    const auto [line, column] = line_column(offset);
    return {file_, line, column, element_path(node)};
}

void xml_source::report(pugi::xml_node node, std::string rule, std::string message,
                        severity level) {
    const auto o = where(node);
    diagnostics_.push_back(
        {level, file_, o.line, o.column, std::move(rule), o.path + ": " + std::move(message)});
}

pugi::xml_node xml_source::require(pugi::xml_node node, std::string_view name) {
    const auto c = child(node, name);
    if (!c)
        report(node, "missing_element", "required element <" + std::string(name) + "> is missing");
    return c;
}

std::string_view xml_source::text(pugi::xml_node node, std::string_view name) const {
    return trim(child(node, name).child_value());
}

std::optional<day> xml_source::date(pugi::xml_node node, std::string_view name, bool required) {
    const auto c = required ? require(node, name) : child(node, name);
    if (!c) return std::nullopt;
    const auto value = trim(c.child_value());
    if (auto d = parse_day(value)) return d;
    report(c, "bad_date", "'" + std::string(value) + "' is not a date (YYYY-MM-DD)");
    return std::nullopt;
}

} // namespace detail
PASSEND_NAMESPACE_END
