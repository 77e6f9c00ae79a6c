// SPDX-License-Identifier: EUPL-1.2
// Private: the schools of an import.
#include "import/school_directory.hpp"

#include "import/codes.hpp"
#include "io/csv_reader.hpp"

#include "passend/schema.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>

PASSEND_NAMESPACE_BEGIN
namespace detail {
namespace {

struct file_closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

std::string lower_trimmed(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::string out(trim(text));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

void school_directory::read_table(const std::filesystem::path& path,
                                  std::vector<diagnostic>& diagnostics) {
    has_table_ = true;
    table_file_ = path.string();
    const auto& ts = spec(table::schools);
    const auto fail = [&](std::uint64_t line, std::uint32_t column, std::string rule,
                          std::string message, severity level = severity::error) {
        diagnostics.push_back(
            {level, table_file_, line, column, std::move(rule), std::move(message)});
    };
    const std::unique_ptr<std::FILE, file_closer> f{std::fopen(path.c_str(), "rb")};
    if (!f) {
        fail(0, 0, "unreadable_file", "cannot be read: " + std::string(std::strerror(errno)));
        return;
    }
    csv_reader reader(f.get());
    if (reader.next() != csv_reader::status::record) {
        fail(1, 0, "missing_header", "the schools table needs a header row naming its columns");
        return;
    }
    const std::size_t width = reader.fields().size();
    positions_.assign(ts.columns.size(), 0);
    for (std::uint32_t i = 0; i < width; ++i) {
        const auto name = lower_trimmed(reader.fields()[i]);
        if (const auto c = ts.find(name); c && !positions_[*c])
            positions_[*c] = i + 1;
        else
            fail(reader.line(), i + 1, "unknown_column",
                 "column '" + name + "' is ignored (unknown or repeated)", severity::warning);
    }
    const auto id_column = ts.find("school_id").value_or(0);
    const auto kind_column = ts.find("setting").value_or(0);
    for (auto status = reader.next(); status != csv_reader::status::end; status = reader.next()) {
        if (status == csv_reader::status::error) {
            fail(reader.error().line, reader.error().column, reader.error().rule,
                 reader.error().message);
            continue;
        }
        const auto fields = reader.fields();
        if (fields.size() != width) {
            fail(reader.line(), 1, "field_count",
                 "the record has " + std::to_string(fields.size()) + " fields; the header has " +
                     std::to_string(width));
            continue;
        }
        std::vector<std::string> row(ts.columns.size());
        for (std::size_t c = 0; c < row.size(); ++c)
            if (positions_[c]) row[c] = std::string(fields[positions_[c] - 1]);
        table_kind_.emplace(std::string(trim(row[id_column])),
                            parse_code<setting>(row[kind_column]));
        table_rows_.emplace_back(std::move(row), reader.line());
    }
}

std::optional<std::string> school_directory::resolve(const std::string& location,
                                                     std::optional<setting> kind,
                                                     std::optional<setting> department,
                                                     xml_source& source, pugi::xml_node node) {
    if (has_table_) {
        std::vector<std::string> candidates;
        if (kind)
            candidates.push_back(department_id(location, *kind));
        else if (department)
            candidates.push_back(department_id(location, *department));
        candidates.push_back(location);
        if (!kind)
            for (const auto s : {setting::so, setting::vso})
                candidates.push_back(department_id(location, s));
        for (const auto& id : candidates)
            if (table_kind_.contains(id)) return id;
        source.report(node, "unknown_school",
                      "school " + candidates.front() + " is not in the schools table " +
                          table_file_);
        return std::nullopt;
    }
    if (!kind) {
        source.report(node, "unknown_setting",
                      "the export names no school type for " + location +
                          " and no schools table (--schools) gives one");
        return std::nullopt;
    }
    auto id = department_id(location, *kind);
    if (derived_.emplace(id, *kind).second)
        source.report(node, "school_not_in_table",
                      "school " + id + " (" + std::string(to_string(*kind)) +
                          ") comes from the export alone: partnership and board 'onbekend' "
                          "(give --schools for them)",
                      severity::warning);
    return id;
}

std::optional<setting> school_directory::setting_of(std::string_view id) const {
    if (const auto it = table_kind_.find(id); it != table_kind_.end()) return it->second;
    if (const auto it = derived_.find(id); it != derived_.end()) return it->second;
    return std::nullopt;
}

void school_directory::add_to(dataset_builder& builder) const {
    if (has_table_) {
        builder.set_source(table::schools, table_file_, positions_);
        std::vector<std::string_view> fields;
        for (const auto& [row, line] : table_rows_) {
            fields.assign(row.begin(), row.end());
            builder.add_text_row(table::schools, fields, line);
        }
    }
    for (const auto& [id, kind] : derived_)
        builder.add(school_row{id, id, "onbekend", "onbekend", kind, {}});
}

} // namespace detail
PASSEND_NAMESPACE_END
