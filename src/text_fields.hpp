// SPDX-License-Identifier: EUPL-1.2
// Private: parsing one row of field texts against the contract's column types.
#pragma once

#include "passend/calendar.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/schema.hpp"
#include "passend/table_row.hpp"

#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Parse euros with a dot decimal and at most two decimals ("1631099.00", "12.5", "7") into
/// cents; nullopt when malformed. A leading minus is parsed (the caller rejects negatives).
std::optional<cents> parse_cents(std::string_view text) noexcept;
/// "1631099.00"
std::string format_cents(cents amount);

/// Reads the fields of one row in contract column order; every accessor reports a located error
/// through `fail` (column index, rule, message) and remembers that the row is bad.
class field_reader {
public:
    using fail_fn = std::function<void(std::size_t, std::string, std::string)>;
    field_reader(const table_spec& spec, std::span<const std::string_view> fields, fail_fn fail)
        : spec_(spec), fields_(fields), fail_(std::move(fail)) {}

    bool ok() const noexcept { return ok_; }
    /// Trimmed text; empty when absent (an error when the column is required).
    std::string_view text(std::size_t col);
    /// A date; `absent` when empty (an error when required).
    day date(std::size_t col, day absent = no_day);
    int integer(std::size_t col, int absent);
    cents amount(std::size_t col, cents absent);
    double score(std::size_t col);
    /// A finite decimal number with a dot decimal (`1.87`, `-0.5`); `absent` when empty.
    double number(std::size_t col, double absent);
    school_year year(std::size_t col);
    /// ja = 1, nee = 0, absent = -1.
    int yes_no(std::size_t col);

    template <class Code>
    std::optional<Code> code(std::size_t col) {
        const auto t = text(col);
        if (t.empty()) return std::nullopt;
        if (auto c = parse_code<Code>(t)) return c;
        bad(col, "unknown_code",
            "'" + std::string(t) + "' is not one of " + std::string(spec_.columns[col].codes));
        return std::nullopt;
    }

private:
    void bad(std::size_t col, std::string rule, std::string what);
    const table_spec& spec_;
    std::span<const std::string_view> fields_;
    fail_fn fail_;
    bool ok_ = true;
};

/// Field `col` read as the member type of its typed row; `absent` for an empty field.
template <class Value>
Value read_field(field_reader& f, const column_spec& c, std::size_t col, Value absent) {
    if constexpr (std::is_same_v<Value, std::string_view>)
        return f.text(col);
    else if constexpr (std::is_same_v<Value, day>)
        return f.date(col, absent);
    else if constexpr (std::is_same_v<Value, school_year>)
        return f.year(col);
    else if constexpr (std::is_same_v<Value, cents>)
        return f.amount(col, absent);
    else if constexpr (std::is_same_v<Value, int>)
        return c.type == column_type::code ? f.yes_no(col) : f.integer(col, absent);
    else if constexpr (std::is_same_v<Value, std::optional<int>>) {
        constexpr int empty = std::numeric_limits<int>::min(); // no integer field reads as it
        const int v = f.integer(col, empty);
        return v == empty ? std::nullopt : std::optional<int>(v);
    } else if constexpr (std::is_same_v<Value, double>)
        return c.type == column_type::score ? f.score(col) : f.number(col, absent);
    else
        return f.template code<Value>(col).value_or(absent);
}

/// A row of table T from its field texts (contract column order), every field read left to
/// right; check `f.ok()` before using it.
template <table T>
table_row_t<T> read_row(field_reader& f) {
    table_row_t<T> row{};
    const auto& columns = spec(T).columns;
    std::apply(
        [&](const auto&... c) {
            std::size_t i = 0;
            ((row.*c.member = read_field(f, columns[i], i, c.absent), ++i), ...);
        },
        table_row<T>::columns);
    return row;
}

} // namespace detail
PASSEND_NAMESPACE_END
