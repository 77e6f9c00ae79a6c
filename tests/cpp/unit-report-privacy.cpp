// SPDX-License-Identifier: EUPL-1.2
// Small-count suppression: hand-computed cases of primary and secondary suppression.
#include "passend/report/privacy.hpp"
#include "unit-report-rows.hpp"

#include <doctest/doctest.h>

using namespace passend;
using namespace passend::test;

namespace {
constexpr auto NL = kpi_level::national;
constexpr auto SWV = kpi_level::swv;
constexpr auto BOARD = kpi_level::board;
constexpr auto SCHOOL = kpi_level::school;

cell_shown show(const kpi_results& res, std::string_view kpi, std::string_view unit,
                kpi_field f = kpi_field::value, int year = 2024) {
    const auto& r = at(res, kpi, unit, year);
    return shown(r, f, res.find(kpi));
}
} // namespace

TEST_CASE("privacy: counts 1-4 show as <5, 0 and 5 do not") {
    kpi_results res;
    res.definitions = {info("tlv_toegekend", kpi_unit::count)};
    res.rows = {count("tlv_toegekend", 2024, SWV, "A", 0),
                count("tlv_toegekend", 2024, SWV, "B", 4),
                count("tlv_toegekend", 2024, SWV, "C", 5)};
    const auto s = suppress(res);
    CHECK(s.small == 1);
    CHECK(s.secondary == 0); // no national row: no relation between the units
    CHECK(show(res, "tlv_toegekend", "A") == cell_shown::number);
    CHECK(show(res, "tlv_toegekend", "B") == cell_shown::small);
    CHECK(show(res, "tlv_toegekend", "B", kpi_field::numerator) == cell_shown::small);
    CHECK(show(res, "tlv_toegekend", "C") == cell_shown::number);

    suppress(res, {.enabled = false});
    CHECK(show(res, "tlv_toegekend", "B") == cell_shown::number);
}

TEST_CASE("privacy: a percentage of a small count hides its value, not its denominator") {
    kpi_results res;
    res.definitions = {info("opp_percentage", kpi_unit::percent)};
    res.rows = {percent("opp_percentage", 2024, SWV, "A", 2, 40),
                percent("opp_percentage", 2024, SWV, "B", 6, 3)}; // a small denominator
    suppress(res);
    CHECK(show(res, "opp_percentage", "A", kpi_field::numerator) == cell_shown::small);
    CHECK(show(res, "opp_percentage", "A", kpi_field::denominator) == cell_shown::number);
    CHECK(show(res, "opp_percentage", "A") == cell_shown::hidden); // 5% of 40 gives 2
    CHECK(show(res, "opp_percentage", "B", kpi_field::denominator) == cell_shown::small);
    CHECK(show(res, "opp_percentage", "B", kpi_field::numerator) == cell_shown::number);
    CHECK(show(res, "opp_percentage", "B") == cell_shown::hidden);
}

TEST_CASE("privacy: national minus the other partnerships would reveal a small one") {
    kpi_results res;
    res.definitions = {info("thuiszitters", kpi_unit::count)};
    SUBCASE("one other unit hidden is enough when the sum leaves 1..4 open") {
        // 20 = A 3 + B 10 + C 7: hide C (the smallest other); A + C = 10 allows A = 1..4.
        res.rows = {
            count("thuiszitters", 2024, NL, "NL", 20), count("thuiszitters", 2024, SWV, "A", 3),
            count("thuiszitters", 2024, SWV, "B", 10), count("thuiszitters", 2024, SWV, "C", 7)};
        const auto s = suppress(res);
        CHECK(s.small == 1);
        CHECK(s.secondary == 1);
        CHECK(show(res, "thuiszitters", "NL") == cell_shown::number);
        CHECK(show(res, "thuiszitters", "A") == cell_shown::small);
        CHECK(show(res, "thuiszitters", "B") == cell_shown::number);
        CHECK(show(res, "thuiszitters", "C") == cell_shown::hidden);
    }
    SUBCASE("a hidden 5 beside a <5 summing to 6 pins the <5 to 1: hide one more") {
        // 12 = A 1 + B 5 + C 6. Hiding B leaves A + B = 6, and with A in 1..4 and B, shown
        // empty, 0 or at least 5, only A = 1 fits; so C goes too (A + B + C = 12).
        res.rows = {
            count("thuiszitters", 2024, NL, "NL", 12), count("thuiszitters", 2024, SWV, "A", 1),
            count("thuiszitters", 2024, SWV, "B", 5), count("thuiszitters", 2024, SWV, "C", 6)};
        const auto s = suppress(res);
        CHECK(s.small == 1);
        CHECK(s.secondary == 2);
        CHECK(show(res, "thuiszitters", "B") == cell_shown::hidden);
        CHECK(show(res, "thuiszitters", "C") == cell_shown::hidden);
        CHECK(show(res, "thuiszitters", "NL") == cell_shown::number);
    }
    SUBCASE("two <5 summing to 2 are both 1: hide a third") {
        res.rows = {
            count("thuiszitters", 2024, NL, "NL", 10), count("thuiszitters", 2024, SWV, "A", 1),
            count("thuiszitters", 2024, SWV, "B", 1), count("thuiszitters", 2024, SWV, "C", 8)};
        const auto s = suppress(res);
        CHECK(s.small == 2);
        CHECK(s.secondary == 1);
        CHECK(show(res, "thuiszitters", "C") == cell_shown::hidden);
    }
}

TEST_CASE("privacy: a board is the sum of its schools when the mapping is given") {
    // national 30; boards B1 12, B2 18; schools S1 3 + S2 9 (B1), S3 6 + S4 12 (B2).
    kpi_results res;
    res.definitions = {info("opp_aantal", kpi_unit::count)};
    res.rows = {
        count("opp_aantal", 2024, NL, "NL", 30),    count("opp_aantal", 2024, BOARD, "B1", 12),
        count("opp_aantal", 2024, BOARD, "B2", 18), count("opp_aantal", 2024, SCHOOL, "S1", 3),
        count("opp_aantal", 2024, SCHOOL, "S2", 9), count("opp_aantal", 2024, SCHOOL, "S3", 6),
        count("opp_aantal", 2024, SCHOOL, "S4", 12)};
    SUBCASE("without: national = sum of schools hides S3 beside S1, and B1 - S2 leaks S1") {
        suppress(res);
        CHECK(show(res, "opp_aantal", "S1") == cell_shown::small);
        CHECK(show(res, "opp_aantal", "S2") == cell_shown::number);
        CHECK(show(res, "opp_aantal", "S3") == cell_shown::hidden);
        CHECK(show(res, "opp_aantal", "S4") == cell_shown::number);
    }
    SUBCASE("with: S2 hides for B1, and S4 for B2 (whose S3 was hidden)") {
        suppress_options o;
        o.board_of_school = {{"S1", "B1"}, {"S2", "B1"}, {"S3", "B2"}, {"S4", "B2"}};
        const auto s = suppress(res, o);
        CHECK(s.small == 1);
        CHECK(s.secondary == 3);
        CHECK(show(res, "opp_aantal", "S2") == cell_shown::hidden);
        CHECK(show(res, "opp_aantal", "S3") == cell_shown::hidden);
        CHECK(show(res, "opp_aantal", "S4") == cell_shown::hidden);
        CHECK(show(res, "opp_aantal", "B1") == cell_shown::number);
    }
}

TEST_CASE("privacy: breakdowns and percentages built on a small setting count") {
    // One unit: 50 pupils = bao 40 + sbo 3 + so 7.
    kpi_results res;
    for (auto id : {"leerlingen_totaal", "leerlingen_bao", "leerlingen_sbo", "leerlingen_so"})
        res.definitions.push_back(info(id, kpi_unit::count));
    res.definitions.push_back(info("deelname_sbo", kpi_unit::percent));
    res.definitions.push_back(info("deelname_so", kpi_unit::percent));
    res.rows = {count("leerlingen_totaal", 2024, SWV, "A", 50),
                count("leerlingen_bao", 2024, SWV, "A", 40),
                count("leerlingen_sbo", 2024, SWV, "A", 3),
                count("leerlingen_so", 2024, SWV, "A", 7),
                percent("deelname_sbo", 2024, SWV, "A", 3, 43),
                percent("deelname_so", 2024, SWV, "A", 7, 43)};
    add_catalog_relations(res);
    const auto s = suppress(res);
    // sbo is small; totaal - bao - so would give it back, so so (the smaller other) hides.
    CHECK(show(res, "leerlingen_sbo", "A") == cell_shown::small);
    CHECK(show(res, "leerlingen_so", "A") == cell_shown::hidden);
    CHECK(show(res, "leerlingen_bao", "A") == cell_shown::number);
    CHECK(show(res, "leerlingen_totaal", "A") == cell_shown::number);
    // deelname_sbo: its denominator bao + sbo minus leerlingen_bao gives sbo.
    CHECK(show(res, "deelname_sbo", "A", kpi_field::numerator) == cell_shown::small);
    CHECK(show(res, "deelname_sbo", "A", kpi_field::denominator) == cell_shown::hidden);
    CHECK(show(res, "deelname_sbo", "A") == cell_shown::hidden);
    // deelname_so: its numerator is leerlingen_so (hidden above), its denominator the same 43.
    CHECK(show(res, "deelname_so", "A", kpi_field::numerator) == cell_shown::hidden);
    CHECK(show(res, "deelname_so", "A", kpi_field::denominator) == cell_shown::hidden);
    CHECK(show(res, "deelname_so", "A") == cell_shown::hidden);
    CHECK(s.small == 2);     // leerlingen_sbo and deelname_sbo's numerator
    CHECK(s.secondary == 4); // leerlingen_so, deelname_so's numerator, two denominators
}

TEST_CASE("privacy: a change against a hidden previous value is hidden") {
    kpi_results res;
    res.definitions = {info("vrijstellingen", kpi_unit::count)};
    auto y23 = count("vrijstellingen", 2023, SWV, "A", 3);
    auto y24 = count("vrijstellingen", 2024, SWV, "A", 10);
    y24.change = 7;
    auto y25 = count("vrijstellingen", 2025, SWV, "A", 12);
    y25.change = 2;
    res.rows = {y23, y24, y25};
    suppress(res);
    CHECK(show(res, "vrijstellingen", "A", kpi_field::value, 2023) == cell_shown::small);
    CHECK(show(res, "vrijstellingen", "A", kpi_field::value, 2024) == cell_shown::number);
    CHECK(show(res, "vrijstellingen", "A", kpi_field::change, 2024) == cell_shown::hidden);
    // A change of 2 is not a count: shown.
    CHECK(show(res, "vrijstellingen", "A", kpi_field::change, 2025) == cell_shown::number);
    // Without the previous year's row there is nothing to check it against: hidden.
    res.rows.erase(res.rows.begin());
    suppress(res);
    CHECK(show(res, "vrijstellingen", "A", kpi_field::change, 2024) == cell_shown::hidden);
    CHECK(show(res, "vrijstellingen", "A", kpi_field::change, 2025) == cell_shown::number);
}

TEST_CASE("privacy: the cost of a few arrangements hides with their count; money is not small") {
    kpi_results res;
    res.definitions = {info("arrangementen", kpi_unit::count),
                       info("arrangementen_kosten", kpi_unit::euro),
                       info("middelen_besteed", kpi_unit::euro)};
    res.rows = {count("arrangementen", 2024, SCHOOL, "S1", 2),
                count("arrangementen_kosten", 2024, SCHOOL, "S1", 3),
                count("middelen_besteed", 2024, BOARD, "B1", 3)};
    add_catalog_relations(res);
    suppress(res);
    CHECK(show(res, "arrangementen", "S1") == cell_shown::small);
    CHECK(show(res, "arrangementen_kosten", "S1") == cell_shown::hidden); // not `<5` euro
    CHECK(show(res, "middelen_besteed", "B1") == cell_shown::number);
}
