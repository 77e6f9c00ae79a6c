// SPDX-License-Identifier: EUPL-1.2
#include "passend/builder.hpp"
#include "passend/cycle/frameworks.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"

#include <doctest/doctest.h>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}
constexpr school_year y2024{2024};

dataset_builder region() {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao});
    b.add(school_row{"02BB00", "De Wissel", "B1", "PO3104", setting::bao});
    b.add(school_row{"03CC00", "Het Anker", "B1", "PO3104", setting::sbo});
    b.add(school_row{"04DD00", "Elders", "B2", "PO3105", setting::bao});
    b.add(pupil_row{"p1", d("2016-03-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
    b.add(extract_row{d("2025-07-31")}); // exported after the assessments of 2024-2025
    return b;
}
} // namespace

TEST_CASE("the 43 process indicators carry the board report's text in four groups") {
    const auto* f = find_framework("procesindicatoren");
    REQUIRE(f != nullptr);
    REQUIRE(f->items.size() == 43);
    for (int i = 0; i < 43; ++i) CHECK(f->items[static_cast<std::size_t>(i)].number == i + 1);
    CHECK(process_indicator_text(5) ==
          "Transparante procedure ondersteuningstoewijzing op bestuursniveau");
    CHECK(process_indicator_text(15) ==
          "(De inhoud van) Duiden&Doen is basis voor handelen vanaf niveau 3 in alle scholen");
    CHECK(process_indicator_text(43) ==
          "Dit thema heeft een plek in de eigen oudertevredenheidsonderzoeken");
    CHECK(process_indicator_text(44).empty());
    REQUIRE(f->groups.size() == 4);
    CHECK(f->groups[0].first == 1);
    CHECK(f->groups[0].last == 7);
    CHECK(f->groups[1].first == 8);
    CHECK(f->groups[1].last == 27);
    CHECK(f->groups[2].first == 28);
    CHECK(f->groups[2].last == 34);
    CHECK(f->groups[3].first == 35);
    CHECK(f->groups[3].last == 43);
    for (int k = 1; k <= 4; ++k) {
        const auto* a = find_framework("ankerpunt" + std::to_string(k));
        REQUIRE(a != nullptr);
        CHECK(a->biennial);
    }
    CHECK(find_framework("ankerpunt5") == nullptr);
}

TEST_CASE("the 75% norm at its edge: exactly 0.75 meets it") {
    auto b = region();
    // 01AA00: ja, ja, ja, nee -> 0.75 exactly. 02BB00: ja, deels, deels, ja -> 0.75 from halves.
    // 03CC00: ja, ja, deels, nee -> 0.625.
    const double s1[] = {1, 1, 1, 0}, s2[] = {1, 0.5, 0.5, 1}, s3[] = {1, 1, 0.5, 0};
    const char* items[] = {"1", "2", "3", "4"};
    for (int i = 0; i < 4; ++i) {
        b.add(assessment_row{y2024, "01AA00", "ankerpunt1", items[i], s1[i]});
        b.add(assessment_row{y2024, "02BB00", "ankerpunt1", items[i], s2[i]});
        b.add(assessment_row{y2024, "03CC00", "ankerpunt1", items[i], s3[i]});
    }
    // 0.6, 0.7, 0.8, 0.9: the mean is 0.75, which floating point computes as 0.7499999999999999.
    b.add(assessment_row{y2024, "04DD00", "ankerpunt1", "1", 0.6});
    b.add(assessment_row{y2024, "04DD00", "ankerpunt1", "2", 0.7});
    b.add(assessment_row{y2024, "04DD00", "ankerpunt1", "3", 0.8});
    b.add(assessment_row{y2024, "04DD00", "ankerpunt1", "4", 0.9});
    const auto ds = b.finish().value();
    const auto a1 = assess(*ds, "ankerpunt1", *ds->find_school("01AA00"), y2024);
    REQUIRE(a1);
    CHECK(a1->mean() == 0.75);
    CHECK(a1->meets_norm());
    const auto a2 = assess(*ds, "ankerpunt1", *ds->find_school("02BB00"), y2024);
    REQUIRE(a2);
    CHECK(a2->meets_norm());
    const auto a3 = assess(*ds, "ankerpunt1", *ds->find_school("03CC00"), y2024);
    REQUIRE(a3);
    CHECK(a3->mean() == 0.625);
    CHECK_FALSE(a3->meets_norm());
    const auto a4 = assess(*ds, "ankerpunt1", *ds->find_school("04DD00"), y2024);
    REQUIRE(a4);
    CHECK(a4->mean() < 0.75); // the edge as floating point sees it
    CHECK(a4->mean() == doctest::Approx(0.75));
    CHECK(a4->meets_norm());

    const auto share = share_meeting_norm(*ds, *ds->find_board("B1"), "ankerpunt1", y2024);
    CHECK(share.schools == 3);
    CHECK(share.assessed == 3);
    CHECK(share.meeting == 2);
    CHECK(share.share() == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("a board with no assessments has no score and no share, not zeros") {
    auto b = region();
    b.add(assessment_row{y2024, "04DD00", "ankerpunt2", "1", 1});
    const auto ds = b.finish().value();
    const auto board = *ds->find_board("B1");
    CHECK_FALSE(assess(*ds, "procesindicatoren", board, y2024).has_value());
    CHECK_FALSE(assess(*ds, "ankerpunt2", *ds->find_school("01AA00"), y2024).has_value());
    const auto share = share_meeting_norm(*ds, board, "ankerpunt2", y2024);
    CHECK(share.schools == 3);
    CHECK(share.assessed == 0);
    CHECK_FALSE(share.share().has_value());
    CHECK_FALSE(latest_assessment_year(*ds, "ankerpunt2", unit_level::board, pos(board), y2024));
    CHECK(all_assessments(*ds).size() == 1);
}

TEST_CASE("process indicators per group, repeats averaged, latest biennial measurement") {
    auto b = region();
    for (int i = 1; i <= 43; ++i)
        b.add(assessment_row{y2024, "B1", "procesindicatoren", std::to_string(i),
                             i <= 7 ? 1.0 : (i <= 27 ? 0.5 : 0.0)});
    b.add(assessment_row{y2024, "B1", "procesindicatoren", "1", 0.0}); // a repeat of item 1
    b.add(assessment_row{school_year{2022}, "B1", "ankerpunt3", "a", 1});
    const auto ds = b.finish().value();
    const auto board = *ds->find_board("B1");
    const auto p = assess(*ds, "procesindicatoren", board, y2024);
    REQUIRE(p);
    REQUIRE(p->items.size() == 43);
    CHECK(p->items[0].first == "1");
    CHECK(p->items[9].first == "10"); // numeric order, not text order
    CHECK(p->score_of("1") == 0.5);
    CHECK(p->group_mean(1, 7) == doctest::Approx((0.5 + 6) / 7));
    CHECK(p->group_mean(8, 27) == 0.5);
    CHECK(p->group_mean(35, 43) == 0.0);
    CHECK_FALSE(p->group_mean(50, 60).has_value());
    CHECK(latest_assessment_year(*ds, "ankerpunt3", unit_level::board, pos(board), y2024) ==
          school_year{2022});
    CHECK_FALSE(latest_assessment_year(*ds, "ankerpunt3", unit_level::board, pos(board),
                                       school_year{2021}));
}

TEST_CASE("the KPI evaluator's framework scores agree with assess() when items do not repeat") {
    auto b = region();
    const double scores[] = {1, 0.5, 0, 1, 1, 0.5};
    for (int i = 0; i < 6; ++i) {
        b.add(assessment_row{y2024, "01AA00", "ankerpunt1", std::to_string(i + 1), scores[i]});
        b.add(assessment_row{y2024, "02BB00", "ankerpunt1", std::to_string(i + 1), 1 - scores[i]});
    }
    const auto ds = b.finish().value();
    const auto kpis = evaluate(*ds, catalog::builtin().select({"ankerpunt1_score"}));
    int compared = 0;
    for (const auto& r : kpis.rows) {
        if (r.level != kpi_level::school || r.year != y2024) continue;
        const auto a = assess(*ds, "ankerpunt1", *ds->find_school(r.unit), y2024);
        REQUIRE(a);
        REQUIRE(r.value);
        CHECK(*r.value == doctest::Approx(a->mean()));
        ++compared;
    }
    CHECK(compared == 2);
}
