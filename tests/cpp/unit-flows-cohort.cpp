// SPDX-License-Identifier: EUPL-1.2
// Hand-computed cohorts and thuiszitter episode lengths.
#include "passend/builder.hpp"
#include "passend/flows/cohort.hpp"
#include "passend/flows/thuiszitter_lengths.hpp"

#include <doctest/doctest.h>

#include <array>
#include <utility>
#include <vector>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}
dataset_builder small_region() {
    dataset_builder b;
    b.add(school_row{"01BA00", "Bao A", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"02BA00", "Bao B", "B2", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"03SB00", "Sbo", "B1", "PO3104", setting::sbo, "GM0935"});
    b.add(school_row{"04SB00", "Sbo 2", "B2", "PO3105", setting::sbo, "GM0917"});
    b.add(region_row{"GM0935", "PO3104"});
    return b;
}
} // namespace

TEST_CASE("flows cohort: where are the 2020 sbo pupils of PO3104 now?") {
    auto b = small_region();
    for (const char* p : {"x", "y", "z", "w", "v"}) b.add(pupil_row{p, d("2011-05-01"), "GM0935"});
    b.add(enrolment_row{"x", "03SB00", d("2019-08-01"), d("2021-01-31")});
    b.add(enrolment_row{"x", "01BA00", d("2021-02-01")}); // back to bao
    b.add(enrolment_row{"y", "03SB00", d("2019-08-01")}); // stays
    b.add(enrolment_row{"z", "03SB00", d("2020-08-01"), d("2021-05-01"), 0,
                        exit_reason::verhuisd});                           // leaves
    b.add(enrolment_row{"w", "02BA00", d("2019-08-01"), d("2022-12-31")}); // not in the cohort
    b.add(enrolment_row{"v", "04SB00", d("2019-08-01")}); // sbo of another partnership
    b.add(extract_row{d("2022-12-31")});                  // the data's day
    const auto ds = *b.finish().value();
    cohort_query q;
    q.from = setting::sbo;
    q.start = school_year{2020};
    q.unit = *find_flow_unit(ds, "PO3104");
    q.years = 5;
    const auto c = follow_cohort(ds, q);
    // The extract date is 2022-12-31: teldata 2020, 2021 and 2022.
    REQUIRE(c.years.size() == 3);
    CHECK(c.size() == 3);
    CHECK(c.counts(static_cast<int>(setting::sbo), 0) == 3);
    CHECK(c.counts(static_cast<int>(setting::bao), 1) == 1);
    CHECK(c.counts(static_cast<int>(setting::sbo), 1) == 1);
    CHECK(c.counts(cohort_buiten, 1) == 1);
    CHECK(c.counts.col(2).sum() == 3);
    CHECK(c.counts(cohort_buiten, 2) == 1);
    q.unit = flow_unit{};
    CHECK(follow_cohort(ds, q).size() == 4); // nationally v counts too
}

TEST_CASE("flows thuiszitters: 28 days is not langdurig, 29 is; an open absence runs to 31 July") {
    auto b = small_region();
    for (const char* p : {"a", "b", "c", "dd"}) b.add(pupil_row{p, d("2012-05-01"), "GM0935"});
    for (const char* p : {"a", "b", "c"}) b.add(enrolment_row{p, "01BA00", d("2019-08-01")});
    b.add(absence_row{"a", absence_kind::relatief, d("2020-09-01"), d("2020-09-28")});  // 28 days
    b.add(absence_row{"b", absence_kind::relatief, d("2020-09-01"), d("2020-09-29")});  // 29 days
    b.add(absence_row{"c", absence_kind::relatief, d("2021-03-01")});                   // open
    b.add(absence_row{"dd", absence_kind::absoluut, d("2020-10-01"), d("2020-10-05")}); // nowhere
    b.add(absence_row{"dd", absence_kind::vrijstelling, d("2020-11-01"), d("2021-06-30")});
    b.add(extract_row{d("2021-07-31")}); // 2020-2021 whole: the open absence runs to 31 July
    const auto ds = *b.finish().value();
    const auto episodes = verzuim_episodes(ds, school_year{2020});
    const auto nl = summarize_thuiszitters(episodes, flow_unit{});
    CHECK(nl.episodes == 3);
    CHECK(nl.relatief == 2);
    CHECK(nl.absoluut == 1);
    CHECK(nl.pupils == 3);
    CHECK(nl.open == 1);
    CHECK(nl.longer_than_3_months == 1); // c: 1 March to 31 July
    CHECK(nl.by_length[0] == 1);         // dd, 5 days
    CHECK(nl.by_length[1] == 1);         // b, 29 days
    CHECK(nl.by_length[2] == 1);         // c, 153 days
    CHECK(*nl.max_days == 153);
    CHECK(*nl.median_days == 29);
    CHECK(*nl.mean_days == doctest::Approx((5 + 29 + 153) / 3.0));
    // dd is enrolled nowhere: the region's partnership, no school.
    const auto swv = summarize_thuiszitters(episodes, *find_flow_unit(ds, "PO3104"));
    CHECK(swv.episodes == 3);
    const auto school = summarize_thuiszitters(episodes, *find_flow_unit(ds, "01BA00"));
    CHECK(school.episodes == 2);
    CHECK(school.pupils == 2);
    CHECK(summarize_thuiszitters(episodes, *find_flow_unit(ds, "PO3105")).episodes == 0);
    CHECK_FALSE(summarize_thuiszitters(episodes, *find_flow_unit(ds, "PO3105")).mean_days);
}

TEST_CASE("flows thuiszitters: each edge of the length classes; an episode of no unit counts only "
          "nationally") {
    // docs/flows.md: length classes 1-28, 29-91, 92-182, 183-365 and 366+ days, from start to
    // the last day, both included. Each edge on both sides:
    for (const auto& [days, cls] : std::vector<std::pair<int, std::size_t>>{
             {1, 0}, {28, 0}, {29, 1}, {91, 1}, {92, 2}, {182, 2}, {183, 3}, {365, 3}, {366, 4}})
        CHECK(length_class_of(days) == cls);
    auto b = small_region();
    for (const char* p : {"l91", "l92", "l182", "l183", "l365", "l366"}) {
        b.add(pupil_row{p, d("2012-05-01"), "GM0935"});
        b.add(enrolment_row{p, "01BA00", d("2019-08-01")});
    }
    using enum absence_kind;
    // September 30 + October 31 + November 30 = 91 days; to 1 December 92.
    b.add(absence_row{"l91", relatief, d("2020-09-01"), d("2020-11-30")});
    b.add(absence_row{"l92", relatief, d("2020-09-01"), d("2020-12-01")});
    // ... + December 31 + January 31 + February 28 (2021) = 181 to 28 February: 182 to 1 March.
    b.add(absence_row{"l182", relatief, d("2020-09-01"), d("2021-03-01")});
    b.add(absence_row{"l183", relatief, d("2020-09-01"), d("2021-03-02")});
    // The whole school year 2020-2021 (no 29 February in it): 365 days; from the day before, 366
    // (the episode starts in 2019-2020 and overlaps 2020-2021, where its full length counts).
    b.add(absence_row{"l365", relatief, d("2020-08-01"), d("2021-07-31")});
    b.add(absence_row{"l366", relatief, d("2020-07-31"), d("2021-07-31")});
    // nw: no municipality and never enrolled: its episode is attributed to `onbekend`.
    b.add(pupil_row{"nw", d("2012-05-01")});
    b.add(absence_row{"nw", absoluut, d("2020-10-01"), d("2020-10-10")}); // 10 days
    b.add(extract_row{d("2021-07-31")});
    const auto ds = *b.finish().value();
    const auto episodes = verzuim_episodes(ds, school_year{2020});

    const auto nl = summarize_thuiszitters(episodes, flow_unit{});
    CHECK(nl.episodes == 7);
    CHECK(nl.pupils == 7);
    CHECK(nl.relatief == 6);
    CHECK(nl.absoluut == 1);
    CHECK(nl.by_length == std::array<std::int32_t, length_class_count>{1, 1, 2, 2, 1});
    // 1 September + 3 months is 1 December: l92's last day is not after it, l182's is.
    CHECK(nl.longer_than_3_months == 4);
    CHECK(*nl.max_days == 366);
    CHECK(*nl.median_days == 182); // 10 91 92 [182] 183 365 366
    CHECK(*nl.mean_days == doctest::Approx(1289 / 7.0));
    // nw counts nowhere but nationally: not for the region's partnership, board or any school.
    const auto swv = summarize_thuiszitters(episodes, *find_flow_unit(ds, "PO3104"));
    CHECK(swv.episodes == 6);
    CHECK(swv.pupils == 6);
    CHECK(swv.absoluut == 0);
    CHECK(swv.by_length == std::array<std::int32_t, length_class_count>{0, 1, 2, 2, 1});
    CHECK(*swv.median_days == 182.5);
    CHECK(summarize_thuiszitters(episodes, *find_flow_unit(ds, "B1")).episodes == 6);
    CHECK(summarize_thuiszitters(episodes, *find_flow_unit(ds, "01BA00")).episodes == 6);
    for (const char* other : {"PO3105", "B2", "02BA00"})
        CHECK(summarize_thuiszitters(episodes, *find_flow_unit(ds, other)).episodes == 0);
}
