// SPDX-License-Identifier: EUPL-1.2
// A folder of contract CSV files: load_folder and write_folder.
#include "io/csv_reader.hpp"
#include "io/input_file.hpp"
#include "io/stop_note.hpp"
#include "io/table_rows.hpp"

#include "passend/load.hpp"

#include "text_check.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>

PASSEND_NAMESPACE_BEGIN

namespace fs = std::filesystem;

namespace {

struct file_closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

/// A header name as the contract spells it: trimmed, lower case, without a BOM.
std::string column_name(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    text = detail::trim(text);
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

diagnostic at(std::string_view file, std::uint64_t line, std::uint32_t column, std::string rule,
              std::string message, severity level = severity::error) {
    return {level, std::string(file), line, column, std::move(rule), std::move(message)};
}

/// Read one table's file into the builder. `progress` gets the bytes consumed so far. Returns
/// the line it stopped at when the error cap was reached, 0 when it read the whole file.
std::uint64_t load_table(dataset_builder& builder, const table_spec& ts, const fs::path& path,
                         const std::function<void(std::uint64_t)>& progress) {
    const std::string_view file = ts.file;
    const file_ptr f{std::fopen(path.c_str(), "rb")};
    if (!f) {
        builder.report(at(file, 0, 0, "unreadable_file",
                          "cannot be read: " + std::string(std::strerror(errno))));
        builder.declare_unread(ts.id);
        return 0;
    }
    detail::csv_reader reader(f.get());
    const auto report_syntax = [&] {
        const auto& e = reader.error();
        builder.report(at(file, e.line, e.column, e.rule, e.message));
    };

    // The header: find the contract's columns by name.
    auto status = reader.next();
    if (status == detail::csv_reader::status::error) {
        report_syntax();
        builder.declare_unread(ts.id);
        return 0;
    }
    if (status == detail::csv_reader::status::end) {
        builder.report(at(file, 1, 0, "missing_header",
                          "the file is empty; its first line must name the columns"));
        builder.declare_unread(ts.id);
        return 0;
    }
    const std::size_t width = reader.fields().size();
    const auto header_line = reader.line();
    std::vector<std::uint32_t> positions(ts.columns.size(), 0);
    for (std::uint32_t i = 0; i < width; ++i) {
        if (const auto b = detail::find_bad_utf8(reader.fields()[i])) {
            builder.report(at(file, header_line, i + 1, "invalid_utf8",
                              "the column name " + detail::describe_bad_utf8(*b)));
            continue;
        }
        const auto name = column_name(reader.fields()[i]);
        const auto c = ts.find(name);
        if (!c) {
            builder.report(at(file, header_line, i + 1, "unknown_column",
                              "unknown column '" + name + "' is ignored", severity::warning));
        } else if (positions[*c]) {
            builder.report(at(file, header_line, i + 1, "duplicate_column",
                              "column '" + name + "' appears twice (first as column " +
                                  std::to_string(positions[*c]) + ")"));
        } else {
            positions[*c] = i + 1;
        }
    }
    builder.set_source(ts.id, std::string(file), positions);

    // The records, in contract column order.
    std::vector<std::string_view> row(ts.columns.size());
    std::uint64_t records = 0;
    for (;;) {
        status = reader.next();
        if (status == detail::csv_reader::status::end) break;
        if (builder.error_cap_reached()) return reader.line(); // this record goes unchecked
        if (status == detail::csv_reader::status::error) {
            report_syntax();
            continue;
        }
        const auto fields = reader.fields();
        if (fields.size() != width) {
            builder.report(at(file, reader.line(),
                              static_cast<std::uint32_t>(std::min(fields.size(), width) + 1),
                              "field_count",
                              "the record has " + std::to_string(fields.size()) +
                                  " fields; the header has " + std::to_string(width)));
            continue;
        }
        for (std::size_t c = 0; c < row.size(); ++c)
            row[c] = positions[c] ? fields[positions[c] - 1] : std::string_view{};
        builder.add_text_row(ts.id, row, reader.line());
        if ((++records & 0x3FFF) == 0) progress(reader.bytes_consumed());
    }
    if (reader.stopped()) builder.declare_unread(ts.id);
    progress(reader.bytes_consumed());
    return 0;
}

} // namespace

load_result load_folder(const fs::path& dir, const load_options& options,
                        const progress_fn& progress) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        load_result failed;
        failed.diagnostics.push_back(
            at(dir.string(), 0, 0, "missing_folder",
               fs::exists(dir, ec) ? "is not a folder; give the folder holding the CSV files"
                                   : "no such folder"));
        return failed;
    }

    struct input {
        const table_spec* spec;
        fs::path path;
        std::uint64_t size;
    };
    std::vector<input> inputs;
    std::uint64_t total = 0;
    dataset_builder builder(options);
    for (const auto& ts : all_tables()) {
        auto path = dir / ts.file;
        if (!detail::names_anything(path)) continue; // required ones: the builder reports them
        // Named like a table but not a file to read (a directory, a FIFO, a broken link): an
        // error of that table, not a table silently absent (nor opened, which would block).
        if (const auto problem = detail::file_problem(path)) {
            builder.report(at(ts.file, 0, 0, "not_a_file", *problem));
            builder.declare_unread(ts.id);
            continue;
        }
        const auto size = fs::file_size(path, ec);
        inputs.push_back({&ts, std::move(path), ec ? 0 : size});
        total += inputs.back().size;
    }

    std::uint64_t done = 0;
    std::string stopped_at;
    for (const auto& in : inputs) {
        const auto step = [&](std::uint64_t bytes) {
            if (progress && total) progress(in.spec->file, double(done + bytes) / double(total));
        };
        step(0);
        if (const auto line = load_table(builder, *in.spec, in.path, step)) {
            stopped_at = std::string(in.spec->file) + ':' + std::to_string(line);
            break;
        }
        done += in.size;
    }
    if (progress) progress("checking", 1.0);
    auto result = builder.finish();
    if (!stopped_at.empty()) detail::note_stopped(result, stopped_at, options.max_errors);
    return result;
}

void write_folder(const dataset& ds, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw error("cannot create folder " + dir.string() + ": " + ec.message());
    std::string out;
    for (const auto& ts : all_tables()) {
        if (!detail::writes_table(ds, ts.id)) continue;
        const auto path = dir / ts.file;
        const file_ptr f{std::fopen(path.c_str(), "wb")};
        if (!f) throw error("cannot write " + path.string() + ": " + std::strerror(errno));
        bool ok = true;
        const auto flush = [&] {
            ok &= std::fwrite(out.data(), 1, out.size(), f.get()) == out.size();
            out.clear();
        };
        out.clear();
        for (const auto& c : ts.columns) {
            if (!out.empty()) out += ',';
            out += c.name;
        }
        out += '\n';
        detail::for_each_row(ds, ts.id, [&](const std::vector<std::string>& fields) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (i) out += ',';
                detail::append_csv_field(out, fields[i]);
            }
            out += '\n';
            if (out.size() >= (std::size_t{1} << 20)) flush();
        });
        flush();
        if (!ok || std::fflush(f.get()) != 0)
            throw error("cannot write " + path.string() + ": " + std::strerror(errno));
    }
}

PASSEND_NAMESPACE_END
