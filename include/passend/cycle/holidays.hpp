// SPDX-License-Identifier: EUPL-1.2
// Working days: weekends, Dutch public holidays and school holidays, for the cycle calendar's
// date rules ("the first working day of a month", "every six weeks skipping the summer holiday").
//
// Which school holidays apply is data: a focus plan may list them; passend knows region Zuid's
// 2025-2026 dates (Zuid-Limburg, the region of the documents passend models). For other years
// without a list the summer holiday is assumed to be the six weeks from the second Saturday of
// July, and the calendar says so.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// A named closed period (a school holiday or a public holiday), both days included.
struct closed_period {
    std::string name; ///< e.g. `zomervakantie`, `Tweede Paasdag`
    day start, end;
    bool covers(day d) const noexcept { return start <= d && d <= end; }
};

/// The Dutch public holidays of calendar year `y` on which schools are closed: Nieuwjaarsdag,
/// Goede Vrijdag, Tweede Paasdag, Koningsdag (26 April when 27 April is a Sunday),
/// Bevrijdingsdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag.
std::vector<closed_period> public_holidays(int y);

/// Easter Sunday of year `y` (Gregorian computus).
day easter_sunday(int y) noexcept;

/// Region Zuid's school holidays for the school year (the summer holiday before it, which ends
/// in its August, through the summer holiday after it); nullopt for years passend has no list
/// of. The dates are the government's advisory dates for region Zuid; a school's own schedule
/// may differ by a few days, so a plan can give its own.
std::optional<std::vector<closed_period>> region_zuid_holidays(school_year year);

/// Working days of one school year: Monday to Friday, outside public and school holidays.
class working_days {
public:
    /// `school_holidays` must hold the summer holidays around the year (named `zomervakantie`);
    /// public holidays are added for the calendar years the school year touches.
    working_days(school_year year, std::vector<closed_period> school_holidays);

    /// Region Zuid's dates when known, else the assumed summer windows (see assumed()).
    static working_days for_year(school_year year);

    school_year year() const noexcept { return year_; }
    /// True when the summer holidays were assumed rather than given.
    bool assumed() const noexcept { return assumed_; }
    const std::vector<closed_period>& closed() const noexcept { return closed_; }

    bool is_working_day(day d) const noexcept;
    /// The closed period holding `d`, or null.
    const closed_period* closed_on(day d) const noexcept;
    /// True when `d` lies in a summer holiday.
    bool in_summer_holiday(day d) const noexcept;
    /// `d` when it is a working day, else the next one.
    day next_working_day(day d) const noexcept;
    /// `d` when it is a working day, else the previous one.
    day previous_working_day(day d) const noexcept;
    day first_working_day(date::year_month ym) const noexcept;
    day last_working_day(date::year_month ym) const noexcept;
    /// The first working day after the summer holiday that ends in the school year's August or
    /// September (the first school day).
    day first_school_day() const noexcept;
    /// The first day of the summer holiday that ends the school year; the year's last day + 1
    /// when none is known.
    day summer_holiday_start() const noexcept;

private:
    school_year year_;
    std::vector<closed_period> closed_;
    bool assumed_ = false;
};

/// The assumed summer holiday of calendar year `y`: the second Saturday of July through the
/// Sunday six weeks later.
closed_period assumed_summer_holiday(int y);

PASSEND_NAMESPACE_END
