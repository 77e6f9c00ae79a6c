// SPDX-License-Identifier: EUPL-1.2
// Arrow C stream import (passend/io/arrow.hpp). Each field of the stream's struct schema is
// matched to a contract column by name and its type checked against the column's; each row's
// values become cells (io/typed_cells.hpp) and the table's typed row, handed to the builder in
// chunks. A row with a value the typed path does not take goes through add_text_row with every
// value written as the field text a CSV file would hold, so it is reported as the CSV path
// reports it.
#include "passend/io/arrow.hpp"

#include "passend/calendar.hpp"

#include "io/typed_cells.hpp"

#ifdef PASSEND_HAVE_TZDB
#include <date/tz.h> // named time zones of timestamps, from the OS tz database
#endif

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace {

using detail::cell;
__extension__ typedef __int128 int128; // Arrow's decimal128 (GCC and Clang)
__extension__ typedef unsigned __int128 uint128;

/// How a field's values are stored (the Arrow physical layouts passend reads).
enum class layout : std::uint8_t {
    null_type,
    utf8,       // "u": int32 offsets
    large_utf8, // "U": int64 offsets
    utf8_view,  // "vu": 16-byte views
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
    float32,
    float64,
    decimal128, // "d:p,s"
    date32,     // "tdD": days since 1970-01-01
    date64,     // "tdm": milliseconds since 1970-01-01
    timestamp,  // "tss:", "tsm:", "tsu:", "tsn:" + optional time zone: int64 since 1970-01-01
};

/// How a timestamp's instant becomes a calendar day: its wall-clock date when the field has no
/// time zone (or UTC), else the local date in the field's zone (a fixed offset or a tz name).
struct zone_rule {
#ifdef PASSEND_HAVE_TZDB
    const date::time_zone* named = nullptr; ///< from the OS tz database
#endif
    std::chrono::seconds offset{0}; ///< a fixed offset (+01:00), when not named

    date::local_seconds local(date::sys_seconds t) const {
#ifdef PASSEND_HAVE_TZDB
        if (named) return named->to_local(t);
#endif
        return date::local_seconds{t.time_since_epoch() + offset};
    }
};

struct field_type {
    layout kind = layout::null_type;
    int scale = 0;                    ///< decimals
    std::int64_t per_second = 0;      ///< timestamps: ticks per second
    std::string_view unit;            ///< timestamps: "s", "ms", "us" or "ns"
    std::string_view zone_name;       ///< timestamps: the text after the colon ("" for none)
    zone_rule zone;                   ///< timestamps: zone_name resolved
    std::optional<layout> dictionary; ///< the value layout when dictionary-encoded
    bool is_string() const {
        return kind == layout::utf8 || kind == layout::large_utf8 || kind == layout::utf8_view;
    }
    bool is_integer() const;
};

bool is_integer_layout(layout l) {
    return l >= layout::int8 && l <= layout::uint64;
}
bool is_string_layout(layout l) {
    return l == layout::utf8 || l == layout::large_utf8 || l == layout::utf8_view;
}
bool field_type::is_integer() const {
    return is_integer_layout(kind);
}

/// The layout of Arrow format string `f`, with its parameters (scale, timestamp unit and zone)
/// set in `ft`; nullopt for a format passend does not read.
std::optional<layout> parse_layout(std::string_view f, field_type& ft) {
    if (f == "n") return layout::null_type;
    if (f == "u") return layout::utf8;
    if (f == "U") return layout::large_utf8;
    if (f == "vu") return layout::utf8_view;
    if (f == "c") return layout::int8;
    if (f == "s") return layout::int16;
    if (f == "i") return layout::int32;
    if (f == "l") return layout::int64;
    if (f == "C") return layout::uint8;
    if (f == "S") return layout::uint16;
    if (f == "I") return layout::uint32;
    if (f == "L") return layout::uint64;
    if (f == "f") return layout::float32;
    if (f == "g") return layout::float64;
    if (f == "tdD") return layout::date32;
    if (f == "tdm") return layout::date64;
    if (f.size() >= 4 && f.starts_with("ts") && f[3] == ':') { // ts<unit>:<zone>
        static constexpr struct {
            char code;
            std::int64_t per_second;
            std::string_view name;
        } units[] = {
            {'s', 1, "s"}, {'m', 1'000, "ms"}, {'u', 1'000'000, "us"}, {'n', 1'000'000'000, "ns"}};
        for (const auto& u : units)
            if (f[2] == u.code) {
                ft.per_second = u.per_second;
                ft.unit = u.name;
                ft.zone_name = f.substr(4);
                return layout::timestamp;
            }
        return std::nullopt;
    }
    if (f.starts_with("d:")) { // d:precision,scale[,bitwidth]; only 128-bit decimals
        const auto rest = f.substr(2);
        const auto comma = rest.find(',');
        if (comma == std::string_view::npos) return std::nullopt;
        auto tail = rest.substr(comma + 1);
        const auto comma2 = tail.find(',');
        if (comma2 != std::string_view::npos) {
            if (tail.substr(comma2 + 1) != "128") return std::nullopt;
            tail = tail.substr(0, comma2);
        }
        ft.scale = 0;
        for (char c : tail) {
            if (c < '0' || c > '9' || ft.scale > 38) return std::nullopt;
            ft.scale = ft.scale * 10 + (c - '0');
        }
        return layout::decimal128;
    }
    return std::nullopt;
}

/// `+HH:MM` or `-HH:MM` (Arrow's fixed-offset zones) as seconds east of UTC.
std::optional<std::chrono::seconds> parse_offset(std::string_view z) {
    const auto digit = [&](std::size_t k) { return z[k] >= '0' && z[k] <= '9' ? z[k] - '0' : -1; };
    if (z.size() != 6 || (z[0] != '+' && z[0] != '-') || z[3] != ':') return std::nullopt;
    const int h1 = digit(1), h2 = digit(2), m1 = digit(4), m2 = digit(5);
    if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return std::nullopt;
    const int hours = h1 * 10 + h2, minutes = m1 * 10 + m2;
    if (hours > 23 || minutes > 59) return std::nullopt;
    const std::chrono::seconds offset{(hours * 60 + minutes) * 60};
    return z[0] == '-' ? -offset : offset;
}

/// Resolve the time zone of a timestamp field into `ft.zone`: none or UTC, a fixed offset, or a
/// name in the OS tz database (/usr/share/zoneinfo). Returns why it cannot, or "".
std::string resolve_zone(field_type& ft) {
    const auto name = ft.zone_name;
    if (name.empty() || name == "UTC" || name == "Etc/UTC") return {};
    if (const auto offset = parse_offset(name)) {
        ft.zone.offset = *offset;
        return {};
    }
#ifdef PASSEND_HAVE_TZDB
    try {
        ft.zone.named = date::locate_zone(name);
        ft.zone.named->get_info(date::sys_seconds{}); // loads the zone's rules now, once
        return {};
    } catch (const std::exception& e) {
        ft.zone.named = nullptr;
        return e.what();
    }
#else
    return "this build of passend has no time zone database; use UTC or an offset like +01:00";
#endif
}

/// Whether values of type `ft` can feed a contract column of type `ct`.
bool fits(const field_type& ft, column_type ct) {
    if (ft.kind == layout::null_type) return true;
    const bool str = ft.is_string() || (ft.dictionary && is_string_layout(*ft.dictionary));
    if (ft.dictionary && !str) return false;
    const bool integer = !ft.dictionary && ft.is_integer();
    const bool number =
        !ft.dictionary &&
        (ft.kind == layout::float32 || ft.kind == layout::float64 || ft.kind == layout::decimal128);
    const bool date = !ft.dictionary && (ft.kind == layout::date32 || ft.kind == layout::date64 ||
                                         ft.kind == layout::timestamp);
    switch (ct) {
    case column_type::text:
        return str || integer;
    case column_type::code:
        return str;
    case column_type::date:
        return str || date;
    case column_type::integer:
        return str || integer;
    case column_type::amount:
    case column_type::score:
    case column_type::number:
        return str || integer || number;
    case column_type::year:
        return str || integer;
    }
    return false;
}

std::string_view expected(column_type ct) {
    switch (ct) {
    case column_type::text:
        return "a string (utf8, large_utf8, utf8_view, dictionary) or an integer";
    case column_type::code:
        return "a string (utf8, large_utf8, utf8_view, dictionary)";
    case column_type::date:
        return "a date (date32, date64, timestamp) or a string YYYY-MM-DD";
    case column_type::integer:
        return "an integer or a string";
    case column_type::amount:
    case column_type::score:
    case column_type::number:
        return "a number (integer, float, decimal128) or a string";
    case column_type::year:
        return "a string 2024-2025 or an integer start year";
    }
    return "?";
}

/// What a layout needs beyond the validity bitmap: its value buffer (1) and, for strings, the
/// character data (2); utf8_view also its variadic buffer sizes (last).
std::int64_t buffers_needed(layout l) {
    switch (l) {
    case layout::null_type:
        return 0;
    case layout::utf8:
    case layout::large_utf8:
    case layout::utf8_view:
        return 3;
    default:
        return 2;
    }
}

/// Why the array `a` of layout `l` cannot be read for logical indices [0, rows), or "". The C
/// data interface carries no buffer sizes, so this checks what it can: lengths, offsets and
/// buffer pointers; values (string offsets, views, dictionary indices) are checked when read.
std::string malformed(const ArrowArray& a, layout l, std::int64_t rows) {
    if (a.length < 0 || a.offset < 0)
        return "length " + std::to_string(a.length) + " and offset " + std::to_string(a.offset) +
               " must not be negative";
    if (a.length > std::numeric_limits<std::int64_t>::max() - a.offset)
        return "length " + std::to_string(a.length) + " and offset " + std::to_string(a.offset) +
               " overflow";
    if (a.length < rows)
        return "it has " + std::to_string(a.length) + " values where the batch needs " +
               std::to_string(rows);
    if (a.n_buffers < buffers_needed(l))
        return "it has " + std::to_string(a.n_buffers) + " buffers; its type needs " +
               std::to_string(buffers_needed(l));
    if (a.n_buffers > 0 && !a.buffers) return "its buffer list is NULL";
    if (a.length > 0 && buffers_needed(l) > 1 && !a.buffers[1]) return "its value buffer is NULL";
    if (a.length > 0 && l == layout::utf8_view && !a.buffers[a.n_buffers - 1])
        return "its variadic buffer sizes are NULL";
    return {};
}

bool valid(const ArrowArray& a, std::int64_t i) {
    if (a.n_buffers == 0) return false; // the null type
    const auto* bits = static_cast<const std::uint8_t*>(a.buffers[0]);
    return !bits || (bits[i >> 3] >> (i & 7)) & 1;
}

template <class T>
T at(const ArrowArray& a, int buffer, std::int64_t i) {
    T v;
    std::memcpy(&v, static_cast<const char*>(a.buffers[buffer]) + i * std::int64_t(sizeof(T)),
                sizeof(T));
    return v;
}

/// Value `i` of an integer layout, wide enough for every int64 and uint64.
int128 integer_at(const ArrowArray& a, layout l, std::int64_t i) {
    switch (l) {
    case layout::int8:
        return at<std::int8_t>(a, 1, i);
    case layout::int16:
        return at<std::int16_t>(a, 1, i);
    case layout::int32:
        return at<std::int32_t>(a, 1, i);
    case layout::int64:
        return at<std::int64_t>(a, 1, i);
    case layout::uint8:
        return at<std::uint8_t>(a, 1, i);
    case layout::uint16:
        return at<std::uint16_t>(a, 1, i);
    case layout::uint32:
        return at<std::uint32_t>(a, 1, i);
    default:
        return at<std::uint64_t>(a, 1, i);
    }
}

/// String value `i`, or nullopt when its offsets or view point outside what the array holds.
std::optional<std::string_view> string_at(const ArrowArray& a, layout l, std::int64_t i) {
    const auto* data = static_cast<const char*>(a.buffers[2]);
    const auto slice = [&](std::int64_t b, std::int64_t e) -> std::optional<std::string_view> {
        if (b < 0 || e < b || (e > b && !data)) return std::nullopt;
        if (e == b) return std::string_view{}; // also for NULL data, where data + b is undefined
        return std::string_view{data + b, static_cast<std::size_t>(e - b)};
    };
    if (l == layout::utf8) return slice(at<std::int32_t>(a, 1, i), at<std::int32_t>(a, 1, i + 1));
    if (l == layout::large_utf8)
        return slice(at<std::int64_t>(a, 1, i), at<std::int64_t>(a, 1, i + 1));
    // utf8_view: length, then 12 inline bytes, or a 4-byte prefix, buffer index and offset; the
    // last buffer holds the sizes of the variadic data buffers (buffers 2 .. n_buffers - 2).
    const auto* view = static_cast<const char*>(a.buffers[1]) + i * 16;
    std::int32_t len, buf, off;
    std::memcpy(&len, view, 4);
    if (len < 0) return std::nullopt;
    if (len <= 12) return std::string_view{view + 4, static_cast<std::size_t>(len)};
    std::memcpy(&buf, view + 8, 4);
    std::memcpy(&off, view + 12, 4);
    if (buf < 0 || buf >= a.n_buffers - 3) return std::nullopt;
    const auto size = at<std::int64_t>(a, static_cast<int>(a.n_buffers - 1), buf);
    data = static_cast<const char*>(a.buffers[2 + buf]);
    if (std::int64_t{off} + len > size) return std::nullopt;
    return slice(off, std::int64_t{off} + len);
}

std::string decimal_text(int128 v, int scale) {
    const bool negative = v < 0;
    uint128 u = negative ? -static_cast<uint128>(v) : static_cast<uint128>(v);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
        u /= 10;
    } while (u);
    if (scale > 0) {
        if (digits.size() <= static_cast<std::size_t>(scale))
            digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
    }
    return negative ? '-' + digits : digits;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { // b > 0
    return a / b - (a % b < 0 ? 1 : 0);
}

constexpr std::int64_t seconds_per_day = 86'400;
constexpr std::int64_t first_day = make_day(0, 1, 1).time_since_epoch().count();
constexpr std::int64_t last_day = make_day(9999, 12, 31).time_since_epoch().count();

/// A date value outside the years 0000-9999, which no contract date can name, as the raw value
/// and its unit ("99999999 days since 1970-01-01"): validation rejects it as malformed_date
/// naming the value it was given.
std::string raw_text(std::int64_t raw, std::string_view unit) {
    return std::to_string(raw) + ' ' + std::string(unit) + " since 1970-01-01";
}

/// Day `days` since 1970-01-01 as YYYY-MM-DD (raw_text outside the years 0000-9999).
std::string day_text(std::int64_t days, std::int64_t raw, std::string_view unit) {
    if (days < first_day || days > last_day) return raw_text(raw, unit);
    return format_day(day{date::days{static_cast<int>(days)}});
}

/// A timestamp as the calendar day it falls on: the date of its wall-clock time for a field
/// without a zone, of its local time in the field's zone otherwise. The time of day is dropped
/// (2024-08-01T13:45 is 2024-08-01), as pandas' `.dt.date` and from_pandas do.
std::optional<std::int64_t> timestamp_day(std::int64_t v, const field_type& ft) {
    const auto seconds = floor_div(v, ft.per_second);
    // Beyond the years 0000-9999 (with a day to spare for the zone's offset): no contract date.
    if (seconds < (first_day - 1) * seconds_per_day || seconds > (last_day + 2) * seconds_per_day)
        return std::nullopt;
    const auto local =
        ft.zone.local(date::sys_seconds{std::chrono::seconds{seconds}}).time_since_epoch().count();
    return floor_div(local, seconds_per_day);
}

/// timestamp_day as text (raw_text beyond the years 0000-9999).
std::string timestamp_text(std::int64_t v, const field_type& ft) {
    const auto d = timestamp_day(v, ft);
    return d ? day_text(*d, v, ft.unit) : raw_text(v, ft.unit);
}

/// Value `i` (logical, offsets applied by the caller) of a non-dictionary array as field text;
/// false when the array does not hold it (a string's offsets out of order or out of bounds).
bool text_at(const ArrowArray& a, const field_type& ft, layout l, std::int64_t i, column_type ct,
             std::string& out) {
    out.clear();
    if (!valid(a, i)) return true;
    if (is_integer_layout(l)) {
        const auto v = integer_at(a, l, i);
        out = decimal_text(v, 0);
        if (ct == column_type::year) out += '-' + decimal_text(v + 1, 0);
        return true;
    }
    switch (l) {
    case layout::null_type:
        return true;
    case layout::utf8:
    case layout::large_utf8:
    case layout::utf8_view: {
        const auto s = string_at(a, l, i);
        if (s) out = *s;
        return s.has_value();
    }
    case layout::float32:
        out = detail::format_number(at<float>(a, 1, i), ct);
        return true;
    case layout::float64:
        out = detail::format_number(at<double>(a, 1, i), ct);
        return true;
    case layout::decimal128:
        out = decimal_text(at<int128>(a, 1, i), ft.scale);
        return true;
    case layout::date32: {
        const auto d = at<std::int32_t>(a, 1, i);
        out = day_text(d, d, "days");
        return true;
    }
    case layout::date64: {
        const auto ms = at<std::int64_t>(a, 1, i);
        out = day_text(floor_div(ms, 1'000 * seconds_per_day), ms, "ms");
        return true;
    }
    case layout::timestamp:
        out = timestamp_text(at<std::int64_t>(a, 1, i), ft);
        return true;
    default: // the integers, above
        break;
    }
    return true;
}

/// One stream field mapped onto a contract column.
struct mapped_field {
    std::size_t child;  ///< index in the struct
    std::size_t column; ///< contract column
    field_type type;
    std::uint32_t position() const { return static_cast<std::uint32_t>(child + 1); }
};

/// Value `i` of a field as field text in `out`. Returns nullptr, or the rule the value breaks
/// with the message (naming the column and the value) in `out`.
const char* value_of(const ArrowArray& child, const mapped_field& m, const column_spec& cs,
                     std::int64_t i, std::string& out) {
    constexpr auto outside = " has string offsets or a view outside the Arrow array's buffers";
    if (!m.type.dictionary) {
        if (text_at(child, m.type, m.type.kind, i, cs.type, out)) return nullptr;
        out = std::string(cs.name) + outside;
        return "malformed_arrow";
    }
    out.clear();
    if (!valid(child, i)) return nullptr;
    const auto& dict = *child.dictionary;
    const int128 index = integer_at(child, m.type.kind, i);
    if (index < 0 || index >= dict.length) {
        out = std::string(cs.name) + " dictionary index " + decimal_text(index, 0) +
              " is out of range of " + std::to_string(dict.length) + " values";
        return "dictionary_index_out_of_range";
    }
    const auto at_index = dict.offset + static_cast<std::int64_t>(index);
    if (text_at(dict, m.type, *m.type.dictionary, at_index, cs.type, out)) return nullptr;
    out = std::string(cs.name) + " dictionary value " + decimal_text(index, 0) + outside;
    return "malformed_arrow";
}

struct stream_guard {
    ArrowArrayStream* s;
    ~stream_guard() {
        if (s && s->release) s->release(s);
    }
};
struct schema_guard {
    ArrowSchema s{};
    ~schema_guard() {
        if (s.release) s.release(&s);
    }
};
struct array_guard {
    ArrowArray a{};
    ~array_guard() {
        if (a.release) a.release(&a);
    }
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// A diagnostic as the message of a failed call: `pupils:3:2: error: ... [rule]`.
std::string located(const diagnostic& d) {
    return to_string(d) + " [" + d.rule + "]";
}

std::string stream_message(ArrowArrayStream* s, int code) {
    const char* m = s->get_last_error ? s->get_last_error(s) : nullptr;
    return m ? std::string(m) : "error code " + std::to_string(code);
}

/// Value `i` (logical) of a non-dictionary array as a cell for a column of type `ct`: kind
/// other when only its text form will do (a decimal, an integer beyond int64, a timestamp
/// beyond the years 0000-9999, string offsets outside the buffers). An integer for a text
/// column becomes its text, kept by `hold` while the row is.
template <class Hold>
cell cell_at(const ArrowArray& a, const field_type& ft, layout l, std::int64_t i, column_type ct,
             Hold&& hold) {
    const cell other = cell::of_other();
    if (!valid(a, i)) return {};
    if (is_integer_layout(l)) {
        const auto v = integer_at(a, l, i);
        if (v > std::numeric_limits<std::int64_t>::max()) return other;
        if (ct == column_type::text) return cell::of_text(hold(decimal_text(v, 0)));
        return cell::of_integer(static_cast<std::int64_t>(v));
    }
    switch (l) {
    case layout::null_type:
        return {};
    case layout::utf8:
    case layout::large_utf8:
    case layout::utf8_view: {
        const auto s = string_at(a, l, i);
        return s ? cell::of_text(*s) : other;
    }
    case layout::float32:
        return cell::of_real(at<float>(a, 1, i));
    case layout::float64:
        return cell::of_real(at<double>(a, 1, i));
    case layout::decimal128:
        return other;
    case layout::date32:
        return cell::of_days(at<std::int32_t>(a, 1, i));
    case layout::date64:
        return cell::of_days(floor_div(at<std::int64_t>(a, 1, i), 1'000 * seconds_per_day));
    case layout::timestamp: {
        const auto d = timestamp_day(at<std::int64_t>(a, 1, i), ft);
        return d ? cell::of_days(*d) : other;
    }
    default: // the integers, above
        break;
    }
    return other;
}

/// Value `i` of a mapped field as a cell (a dictionary's index looked up).
template <class Hold>
cell field_cell(const ArrowArray& child, const mapped_field& m, column_type ct, std::int64_t i,
                Hold&& hold) {
    if (!m.type.dictionary) return cell_at(child, m.type, m.type.kind, i, ct, hold);
    if (!valid(child, i)) return {};
    const auto& dict = *child.dictionary;
    const int128 index = integer_at(child, m.type.kind, i);
    if (index < 0 || index >= dict.length) return cell::of_other();
    return cell_at(dict, m.type, *m.type.dictionary, dict.offset + static_cast<std::int64_t>(index),
                   ct, hold);
}

/// One table's import into a builder: the fields mapped, the rows numbered on.
struct importer {
    dataset_builder& builder;
    table id;
    const table_spec& ts;
    std::string source;
    std::uint64_t& rows;
    std::vector<mapped_field> fields;
    std::string first_bad; ///< the first error the import reported itself, located

    void bad(std::uint64_t line, std::uint32_t column, std::string rule, std::string message) {
        diagnostic d{severity::error, source, line, column, std::move(rule), std::move(message)};
        if (first_bad.empty()) first_bad = located(d);
        builder.report(std::move(d));
    }

    /// Map the schema's fields to columns, reporting every problem; false when one is an error.
    bool map(const ArrowSchema& schema);
    /// Why batch `s` cannot be read (reported), or false when it can.
    bool malformed_batch(const ArrowArray& s);
    /// Add the rows of batch `s`; false once the error cap stops the load.
    template <table T>
    bool add_batch(const ArrowArray& s);
    /// Row `row` of batch `s` through the text path, at line `rows`.
    void add_as_text(const ArrowArray& s, std::int64_t row, bool present);
};

bool importer::map(const ArrowSchema& schema) {
    std::vector<std::uint32_t> positions(ts.columns.size(), 0);
    std::vector<diagnostic> problems;
    for (std::int64_t i = 0; i < schema.n_children; ++i) {
        const ArrowSchema& child = *schema.children[i];
        const auto col_no = static_cast<std::uint32_t>(i + 1);
        const std::string name = lower(child.name ? child.name : "");
        const auto c = ts.find(name);
        if (!c) {
            problems.push_back({severity::warning, source, 0, col_no, "unknown_column",
                                "the column '" + name + "' is not in the contract; ignored"});
            continue;
        }
        const auto& cs = ts.columns[*c];
        if (positions[*c]) {
            problems.push_back({severity::error, source, 0, col_no, "duplicate_column",
                                "the column " + name + " is given twice"});
            continue;
        }
        positions[*c] = col_no;
        field_type ft;
        const std::string_view format = child.format ? child.format : "";
        auto kind = parse_layout(format, ft);
        if (kind && child.dictionary) {
            field_type value;
            ft.dictionary = child.dictionary->format ? parse_layout(child.dictionary->format, value)
                                                     : std::nullopt;
            if (!ft.dictionary) kind.reset();
        }
        if (kind) ft.kind = *kind;
        if (!kind || !fits(ft, cs.type)) {
            std::string shown(format);
            if (child.dictionary && child.dictionary->format)
                shown += std::string(" dictionary of '") + child.dictionary->format + "'";
            problems.push_back({severity::error, source, 0, col_no, "wrong_type",
                                std::string(cs.name) + " has Arrow type '" + shown +
                                    "'; expected " + std::string(expected(cs.type))});
            continue;
        }
        if (ft.kind == layout::timestamp)
            if (const auto why = resolve_zone(ft); !why.empty()) {
                problems.push_back({severity::error, source, 0, col_no, "unknown_time_zone",
                                    std::string(cs.name) + " has Arrow type '" +
                                        std::string(format) + "' with time zone '" +
                                        std::string(ft.zone_name) +
                                        "', which passend cannot resolve: " + why});
                continue;
            }
        fields.push_back({static_cast<std::size_t>(i), *c, ft});
    }
    for (std::size_t c = 0; c < ts.columns.size(); ++c)
        if (ts.columns[c].required && !positions[c])
            problems.push_back(
                {severity::error, source, 0, 0, "missing_column",
                 "the required column " + std::string(ts.columns[c].name) + " is missing"});
    for (const auto& p : problems)
        if (p.level == severity::error && first_bad.empty()) first_bad = located(p);
    for (auto& p : problems) builder.report(std::move(p));
    if (!first_bad.empty()) {
        // Given but not read: no second error that it is missing, none for ids it may hold.
        builder.declare_unread(id);
        return false;
    }
    builder.set_source(id, source, std::move(positions));
    return true;
}

bool importer::malformed_batch(const ArrowArray& s) {
    const auto first_row = rows + 1;
    std::string why;
    if (s.length < 0 || s.offset < 0)
        why = "length " + std::to_string(s.length) + " and offset " + std::to_string(s.offset) +
              " must not be negative";
    else if (s.length > std::numeric_limits<std::int64_t>::max() - s.offset)
        why = "length " + std::to_string(s.length) + " and offset " + std::to_string(s.offset) +
              " overflow";
    else if ((s.n_buffers > 0 && !s.buffers) || (s.n_children > 0 && !s.children))
        why = "its buffer or children list is NULL";
    if (!why.empty()) {
        bad(first_row, 0, "malformed_arrow", "a batch of the Arrow stream is malformed: " + why);
        return true;
    }
    for (const auto& m : fields) {
        const ArrowArray* child = s.children[m.child];
        if (!child)
            why = "the array is NULL";
        else if (m.type.dictionary && !child->dictionary)
            why = "the dictionary is NULL";
        else
            why = malformed(*child, m.type.kind, s.offset + s.length);
        if (why.empty() && m.type.dictionary)
            if (const auto w = malformed(*child->dictionary, *m.type.dictionary, 0); !w.empty())
                why = "its dictionary: " + w;
        if (!why.empty()) {
            bad(first_row, m.position(), "malformed_arrow",
                std::string(ts.columns[m.column].name) + ": the Arrow array is malformed: " + why);
            return true;
        }
    }
    return false;
}

void importer::add_as_text(const ArrowArray& s, std::int64_t row, bool present) {
    // A value the arrays do not hold (a dictionary index out of range, string offsets outside
    // the buffers) is a located error and its row is not taken.
    std::vector<std::string> values(ts.columns.size());
    bool readable = true, id_readable = true;
    if (present)
        for (const auto& m : fields) {
            const ArrowArray& child = *s.children[m.child];
            auto& out = values[m.column];
            const auto* rule = value_of(child, m, ts.columns[m.column], child.offset + row, out);
            if (!rule) continue;
            bad(rows, m.position(), rule, out);
            readable = false;
            id_readable &= m.column != 0;
        }
    if (!readable) {
        // The row keeps its number; it is not taken, but its id counts as defined.
        builder.reject_row(id, id_readable ? values[0] : std::string_view{});
        return;
    }
    const std::vector<std::string_view> views(values.begin(), values.end());
    builder.add_text_row(id, views, rows);
}

template <table T>
bool importer::add_batch(const ArrowArray& s) {
    detail::row_chunk<T> chunk(builder);
    const auto hold = [&](std::string text) { return chunk.hold(std::move(text)); };
    std::vector<cell> cells(ts.columns.size());
    table_row_t<T> typed{};
    for (std::int64_t r = 0; r < s.length; ++r) {
        const std::int64_t row = s.offset + r;
        const bool present = s.n_buffers == 0 || valid(s, row);
        bool whole = present;
        for (const auto& m : fields) {
            auto& c = cells[m.column];
            const ArrowArray& child = *s.children[m.child];
            c = present ? field_cell(child, m, ts.columns[m.column].type, child.offset + row, hold)
                        : cell{};
            whole &= c.what != cell::kind::other;
        }
        ++rows;
        if (present && whole && detail::typed_row<T>(cells, typed)) {
            if (!chunk.push(typed, rows)) return false;
            continue;
        }
        if (!chunk.flush()) return false;
        add_as_text(s, row, present);
        if (builder.error_cap_reached()) return false;
    }
    return chunk.flush();
}

struct release_stream {
    void operator()(ArrowArrayStream* s) const noexcept {
        if (s->release) s->release(s);
    }
};

} // namespace

std::string append_arrow(dataset_builder& builder, table t, ArrowArrayStream& stream,
                         std::uint64_t& rows) {
    if (!stream.release) throw invalid_argument("the stream is already released");
    const std::unique_ptr<ArrowArrayStream, release_stream> owned{&stream};
    const auto& ts = spec(t);
    importer im{builder, t, ts, std::string(ts.name), rows, {}, {}};

    schema_guard schema;
    if (const int rc = stream.get_schema(&stream, &schema.s); rc != 0)
        throw arrow_stream_error("get_schema failed: " + stream_message(&stream, rc));
    if (!schema.s.format || std::string_view(schema.s.format) != "+s")
        throw invalid_argument(std::string("the stream's schema is not a struct (format '") +
                               (schema.s.format ? schema.s.format : "") + "')");
    if (schema.s.n_children > 0 && !schema.s.children)
        throw invalid_argument("the stream's schema has no children list");
    for (std::int64_t i = 0; i < schema.s.n_children; ++i)
        if (!schema.s.children[i])
            throw invalid_argument("the stream's schema child " + std::to_string(i) + " is NULL");
    if (!im.map(schema.s)) return im.first_bad;

    // A row number is the row's 1-based position in the table across batches; a batch whose
    // arrays cannot be read at all ends the import.
    for (;;) {
        array_guard batch;
        if (const int rc = stream.get_next(&stream, &batch.a); rc != 0) {
            auto message = "get_next failed after " + std::to_string(rows) +
                           " rows: " + stream_message(&stream, rc);
            builder.report({severity::error, im.source, 0, 0, "stream_error", message});
            throw arrow_stream_error(std::move(message));
        }
        if (!batch.a.release) break; // end of stream
        const ArrowArray& s = batch.a;
        if (s.n_children != schema.s.n_children)
            throw invalid_argument("a batch has " + std::to_string(s.n_children) +
                                   " children, the schema " + std::to_string(schema.s.n_children));
        if (im.malformed_batch(s)) break;
        const bool more =
            with_table(t, [&](auto tag) { return im.add_batch<decltype(tag)::value>(s); });
        if (!more) break;
    }
    return im.first_bad;
}

load_result load_arrow(std::span<const arrow_table> tables, const load_options& options) {
    // Every stream is released, also those after one that throws.
    std::vector<std::unique_ptr<ArrowArrayStream, release_stream>> owned;
    for (const auto& t : tables)
        if (t.stream) owned.emplace_back(t.stream);
    dataset_builder builder(options);
    std::uint64_t rows[table_count] = {};
    table_set given;
    for (const auto& t : tables) given.insert(t.id);
    const auto reading = tables_read(options, given.contains(table::extract));
    for (const auto t : reading.complement().list())
        builder.leave_out(t, given.contains(t) ? spec(t).name : std::string_view{});
    for (const auto& t : tables) {
        if (!t.stream)
            throw invalid_argument(std::string(spec(t.id).name) + ": the stream is NULL");
        if (!reading.contains(t.id)) continue;
        (void)append_arrow(builder, t.id, *t.stream, rows[static_cast<std::size_t>(t.id)]);
    }
    return builder.finish();
}

namespace {
/// The one-batch stream of arrow_stream_of: owns the schema and the batch until handed out.
struct one_batch {
    ArrowSchema schema;
    ArrowArray batch;
    std::string error;

    static one_batch& of(ArrowArrayStream* s) { return *static_cast<one_batch*>(s->private_data); }
    static int get_schema(ArrowArrayStream* s, ArrowSchema* out) {
        auto& self = of(s);
        if (!self.schema.release) {
            self.error = "the schema was handed out already";
            return EINVAL;
        }
        *out = self.schema;
        self.schema.release = nullptr;
        return 0;
    }
    static int get_next(ArrowArrayStream* s, ArrowArray* out) {
        auto& self = of(s);
        *out = self.batch; // after the batch: released, the end of the stream
        self.batch.release = nullptr;
        return 0;
    }
    static const char* last_error(ArrowArrayStream* s) { return of(s).error.c_str(); }
    static void release(ArrowArrayStream* s) {
        auto* self = &of(s);
        if (self->schema.release) self->schema.release(&self->schema);
        if (self->batch.release) self->batch.release(&self->batch);
        delete self;
        s->release = nullptr;
    }
};
} // namespace

ArrowArrayStream arrow_stream_of(ArrowSchema& schema, ArrowArray& batch) {
    auto* owner = new one_batch{schema, batch, {}};
    schema.release = nullptr;
    batch.release = nullptr;
    return {one_batch::get_schema, one_batch::get_next, one_batch::last_error, one_batch::release,
            owner};
}

PASSEND_NAMESPACE_END
