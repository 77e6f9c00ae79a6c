// SPDX-License-Identifier: EUPL-1.2
#include "passend/builder.hpp"
#include "passend/thuiszitters.hpp"

#include <doctest/doctest.h>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

dataset_ptr region_with(std::initializer_list<absence_row> absences) {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"05VO00", "Sintermeerten", "B3", "VO3105", setting::vo, "GM0935"});
    b.add(region_row{"GM0935", "PO3104"});
    b.add(region_row{"GM0935", "VO3105"});
    b.add(pupil_row{"p1", d("2014-03-01"), "GM0935"}); // 10 in 2024
    b.add(pupil_row{"p2", d("2011-03-01"), "GM0935"}); // 13 in 2024
    b.add(pupil_row{"p3", d("2011-03-01")});           // no municipality
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01"), d("2024-07-31")});
    for (const auto& a : absences) b.add(a);
    b.add(extract_row{d("2025-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}
} // namespace

TEST_CASE("relatief verzuim qualifies from 29 days; open absences run to the year's end") {
    const auto ds = region_with({
        {"p1", absence_kind::relatief, d("2023-09-01"), d("2023-09-28")}, // 28 days: no
        {"p1", absence_kind::relatief, d("2023-10-01"), d("2023-10-29")}, // 29 days: yes
        {"p2", absence_kind::relatief, d("2024-07-10")}, // open: 22 days in 2023-2024
    });
    const auto e = verzuim_episodes(*ds, school_year{2023});
    REQUIRE(e.size() == 1);
    CHECK(e[0].start == d("2023-10-01"));
    CHECK(e[0].length_days == 29);
    CHECK_FALSE(e[0].longer_than_3_months);
    // The open absence of p2 lasts 22 days in 2023-2024, but all of the next year in 2024-2025.
    const auto next = verzuim_episodes(*ds, school_year{2024});
    REQUIRE(next.size() == 1);
    CHECK(next[0].open);
    CHECK(next[0].last == d("2025-07-31"));
    CHECK(next[0].length_days == 387);
    CHECK(next[0].longer_than_3_months);
}

TEST_CASE("longer than three months: after the same day three calendar months on") {
    const auto ds = region_with({
        {"p1", absence_kind::absoluut, d("2023-11-30"), d("2024-02-29")}, // +3 months = 29 Feb
        {"p2", absence_kind::absoluut, d("2023-11-30"), d("2024-03-01")}, // after it
    });
    const auto e = verzuim_episodes(*ds, school_year{2023});
    REQUIRE(e.size() == 2);
    CHECK_FALSE(e[0].longer_than_3_months);
    CHECK(e[1].longer_than_3_months);
}

TEST_CASE("attribution: enrolled school, last school, region by age, onbekend") {
    const auto ds = region_with({
        {"p1", absence_kind::relatief, d("2024-01-08"), d("2024-03-01")}, // enrolled
        {"p1", absence_kind::absoluut, d("2024-09-02")},                  // after leaving
        {"p2", absence_kind::absoluut, d("2024-09-02")},                  // 13: VO region
        {"p3", absence_kind::vrijstelling, d("2024-09-02")},              // nothing known
    });
    const auto& ids = ds->swvs().id;
    const auto e23 = verzuim_episodes(*ds, school_year{2023});
    REQUIRE(e23.size() == 1);
    CHECK(e23[0].unit.basis == absence_basis::enrolled);
    CHECK(ds->schools().id[pos(e23[0].unit.school)] == "01AA00");
    const auto e = verzuim_episodes(*ds, school_year{2024});
    REQUIRE(e.size() == 3);
    CHECK(e[0].unit.basis == absence_basis::last_school);
    CHECK(ids[pos(e[0].unit.swv)] == "PO3104");
    CHECK(e[1].unit.basis == absence_basis::region);
    CHECK(ids[pos(e[1].unit.swv)] == "VO3105");
    CHECK_FALSE(has(e[1].unit.school));
    CHECK(e[2].unit.basis == absence_basis::onbekend);
    CHECK_FALSE(e[2].is_thuiszitter());
}
