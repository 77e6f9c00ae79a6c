// SPDX-License-Identifier: EUPL-1.2
#include "passend/calendar.hpp"
#include "passend/continuum.hpp"
#include "passend/error.hpp"

#include <charconv>
#include <cstdio>

PASSEND_NAMESPACE_BEGIN

namespace {
bool parse_digits(std::string_view text, int& out) noexcept {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

/// The number the `N` decimal digits at `p` spell; -1 when one is not a digit. A load parses
/// tens of millions of dates: this loop is a fraction of from_chars' cost.
template <std::size_t N>
int digits_at(const char* p) noexcept {
    int v = 0;
    for (std::size_t i = 0; i < N; ++i) {
        const unsigned c = static_cast<unsigned char>(p[i]) - unsigned{'0'};
        if (c > 9) return -1;
        v = v * 10 + static_cast<int>(c);
    }
    return v;
}
} // namespace

std::optional<day> parse_day(std::string_view text) noexcept {
    text = detail::trim(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = digits_at<4>(text.data()), m = digits_at<2>(text.data() + 5),
              d = digits_at<2>(text.data() + 8);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return day{ymd};
}

std::string format_day(day d) {
    if (d == open_end || d == no_day) return {};
    const date::year_month_day ymd{d};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<school_year> school_year::parse(std::string_view text) noexcept {
    text = detail::trim(text);
    int a = 0, b = 0;
    if (text.size() != 9 || text[4] != '-' || !parse_digits(text.substr(0, 4), a) ||
        !parse_digits(text.substr(5, 4), b) || b != a + 1 || a < min_start_year ||
        a > max_start_year)
        return std::nullopt;
    return school_year{a};
}

std::optional<school_year> school_year::parse_option(std::string_view text) noexcept {
    if (auto y = parse(text)) return y;
    text = detail::trim(text);
    int start = 0;
    if (text.size() != 4 || !parse_digits(text, start) || start < min_start_year ||
        start > max_start_year)
        return std::nullopt;
    return school_year{start};
}

school_year school_year::checked(std::int64_t start_year) {
    if (start_year < min_start_year || start_year > max_start_year)
        throw invalid_argument("school year " + std::to_string(start_year) +
                               " is outside the years " + std::to_string(min_start_year) + "-" +
                               std::to_string(max_start_year) + " passend accepts");
    return school_year{static_cast<int>(start_year)};
}

std::string school_year::to_string() const {
    char buf[32];
    // In 64 bits: an unchecked school_year{INT32_MAX} prints instead of overflowing.
    const auto first = static_cast<long long>(start_year_);
    std::snprintf(buf, sizeof buf, "%04lld-%04lld", first, first + 1);
    return buf;
}

int age_on(day birth, day on) noexcept {
    const date::year_month_day b{birth}, o{on};
    int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
    if (date::month_day{o.month(), o.day()} < date::month_day{b.month(), b.day()}) --age;
    return age;
}

day add_months(day d, int months) noexcept {
    const date::year_month_day ymd{d};
    const date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
    const date::year_month_day candidate{ym / ymd.day()};
    return candidate.ok() ? day{candidate} : day{ym / date::last};
}

PASSEND_NAMESPACE_END
