// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/agenda.hpp"
#include "passend/cycle/holidays.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}
constexpr school_year y2025{2025};
} // namespace

TEST_CASE("public holidays: Easter, Koningsdag on a Sunday, Ascension, Whit Monday") {
    CHECK(easter_sunday(2025) == d("2025-04-20"));
    CHECK(easter_sunday(2026) == d("2026-04-05"));
    CHECK(easter_sunday(2027) == d("2027-03-28"));
    const auto h2025 = public_holidays(2025);
    const auto find = [](const std::vector<closed_period>& h, std::string_view name) {
        return std::find_if(h.begin(), h.end(), [&](auto& c) { return c.name == name; })->start;
    };
    CHECK(find(h2025, "Koningsdag") == d("2025-04-26")); // 27 April 2025 is a Sunday
    CHECK(find(public_holidays(2026), "Koningsdag") == d("2026-04-27"));
    CHECK(find(public_holidays(2026), "Hemelvaartsdag") == d("2026-05-14"));
    CHECK(find(public_holidays(2026), "Tweede Pinksterdag") == d("2026-05-25"));
    CHECK(find(public_holidays(2026), "Goede Vrijdag") == d("2026-04-03"));
}

TEST_CASE("working days of region Zuid 2025-2026") {
    const auto w = working_days::for_year(y2025);
    CHECK_FALSE(w.assumed());
    CHECK(w.first_school_day() == d("2025-08-18"));
    CHECK(w.summer_holiday_start() == d("2026-07-11"));
    CHECK(w.first_working_day(date::year{2026} / date::January) == d("2026-01-05"));
    CHECK(w.first_working_day(date::year{2026} / date::May) == d("2026-05-04"));
    CHECK(w.first_working_day(date::year{2025} / date::November) == d("2025-11-03"));
    CHECK(w.last_working_day(date::year{2026} / date::April) == d("2026-04-24"));
    CHECK(w.last_working_day(date::year{2026} / date::February) == d("2026-02-27"));
    CHECK_FALSE(w.is_working_day(d("2026-02-16"))); // carnaval: voorjaarsvakantie Zuid
    CHECK(w.is_working_day(d("2026-02-23")));
    CHECK(w.in_summer_holiday(d("2026-07-20")));
    REQUIRE(w.closed_on(d("2025-10-20")) != nullptr);
    CHECK(w.closed_on(d("2025-10-20"))->name == "herfstvakantie");
}

TEST_CASE("a year without a holiday list assumes the summer holiday and says so") {
    const auto w = working_days::for_year(school_year{2027});
    CHECK(w.assumed());
    // Second Saturday of July 2027 is 10 July; six weeks later, Sunday 22 August.
    CHECK(assumed_summer_holiday(2027).start == d("2027-07-10"));
    CHECK(assumed_summer_holiday(2027).end == d("2027-08-22"));
    CHECK(w.first_school_day() == d("2027-08-23"));
    CHECK(w.summer_holiday_start() == d("2028-07-08"));
    const auto md = to_markdown(cycle_calendar(school_year{2027}), w, "t");
    CHECK(md.find("aangenomen") != std::string::npos);
}

TEST_CASE("the quality policy's Bijlage 1 as dated activities, hand-checked for 2025-2026") {
    const auto events = cycle_activities(working_days::for_year(y2025));
    REQUIRE(events.size() == 15);
    const auto span = [&](std::string_view start_of_summary) {
        const auto it = std::find_if(events.begin(), events.end(), [&](const cycle_event& e) {
            return e.summary.starts_with(start_of_summary);
        });
        REQUIRE(it != events.end());
        return format_day(it->start) + " " + format_day(it->end);
    };
    CHECK(span("Het verslag van de voorjaarsronde") == "2025-09-01 2025-09-30");
    CHECK(span("Alle scholen vullen de vragenlijsten") == "2025-09-01 2025-10-31");
    CHECK(span("Het swv plaatst de SOP's") == "2025-11-03 2025-11-28");
    CHECK(span("Het Jaarplan SWV lopend") == "2026-01-05 2026-02-27");
    CHECK(span("Het swv levert budgetten") == "2026-03-30 2026-04-24");
    CHECK(span("Het swv voert voorjaarsgesprekken") == "2026-05-04 2026-06-30");
    CHECK(span("Het swv stelt een verslag op") == "2026-07-01 2026-07-10");
    for (const auto& e : events) CHECK(e.category == "Kwaliteitscyclus");
}

TEST_CASE("iCalendar text: escaping and folding at 75 octets without splitting UTF-8") {
    CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    const std::string short_line(75, 'x');
    CHECK(ics_fold(short_line) == short_line);
    const std::string long_line(76, 'x');
    CHECK(ics_fold(long_line) == std::string(75, 'x') + "\r\n x");
    // 74 ASCII octets then a two-octet ï: it does not fit on the first line and moves whole.
    const std::string utf8 = std::string(74, 'x') + "ï";
    CHECK(ics_fold(utf8) == std::string(74, 'x') + "\r\n ï");
    std::string many;
    for (int i = 0; i < 200; ++i) many += "é";
    for (std::size_t p = 0, next; p < ics_fold(many).size(); p = next + 2) {
        const auto folded = ics_fold(many);
        next = folded.find("\r\n", p);
        if (next == std::string::npos) next = folded.size();
        CHECK(next - p <= 75);
    }
}

TEST_CASE("the .ics has CRLF lines, stable uids and an exclusive all-day DTEND") {
    cycle_event e;
    e.start = d("2026-05-04");
    e.end = d("2026-06-30");
    e.summary = "Voorjaarsgesprekken";
    e.category = "Kwaliteitscyclus";
    e.uid = "20260504-x@passend";
    ics_options o;
    o.stamp = std::chrono::sys_days{d("2025-11-01")} + std::chrono::hours{9};
    const std::vector<cycle_event> events{e};
    const auto ics = to_ics(events, o);
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(ics.find("DTSTART;VALUE=DATE:20260504\r\n") != std::string::npos);
    CHECK(ics.find("DTEND;VALUE=DATE:20260701\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20251101T090000Z\r\n") != std::string::npos);
    CHECK(ics.find("UID:20260504-x@passend\r\n") != std::string::npos);
    CHECK(ics.ends_with("END:VCALENDAR\r\n"));
    CHECK(std::count(ics.begin(), ics.end(), '\n') == std::count(ics.begin(), ics.end(), '\r'));
    // The same inputs give the same uids (a re-import updates instead of duplicating).
    const auto a = cycle_calendar(y2025), b = cycle_calendar(y2025);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].uid == b[i].uid);
}
