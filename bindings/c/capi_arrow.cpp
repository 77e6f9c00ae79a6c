// libpassend_c: Arrow C stream import. Each field of the stream's struct schema is matched to a
// contract column by name, its type checked against the column's, and every value written as
// the field text a CSV file would hold, so rows pass the loaders' one validation path.
#include "capi.hpp"

#include "passend/calendar.hpp"

#include <cctype>
#include <cstring>
#include <optional>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

namespace {

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
};

struct field_type {
    layout kind = layout::null_type;
    int scale = 0;                    ///< decimals
    std::optional<layout> dictionary; ///< the value layout when dictionary-encoded
    bool is_string() const {
        return kind == layout::utf8 || kind == layout::large_utf8 || kind == layout::utf8_view;
    }
    bool is_integer() const { return kind >= layout::int8 && kind <= layout::uint64; }
};

bool is_string_layout(layout l) {
    return l == layout::utf8 || l == layout::large_utf8 || l == layout::utf8_view;
}

std::optional<layout> parse_layout(std::string_view f, int& scale) {
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
        scale = 0;
        for (char c : tail) {
            if (c < '0' || c > '9' || scale > 38) return std::nullopt;
            scale = scale * 10 + (c - '0');
        }
        return layout::decimal128;
    }
    return std::nullopt;
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
    const bool date = !ft.dictionary && (ft.kind == layout::date32 || ft.kind == layout::date64);
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
        return "a date (date32, date64) or a string YYYY-MM-DD";
    case column_type::integer:
        return "an integer or a string";
    case column_type::amount:
    case column_type::score:
        return "a number (integer, float, decimal128) or a string";
    case column_type::year:
        return "a string 2024-2025 or an integer start year";
    }
    return "?";
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

std::string_view string_at(const ArrowArray& a, layout l, std::int64_t i) {
    if (l == layout::utf8) {
        const auto b = at<std::int32_t>(a, 1, i), e = at<std::int32_t>(a, 1, i + 1);
        return {static_cast<const char*>(a.buffers[2]) + b, static_cast<std::size_t>(e - b)};
    }
    if (l == layout::large_utf8) {
        const auto b = at<std::int64_t>(a, 1, i), e = at<std::int64_t>(a, 1, i + 1);
        return {static_cast<const char*>(a.buffers[2]) + b, static_cast<std::size_t>(e - b)};
    }
    // utf8_view: length, then 12 inline bytes, or a 4-byte prefix, buffer index and offset.
    const auto* view = static_cast<const char*>(a.buffers[1]) + i * 16;
    std::int32_t len, buf, off;
    std::memcpy(&len, view, 4);
    if (len <= 12) return {view + 4, static_cast<std::size_t>(len)};
    std::memcpy(&buf, view + 8, 4);
    std::memcpy(&off, view + 12, 4);
    return {static_cast<const char*>(a.buffers[2 + buf]) + off, static_cast<std::size_t>(len)};
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

/// Value `i` (logical, offsets applied by the caller) of a non-dictionary array as field text.
std::string text_at(const ArrowArray& a, layout l, int scale, std::int64_t i, column_type ct) {
    if (!valid(a, i)) return {};
    switch (l) {
    case layout::null_type:
        return {};
    case layout::utf8:
    case layout::large_utf8:
    case layout::utf8_view:
        return std::string(string_at(a, l, i));
    case layout::int8:
        return std::to_string(at<std::int8_t>(a, 1, i));
    case layout::int16:
        return std::to_string(at<std::int16_t>(a, 1, i));
    case layout::int32:
    case layout::int64:
    case layout::uint8:
    case layout::uint16:
    case layout::uint32:
    case layout::uint64: {
        long long v = 0;
        unsigned long long u = 0;
        bool is_unsigned = false;
        switch (l) {
        case layout::int32:
            v = at<std::int32_t>(a, 1, i);
            break;
        case layout::int64:
            v = at<std::int64_t>(a, 1, i);
            break;
        case layout::uint8:
            v = at<std::uint8_t>(a, 1, i);
            break;
        case layout::uint16:
            v = at<std::uint16_t>(a, 1, i);
            break;
        case layout::uint32:
            v = at<std::uint32_t>(a, 1, i);
            break;
        default:
            u = at<std::uint64_t>(a, 1, i), is_unsigned = true;
            break;
        }
        if (ct == column_type::year) {
            const long long y = is_unsigned ? static_cast<long long>(u) : v;
            return std::to_string(y) + '-' + std::to_string(y + 1);
        }
        return is_unsigned ? std::to_string(u) : std::to_string(v);
    }
    case layout::float32:
        return capi::format_number(at<float>(a, 1, i), ct);
    case layout::float64:
        return capi::format_number(at<double>(a, 1, i), ct);
    case layout::decimal128:
        return decimal_text(at<int128>(a, 1, i), scale);
    case layout::date32:
        return format_day(day{date::days{at<std::int32_t>(a, 1, i)}});
    case layout::date64: {
        const auto ms = at<std::int64_t>(a, 1, i);
        const auto days = ms / 86'400'000 - (ms % 86'400'000 < 0 ? 1 : 0);
        return format_day(day{date::days{static_cast<int>(days)}});
    }
    }
    return {};
}

/// One stream field mapped onto a contract column.
struct mapped_field {
    std::size_t child;  ///< index in the struct
    std::size_t column; ///< contract column
    field_type type;
};

std::string value_of(const ArrowArray& child, const mapped_field& m, std::int64_t i,
                     column_type ct) {
    if (!m.type.dictionary) return text_at(child, m.type.kind, m.type.scale, i, ct);
    if (!valid(child, i)) return {};
    std::int64_t index = 0;
    switch (m.type.kind) {
    case layout::int8:
        index = at<std::int8_t>(child, 1, i);
        break;
    case layout::int16:
        index = at<std::int16_t>(child, 1, i);
        break;
    case layout::int32:
        index = at<std::int32_t>(child, 1, i);
        break;
    case layout::int64:
        index = at<std::int64_t>(child, 1, i);
        break;
    case layout::uint8:
        index = at<std::uint8_t>(child, 1, i);
        break;
    case layout::uint16:
        index = at<std::uint16_t>(child, 1, i);
        break;
    case layout::uint32:
        index = at<std::uint32_t>(child, 1, i);
        break;
    default:
        index = static_cast<std::int64_t>(at<std::uint64_t>(child, 1, i));
        break;
    }
    const auto& dict = *child.dictionary;
    if (index < 0 || index >= dict.length)
        throw std::out_of_range("dictionary index " + std::to_string(index) + " out of range");
    return text_at(dict, *m.type.dictionary, 0, dict.offset + index, ct);
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

std::string stream_message(ArrowArrayStream* s, int code) {
    const char* m = s->get_last_error ? s->get_last_error(s) : nullptr;
    return m ? std::string(m) : "error code " + std::to_string(code);
}

} // namespace

extern "C" passend_status passend_appender_append_arrow(passend_appender* appender,
                                                        const char* table_name,
                                                        ArrowArrayStream* stream) {
    constexpr auto fn = "passend_appender_append_arrow";
    const auto status = guard([&] {
        if (!stream) return null_argument(fn, "stream");
        if (!stream->release)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": the stream is already released");
        stream_guard owned{stream};
        if (!appender) return null_argument(fn, "appender");
        if (!table_name) return null_argument(fn, "table");
        auto& a = *appender;
        if (a.row_open())
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": a row of " + std::string(spec(a.current).name) +
                                  " is still open (call passend_appender_end_row)");
        const auto t = find_table(lower(table_name));
        if (!t)
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the contract has no table '" + table_name + "'");
        const auto& ts = spec(*t);
        const std::string source(ts.name);
        a.begun = false; // the next row-wise append needs begin_table again

        schema_guard schema;
        if (const int rc = stream->get_schema(stream, &schema.s); rc != 0)
            return capi::fail(PASSEND_ERROR, std::string(fn) + ": get_schema failed: " +
                                                 stream_message(stream, rc));
        if (!schema.s.format || std::string_view(schema.s.format) != "+s")
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": the stream's schema is not a struct (format '" +
                                  (schema.s.format ? schema.s.format : "") + "')");

        // Map fields to columns; every schema problem is a located diagnostic.
        std::vector<mapped_field> fields;
        std::vector<std::uint32_t> positions(ts.columns.size(), 0);
        std::vector<diagnostic> problems;
        for (std::int64_t i = 0; i < schema.s.n_children; ++i) {
            const ArrowSchema& child = *schema.s.children[i];
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
            auto kind = parse_layout(format, ft.scale);
            if (kind && child.dictionary) {
                int unused = 0;
                ft.dictionary = child.dictionary->format
                                    ? parse_layout(child.dictionary->format, unused)
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
            fields.push_back({static_cast<std::size_t>(i), *c, ft});
        }
        for (std::size_t c = 0; c < ts.columns.size(); ++c)
            if (ts.columns[c].required && !positions[c])
                problems.push_back(
                    {severity::error, source, 0, 0, "missing_column",
                     "the required column " + std::string(ts.columns[c].name) + " is missing"});
        const diagnostic* first_error = nullptr;
        for (const auto& p : problems)
            if (p.level == severity::error && !first_error) first_error = &p;
        if (first_error) {
            const auto message = to_string(*first_error) + " [" + first_error->rule + "]";
            for (auto& p : problems) a.builder.report(std::move(p));
            return capi::fail(PASSEND_INVALID_DATA, message);
        }
        for (auto& p : problems) a.builder.report(std::move(p));
        a.builder.set_source(*t, source, positions);

        // Rows.
        std::vector<std::string> values(ts.columns.size());
        std::vector<std::string_view> views(ts.columns.size());
        bool rows_ok = true;
        for (;;) {
            array_guard batch;
            if (const int rc = stream->get_next(stream, &batch.a); rc != 0) {
                const auto message = std::string(fn) + ": get_next failed after " +
                                     std::to_string(a.rows[static_cast<std::size_t>(*t)]) +
                                     " rows: " + stream_message(stream, rc);
                a.builder.report({severity::error, source, 0, 0, "stream_error", message});
                return capi::fail(PASSEND_ERROR, message);
            }
            if (!batch.a.release) break; // end of stream
            const ArrowArray& s = batch.a;
            if (s.n_children != schema.s.n_children)
                return capi::fail(PASSEND_INVALID_ARGUMENT,
                                  std::string(fn) + ": a batch has " +
                                      std::to_string(s.n_children) + " children, the schema " +
                                      std::to_string(schema.s.n_children));
            for (std::int64_t r = 0; r < s.length; ++r) {
                const std::int64_t row = s.offset + r;
                const bool present = s.n_buffers == 0 || valid(s, row);
                for (auto& v : values) v.clear();
                if (present)
                    for (const auto& m : fields) {
                        const ArrowArray& child = *s.children[m.child];
                        values[m.column] =
                            value_of(child, m, child.offset + row, ts.columns[m.column].type);
                    }
                for (std::size_t c = 0; c < values.size(); ++c) views[c] = values[c];
                rows_ok = a.add_row(*t, views) && rows_ok;
            }
        }
        if (rows_ok) return PASSEND_OK;
        return capi::fail(PASSEND_INVALID_DATA,
                          std::string(fn) + ": rows of " + source +
                              " break rules; passend_appender_finish lists every diagnostic");
    });
    if (appender) {
        try {
            appender->error = passend_last_error();
        } catch (...) {
            appender->error.clear();
        }
    }
    return status;
}
