// SPDX-License-Identifier: EUPL-1.2
#include "io/csv_reader.hpp"

#include "text_check.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {
// Bytes that end an unquoted field or need a look: , " CR LF.
constexpr std::array<bool, 256> special = [] {
    std::array<bool, 256> t{};
    t[','] = t['"'] = t['\r'] = t['\n'] = true;
    return t;
}();

#if defined(__SSE2__)
/// Bit i set when p[i] is one of , " CR LF, for 64 bytes.
std::uint64_t special_mask(const char* p) noexcept {
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                  lf = _mm_set1_epi8('\n');
    std::uint64_t mask = 0;
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
        mask |= std::uint64_t(static_cast<std::uint16_t>(_mm_movemask_epi8(hit))) << (16 * i);
    }
    return mask;
}
#endif

/// Finds the first of , " CR LF from a position on. With SSE2 one 64-byte mask serves several
/// short fields (and records) in a row; kept in locals while scanning (no aliasing reloads).
struct special_finder {
    const char*& base;
    std::uint64_t& mask;
    const char* find(const char* p, const char* e) noexcept {
#if defined(__SSE2__)
        for (;;) {
            if (base && p >= base && p < base + 64) {
                if (const auto m = mask & (~std::uint64_t{0} << (p - base)))
                    return base + __builtin_ctzll(m);
                p = base + 64;
            }
            if (e - p < 64) break;
            base = p;
            mask = special_mask(p);
        }
#endif
        while (p < e && !special[static_cast<unsigned char>(*p)]) ++p;
        return p;
    }
};
} // namespace

csv_reader::csv_reader(read_fn read, std::size_t block_size, std::uint64_t first_line)
    : read_(std::move(read)), block_(std::max<std::size_t>(block_size, 1)), buf_(2 * block_),
      data_(buf_.data()) {
    if (first_line) continue_at(first_line);
}

csv_reader::csv_reader(std::span<char> text, std::uint64_t first_line)
    : block_(1), data_(text.data()), end_(text.size()), eof_(true) {
    continue_at(first_line);
}

void csv_reader::continue_at(std::uint64_t first_line) {
    started_ = true; // no BOM or UTF-16 check: that is the file's start
    records_ = 1;    // past the header: a lone CR is field text, not an old Mac line end
    line_ = first_line;
}

csv_reader::csv_reader(std::FILE* file, std::size_t block_size)
    : csv_reader([file](char* out, std::size_t n) { return std::fread(out, 1, n, file); },
                 block_size) {}

void csv_reader::refill() {
    mask_base_ = nullptr; // the buffer moves
    if (eof_) return;
    if (pos_ > 0) { // keep only the unparsed tail, at the front
        std::memmove(data_, data_ + pos_, end_ - pos_);
        consumed_ += pos_;
        end_ -= pos_;
        pos_ = 0;
    }
    if (buf_.size() - end_ < block_) buf_.resize(end_ + block_); // a record longer than a block
    data_ = buf_.data();
    const std::size_t n = read_(data_ + end_, block_);
    if (n == 0) eof_ = true;
    end_ += n;
}

void csv_reader::skip_line() {
    for (;;) {
        const char* b = data_ + pos_;
        if (const void* nl = std::memchr(b, '\n', end_ - pos_)) {
            pos_ += static_cast<const char*>(nl) - b + 1;
            ++line_;
            return;
        }
        pos_ = end_;
        if (eof_) return;
        refill();
    }
}

csv_reader::scan csv_reader::scan_record() {
    char* const b = data_ + pos_;
    const char* const e = data_ + end_;
    const char* p = b;
    std::uint64_t lines = 0; // line breaks inside the record so far
    fields_.clear();
    escaped_.clear();
    const char* mask_base = mask_base_;
    std::uint64_t mask = mask_;
    special_finder finder{mask_base, mask};
    struct keep_mask { // hand the mask back to the reader however the scan ends
        csv_reader& r;
        const char*& base;
        std::uint64_t& mask;
        ~keep_mask() { r.mask_base_ = base, r.mask_ = mask; }
    } keep{*this, mask_base, mask};
    const auto fail = [&](const char* at, std::string rule, std::string message) {
        error_ = {record_line_ + lines, static_cast<std::uint32_t>(fields_.size() + 1),
                  std::move(rule), std::move(message)};
        pos_ = static_cast<std::size_t>(at - data_);
        return scan::failed;
    };
    enum { more_input, end_of_record, next_field, no_delimiter };
    // What follows a field: a comma, a line end (LF, CRLF) or the end of the input.
    const auto delimiter = [&]() {
        if (p == e) return eof_ ? end_of_record : more_input;
        if (*p == ',') return ++p, next_field;
        if (*p == '\n') return ++p, ++lines, end_of_record;
        if (*p != '\r') return no_delimiter;
        if (p + 1 == e) return eof_ ? (++p, end_of_record) : more_input;
        if (p[1] == '\n') return p += 2, ++lines, end_of_record;
        return no_delimiter; // a lone CR
    };
    for (;;) {
        if (p < e && *p == '"') { // a quoted field
            const char* const open = p;
            const auto open_lines = lines;
            const char* q = p + 1;
            bool escaped = false;
            for (;;) {
                const void* found = std::memchr(q, '"', static_cast<std::size_t>(e - q));
                if (!found) {
                    if (!eof_) return scan::need_more;
                    lines = open_lines;
                    return fail(open, "unterminated_quote",
                                "a quoted field opened here is never closed (a missing \")");
                }
                const char* quote = static_cast<const char*>(found);
                lines += static_cast<std::uint64_t>(std::count(q, quote, '\n'));
                if (quote + 1 == e && !eof_) return scan::need_more;
                if (quote + 1 < e && quote[1] == '"') {
                    escaped = true;
                    q = quote + 2;
                    continue;
                }
                if (escaped) escaped_.push_back(fields_.size());
                fields_.emplace_back(open + 1, static_cast<std::size_t>(quote - open - 1));
                p = quote + 1;
                break;
            }
            const auto next = delimiter();
            if (next == more_input) return scan::need_more;
            if (next == no_delimiter) {
                fields_.pop_back(); // the error is in the field just closed
                return fail(p, "stray_quote",
                            "text after the closing quote of a quoted field; inside quotes "
                            "write a quote as \"\"");
            }
            if (next == end_of_record) break;
            continue;
        }
        const char* q = finder.find(p, e); // an unquoted field
        if (q < e && *q == ',') {          // the common case first
            fields_.emplace_back(p, static_cast<std::size_t>(q - p));
            p = q + 1;
            continue;
        }
        while (q < e && *q == '\r' && q + 1 < e && q[1] != '\n') {
            // In a header a lone CR is a line end: a file from an old Mac, not 1 long line.
            if (records_ == 0) {
                fail(q, "cr_line_ends",
                     "line ends are CR only (old Mac format); save as LF or CRLF");
                error_.column = 0; // the whole file's problem
                return scan::failed;
            }
            q = finder.find(q + 1, e); // a lone CR belongs to the field
        }
        if (q < e && *q == '"')
            return fail(q, "stray_quote",
                        "a quote inside an unquoted field; quote the whole field and write the "
                        "quote as \"\"");
        fields_.emplace_back(p, static_cast<std::size_t>(q - p));
        p = q;
        const auto next = delimiter();
        if (next == more_input) return scan::need_more;
        if (next == end_of_record) break;
    }
    pos_ += static_cast<std::size_t>(p - b);
    line_ = record_line_ + lines;
    for (const auto i : escaped_) { // collapse "" to " in place
        auto& field = fields_[i];
        char* f = b + (field.data() - b);
        std::size_t w = 0;
        for (std::size_t r = 0; r < field.size(); ++r, ++w) {
            f[w] = f[r];
            if (f[r] == '"') ++r;
        }
        field = std::string_view(f, w);
    }
    return scan::done;
}

csv_reader::status csv_reader::next() {
    if (stopped_) return status::end;
    if (!started_) {
        started_ = true;
        while (end_ < 4 && !eof_) refill();
        if (end_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
        if (const auto utf16 = utf16_encoding({data_, end_}); !utf16.empty())
            return stop({1, 0, "utf16",
                         "the file is " + std::string(utf16) + "; save it as UTF-8 (CSV UTF-8)"});
    }
    for (;;) {
        // Skip empty lines.
        for (;;) {
            if (pos_ == end_) {
                if (eof_) return status::end;
                refill();
                continue;
            }
            const char c = data_[pos_];
            if (c == '\n') {
                ++pos_, ++line_;
            } else if (c == '\r' && pos_ + 1 < end_ && data_[pos_ + 1] == '\n') {
                pos_ += 2, ++line_;
            } else if (c == '\r' && pos_ + 1 == end_ && !eof_) {
                refill();
            } else {
                break;
            }
        }
        record_line_ = line_;
        switch (scan_record()) {
        case scan::done:
            ++records_;
            return status::record;
        case scan::failed:
            if (error_.rule == "cr_line_ends") return stop(error_);
            if (error_.rule != "unterminated_quote") {
                skip_line();
                // lines already crossed inside the bad record
                line_ += error_.line - record_line_;
            } else {
                pos_ = end_;
                stopped_ = true;
            }
            return status::error;
        case scan::need_more:
            if (end_ - pos_ > max_record_bytes)
                return stop({record_line_, 0, "record_too_long",
                             "the record is longer than " + std::to_string(max_record_bytes >> 20) +
                                 " MiB; this is not a contract CSV file (or a quote is "
                                 "missing)"});
            refill();
            continue;
        }
    }
}

csv_reader::status csv_reader::stop(csv_error e) {
    error_ = std::move(e);
    stopped_ = true;
    pos_ = end_ = 0;
    return status::error;
}

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace detail
PASSEND_NAMESPACE_END
