// SPDX-License-Identifier: EUPL-1.2
#include "io/typed_cells.hpp"

#include "float_text.hpp"

#include <cstdio>

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::string format_number(double value, column_type type) {
    if (std::isnan(value)) return {};
    if (type == column_type::amount && std::isfinite(value) && std::fabs(value) < 1e13) {
        const double cents = std::round(value * 100);
        if (std::fabs(value - cents / 100) < 1e-6) {
            const auto c = static_cast<std::int64_t>(cents);
            const auto abs = c < 0 ? -c : c;
            char buf[40];
            std::snprintf(buf, sizeof buf, "%s%lld.%02lld", c < 0 ? "-" : "",
                          static_cast<long long>(abs / 100), static_cast<long long>(abs % 100));
            return buf;
        }
    }
    return shortest_text(value);
}

std::string format_date(std::int64_t year, std::int64_t month, std::int64_t day) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day));
    return buf;
}

std::string_view cell_text(const cell& c, column_type type, std::string& scratch) {
    switch (c.what) {
    case cell::kind::absent:
        return {};
    case cell::kind::text:
    case cell::kind::other:
        return c.text;
    case cell::kind::integer:
        scratch = std::to_string(c.integer);
        if (type == column_type::year) scratch += '-' + std::to_string(c.integer + 1);
        return scratch;
    case cell::kind::real:
        scratch = format_number(c.real, type);
        return scratch;
    case cell::kind::days:
        // Beyond what a day holds: the raw number, which validation names as malformed.
        if (c.integer < std::numeric_limits<int>::min() / 2 ||
            c.integer > std::numeric_limits<int>::max() / 2)
            scratch = std::to_string(c.integer) + " days since 1970-01-01";
        else
            scratch = format_day(day{date::days{static_cast<int>(c.integer)}});
        return scratch;
    }
    return {};
}

void add_cells_as_text(dataset_builder& b, table t, std::span<const cell> cells,
                       std::uint64_t line) {
    const auto& columns = spec(t).columns;
    std::vector<std::string> scratch(cells.size());
    std::vector<std::string_view> fields(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i)
        fields[i] = cell_text(cells[i], columns[i].type, scratch[i]);
    b.add_text_row(t, fields, line);
}

bool add_cells(dataset_builder& b, table t, std::span<const cell> cells, std::uint64_t line) {
    const auto before = b.error_count();
    const bool typed = with_table(t, [&](auto tag) {
        constexpr table T = decltype(tag)::value;
        table_row_t<T> row{};
        if (!typed_row<T>(cells, row)) return false;
        b.add(row, line);
        return true;
    });
    if (!typed) add_cells_as_text(b, t, cells, line);
    return b.error_count() == before;
}

} // namespace detail
PASSEND_NAMESPACE_END
