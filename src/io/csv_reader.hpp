// SPDX-License-Identifier: EUPL-1.2
// Private: a streaming RFC 4180 CSV reader.
//
// Reads its input in fixed-size blocks, so memory stays at about two blocks (plus the longest
// record) whatever the file size. Handles a UTF-8 BOM, LF and CRLF line ends, quoted fields with
// "" escapes, commas and line breaks; knows the physical line each record starts on.
#pragma once

#include "passend/config.hpp"
#include "passend/limits.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// A syntax error in the CSV text, located at a physical line and a 1-based field number.
struct csv_error {
    std::uint64_t line = 0;
    std::uint32_t column = 0;
    /// `unterminated_quote`, `stray_quote`; and ending the file: `record_too_long`,
    /// `cr_line_ends`, `utf16`
    std::string rule;
    std::string message; ///< without location
};

class csv_reader {
public:
    /// Fills the buffer with at most n bytes; returns how many (0 at the end of the input).
    using read_fn = std::function<std::size_t(char* buffer, std::size_t n)>;
    enum class status { record, error, end };

    static constexpr std::size_t default_block = std::size_t{1} << 20;
    /// Past this a record ends the read (passend/limits.hpp).
    static constexpr std::size_t max_record_bytes = max_csv_record_bytes;

    /// `first_line` > 0: the input starts at a record boundary on that physical line of a file
    /// whose header was read elsewhere (a block of a large file read on its own).
    explicit csv_reader(read_fn read, std::size_t block_size = default_block,
                        std::uint64_t first_line = 0);
    /// A block of records held in memory, from a record boundary on physical line `first_line`
    /// on: scanned in place (quoted fields' "" collapse in `text`), so the fields' views stay
    /// valid as long as `text`, across calls of next().
    csv_reader(std::span<char> text, std::uint64_t first_line);
    /// Read from an open file (not closed by the reader).
    explicit csv_reader(std::FILE* file, std::size_t block_size = default_block);

    /// Advance to the next record. `record`: fields() and line() describe it. `error`: error()
    /// describes a malformed record; the reader has skipped to the next line and next() may be
    /// called again (after an error that ends the file, next() gives `end`). `end`: no more
    /// input. Completely empty lines are skipped.
    status next();

    /// The fields of the current record; views stay valid until the next call of next().
    std::span<const std::string_view> fields() const noexcept { return fields_; }
    /// The physical line (1-based) on which the current record starts.
    std::uint64_t line() const noexcept { return record_line_; }
    const csv_error& error() const noexcept { return error_; }
    /// Whether an error ended the input before its end (the rest was not read).
    bool stopped() const noexcept { return stopped_; }
    /// Bytes of input consumed so far (for progress).
    std::uint64_t bytes_consumed() const noexcept { return consumed_ + pos_; }

private:
    enum class scan { done, need_more, failed };
    scan scan_record();
    void refill(); // reads one block, or notes the end of the input
    void continue_at(std::uint64_t first_line);
    void skip_line();
    status stop(csv_error e); // an error after which the rest of the input is not read

    read_fn read_;
    std::size_t block_;
    std::vector<char> buf_;
    char* data_ = nullptr;          // buf_'s data, or the text held in memory
    std::size_t pos_ = 0, end_ = 0; // unparsed bytes are buf_[pos_, end_)
    std::uint64_t consumed_ = 0;    // bytes dropped from the front of buf_
    bool eof_ = false, started_ = false, stopped_ = false;
    std::uint64_t records_ = 0;
    std::uint64_t line_ = 1, record_line_ = 0;
    std::vector<std::size_t> escaped_; // fields of the record holding "" pairs to collapse
    std::vector<std::string_view> fields_;
    csv_error error_;
    const char* mask_base_ = nullptr; // the last 64 bytes searched, and their mask
    std::uint64_t mask_ = 0;
};

/// RFC 4180 quoting of one field: quoted when it holds a comma, quote, CR or LF.
void append_csv_field(std::string& out, std::string_view field);

} // namespace detail
PASSEND_NAMESPACE_END
