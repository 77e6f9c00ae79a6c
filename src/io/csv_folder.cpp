// SPDX-License-Identifier: EUPL-1.2
// A folder of contract CSV files: load_folder and write_folder.
#include "io/csv_blocks.hpp"
#include "io/csv_reader.hpp"
#include "io/input_file.hpp"
#include "io/stop_note.hpp"
#include "io/table_rows.hpp"

#include "passend/load.hpp"

#include "text_check.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

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

/// Read a table file's header: report its problems and name the source of its columns. False
/// when the file cannot be read past it (reported, and the table declared unread).
bool read_header(dataset_builder& builder, const table_spec& ts, detail::csv_reader& reader,
                 detail::csv_layout& layout) {
    const std::string_view file = ts.file;
    const auto status = reader.next();
    if (status == detail::csv_reader::status::error) {
        const auto& e = reader.error();
        builder.report(at(file, e.line, e.column, e.rule, e.message));
        builder.declare_unread(ts.id);
        return false;
    }
    if (status == detail::csv_reader::status::end) {
        builder.report(at(file, 1, 0, "missing_header",
                          "the file is empty; its first line must name the columns"));
        builder.declare_unread(ts.id);
        return false;
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
    layout.width = width;
    layout.positions = std::move(positions);
    layout.data_begin = reader.bytes_consumed();
    return true;
}

/// The records of a table file one at a time, from where `reader` stands. Returns the line it
/// stopped at when the error cap was reached, 0 when it read to the end.
std::uint64_t read_records(dataset_builder& builder, const detail::csv_layout& layout,
                           detail::csv_reader& reader, std::uint64_t offset,
                           const std::function<void(std::uint64_t)>& progress) {
    const auto& ts = *layout.spec;
    std::vector<std::string_view> row(ts.columns.size());
    std::uint64_t records = 0;
    for (;;) {
        const auto status = reader.next();
        if (status == detail::csv_reader::status::end) break;
        if (builder.error_cap_reached()) return reader.line(); // this record goes unchecked
        if (status == detail::csv_reader::status::error) {
            const auto& e = reader.error();
            builder.report(at(ts.file, e.line, e.column, e.rule, e.message));
            continue;
        }
        const auto fields = reader.fields();
        if (fields.size() != layout.width) {
            builder.report(at(ts.file, reader.line(),
                              static_cast<std::uint32_t>(std::min(fields.size(), layout.width) + 1),
                              "field_count",
                              "the record has " + std::to_string(fields.size()) +
                                  " fields; the header has " + std::to_string(layout.width)));
            continue;
        }
        for (std::size_t c = 0; c < row.size(); ++c)
            row[c] = layout.positions[c] ? fields[layout.positions[c] - 1] : std::string_view{};
        builder.add_text_row(ts.id, row, reader.line());
        if ((++records & 0x3FFF) == 0) progress(offset + reader.bytes_consumed());
    }
    if (reader.stopped()) builder.declare_unread(ts.id);
    progress(offset + reader.bytes_consumed());
    return 0;
}

/// A reader over a file from byte `begin` on: the header at 0, or records from line `line`.
struct file_reader {
    file_ptr file;
    std::optional<detail::csv_reader> reader;
    file_reader(const fs::path& path, std::uint64_t begin, std::uint64_t line)
        : file(std::fopen(path.c_str(), "rb")) {
        if (!file || (begin && fseeko(file.get(), static_cast<off_t>(begin), SEEK_SET) != 0))
            return;
        reader.emplace(
            [f = file.get()](char* out, std::size_t n) { return std::fread(out, 1, n, f); },
            detail::csv_reader::default_block, line);
    }
};

/// Read the header of every file first (on a scratch builder: nothing reported yet), to know
/// where each file's records start and how their fields map to columns.
void lay_out(detail::csv_layout& layout, std::error_code& ec) {
    dataset_builder scratch;
    file_reader in(layout.path, 0, 0);
    layout.size = fs::file_size(layout.path, ec);
    if (!in.reader || ec || !read_header(scratch, *layout.spec, *in.reader, layout)) {
        layout.width = 0; // not read in blocks
        return;
    }
    // The physical line of the first record: one more than the line ends before it.
    std::vector<char> head(layout.data_begin);
    std::rewind(in.file.get());
    if (std::fread(head.data(), 1, head.size(), in.file.get()) != head.size()) {
        layout.width = 0;
        return;
    }
    layout.data_line = 1 + static_cast<std::uint64_t>(std::count(head.begin(), head.end(), '\n'));
}

/// Hand a file's blocks to the builder; from the first dirty one on, its records one at a time.
/// Returns the line where the error cap stopped the load, or 0.
std::uint64_t load_blocks(dataset_builder& builder, const detail::csv_layout& layout,
                          detail::block_parser& parser, std::size_t first, std::size_t last,
                          const std::function<void(std::uint64_t)>& progress) {
    std::uint64_t line = layout.data_line;
    for (auto i = first; i < last; ++i) {
        auto block = parser.take(i);
        const auto& where = parser.blocks()[i];
        if (block.dirty) {
            parser.skip(i + 1, last);
            for (auto j = i + 1; j < last; ++j) (void)parser.take(j);
            file_reader in(layout.path, where.begin, line);
            if (!in.reader) { // vanished since: say so as a file that cannot be read
                builder.report(at(layout.spec->file, 0, 0, "unreadable_file",
                                  "cannot be read: " + std::string(std::strerror(errno))));
                builder.declare_unread(layout.spec->id);
                return 0;
            }
            return read_records(builder, layout, *in.reader, where.begin, progress);
        }
        if (i == first && where.end > where.begin) { // room for the whole table, estimated
            const auto rows = std::visit([](const auto& r) { return r.size(); }, block.rows);
            builder.reserve(layout.spec->id,
                            static_cast<std::size_t>(double(rows) * double(layout.size) /
                                                     double(where.end - where.begin) * 1.02) +
                                16);
        }
        const auto stopped = std::visit(
            [&](const auto& rows) {
                const auto added = builder.add_rows(std::span(rows), block.lines, line - 1);
                return added < rows.size() ? line - 1 + block.lines[added] : 0;
            },
            block.rows);
        if (stopped) {
            parser.skip(i + 1, last);
            for (auto j = i + 1; j < last; ++j) (void)parser.take(j);
            return stopped;
        }
        line += block.newlines;
        progress(where.end);
        parser.recycle(std::move(block));
    }
    return 0;
}

} // namespace

load_result detail::load_folder_in_blocks(const fs::path& dir, const load_options& options,
                                          const progress_fn& progress, std::uint64_t block_bytes,
                                          unsigned threads) {
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
    const auto reading =
        tables_read(options, detail::names_anything(dir / spec(table::extract).file));
    for (const auto& ts : all_tables()) {
        auto path = dir / ts.file;
        const bool there = detail::names_anything(path);
        if (!reading.contains(ts.id)) {
            builder.leave_out(ts.id, there ? ts.file : std::string_view{});
            continue;
        }
        if (!there) continue; // required ones: the builder reports them
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

    // Every file's header first, then its records in blocks parsed on worker threads while this
    // thread hands them to the builder in file order.
    std::vector<detail::csv_layout> layouts(inputs.size());
    std::vector<detail::csv_block> blocks;
    std::vector<std::size_t> first_block(inputs.size() + 1, 0);
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        auto& layout = layouts[f];
        layout.spec = inputs[f].spec;
        layout.path = inputs[f].path;
        lay_out(layout, ec);
        first_block[f] = blocks.size();
        if (layout.width) {
            auto more = detail::split_blocks(f, layout, block_bytes);
            blocks.insert(blocks.end(), more.begin(), more.end());
        }
    }
    first_block[inputs.size()] = blocks.size();
    // Ended before finish(): its threads and its blocks' buffers are not held while the
    // dataset is laid out.
    std::optional<detail::block_parser> parser(std::in_place, layouts, std::move(blocks), threads,
                                               2 * threads + 2);

    std::uint64_t done = 0;
    std::string stopped_at;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const auto& in = inputs[f];
        const auto step = [&](std::uint64_t bytes) {
            if (progress && total) progress(in.spec->file, double(done + bytes) / double(total));
        };
        step(0);
        std::uint64_t line = 0;
        auto layout = layouts[f];
        file_reader header(in.path, 0, 0);
        if (!header.reader) {
            builder.report(at(in.spec->file, 0, 0, "unreadable_file",
                              "cannot be read: " + std::string(std::strerror(errno))));
            builder.declare_unread(in.spec->id);
        } else if (read_header(builder, *in.spec, *header.reader, layout)) {
            line = layouts[f].width ? load_blocks(builder, layouts[f], *parser, first_block[f],
                                                  first_block[f + 1], step)
                                    : read_records(builder, layout, *header.reader, 0, step);
        }
        if (line) {
            stopped_at = std::string(in.spec->file) + ':' + std::to_string(line);
            break;
        }
        done += in.size;
    }
    parser.reset();
    if (progress) progress("checking", 1.0);
    auto result = builder.finish();
    if (!stopped_at.empty()) detail::note_stopped(result, stopped_at, options.max_errors);
    return result;
}

load_result load_folder(const fs::path& dir, const load_options& options,
                        const progress_fn& progress) {
    return detail::load_folder_in_blocks(dir, options, progress, detail::csv_block_bytes,
                                         detail::csv_workers());
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
