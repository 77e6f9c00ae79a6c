// SPDX-License-Identifier: EUPL-1.2
// The cycle calendar (jaarkalender): the yearly activities of Bijlage 1 of the
// *Kwaliteitsbeleid 2023-2027* (Passend VO Maastricht Heuvelland & Parkstad) and every
// forum meeting of a focus plan as dated events, written as iCalendar (RFC 5545) or Markdown.
//
// Date rules (all through Howard Hinnant's date, on working_days):
// - a month range ("September - oktober") runs from the first working day of its first month
//   to the last working day of its last month;
// - "eind maart" starts on the last Monday of March (or the next working day);
// - "begin juli" runs from the first working day of July to the last working day on or before
//   10 July, or before the summer holiday when that starts earlier;
// - a forum meeting "in december" is on the first working day of December, or on the plan's
//   n-th weekday of the month moved to the next working day;
// - "every six weeks" starts on the first school day after the summer holiday (or the plan's
//   start) and repeats every six weeks; a meeting that falls in the summer holiday is dropped,
//   one that falls on another closed day moves to the next working day.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/cycle/holidays.hpp"
#include "passend/cycle/plan.hpp"

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// One dated entry of the calendar: an all-day event over [start, end] (both days included).
struct cycle_event {
    day start, end;
    std::string summary;     ///< what happens
    std::string category;    ///< `Kwaliteitscyclus` (Bijlage 1) or `Overleg` (a plan's forum)
    std::string period;      ///< the rule in words: `September - oktober`, `2x/jaar (dec, jun)`
    std::string description; ///< details: who, which focus points, the source
    std::string uid;         ///< stable across runs: the same plan and year give the same uids
};

/// The quality policy's Bijlage 1 ("Tijdpad kwaliteitscyclus") for the school year, one event per
/// bullet.
std::vector<cycle_event> cycle_activities(const working_days& days);

/// Every meeting of the plan's forums in the school year. A forum (same name and frequency)
/// named by several focus points meets once, with all of them on its agenda.
std::vector<cycle_event> forum_meetings(const focus_plan& plan, const working_days& days);

/// The whole calendar: activities and meetings, by start date then summary. With a plan that
/// lists holidays those are used; otherwise working_days::for_year().
std::vector<cycle_event> cycle_calendar(school_year year, const focus_plan* plan = nullptr);
/// The working days cycle_calendar() uses for `year` and `plan`.
working_days calendar_days(school_year year, const focus_plan* plan = nullptr);

struct ics_options {
    std::string name = "Kwaliteitscyclus"; ///< X-WR-CALNAME
    /// DTSTAMP of every event (RFC 5545 requires one): when the calendar was made.
    std::chrono::sys_seconds stamp =
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
};

/// RFC 5545 iCalendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// character), TEXT values escaped, all-day events with VALUE=DATE and an exclusive DTEND.
std::string to_ics(std::span<const cycle_event> events, const ics_options& options = {});

/// A Markdown table: Van, Tot, Wat, Soort, Wanneer, Toelichting.
std::string to_markdown(std::span<const cycle_event> events, const working_days& days,
                        std::string_view title);

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
std::string ics_escape(std::string_view text);
/// Fold one content line (without its CRLF) at 75 octets: CRLF + space before each part.
std::string ics_fold(std::string_view line);

PASSEND_NAMESPACE_END
