// SPDX-License-Identifier: EUPL-1.2
// Review: KPIs on the other tables, computed by hand from docs/definitions.md: arrangementen*,
// tlv_toegekend*, tlv_doorlooptijd_mediaan, middelen_*, <framework>_score / _norm.
// School year 2023-2024 = 2023-08-01 .. 2024-07-31.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

dataset_ptr records_data() {
    dataset_builder b;
    b.add(swv_row{"PO01", "PO een", sector::po});
    b.add(swv_row{"PO02", "PO twee", sector::po});
    b.add(swv_row{"VO01", "VO een", sector::vo});
    for (const char* id : {"B1", "B2", "B3", "B4"}) b.add(board_row{id, id});
    b.add(school_row{"01BA00", "bao 1", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02BA00", "bao 2", "B2", "PO02", setting::bao, "GM02"});
    b.add(school_row{"05VO00", "vo", "B4", "VO01", setting::vo, "GM01"});
    b.add(pupil_row{"r1", d("2014-01-01"), "GM01"});
    b.add(pupil_row{"k1", d("2016-01-01"), "GM01"});
    b.add(pupil_row{"v1", d("2010-01-01"), "GM01"});
    b.add(enrolment_row{"r1", "01BA00", d("2021-08-01")});
    b.add(enrolment_row{"v1", "05VO00", d("2022-08-01"), d("2024-12-31")});

    using enum arrangement_kind;
    // Overlapping 2023-2024: A1, A2 (one day, 2023-08-01), A3 (open since 2022), A4.
    b.add(arrangement_row{"A1", "r1", "01BA00", 3, individueel, d("2023-09-01"), d("2023-12-31"),
                          100050}); // 1000.50
    b.add(arrangement_row{"A2", "", "01BA00", 4, groep, d("2023-07-01"), d("2023-08-01"), 200000});
    b.add(arrangement_row{"A3", "", "02BA00", 5, doelgroep, d("2022-01-01")}); // no cost given
    b.add(arrangement_row{"A4", "v1", "05VO00", 3, individueel, d("2023-08-01"), d("2024-07-31"),
                          50000});
    b.add(arrangement_row{"A5", "", "01BA00", 2, groep, d("2024-08-01"), d("2024-12-31"), 7000});
    b.add(arrangement_row{"A6", "", "01BA00", 1, groep, d("2022-08-01"), d("2023-07-31"), 9000});

    using enum tlv_outcome;
    using enum funding_category;
    auto tlv = [&](const char* id, const char* swv_id, setting s, funding_category c, day request,
                   const char* decision, tlv_outcome o) {
        const bool granted = o == toegekend;
        b.add(tlv_row{id, "k1", swv_id, s, c, request, d(decision), o,
                      granted ? d("2024-08-01") : no_day, granted ? d("2026-07-31") : open_end});
    };
    // Decided in 2023-2024 (days from request to decision):
    tlv("T1", "PO01", setting::sbo, none, d("2023-09-01"), "2023-09-10", toegekend);    // 9
    tlv("T2", "PO01", setting::so, laag, d("2023-10-01"), "2023-10-20", toegekend);     // 19
    tlv("T3", "PO02", setting::so, hoog, d("2024-01-31"), "2024-03-01", toegekend);     // 30
    tlv("T4", "PO01", setting::so, midden, d("2023-10-01"), "2023-11-01", afgewezen);   // 31
    tlv("T5", "PO01", setting::so, midden, d("2023-08-01"), "2023-11-01", ingetrokken); // out
    tlv("T6", "PO02", setting::so, laag, no_day, "2023-12-01", toegekend); // no request date
    tlv("T8", "VO01", setting::vso, midden, d("2024-05-31"), "2024-07-31", toegekend); // 61
    tlv("T9", "VO01", setting::pro, none, d("2024-01-01"), "2024-02-01", toegekend);   // 31
    // Decided in 2022-2023.
    tlv("T7", "PO01", setting::so, laag, d("2023-07-01"), "2023-07-31", toegekend); // 30

    // Money (euro cents). The model board report's four allocations reconcile to the 1,631,099
    // received.
    const school_year y23{2023}, y22{2022};
    b.add(fund_row{y23, "PO01", "B1", "ondersteuning", 100000000});
    b.add(fund_row{y23, "PO01", "B1", "terugploegregeling", 63109900});
    b.add(fund_row{y23, "PO01", "B2", "ondersteuning", 50000000});
    b.add(fund_row{y22, "PO01", "B1", "ondersteuning", 9900});
    for (cents c : {101968200, 50619500, 1282200, 9240000})
        b.add(allocation_row{y23, "B1", "inzet", c});
    b.add(allocation_row{y23, "B2", "inzet", 60000050, "02BA00"});
    b.add(allocation_row{y23, "B3", "inzet", 10000});

    // Assessments 2023: 01BA00 0.6 0.7 0.8 0.9 (mean exactly 0.75, though the floating sum in
    // this order is 2.9999999999999996); 02BA00 ja nee (0.5); board B4 ja deels ja ja (0.875).
    const char* items[] = {"1", "2", "3", "4"};
    const double s1[] = {0.6, 0.7, 0.8, 0.9};
    for (int i = 0; i < 4; ++i)
        b.add(assessment_row{y23, "01BA00", "procesindicatoren", items[i], s1[i]});
    b.add(assessment_row{y23, "02BA00", "procesindicatoren", "1", 1.0});
    b.add(assessment_row{y23, "02BA00", "procesindicatoren", "2", 0.0});
    const double s4[] = {1.0, 0.5, 1.0, 1.0};
    for (int i = 0; i < 4; ++i)
        b.add(assessment_row{y23, "B4", "procesindicatoren", items[i], s4[i]});
    // ankerpunt1 (the quality policy's KPI 9, an explicit catalog entry): 01BA00 ja, deels -> 0.75.
    b.add(assessment_row{y23, "01BA00", "ankerpunt1", "1", 1.0});
    b.add(assessment_row{y23, "01BA00", "ankerpunt1", "2", 0.5});
    b.add(extract_row{d("2025-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& results() {
    static const auto ds = records_data();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("review: arrangementen overlapping the year, by school; levels, kinds, costs") {
    const auto& r = results();
    // A1 A2 A3 A4 overlap 2023-2024; A5 starts after it, A6 ends the day before it.
    check_count(r, "arrangementen", 2023, 4);
    check_count(r, "arrangementen", 2023, swv, "PO01", 2);
    check_count(r, "arrangementen", 2023, swv, "PO02", 1);
    check_count(r, "arrangementen", 2023, swv, "VO01", 1);
    check_count(r, "arrangementen", 2023, school, "01BA00", 2);
    check_count(r, "arrangementen", 2023, board, "B4", 1);
    check_count(r, "arrangementen_niveau_1", 2023, 0);
    check_count(r, "arrangementen_niveau_2", 2023, 0);
    check_count(r, "arrangementen_niveau_3", 2023, 2);
    check_count(r, "arrangementen_niveau_4", 2023, 1);
    check_count(r, "arrangementen_niveau_5", 2023, 1);
    check_count(r, "arrangementen_individueel", 2023, 2);
    check_count(r, "arrangementen_groep", 2023, 1);
    check_count(r, "arrangementen_doelgroep", 2023, 1);
    // 1000.50 + 2000 + 0 (not given) + 500 = 3500.50; PO01 3000.50.
    check_count(r, "arrangementen_kosten", 2023, 3500.50);
    check_count(r, "arrangementen_kosten", 2023, swv, "PO01", 3000.50);
    CHECK(unit_of(r, "arrangementen_kosten") == kpi_unit::euro);
    // 2022-2023: A2, A3, A6.
    check_count(r, "arrangementen", 2022, 3);
    check_count(r, "arrangementen_niveau_1", 2022, 1);
}

TEST_CASE("review: tlv_toegekend and its breakdowns, for the deciding partnership") {
    const auto& r = results();
    // Granted and decided in 2023-2024: T1 T2 (PO01), T3 T6 (PO02), T8 T9 (VO01).
    check_count(r, "tlv_toegekend", 2023, 6);
    check_count(r, "tlv_toegekend", 2023, swv, "PO01", 2);
    check_count(r, "tlv_toegekend", 2023, swv, "PO02", 2);
    check_count(r, "tlv_toegekend", 2023, swv, "VO01", 2);
    check_count(r, "tlv_toegekend", 2022, 1); // T7
    check_count(r, "tlv_toegekend_sbo", 2023, swv, "PO01", 1);
    check_count(r, "tlv_toegekend_so", 2023, swv, "PO01", 1);
    check_count(r, "tlv_toegekend_so", 2023, swv, "PO02", 2);
    check_count(r, "tlv_toegekend_so", 2023, 3);
    check_count(r, "tlv_toegekend_pro", 2023, swv, "VO01", 1);
    check_count(r, "tlv_toegekend_vso", 2023, swv, "VO01", 1);
    check_count(r, "tlv_toegekend_so_laag", 2023, 2); // T2, T6
    check_count(r, "tlv_toegekend_so_laag", 2023, swv, "PO02", 1);
    check_count(r, "tlv_toegekend_so_midden", 2023, 0); // T4 refused, T5 withdrawn
    check_count(r, "tlv_toegekend_so_hoog", 2023, swv, "PO02", 1);
    check_count(r, "tlv_toegekend_vso_midden", 2023, 1);
    check_count(r, "tlv_toegekend_vso_laag", 2023, 0);
    check_count(r, "tlv_toegekend_vso_hoog", 2023, 0);
    CHECK(find_row(r, "tlv_toegekend_so", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "tlv_toegekend_pro", 2023, swv, "PO01") == nullptr);
}

TEST_CASE("review: tlv_doorlooptijd_mediaan: granted or refused, with a request date") {
    const auto& r = results();
    CHECK(unit_of(r, "tlv_doorlooptijd_mediaan") == kpi_unit::days);
    // 2023: T1 9, T2 19, T3 30, T4 31, T8 61, T9 31 (not T5 withdrawn, T6 no request, T7 2022).
    // Sorted 9 19 30 31 31 61: even count, mean of 30 and 31 = 30.5.
    CHECK(value(r, "tlv_doorlooptijd_mediaan", 2023) == doctest::Approx(30.5));
    CHECK(find_row(r, "tlv_doorlooptijd_mediaan", 2023, nl, "NL")->denominator == 6.0);
    // PO01: 9 19 31 -> 19. PO02: 30. VO01: 31 61 -> 46.
    CHECK(value(r, "tlv_doorlooptijd_mediaan", 2023, swv, "PO01") == doctest::Approx(19));
    CHECK(value(r, "tlv_doorlooptijd_mediaan", 2023, swv, "PO02") == doctest::Approx(30));
    CHECK(value(r, "tlv_doorlooptijd_mediaan", 2023, swv, "VO01") == doctest::Approx(46));
    CHECK(value(r, "tlv_doorlooptijd_mediaan", 2022) == doctest::Approx(30)); // T7 alone
}

TEST_CASE("review: middelen_ontvangen, _besteed, _saldo per board and year") {
    const auto& r = results();
    CHECK(unit_of(r, "middelen_saldo") == kpi_unit::euro);
    check_count(r, "middelen_ontvangen", 2023, board, "B1", 1631099.00);
    check_count(r, "middelen_ontvangen", 2023, board, "B2", 500000.00);
    check_count(r, "middelen_ontvangen", 2023, 2131099.00);
    check_count(r, "middelen_ontvangen", 2022, board, "B1", 99.00);
    check_count(r, "middelen_besteed", 2023, board, "B1", 1631099.00);
    check_count(r, "middelen_besteed", 2023, board, "B2", 600000.50);
    check_count(r, "middelen_besteed", 2023, board, "B3", 100.00);
    check_count(r, "middelen_besteed", 2023, 2231199.50);
    // saldo = received - spent: B1 0 (reconciles to the euro), B2 -100000.50, B3 -100.
    check_row(r, "middelen_saldo", 2023, board, "B1", 1631099.00, 1631099.00, 0.0);
    check_row(r, "middelen_saldo", 2023, board, "B2", 500000.00, 600000.50, -100000.50);
    check_row(r, "middelen_saldo", 2023, board, "B3", 0.0, 100.00, -100.0);
    check_row(r, "middelen_saldo", 2023, nl, "NL", 2131099.00, 2231199.50, -100100.50);
}

TEST_CASE("review: <framework>_score and _norm: mean item score per unit, 0.75 meets the norm") {
    const auto& r = results();
    CHECK(unit_of(r, "procesindicatoren_score") == kpi_unit::score);
    // 01BA00: (0.6 + 0.7 + 0.8 + 0.9) / 4 = 0.75 exactly: meets the norm.
    CHECK(value(r, "procesindicatoren_score", 2023, school, "01BA00") == doctest::Approx(0.75));
    CHECK(find_row(r, "procesindicatoren_score", 2023, school, "01BA00")->status ==
          kpi_status::op_koers);
    CHECK(value(r, "procesindicatoren_score", 2023, school, "02BA00") == doctest::Approx(0.5));
    CHECK(find_row(r, "procesindicatoren_score", 2023, school, "02BA00")->status ==
          kpi_status::niet_op_koers);
    CHECK(value(r, "procesindicatoren_score", 2023, board, "B4") == doctest::Approx(0.875));
    // _norm (docs/kpis.md's reading: 100 x units meeting the norm / units): 01BA00 meets
    // (exactly 0.75), 02BA00 does not, board B4 does: 2 of 3 nationally.
    check_row(r, "procesindicatoren_norm", 2023, school, "01BA00", 1, 1, 100.0);
    check_row(r, "procesindicatoren_norm", 2023, school, "02BA00", 0, 1, 0.0);
    check_row(r, "procesindicatoren_norm", 2023, board, "B4", 1, 1, 100.0);
    check_row(r, "procesindicatoren_norm", 2023, nl, "NL", 2, 3, 200.0 / 3);
    // The explicit ankerpunt1 definitions: (1 + 0.5) / 2 = 0.75 meets the norm.
    check_row(r, "ankerpunt1_score", 2023, school, "01BA00", 1.5, 2, 0.75);
    CHECK(find_row(r, "ankerpunt1_score", 2023, school, "01BA00")->status == kpi_status::op_koers);
    check_row(r, "ankerpunt1_norm", 2023, school, "01BA00", 1, 1, 100.0);
    // ankerpunt2 has no assessments: rows without a value.
    check_row(r, "ankerpunt2_score", 2023, nl, "NL", 0, 0, absent);
}
