// SPDX-License-Identifier: EUPL-1.2
// The school calendar: days, school years, teldatum and peildatum.
//
// A day is date::sys_days (a count of days since 1970-01-01 in 32 bits), so every date
// computation goes through Howard Hinnant's date library and columns of days stay 4 bytes wide.
#pragma once

#include "passend/config.hpp"

#include <date/date.h>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

using day = date::sys_days;

/// The end of a period that is still running (an absent end_date).
inline constexpr day open_end{date::days{std::numeric_limits<int>::max()}};
/// An absent optional date (e.g. a TLV without request_date).
inline constexpr day no_day{date::days{std::numeric_limits<int>::min()}};

/// Build a day from a year, month and day of month (must be a valid date).
constexpr day make_day(int y, unsigned m, unsigned d) noexcept {
    return day{date::year{y} / date::month{m} / date::day{d}};
}

/// Parse a strict ISO 8601 `YYYY-MM-DD` (surrounding spaces allowed); nullopt when malformed or
/// impossible (2023-02-29).
std::optional<day> parse_day(std::string_view text) noexcept;
/// Format as `YYYY-MM-DD`; empty for open_end and no_day.
std::string format_day(day d);

/// A closed period [start, end]: both days belong to it. end may be open_end.
struct period {
    day start;
    day end = open_end;
    constexpr bool covers(day d) const noexcept { return start <= d && d <= end; }
    constexpr bool overlaps(period other) const noexcept {
        return start <= other.end && other.start <= end;
    }
    /// Number of days, both ends included (end clipped to `horizon` when open).
    constexpr int length_days(day horizon = open_end) const noexcept {
        const day last = end < horizon ? end : horizon;
        return (last - start).count() + 1;
    }
    friend constexpr bool operator==(period, period) = default;
};

/// A school year, 1 August to 31 July, written `2024-2025`.
///
/// Two school years cannot be added; they compare and step with next()/prev().
class school_year {
public:
    /// The school year that starts on 1 August of `start_year`.
    constexpr explicit school_year(int start_year) noexcept : start_year_(start_year) {}

    /// The school years passend accepts where a caller names one (parse, checked): a year
    /// outside them is a mistake, and their arithmetic (next(), last_day()) cannot overflow.
    static constexpr int min_start_year = 1900, max_start_year = 2200;
    /// school_year{start_year}, or throw invalid_argument naming the year and the range.
    static school_year checked(std::int64_t start_year);

    /// The school year that contains day `d`.
    static constexpr school_year containing(day d) noexcept {
        const date::year_month_day ymd{d};
        const int y = static_cast<int>(ymd.year());
        return school_year{ymd.month() >= date::August ? y : y - 1};
    }
    /// Parse `2024-2025` (the second year must follow the first, the first within
    /// min_start_year..max_start_year); nullopt otherwise.
    static std::optional<school_year> parse(std::string_view text) noexcept;
    /// A school year as a person names it in an option: `2024-2025`, or its first calendar
    /// year `2024` (within the same range); nullopt otherwise.
    static std::optional<school_year> parse_option(std::string_view text) noexcept;

    constexpr int start_year() const noexcept { return start_year_; }
    /// 1 August.
    constexpr day first_day() const noexcept { return make_day(start_year_, 8, 1); }
    /// 31 July of the next calendar year.
    constexpr day last_day() const noexcept { return make_day(start_year_ + 1, 7, 31); }
    constexpr period days() const noexcept { return {first_day(), last_day()}; }
    /// Teldatum: 1 October, the national count date.
    constexpr day teldatum() const noexcept { return make_day(start_year_, 10, 1); }
    /// Peildatum: 1 February, the second count of sbo/so pupils.
    constexpr day peildatum() const noexcept { return make_day(start_year_ + 1, 2, 1); }
    constexpr school_year next() const noexcept { return school_year{start_year_ + 1}; }
    constexpr school_year prev() const noexcept { return school_year{start_year_ - 1}; }

    std::string to_string() const;
    friend constexpr auto operator<=>(school_year, school_year) = default;

private:
    int start_year_;
};

/// Age in completed years on day `on` of someone born on `birth`.
int age_on(day birth, day on) noexcept;

/// The same day `months` calendar months later, or that month's last day when it has no such day
/// (31 January + 1 month = 28/29 February).
day add_months(day d, int months) noexcept;

PASSEND_NAMESPACE_END
