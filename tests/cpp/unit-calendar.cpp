// SPDX-License-Identifier: EUPL-1.2
#include "passend/calendar.hpp"

#include <doctest/doctest.h>

using namespace passend;

TEST_CASE("school year boundaries: 31 July belongs to the old year, 1 August to the new") {
    CHECK(school_year::containing(make_day(2025, 7, 31)) == school_year{2024});
    CHECK(school_year::containing(make_day(2025, 8, 1)) == school_year{2025});
    CHECK(school_year::containing(make_day(2025, 1, 1)) == school_year{2024});
    const school_year y{2024};
    CHECK(format_day(y.first_day()) == "2024-08-01");
    CHECK(format_day(y.last_day()) == "2025-07-31");
    CHECK(format_day(y.teldatum()) == "2024-10-01");
    CHECK(format_day(y.peildatum()) == "2025-02-01");
    CHECK(y.to_string() == "2024-2025");
    CHECK(y.next().to_string() == "2025-2026");
    CHECK(y.prev() < y);
    CHECK(y.days().length_days() == 365);
    CHECK(school_year{2023}.days().length_days() == 366); // contains 29 February 2024
}

TEST_CASE("parsing school years") {
    CHECK(school_year::parse("2024-2025") == school_year{2024});
    CHECK(school_year::parse(" 2024-2025 ") == school_year{2024});
    CHECK_FALSE(school_year::parse("2024-2026"));
    CHECK_FALSE(school_year::parse("2024/2025"));
    CHECK_FALSE(school_year::parse("24-25"));
    // As an option: also the first calendar year alone, within the accepted range.
    CHECK(school_year::parse_option("2024-2025") == school_year{2024});
    CHECK(school_year::parse_option(" 2024 ") == school_year{2024});
    CHECK(school_year::parse_option("1900") == school_year{1900});
    CHECK_FALSE(school_year::parse_option("1899"));
    CHECK_FALSE(school_year::parse_option("2201"));
    CHECK_FALSE(school_year::parse_option("+2024"));
    CHECK_FALSE(school_year::parse_option("20245"));
    CHECK_FALSE(school_year::parse_option(""));
}

TEST_CASE("parsing days: strict ISO 8601 and real dates only") {
    CHECK(parse_day("2024-02-29") == make_day(2024, 2, 29)); // leap day
    CHECK_FALSE(parse_day("2023-02-29"));                    // not a leap year
    CHECK_FALSE(parse_day("2100-02-29"));                    // century, not a leap year
    CHECK(parse_day("2000-02-29"));                          // 400-year rule
    CHECK_FALSE(parse_day("2024-13-01"));
    CHECK_FALSE(parse_day("2024-1-01"));
    CHECK_FALSE(parse_day("01-08-2024"));
    CHECK_FALSE(parse_day("2024-08-01T00:00"));
    CHECK_FALSE(parse_day(""));
    CHECK(parse_day(" 2024-08-01\r") == make_day(2024, 8, 1));
    CHECK(format_day(open_end).empty());
}

TEST_CASE("ages and calendar months") {
    CHECK(age_on(make_day(2012, 10, 1), make_day(2024, 9, 30)) == 11);
    CHECK(age_on(make_day(2012, 10, 1), make_day(2024, 10, 1)) == 12);
    CHECK(age_on(make_day(2012, 2, 29), make_day(2024, 2, 28)) == 11);
    CHECK(age_on(make_day(2012, 2, 29), make_day(2024, 2, 29)) == 12);
    CHECK(add_months(make_day(2024, 1, 31), 1) == make_day(2024, 2, 29));
    CHECK(add_months(make_day(2023, 1, 31), 1) == make_day(2023, 2, 28));
    CHECK(add_months(make_day(2024, 11, 30), 3) == make_day(2025, 2, 28));
    CHECK(add_months(make_day(2024, 10, 15), 3) == make_day(2025, 1, 15));
}

TEST_CASE("periods are closed") {
    const period p{make_day(2024, 8, 1), make_day(2024, 8, 28)};
    CHECK(p.covers(make_day(2024, 8, 1)));
    CHECK(p.covers(make_day(2024, 8, 28)));
    CHECK_FALSE(p.covers(make_day(2024, 8, 29)));
    CHECK(p.length_days() == 28);
    CHECK(p.overlaps({make_day(2024, 8, 28), open_end}));
    CHECK_FALSE(p.overlaps({make_day(2024, 8, 29), open_end}));
    CHECK(period{make_day(2024, 8, 1)}.length_days(make_day(2024, 8, 10)) == 10);
}
