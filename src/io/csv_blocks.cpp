// SPDX-License-Identifier: EUPL-1.2
#include "io/csv_blocks.hpp"

#include "passend/limits.hpp"

#include "io/csv_reader.hpp"

#include "text_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {

struct file_closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

/// Read bytes [begin, begin + out.size()) of a file; false when it cannot.
bool read_range(const std::filesystem::path& path, std::uint64_t begin, std::span<char> out) {
    const file_ptr f{std::fopen(path.c_str(), "rb")};
    if (!f || fseeko(f.get(), static_cast<off_t>(begin), SEEK_SET) != 0) return false;
    return std::fread(out.data(), 1, out.size(), f.get()) == out.size();
}

template <table T>
void parse_rows(const csv_layout& layout, parsed_block& out) {
    csv_reader reader(std::span<char>(out.text), 1);
    using rows_type = block_vector<table_row_t<T>>;
    auto* reused = std::get_if<rows_type>(&out.rows);
    auto& rows = reused ? *reused : out.rows.emplace<rows_type>();
    rows.clear();
    // Blocks hold about as many rows each, a few more now and then: room for an eighth more
    // than this one needs, so that a recycled block rarely grows (into fresh pages the kernel
    // must zero) for the next.
    const std::size_t room = out.newlines + 1;
    if (rows.capacity() < room) rows.reserve(room + room / 8);
    if (out.lines.capacity() < room) out.lines.reserve(room + room / 8);
    const auto& ts = *layout.spec;
    std::vector<std::string_view> row(ts.columns.size());
    for (std::uint64_t before = 0;; before = reader.bytes_consumed()) {
        const auto status = reader.next();
        if (status == csv_reader::status::end) return;
        const auto fields = reader.fields();
        // A record near the length limit: the streaming reader decides whether it is too long.
        if (status == csv_reader::status::error || fields.size() != layout.width ||
            reader.bytes_consumed() - before > csv_reader::max_record_bytes / 2) {
            out.dirty = true;
            return;
        }
        for (std::size_t c = 0; c < row.size(); ++c)
            row[c] = layout.positions[c] ? fields[layout.positions[c] - 1] : std::string_view{};
        field_reader f{ts, row, [](std::size_t, std::string, std::string) {}};
        rows.push_back(read_row<T>(f));
        if (!f.ok()) {
            out.dirty = true;
            return;
        }
        out.lines.push_back(static_cast<std::uint32_t>(reader.line()));
    }
}

/// Parse block b into `out`, a recycled block whose buffers are reused (or a new one).
parsed_block parse_block(const csv_layout& layout, const csv_block& b, parsed_block out = {}) {
    out.dirty = false;
    out.newlines = 0;
    out.lines.clear();
    try {
        out.text.clear(); // not copied when it grows
        out.text.resize(b.end - b.begin);
        if (!read_range(layout.path, b.begin, out.text)) {
            out.dirty = true; // the one-at-a-time path reports why
            return out;
        }
        out.newlines =
            static_cast<std::uint64_t>(std::count(out.text.begin(), out.text.end(), '\n'));
        with_table(layout.spec->id,
                   [&](auto tag) { parse_rows<decltype(tag)::value>(layout, out); });
    } catch (...) { // out of memory: the one-at-a-time path raises it where it can be seen
        out = {};
        out.dirty = true;
    }
    return out;
}

} // namespace

std::vector<csv_block> split_blocks(std::size_t file, const csv_layout& layout,
                                    std::uint64_t bytes) {
    std::vector<csv_block> blocks;
    const file_ptr f{std::fopen(layout.path.c_str(), "rb")};
    std::vector<char> window(std::size_t{64} << 10);
    std::uint64_t begin = layout.data_begin;
    while (begin < layout.size) {
        std::uint64_t end = layout.size;
        // The first line end at or after the nominal end. None for longer than a record may be:
        // the block is cut there, so its last record is over-long and the block is read one
        // record at a time, which reports it after reading about a record's limit (a file of
        // one 100 MB line is not read whole).
        for (std::uint64_t at = begin + bytes; f && at < layout.size && end == layout.size;) {
            if (fseeko(f.get(), static_cast<off_t>(at), SEEK_SET) != 0) break;
            const auto n = std::fread(window.data(), 1, window.size(), f.get());
            if (n == 0) break;
            if (const void* nl = std::memchr(window.data(), '\n', n))
                end = at +
                      static_cast<std::uint64_t>(static_cast<const char*>(nl) - window.data()) + 1;
            at += n;
            if (end == layout.size && at - (begin + bytes) > max_csv_record_bytes)
                end = std::min<std::uint64_t>(at, layout.size);
        }
        blocks.push_back({file, begin, end});
        begin = end;
    }
    return blocks;
}

block_parser::block_parser(const std::vector<csv_layout>& layouts, std::vector<csv_block> blocks,
                           unsigned threads, std::size_t window)
    : layouts_(layouts), blocks_(std::move(blocks)), window_(std::max<std::size_t>(window, 1)),
      done_(blocks_.size()), skipped_(blocks_.size(), false) {
    for (unsigned i = 0; i < threads && i < blocks_.size(); ++i)
        workers_.emplace_back([this] { work(); });
}

block_parser::~block_parser() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_) w.join();
}

void block_parser::work() {
    for (;;) {
        std::size_t i;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] {
                return stopping_ || next_ >= blocks_.size() || next_ < taken_ + window_;
            });
            if (stopping_ || next_ >= blocks_.size()) return;
            i = next_++;
            if (skipped_[i]) {
                done_[i].emplace();
                changed_.notify_all();
                continue;
            }
        }
        auto parsed = parse_block(layouts_[blocks_[i].file], blocks_[i], spare());
        {
            const std::lock_guard lock(mutex_);
            done_[i] = std::move(parsed);
        }
        changed_.notify_all();
    }
}

parsed_block block_parser::spare() {
    const std::lock_guard lock(mutex_);
    if (spare_.empty()) return {};
    auto out = std::move(spare_.back());
    spare_.pop_back();
    return out;
}

void block_parser::recycle(parsed_block&& used) {
    const std::lock_guard lock(mutex_);
    if (spare_.size() < window_ + workers_.size()) spare_.push_back(std::move(used));
}

parsed_block block_parser::take(std::size_t i) {
    if (workers_.empty())
        return skipped_[i] ? parsed_block{}
                           : parse_block(layouts_[blocks_[i].file], blocks_[i], spare());
    parsed_block out;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return done_[i].has_value(); });
        out = std::move(*done_[i]);
        done_[i].reset();
        taken_ = i + 1;
    }
    changed_.notify_all();
    return out;
}

void block_parser::skip(std::size_t first, std::size_t last) {
    const std::lock_guard lock(mutex_);
    for (auto i = first; i < last; ++i) skipped_[i] = true;
}

unsigned csv_workers() noexcept {
#ifdef PASSEND_NO_THREADS
    return 0;
#else
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
#endif
}

} // namespace detail
PASSEND_NAMESPACE_END
