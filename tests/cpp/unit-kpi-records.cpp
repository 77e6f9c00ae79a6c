// SPDX-License-Identifier: EUPL-1.2
// Hand-computed KPIs on the other tables: arrangements, TLVs, money, assessments.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

dataset_ptr records_region() {
    dataset_builder b;
    b.add(swv_row{"PO01", "Een", sector::po});
    b.add(swv_row{"PO02", "Twee", sector::po});
    b.add(swv_row{"VO01", "VO Een", sector::vo});
    b.add(board_row{"B1", "Bestuur 1"});
    b.add(board_row{"B2", "Bestuur 2"});
    b.add(school_row{"01BA00", "bao 1", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02BA00", "bao 2", "B2", "PO02", setting::bao, "GM02"});
    b.add(pupil_row{"a1", d("2015-01-01"), "GM01"});
    b.add(pupil_row{"k1", d("2016-01-01"), "GM01"});
    b.add(pupil_row{"k2", d("2016-01-01"), "GM02"});
    b.add(pupil_row{"k3", d("2016-01-01"), "GM01"});
    b.add(pupil_row{"k4", d("2016-01-01"), "GM01"});
    b.add(pupil_row{"k5", d("2016-01-01"), "GM01"});
    b.add(pupil_row{"k6", d("2010-01-01"), "GM01"});
    b.add(enrolment_row{"a1", "01BA00", d("2021-08-01")});

    using enum arrangement_kind;
    b.add(arrangement_row{"ar1", "a1", "01BA00", 3, individueel, d("2023-09-01"), d("2024-06-30"),
                          100000});
    b.add(arrangement_row{"ar2", "", "01BA00", 4, groep, d("2022-09-01"), d("2023-08-15"), 50050});
    b.add(arrangement_row{"ar3", "", "02BA00", 5, doelgroep, d("2024-08-01")});
    b.add(arrangement_row{"ar4", "a1", "02BA00", 3, individueel, d("2023-08-01"), d("2023-08-01"),
                          25000});

    using enum tlv_outcome;
    using enum funding_category;
    b.add(tlv_row{"tl1", "k1", "PO01", setting::so, laag, d("2023-09-01"), d("2023-09-11"),
                  toegekend, d("2023-09-12"), d("2025-07-31")});
    b.add(tlv_row{"tl2", "k2", "PO02", setting::so, hoog, d("2023-10-01"), d("2023-10-21"),
                  toegekend, d("2023-10-22"), d("2025-07-31")});
    b.add(tlv_row{"tl3", "k3", "PO01", setting::so, none, d("2023-11-01"), d("2023-12-01"),
                  afgewezen});
    b.add(tlv_row{"tl4", "k4", "PO01", setting::sbo, none, no_day, d("2024-01-10"), toegekend,
                  d("2024-01-11"), d("2025-07-31")});
    b.add(tlv_row{"tl5", "k5", "PO01", setting::so, none, d("2024-01-01"), d("2024-03-01"),
                  ingetrokken});
    b.add(tlv_row{"tl6", "k6", "VO01", setting::vso, midden, d("2024-02-01"), d("2024-02-06"),
                  toegekend, d("2024-02-07"), d("2026-07-31")});

    const school_year y{2023};
    b.add(fund_row{y, "PO01", "B1", "terugploegregeling", 163109900});
    b.add(fund_row{y, "PO01", "B2", "terugploegregeling", 10000});
    // The model board report's allocations add up exactly to the 1,631,099 received.
    for (cents amount : {101968200, 50619500, 1282200, 9240000})
        b.add(allocation_row{y, "B1", "ondersteuning", amount});
    b.add(allocation_row{y, "B2", "ondersteuning", 4000, "02BA00"});

    // ankerpunt1: school 01BA00 mean 0.75 (exactly the norm), 02BA00 0.5, board B1 itself 1.
    for (double s : {1.0, 0.5, 1.0, 0.5}) b.add(assessment_row{y, "01BA00", "ankerpunt1", "i", s});
    for (double s : {1.0, 0.0, 0.5}) b.add(assessment_row{y, "02BA00", "ankerpunt1", "i", s});
    for (double s : {1.0, 1.0}) b.add(assessment_row{y, "B1", "ankerpunt1", "i", s});
    for (double s : {1.0, 0.0}) b.add(assessment_row{y, "01BA00", "procesindicatoren", "i", s});
    b.add(extract_row{d("2025-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& records_results() {
    static const auto ds = records_region();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("kpi arrangementen, arrangementen_niveau_<n>, _<kind>, _kosten") {
    const auto& r = records_results();
    CHECK(val(r, "arrangementen", 2023) == 3); // ar1, ar2 (ends 2023-08-15), ar4
    CHECK(val(r, "arrangementen", 2023, school, "01BA00") == 2);
    CHECK(val(r, "arrangementen", 2023, school, "02BA00") == 1);
    CHECK(val(r, "arrangementen", 2023, swv, "PO02") == 1);
    CHECK(val(r, "arrangementen", 2022) == 1);
    CHECK(val(r, "arrangementen", 2024) == 1); // ar3
    CHECK(val(r, "arrangementen_niveau_1", 2023) == 0);
    CHECK(val(r, "arrangementen_niveau_3", 2023) == 2);
    CHECK(val(r, "arrangementen_niveau_4", 2023) == 1);
    CHECK(val(r, "arrangementen_niveau_5", 2023) == 0);
    CHECK(val(r, "arrangementen_niveau_5", 2024) == 1);
    CHECK(val(r, "arrangementen_individueel", 2023) == 2);
    CHECK(val(r, "arrangementen_groep", 2023) == 1);
    CHECK(val(r, "arrangementen_doelgroep", 2023) == 0);
    CHECK(val(r, "arrangementen_kosten", 2023) == doctest::Approx(1750.50));
    CHECK(val(r, "arrangementen_kosten", 2023, board, "B1") == doctest::Approx(1500.50));
    CHECK(val(r, "arrangementen_kosten", 2024) == 0); // ar3 has no cost
    const auto ds = records_region();
    // Group arrangements have no pupil: only a1 is behind 01BA00's two.
    CHECK(explain(*ds, catalog::builtin(), "arrangementen", school_year{2023}, school, "01BA00") ==
          std::vector<std::string>{"a1"});
}

TEST_CASE("kpi tlv_toegekend and its breakdowns, for the deciding partnership") {
    const auto& r = records_results();
    CHECK(val(r, "tlv_toegekend", 2023) == 4);
    CHECK(val(r, "tlv_toegekend", 2023, swv, "PO01") == 2);
    CHECK(val(r, "tlv_toegekend", 2023, swv, "PO02") == 1);
    CHECK(val(r, "tlv_toegekend", 2023, swv, "VO01") == 1);
    CHECK(val(r, "tlv_toegekend", 2023, municipality, "GM02") == 1);
    CHECK(val(r, "tlv_toegekend_so", 2023) == 2);
    CHECK(val(r, "tlv_toegekend_sbo", 2023) == 1);
    CHECK(val(r, "tlv_toegekend_pro", 2023) == 0);
    CHECK(val(r, "tlv_toegekend_vso", 2023) == 1);
    CHECK(val(r, "tlv_toegekend_so_laag", 2023) == 1);
    CHECK(val(r, "tlv_toegekend_so_midden", 2023) == 0);
    CHECK(val(r, "tlv_toegekend_so_hoog", 2023) == 1);
    CHECK(val(r, "tlv_toegekend_so_hoog", 2023, swv, "PO02") == 1);
    CHECK(val(r, "tlv_toegekend_vso_midden", 2023) == 1);
    CHECK(val(r, "tlv_toegekend_vso_laag", 2023) == 0);
    CHECK(find_row(r, "tlv_toegekend_so", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "tlv_toegekend", 2023, school, "01BA00") == nullptr); // no school level
}

TEST_CASE("kpi tlv_doorlooptijd_mediaan: mean of the middle two for an even count") {
    const auto& r = records_results();
    // Granted or refused with a request date: 10, 20, 30 and 5 days (tl4 has none, tl5 is
    // withdrawn).
    CHECK(val(r, "tlv_doorlooptijd_mediaan", 2023) == doctest::Approx(15.0));
    CHECK(den(r, "tlv_doorlooptijd_mediaan", 2023, national, "NL") == 4);
    CHECK(std::isnan(num(r, "tlv_doorlooptijd_mediaan", 2023, national, "NL")));
    CHECK(val(r, "tlv_doorlooptijd_mediaan", 2023, swv, "PO01") == doctest::Approx(20.0));
    CHECK(val(r, "tlv_doorlooptijd_mediaan", 2023, swv, "PO02") == doctest::Approx(20.0));
    CHECK(val(r, "tlv_doorlooptijd_mediaan", 2023, swv, "VO01") == doctest::Approx(5.0));
    CHECK(std::isnan(val(r, "tlv_doorlooptijd_mediaan", 2022))); // no TLVs: no median
}

TEST_CASE("kpi middelen_ontvangen, middelen_besteed, middelen_saldo per board") {
    const auto& r = records_results();
    CHECK(val(r, "middelen_ontvangen", 2023, board, "B1") == doctest::Approx(1631099.0));
    CHECK(val(r, "middelen_ontvangen", 2023, board, "B2") == doctest::Approx(100.0));
    CHECK(val(r, "middelen_ontvangen", 2023, swv, "PO01") == doctest::Approx(1631199.0));
    CHECK(val(r, "middelen_ontvangen", 2023) == doctest::Approx(1631199.0));
    CHECK(val(r, "middelen_besteed", 2023, board, "B1") == doctest::Approx(1631099.0));
    CHECK(val(r, "middelen_besteed", 2023) == doctest::Approx(1631139.0));
    CHECK(val(r, "middelen_saldo", 2023, board, "B1") == 0); // reconciles to the euro
    CHECK(val(r, "middelen_saldo", 2023, board, "B2") == doctest::Approx(60.0));
    CHECK(val(r, "middelen_saldo", 2023) == doctest::Approx(60.0));
    CHECK(std::isnan(val(r, "middelen_saldo", 2022)) == false); // 0 - 0 is a value
}

TEST_CASE(
    "kpi allocations by school: an allocation without a school counts for none, not onbekend") {
    // B1's allocations name no school: they are not `onbekend` at school level, and the nation
    // still has them all (allocations cannot be grouped by partnership: the catalog refuses).
    const auto cat = catalog::from_json(R"({"version": 1, "kpis": [{
        "id": "besteed_overal", "title": {"nl": "besteed", "en": "spent"},
        "source": "test", "unit": "euro",
        "numerator": {"measure": "allocations", "aggregate": "sum", "field": "amount_eur"},
        "levels": ["board", "school"]}]})");
    const auto ds = records_region();
    const auto r = evaluate(*ds, cat);
    CHECK(val(r, "besteed_overal", 2023) == doctest::Approx(1631139.0));
    CHECK(val(r, "besteed_overal", 2023, board, "B2") == doctest::Approx(40.0));
    CHECK(val(r, "besteed_overal", 2023, school, "02BA00") == doctest::Approx(40.0));
    for (const auto& row : r.rows) CHECK_MESSAGE(row.unit != "onbekend", to_string(row.level));
}

TEST_CASE("kpi <framework>_score and <framework>_norm: mean item score, norm at 0.75") {
    const auto& r = records_results();
    CHECK(val(r, "ankerpunt1_score", 2023, school, "01BA00") == doctest::Approx(0.75));
    CHECK(find_row(r, "ankerpunt1_score", 2023, school, "01BA00")->status == kpi_status::op_koers);
    CHECK(val(r, "ankerpunt1_score", 2023, school, "02BA00") == doctest::Approx(0.5));
    CHECK(find_row(r, "ankerpunt1_score", 2023, school, "02BA00")->status ==
          kpi_status::niet_op_koers);
    CHECK(val(r, "ankerpunt1_score", 2023, board, "B1") == doctest::Approx(5.0 / 6));
    CHECK(val(r, "ankerpunt1_score", 2023, swv, "PO02") == doctest::Approx(0.5));
    CHECK(val(r, "ankerpunt1_score", 2023) == doctest::Approx(6.5 / 9));
    CHECK(val(r, "ankerpunt1_norm", 2023, school, "01BA00") == doctest::Approx(100.0));
    CHECK(val(r, "ankerpunt1_norm", 2023, school, "02BA00") == 0);
    CHECK(val(r, "ankerpunt1_norm", 2023, board, "B1") == doctest::Approx(100.0)); // 01BA00, B1
    CHECK(val(r, "ankerpunt1_norm", 2023) == doctest::Approx(200.0 / 3));
    // B1's own items count for B1 and the nation only: a board may work in several
    // partnerships and has no school, so they are not `onbekend` there.
    CHECK(val(r, "ankerpunt1_score", 2023, swv, "PO01") == doctest::Approx(0.75)); // 01BA00 only
    CHECK(val(r, "ankerpunt1_norm", 2023, swv, "PO01") == doctest::Approx(100.0));
    CHECK(find_row(r, "ankerpunt1_score", 2023, swv, "onbekend") == nullptr);
    CHECK(find_row(r, "ankerpunt1_score", 2023, school, "onbekend") == nullptr);
    CHECK(find_row(r, "ankerpunt1_norm", 2023, swv, "onbekend") == nullptr);
    CHECK(find_row(r, "ankerpunt1_norm", 2023, school, "onbekend") == nullptr);
    // A framework without an explicit definition gets the per-framework template's ids.
    CHECK(val(r, "procesindicatoren_score", 2023, school, "01BA00") == doctest::Approx(0.5));
    CHECK(val(r, "procesindicatoren_norm", 2023) == 0);
    CHECK(r.find("procesindicatoren_score") != nullptr);
    CHECK(std::isnan(val(r, "ankerpunt2_score", 2023))); // no items
}
