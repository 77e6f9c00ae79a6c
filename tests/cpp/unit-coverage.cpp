// SPDX-License-Identifier: EUPL-1.2
// The covering network and continuity (contract v1.1) on a small region, by hand
// (tests/data/valid_coverage):
//
//   PO1's region GM01, GM02, GM03; PO2's GM04. Offers in 2024-2025 (places, tariff):
//     S1 (bao, PO1, GM01, board B1): gedrag level 3 (2, 5000), taal level 2 (4, 1000)
//     S2 (bao, PO1, GM02, B1):       gedrag level 4 (3, no tariff)
//     S3 (so,  PO1, GM03, B2):       fysiek_medisch level 5 (4, 12000): only at an so school
//     S4 (bao, PO2, GM04, B2):       gedrag level 3 (1, 6000)
//   Individual arrangements on teldatum 2024-10-01: p1, p2, p3 gedrag at S1 (3 pupils for 2
//   places: over-demand), p1 taal at S1, p5 fysiek_medisch at S3. p4's gedrag at S2 ended
//   2024-09-30, p6's taal is at S4 (no taal offer there), a8 is a group, a9 has no domain.
//   Finances: PO1 2024 income 5,000,000 reserves 400,000 (3.5% = 175,000 < 250,000: the
//   minimum decides; 150,000 above); PO2 2023 income 10,000,000 reserves 500,000 (3.5% =
//   350,000 decides; 150,000 above); PO2 2024 reserves 300,000 < 350,000 (0 above).
#include "kpi_harness.hpp"
#include "load_support.hpp"

#include "passend/coverage/coverage.hpp"
#include "passend/demo.hpp"
#include "passend/kpi/catalog.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace passend;
using namespace kpi_test;
using passend::test::errors;
using passend::test::lines;

namespace {
dataset_ptr region() {
    return load_folder(test::data_dir() / "valid_coverage").value();
}
} // namespace

TEST_CASE("coverage data: offers, domains and finances load in key order") {
    const auto ds = region();
    CHECK(ds->support_domains() == std::vector<std::string>{"fysiek_medisch", "gedrag", "taal"});
    const auto& so = ds->support_offers();
    REQUIRE(so.size() == 5);
    CHECK(ds->schools().id[pos(so.school[0])] == "S1");
    CHECK(ds->support_domains()[so.domain[0]] == "gedrag");
    CHECK(so.places[2] == 3);
    CHECK(so.tariff[2] == -1); // S2's tariff is not given
    CHECK(so.level[3] == support_level::l5);
    const auto& ar = ds->arrangements();
    CHECK(ds->support_domains()[ar.domain[2]] == "gedrag"); // a3's `Gedrag`: any case
    CHECK(ar.domain[8] == no_domain);
    const auto& fi = ds->finances();
    REQUIRE(fi.size() == 4);
    CHECK(ds->swvs().id[pos(fi.swv[0])] == "PO1");
    CHECK(fi.year[0] == 2023);
    CHECK(fi.reserves[1] == 40'000'000);
    CHECK(ds->rows(table::support_offers) == 5);
    CHECK(ds->rows(table::finances) == 4);
}

TEST_CASE("coverage data: every rule, located; a failing load leaves nothing") {
    const auto r = load_folder(test::data_dir() / "broken_coverage");
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"arrangements.csv:2:9: error: domain 'taal-extra' is not a code of lower-case "
                 "letters a-z, digits and _",
                 "support_offers.csv:2:1: error: school_id S9 is not in schools.csv",
                 "support_offers.csv:3:4: error: level 6 is not a support level 1-5",
                 "support_offers.csv:4:5: error: places -1 is negative; places count pupils",
                 "support_offers.csv:5:6: error: tariff_eur -5.00 is negative",
                 "support_offers.csv:6:3: error: domain 'ge drag!' is not a code of lower-case "
                 "letters a-z, digits and _",
                 "support_offers.csv:7:3: error: domain is empty; a value is required",
                 "finances.csv:2:2: error: swv_id PO9 is not in swvs.csv",
                 "finances.csv:3:3: error: income_eur -1.00 is negative",
                 "finances.csv:5:1: error: the row of PO1 in 2024 is given twice; the first is "
                 "on line 4"}));
}

TEST_CASE("coverage data: typed rows keep the same rules") {
    dataset_builder b;
    b.add(school_row{"S1", "", "B1", "PO1", setting::bao, "GM01"});
    b.add(pupil_row{"p1", d("2015-01-01"), ""});
    b.add(enrolment_row{"p1", "S1", d("2023-08-01")});
    b.add(support_offer_row{"S1", school_year{2024}, "Gedrag", 3, 2, 100});
    b.add(support_offer_row{"S1", school_year{2024}, "", 3, 2, 100});
    b.add(support_offer_row{"S1", school_year{2024}, "taal", 0, -2, -100});
    b.add(finance_row{2024, "PO1", -1, 0});
    b.add(finance_row{2024, "PO7", 1, 0});
    const auto r = b.finish();
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"support_offers.csv:2:3: error: domain is empty; an offer is in a support "
                 "domain",
                 "support_offers.csv:3:4: error: level 0 is not a support level 1-5",
                 "support_offers.csv:3:5: error: places -2 is negative; places count pupils",
                 "support_offers.csv:3:6: error: tariff_eur -1.00 is negative",
                 "finances.csv:1:3: error: income_eur -0.01 is negative",
                 "finances.csv:2:2: error: swv_id PO7 is not in the partnerships the data name "
                 "(schools, regions, TLVs, funds)"}));
}

TEST_CASE("coverage KPIs: places, coverage, occupancy, costs, by hand") {
    const auto ds = region();
    const auto r = evaluate(*ds, catalog::builtin());
    // Places: S1 gedrag 2 + S2 gedrag 3 for PO1; board B1 the same; S4's 1 for PO2.
    CHECK(val(r, "aanbod_plaatsen_gedrag", 2024, swv, "PO1") == 5);
    CHECK(val(r, "aanbod_plaatsen_gedrag", 2024, swv, "PO2") == 1);
    CHECK(val(r, "aanbod_plaatsen_gedrag", 2024, board, "B1") == 5);
    CHECK(val(r, "aanbod_plaatsen_gedrag", 2024, municipality, "GM02") == 3);
    CHECK(val(r, "aanbod_plaatsen_gedrag", 2024) == 6);
    CHECK(val(r, "aanbod_plaatsen_fysiek_medisch", 2024, school, "S3") == 4);
    CHECK(val(r, "aanbod_plaatsen_taal", 2024, swv, "PO1") == 4);

    // Coverage: PO1 gedrag in GM01 and GM02 of 3 (GM03 is a gap); taal only GM01;
    // fysiek_medisch only GM03, through the so school S3. PO2: gedrag 1 of 1, the rest 0.
    CHECK(val(r, "aanbod_dekking_gedrag", 2024, swv, "PO1") == doctest::Approx(200.0 / 3));
    CHECK(val(r, "aanbod_dekking_taal", 2024, swv, "PO1") == doctest::Approx(100.0 / 3));
    CHECK(val(r, "aanbod_dekking_fysiek_medisch", 2024, swv, "PO1") == doctest::Approx(100.0 / 3));
    CHECK(val(r, "aanbod_dekking_gedrag", 2024, swv, "PO2") == 100);
    CHECK(val(r, "aanbod_dekking_taal", 2024, swv, "PO2") == 0);
    // Coverage is defined per partnership: no national row (a pooled region has no meaning),
    // while places and occupancy, sums over schools, have one.
    CHECK(find_row(r, "aanbod_dekking_gedrag", 2024, kpi_level::national, "NL") == nullptr);
    CHECK(find_row(r, "aanbod_plaatsen_gedrag", 2024, kpi_level::national, "NL") != nullptr);
    // No offers in 2023-2024: no coverage reported for it.
    CHECK(std::isnan(val(r, "aanbod_dekking_gedrag", 2023, swv, "PO1")));

    // Occupancy on teldatum: S1 gedrag 3 pupils / 2 places = 150% (over-demand); S2 0 / 3;
    // PO1 3 / 5 = 60%; nationally 3 / 6 = 50%; S3 1 / 4; PO2 gedrag 0 / 1.
    CHECK(val(r, "aanbod_bezetting_gedrag", 2024, school, "S1") == 150);
    CHECK(val(r, "aanbod_bezetting_gedrag", 2024, school, "S2") == 0);
    CHECK(val(r, "aanbod_bezetting_gedrag", 2024, swv, "PO1") == 60);
    CHECK(num(r, "aanbod_bezetting_gedrag", 2024, swv, "PO1") == 3);
    CHECK(val(r, "aanbod_bezetting_gedrag", 2024) == 50);
    CHECK(val(r, "aanbod_bezetting_fysiek_medisch", 2024, school, "S3") == 25);
    CHECK(val(r, "aanbod_bezetting_taal", 2024, swv, "PO1") == 25);
    CHECK(val(r, "aanbod_bezetting_gedrag", 2024, swv, "PO2") == 0);

    // Costs: PO1 2 × 5000 + 4 × 1000 + 3 × (no tariff) + 4 × 12000 = 62,000; PO2 6,000.
    CHECK(val(r, "aanbod_kosten", 2024, swv, "PO1") == 62000);
    CHECK(val(r, "aanbod_kosten", 2024, swv, "PO2") == 6000);
    CHECK(val(r, "aanbod_kosten", 2024) == 68000);
}

TEST_CASE("continuity: the € 250,000 minimum decides one case, 3.5% another") {
    const auto ds = region();
    const auto r = evaluate(*ds, catalog::builtin());
    // Calendar year Y is reported in the row of school year Y-(Y+1).
    CHECK(val(r, "signaleringswaarde_reserves", 2024, swv, "PO1") == 250000);
    CHECK(val(r, "reserves_boven_signaleringswaarde", 2024, swv, "PO1") == 150000);
    CHECK(val(r, "signaleringswaarde_reserves", 2023, swv, "PO2") == 350000);
    CHECK(val(r, "reserves_boven_signaleringswaarde", 2023, swv, "PO2") == 150000);
    CHECK(val(r, "reserves_boven_signaleringswaarde", 2024, swv, "PO2") == 0);
    CHECK(val(r, "signaleringswaarde_reserves", 2023, swv, "PO1") == 250000);
    CHECK(val(r, "reserves_boven_signaleringswaarde", 2023, swv, "PO1") == 0);

    const auto low = continuity_of(500'000'000, 40'000'000);
    CHECK(low.minimum_applies);
    CHECK(low.signal_value == 25'000'000);
    CHECK(low.above == 15'000'000);
    const auto high = continuity_of(1'000'000'000, 50'000'000);
    CHECK_FALSE(high.minimum_applies);
    CHECK(high.signal_value == 35'000'000);
    // Near the border: 3.5% of € 7,000,000 is € 245,000 (the minimum decides), of € 7,200,000
    // € 252,000; 3.5% of € 7,142,857.14 is € 249,999.9999, rounded to the cent € 250,000.00.
    CHECK(continuity_of(700'000'000, 0).minimum_applies);
    CHECK(continuity_of(720'000'000, 0).signal_value == 25'200'000);
    CHECK(continuity_of(714'285'714, 0).signal_value == 25'000'000);
    CHECK(continuity_of(714'285'714, 25'000'001).above == 1);
}

TEST_CASE("coverage model: matrix, gap, over-demand, so-only domain, calendar-year split") {
    const auto ds = region();
    const auto c = make_coverage(*ds);
    CHECK(c.year == school_year{2024});
    CHECK(c.domains == std::vector<std::string>{"fysiek_medisch", "gedrag", "taal"});
    REQUIRE(c.partnerships.size() == 2);
    const auto& po1 = c.partnerships[0];
    CHECK(po1.municipalities == std::vector<std::string>{"GM01", "GM02", "GM03"});
    // gedrag (row 1): GM01 over-demanded (3 pupils, 2 places), GM02 covered, GM03 a gap.
    CHECK(po1.cells[1][0].state == cover_state::over_demanded);
    CHECK(po1.cells[1][0].pupils == 3);
    CHECK(po1.cells[1][0].occupancy() == 150);
    CHECK(po1.cells[1][1].state == cover_state::covered);
    CHECK(po1.cells[1][2].state == cover_state::no_offer);
    // fysiek_medisch only in GM03, at the so school.
    CHECK(po1.cells[0][0].state == cover_state::no_offer);
    CHECK(po1.cells[0][2].places == 4);
    CHECK(po1.cells[0][2].state == cover_state::covered);
    // Costs per domain and level: 48,000 + 10,000 + 0 + 4,000 = 62,000. Its 5/12 is 25,833.333,
    // rounded 25,833.33; the lines' exact 5/12 are 20,000, 4,166.6667, 0 and 1,666.6667: rounded
    // down 25,833.32, and the one cent left goes to the first of the two equal remainders.
    REQUIRE(po1.costs.size() == 4);
    CHECK(po1.costs[0].domain == "fysiek_medisch");
    CHECK(po1.costs[0].cost == 4'800'000);
    CHECK(po1.costs[0].first_year == 2'000'000);
    CHECK(po1.costs[0].second_year == 2'800'000);
    CHECK(po1.costs[1].first_year == 416'667);
    CHECK(po1.costs[1].second_year == 583'333);
    CHECK(po1.costs[2].first_year == 0);
    CHECK(po1.costs[3].first_year == 166'666);
    CHECK(po1.costs[3].second_year == 233'334);
    CHECK(po1.cost == 6'200'000);
    CHECK(po1.first_year == 2'583'333);
    CHECK(po1.second_year == 3'616'667);
    REQUIRE(po1.continuity.size() == 2);
    CHECK(po1.continuity[1].year == 2024);
    CHECK(po1.continuity[1].check.above == 15'000'000);

    const auto one = make_coverage(*ds, {school_year{2024}, "PO2"});
    REQUIRE(one.partnerships.size() == 1);
    CHECK(one.partnerships[0].cells[1][0].state == cover_state::covered);
    CHECK_THROWS_AS(make_coverage(*ds, {std::nullopt, "PO9"}), error);

    // JSON: small counts hidden by default (3 pupils: "<5", no occupancy), shown on request.
    const auto doc = nlohmann::json::parse(coverage_json(c));
    const auto& cell = doc["partnerships"][0]["cells"][3]; // gedrag × GM01
    CHECK(cell["domain"] == "gedrag");
    CHECK(cell["pupils"] == "<5");
    CHECK(cell["occupancy"].is_null());
    CHECK(cell["state"] == "over_demanded");
    CHECK(doc["partnerships"][0]["calendar_years"]["2024"] == 25833.33);
    const auto open = nlohmann::json::parse(coverage_json(c, {false, 4}));
    CHECK(open["partnerships"][0]["cells"][3]["occupancy"] == 150);
    CHECK(doc["partnerships"][0]["gaps"].size() == 5);
    CHECK(coverage_markdown(c).find("Gemeente GM03 heeft geen aanbod voor gedrag.") !=
          std::string::npos);
}

TEST_CASE("coverage: the calendar-year split of a total by largest remainder, by hand") {
    // Three lines of 6, 7 and 6 cents: exact 5/12 are 2.5, 2.9167 and 2.5 (remainders 6/12,
    // 11/12, 6/12 of a cent); the total 19 cents' 5/12 is 7.9167, rounded 8. Rounded down the
    // lines give 6, so 2 cents are left: to the 11/12 and then the earlier 6/12, giving 3, 3, 2
    // (each line rounded on its own would give 3, 3, 3 = 9, a cent more than the total's 8).
    dataset_builder b;
    b.add(school_row{"S1", "", "B1", "PO1", setting::bao, ""});
    b.add(pupil_row{"p1", d("2015-01-01"), ""});
    b.add(enrolment_row{"p1", "S1", d("2023-08-01")});
    b.add(extract_row{d("2025-06-01")});
    b.add(support_offer_row{"S1", school_year{2024}, "gedrag", 3, 1, 6});
    b.add(support_offer_row{"S1", school_year{2024}, "gedrag", 4, 1, 7});
    b.add(support_offer_row{"S1", school_year{2024}, "taal", 2, 2, 3});
    const auto r = b.finish();
    REQUIRE(r.data != nullptr);
    const auto c = make_coverage(*r.data, {school_year{2024}, "PO1"});
    REQUIRE(c.partnerships.size() == 1);
    const auto& p = c.partnerships[0];
    REQUIRE(p.costs.size() == 3);
    CHECK(p.cost == 19);
    CHECK(p.first_year == 8);
    CHECK(p.second_year == 11);
    CHECK(p.costs[0].first_year == 3);
    CHECK(p.costs[1].first_year == 3);
    CHECK(p.costs[2].first_year == 2);
    CHECK(p.costs[0].second_year == 3);
    CHECK(p.costs[1].second_year == 4);
    CHECK(p.costs[2].second_year == 4);
}

TEST_CASE("the demo's covering network: a gap, an over-demanded domain, reserves above") {
    demo_options small;
    small.pupils = 2'000;
    const auto ds = make_demo(small);
    const auto c = make_coverage(*ds);
    CHECK(c.year == school_year{2024});
    CHECK(c.domains == std::vector<std::string>{"fysiek_medisch", "gedrag", "hoogbegaafd", "leren",
                                                "taal", "zintuiglijk"});
    int gaps = 0, over = 0, above = 0;
    for (const auto& p : c.partnerships) {
        for (const auto& row : p.cells)
            for (const auto& cell : row) {
                gaps += cell.state == cover_state::no_offer;
                over += cell.state == cover_state::over_demanded;
            }
        for (const auto& k : p.continuity) above += k.check.above > 0;
    }
    CHECK(gaps > 0);
    CHECK(over > 0);
    // Only PO3104 holds reserves above its signal value, in each of its three years.
    CHECK(above == 3);
    CHECK(c.partnerships[0].swv_id == "PO3104");
    CHECK(c.partnerships[0].continuity.back().check.above > 0);
}
