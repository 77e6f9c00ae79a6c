// SPDX-License-Identifier: EUPL-1.2
// Private: rows from sources whose values are already typed (Arrow arrays, numpy columns, the
// C appender), made into a table's typed row (table_row.hpp) without passing through text.
//
// A source gives each row as cells in contract column order. Text cells are read by the text
// loaders' field_reader, so they follow the CSV rules exactly; numbers and day numbers go
// straight into the row's members when they are valid as they stand. Anything the typed path
// does not take (a value it would have to report, a kind it does not read) makes the row go
// through add_text_row with the fields as text, so every diagnostic is the CSV path's.
#pragma once

#include "passend/builder.hpp"
#include "passend/table_row.hpp"

#include "text_fields.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// One value of a typed source.
struct cell {
    enum class kind : std::uint8_t {
        absent,  ///< null, NaN, NaT: an empty field
        text,    ///< `text`, read as a CSV field
        integer, ///< `integer`
        real,    ///< `real`, finite or infinite (never NaN: that is absent)
        days,    ///< `integer` days since 1970-01-01
        other,   ///< only its text form will do (`text`, when the source keeps it)
    };
    kind what = kind::absent;
    std::string_view text;
    std::int64_t integer = 0;
    double real = 0;

    static cell of_text(std::string_view t) noexcept { return {kind::text, t, 0, 0}; }
    static cell of_integer(std::int64_t v) noexcept { return {kind::integer, {}, v, 0}; }
    static cell of_real(double v) noexcept {
        return std::isnan(v) ? cell{} : cell{kind::real, {}, 0, v};
    }
    static cell of_days(std::int64_t v) noexcept { return {kind::days, {}, v, 0}; }
    static cell of_other(std::string_view t = {}) noexcept { return {kind::other, t, 0, 0}; }
};

/// A double as a field text for a column of type `type`: amounts within 1e-6 of a whole cent are
/// written with two decimals, anything else in its shortest exact form (which validation then
/// judges); NaN is absent (empty).
std::string format_number(double value, column_type type);
/// `YYYY-MM-DD` for any numbers (an impossible date is left for validation to reject).
std::string format_date(std::int64_t year, std::int64_t month, std::int64_t day);
/// A cell as the field text a CSV file would hold for it (`scratch` holds a made text).
std::string_view cell_text(const cell& c, column_type type, std::string& scratch);

/// Member value `Value` of a non-text cell for column `c`, when valid as it stands; nullopt
/// sends the row to the text path (which reports the value, or takes it as the CSV path would).
template <class Value>
std::optional<Value> typed_value(const cell& v, const column_spec& c) {
    using kind = cell::kind;
    const bool integer = v.what == kind::integer;
    const bool real = v.what == kind::real;
    if constexpr (std::is_same_v<Value, day>) {
        constexpr auto first = make_day(school_year::min_start_year, 1, 1).time_since_epoch();
        constexpr auto last = make_day(school_year::max_start_year, 12, 31).time_since_epoch();
        if (v.what != kind::days || v.integer < first.count() || v.integer > last.count())
            return std::nullopt;
        return day{date::days{static_cast<int>(v.integer)}};
    } else if constexpr (std::is_same_v<Value, school_year>) {
        if (!integer || v.integer < school_year::min_start_year ||
            v.integer > school_year::max_start_year)
            return std::nullopt;
        return school_year{static_cast<int>(v.integer)};
    } else if constexpr (std::is_same_v<Value, cents>) {
        // As the text path takes them: whole euros of at most 15 digits; a double within 1e-6
        // of a whole cent (format_number); never negative.
        if (integer && v.integer >= 0 && v.integer < 1'000'000'000'000'000) return v.integer * 100;
        if (!real || !(v.real >= 0 && v.real < 1e13)) return std::nullopt;
        const double c = std::round(v.real * 100);
        if (std::fabs(v.real - c / 100) >= 1e-6) return std::nullopt;
        return static_cast<cents>(c);
    } else if constexpr (std::is_same_v<Value, int> || std::is_same_v<Value, std::optional<int>>) {
        if (c.type == column_type::code) return std::nullopt; // ja/nee: text only
        // INT_MIN is the text path's "absent" for optional integers: left to it.
        if (integer && v.integer > std::numeric_limits<int>::min() &&
            v.integer <= std::numeric_limits<int>::max())
            return static_cast<int>(v.integer);
        if (real && v.real == std::floor(v.real) && std::fabs(v.real) < 1e9)
            return static_cast<int>(v.real);
        return std::nullopt;
    } else if constexpr (std::is_same_v<Value, double>) {
        constexpr std::int64_t exact = std::int64_t{1} << 53; // every integer below is a double
        const double x = integer && v.integer > -exact && v.integer < exact
                             ? static_cast<double>(v.integer)
                         : real ? v.real
                                : std::numeric_limits<double>::quiet_NaN();
        if (c.type == column_type::score ? !(x >= 0.0 && x <= 1.0) : !std::isfinite(x))
            return std::nullopt;
        return x;
    } else {
        return std::nullopt; // texts and codes come as text cells
    }
}

/// The row of table T from `cells` (contract column order) into `row`; false when a cell is not
/// taken as it stands, and the row must go through the text path.
template <table T>
bool typed_row(std::span<const cell> cells, table_row_t<T>& row) {
    constexpr auto width = std::tuple_size_v<decltype(table_row<T>::columns)>;
    const auto& columns = spec(T).columns;
    std::array<std::string_view, width> texts{};
    for (std::size_t i = 0; i < width; ++i)
        if (cells[i].what == cell::kind::text) texts[i] = cells[i].text;
    field_reader f{spec(T), texts, [](std::size_t, std::string, std::string) {}};
    bool ok = true;
    const auto read = [&](const auto& col, std::size_t i) {
        using value = std::remove_cvref_t<decltype(row.*col.member)>;
        const auto& v = cells[i];
        if (v.what == cell::kind::absent || v.what == cell::kind::text)
            return read_field(f, columns[i], i, col.absent);
        const auto typed = typed_value<value>(v, columns[i]);
        ok = ok && typed.has_value();
        return typed.value_or(col.absent);
    };
    std::apply(
        [&](const auto&... col) {
            std::size_t i = 0;
            ((row.*col.member = read(col, i), ++i), ...);
        },
        table_row<T>::columns);
    return ok && f.ok();
}

/// Add one row of cells at `line`: typed when every cell is taken as it stands, else through
/// add_text_row with cell_text's fields. False when the row added an error.
bool add_cells(dataset_builder& b, table t, std::span<const cell> cells, std::uint64_t line);
/// The text path alone: add_text_row with cell_text's fields.
void add_cells_as_text(dataset_builder& b, table t, std::span<const cell> cells,
                       std::uint64_t line);

/// Typed rows of table T gathered and handed to the builder in chunks (add_rows, which fetches
/// pupils ahead), so that a loader adds them as fast as the CSV blocks do. Texts a row points to
/// must live until the next flush; `keep` holds texts a loader makes (an integer id as text).
template <table T>
class row_chunk {
public:
    static constexpr std::size_t size = 4096;
    explicit row_chunk(dataset_builder& b) : builder_(b) {
        rows_.reserve(size);
        lines_.reserve(size);
    }
    /// Add `row` of `line`; flushes when full. False once the error cap stops the load.
    bool push(const table_row_t<T>& row, std::uint64_t line) {
        if (rows_.empty()) base_ = line - 1;
        rows_.push_back(row);
        lines_.push_back(static_cast<std::uint32_t>(line - base_));
        return rows_.size() < size || flush();
    }
    /// Hand the gathered rows to the builder (before a row of the text path, and at the end of
    /// the texts' life). False once the error cap stops the load.
    bool flush() {
        const auto added = builder_.template add_rows<table_row_t<T>>(rows_, lines_, base_);
        const bool all = added == rows_.size();
        rows_.clear();
        lines_.clear();
        keep.clear();
        return all && !builder_.error_cap_reached();
    }
    /// A text kept until the next flush.
    std::string_view hold(std::string text) { return keep.emplace_back(std::move(text)); }

private:
    dataset_builder& builder_;
    std::vector<table_row_t<T>> rows_;
    std::vector<std::uint32_t> lines_;
    std::uint64_t base_ = 0;
    std::deque<std::string> keep;
};

} // namespace detail
PASSEND_NAMESPACE_END
