// SPDX-License-Identifier: EUPL-1.2
// The contract as one JSON document: load_json, load_json_file and to_json.
//
// A document is an object whose members are table names holding arrays of row objects. The
// rows go through dataset_builder::add_text_row like CSV rows, so both forms share every rule.
// Diagnostics name the table with the source, `data.json[enrolments]:3:4`, as the line (the
// record number within the table) alone would not say which table is meant.
#include "io/input_file.hpp"
#include "io/json_document.hpp"
#include "io/stop_note.hpp"
#include "io/table_rows.hpp"

#include "float_text.hpp"

#include "passend/load.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <iterator>
#include <set>

PASSEND_NAMESPACE_BEGIN

namespace {

using json = nlohmann::json;

std::string lower(std::string_view text) {
    std::string out(detail::trim(text));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

diagnostic malformed_json(const detail::json_problem& p, std::string source) {
    if (p.rule != "syntax")
        return {severity::error, std::move(source), p.line, p.column, p.rule, p.message};
    return {severity::error,
            std::move(source),
            p.line,
            p.column,
            "malformed_json",
            "malformed JSON at byte " + std::to_string(p.byte) + ": " +
                detail::json_syntax_detail(p.message)};
}

/// The text of a JSON value as a CSV field would hold it; false for arrays, objects, booleans.
bool field_text(const json& v, std::string& out) {
    switch (v.type()) {
    case json::value_t::null:
        out.clear();
        return true;
    case json::value_t::string:
        out = v.get_ref<const std::string&>();
        return true;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        out = v.dump();
        return true;
    default:
        return false;
    }
}

/// Returns the record it stopped at when the error cap was reached, 0 when it read them all.
std::uint64_t load_table(dataset_builder& b, const table_spec& ts, const json& rows,
                         const std::string& file) {
    // Every column is "present": a key missing from a row object is an absent value.
    std::vector<std::uint32_t> positions(ts.columns.size());
    for (std::uint32_t c = 0; c < positions.size(); ++c) positions[c] = c + 1;
    b.set_source(ts.id, file, positions);
    std::vector<std::string> texts(ts.columns.size());
    std::vector<std::string_view> row(ts.columns.size());
    std::set<std::string> unknown;
    std::uint64_t line = 0;
    for (const auto& record : rows) {
        ++line;
        if (b.error_cap_reached()) return line; // this record goes unchecked
        if (!record.is_object()) {
            b.report({severity::error, file, line, 0, "malformed_row",
                      "a row must be an object of column names and values, not " +
                          std::string(record.type_name())});
            continue;
        }
        for (auto& t : texts) t.clear();
        bool ok = true;
        for (const auto& [key, value] : record.items()) {
            const auto name = lower(key);
            const auto c = ts.find(name);
            if (!c) {
                if (unknown.insert(name).second)
                    b.report({severity::warning, file, line, 0, "unknown_column",
                              "unknown column '" + name + "' is ignored"});
                continue;
            }
            if (!field_text(value, texts[*c])) {
                b.report({severity::error, file, line, static_cast<std::uint32_t>(*c + 1),
                          "malformed_value",
                          name + " is " + std::string(value.type_name()) +
                              "; a value must be a string, a number or null"});
                ok = false;
            }
        }
        if (!ok) continue;
        for (std::size_t c = 0; c < row.size(); ++c) row[c] = texts[c];
        b.add_text_row(ts.id, row, line);
    }
    return 0;
}

} // namespace

load_result load_json(std::string_view json_text, std::string source, const load_options& options) {
    detail::json_problem problem;
    auto parsed = detail::parse_json_document(json_text, problem);
    if (!parsed) {
        load_result failed;
        failed.diagnostics.push_back(malformed_json(problem, source));
        return failed;
    }
    const json doc = std::move(*parsed);
    if (!doc.is_object()) {
        load_result failed;
        failed.diagnostics.push_back(
            {severity::error, source, 0, 0, "malformed_json",
             "the document is " + std::string(doc.type_name()) +
                 "; it must be an object whose members are tables (\"schools\": [...])"});
        return failed;
    }

    dataset_builder b(options);
    for (const auto& [name, value] : doc.items())
        if (const auto t = find_table(name);
            !t || spec(*t).name != name) // "schools", not "schools.csv"
            b.report({severity::warning, source, 0, 0, "unknown_table",
                      "unknown table '" + name + "' is ignored"});
    const auto given = [&](const table_spec& ts) {
        const auto it = doc.find(std::string(ts.name));
        return it != doc.end() && !it->is_null();
    };
    const auto reading = tables_read(options, given(spec(table::extract)));
    for (const auto& ts : all_tables()) {
        const auto it = doc.find(std::string(ts.name));
        if (!reading.contains(ts.id)) {
            b.leave_out(ts.id, given(ts) ? source + "[" + std::string(ts.name) + "]" : "");
            continue;
        }
        if (!given(ts)) {
            if (ts.required) {
                b.report({severity::error, source, 0, 0, "missing_table",
                          "the required table " + std::string(ts.name) + " is missing"});
                b.declare(ts.id); // reported here, with the document's name
            }
            continue;
        }
        const std::string file = source + "[" + std::string(ts.name) + "]";
        if (!it->is_array()) {
            b.report({severity::error, file, 0, 0, "malformed_table",
                      "the table is " + std::string(it->type_name()) +
                          "; it must be an array of row objects"});
            b.declare_unread(ts.id);
            continue;
        }
        if (const auto line = load_table(b, ts, *it, file)) {
            auto result = b.finish();
            detail::note_stopped(result, file + ':' + std::to_string(line), options.max_errors);
            return result;
        }
    }
    return b.finish();
}

load_result load_json_file(const std::filesystem::path& file, const load_options& options) {
    const auto read = detail::read_whole_file(file);
    if (!read.text) {
        load_result failed;
        failed.diagnostics.push_back(read.problem);
        return failed;
    }
    return load_json(*read.text, file.filename().string(), options);
}

std::string to_json(const dataset& ds) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const auto& ts : all_tables()) {
        if (!detail::writes_table(ds, ts.id)) continue;
        auto& rows = doc[std::string(ts.name)] = nlohmann::ordered_json::array();
        detail::for_each_row(ds, ts.id, [&](const std::vector<std::string>& fields) {
            nlohmann::ordered_json row = nlohmann::ordered_json::object();
            for (std::size_t c = 0; c < fields.size(); ++c) {
                const auto& text = fields[c];
                if (text.empty()) continue;
                auto& v = row[std::string(ts.columns[c].name)];
                switch (ts.columns[c].type) {
                case column_type::integer:
                    v = std::stoll(text);
                    break;
                case column_type::amount:
                case column_type::score:
                case column_type::number: {
                    double number = 0; // no locale
                    detail::parse_double(text, number);
                    v = number;
                    break;
                }
                default:
                    v = text;
                }
            }
            rows.push_back(std::move(row));
        });
    }
    return doc.dump(1);
}

PASSEND_NAMESPACE_END
