// SPDX-License-Identifier: EUPL-1.2
// Hand-computed stock KPIs: pupils per setting at teldatum and peildatum, participation, growth,
// length of stay, the OPP share and count; attribution of so/vso to the paying partnership.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

// School year 2023-2024: T = 2023-10-01, F = 2024-02-01.
dataset_ptr stock_region() {
    dataset_builder b;
    b.add(swv_row{"PO01", "Een", sector::po});
    b.add(swv_row{"PO02", "Twee", sector::po});
    b.add(swv_row{"PO03", "Drie (no pupils)", sector::po});
    b.add(swv_row{"VO01", "VO Een", sector::vo});
    add_schools_one_per_setting(b);
    const day po_birth = d("2014-01-01"), vo_birth = d("2009-01-01");
    for (const char* p : {"a1", "a2", "a3", "s1", "s2", "s3"})
        b.add(pupil_row{p, po_birth, "GM01"});
    b.add(pupil_row{"a4", po_birth, "GM02"});
    b.add(pupil_row{"o1", po_birth, "GM02"});
    b.add(pupil_row{"o2", po_birth, "GM02"});
    b.add(pupil_row{"o3", po_birth}); // no municipality
    for (const char* p : {"v1", "v2", "p1", "w1"}) b.add(pupil_row{p, vo_birth, "GM01"});

    for (const char* p : {"a1", "a2", "a3"}) b.add(enrolment_row{p, "01BA00", d("2021-08-01")});
    b.add(enrolment_row{"a4", "02BA00", d("2021-08-01")});
    b.add(enrolment_row{"s1", "03SB00", d("2022-08-01")});
    // s2 switches bao -> sbo on teldatum itself: counts for sbo only.
    b.add(enrolment_row{"s2", "01BA00", d("2020-08-01"), d("2023-10-01")});
    b.add(enrolment_row{"s2", "03SB00", d("2023-10-01")});
    b.add(enrolment_row{"s3", "03SB00", d("2023-11-01")}); // in sbo by peildatum
    // o1: paid by PO02's TLV; o2: no TLV, region of GM02 -> PO02; o3: no TLV, no municipality ->
    // the school's partnership PO01. o3 leaves before peildatum.
    b.add(enrolment_row{"o1", "04SO00", d("2022-08-01")});
    b.add(enrolment_row{"o2", "04SO00", d("2023-08-01")});
    b.add(enrolment_row{"o3", "04SO00", d("2021-08-01"), d("2024-01-15")});
    b.add(tlv_row{"T1", "o1", "PO02", setting::so, funding_category::laag, d("2022-06-01"),
                  d("2022-06-15"), tlv_outcome::toegekend, d("2022-08-01"), d("2025-07-31")});
    b.add(enrolment_row{"v1", "05VO00", d("2021-08-01")});
    b.add(enrolment_row{"v2", "05VO00", d("2021-08-01")});
    b.add(enrolment_row{"p1", "06PR00", d("2021-08-01")});
    b.add(enrolment_row{"w1", "07VS00", d("2021-08-01")});
    b.add(tlv_row{"T2", "w1", "VO01", setting::vso, funding_category::midden, no_day,
                  d("2021-07-01"), tlv_outcome::toegekend, d("2021-08-01"), d("2026-07-31")});

    // OPPs covering T: a1 at 01BA00; a2 two, the latest-starting at 02BA00; a3 two starting the
    // same day (01BA00 sorts first); v2 at 05VO00; o1 (so, not regular) at 04SO00.
    b.add(opp_row{"a1", "01BA00", d("2023-09-01")});
    b.add(opp_row{"a2", "01BA00", d("2022-09-01")});
    b.add(opp_row{"a2", "02BA00", d("2023-09-01")});
    b.add(opp_row{"a3", "02BA00", d("2023-09-15")});
    b.add(opp_row{"a3", "01BA00", d("2023-09-15")});
    b.add(opp_row{"v2", "05VO00", d("2023-01-01"), d("2024-07-31")});
    b.add(opp_row{"o1", "04SO00", d("2023-01-01")});
    b.add(opp_row{"v1", "05VO00", d("2022-01-01"), d("2023-09-30")}); // ended before T
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& stock_results() {
    static const auto ds = stock_region();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("kpi leerlingen_<setting> and leerlingen_totaal at teldatum, with the switch day") {
    const auto& r = stock_results();
    CHECK(val(r, "leerlingen_bao", 2023) == 4); // s2 switched to sbo on teldatum
    CHECK(val(r, "leerlingen_bao", 2023, swv, "PO01") == 3);
    CHECK(val(r, "leerlingen_bao", 2023, swv, "PO02") == 1);
    CHECK(val(r, "leerlingen_bao", 2023, school, "01BA00") == 3);
    CHECK(val(r, "leerlingen_bao", 2023, board, "B1") == 3);
    CHECK(val(r, "leerlingen_bao", 2023, municipality, "GM01") == 3);
    CHECK(val(r, "leerlingen_bao", 2022) == 5); // s2 still in bao
    CHECK(val(r, "leerlingen_sbo", 2023) == 2);
    CHECK(val(r, "leerlingen_sbo", 2023, school, "03SB00") == 2);
    CHECK(val(r, "leerlingen_vo", 2023) == 2);
    CHECK(val(r, "leerlingen_pro", 2023) == 1);
    CHECK(val(r, "leerlingen_vso", 2023) == 1);
    CHECK(val(r, "leerlingen_vso", 2023, swv, "VO01") == 1);
    CHECK(val(r, "leerlingen_totaal", 2023) == 13);
    CHECK(val(r, "leerlingen_totaal", 2023, swv, "PO01") == 6);
    CHECK(val(r, "leerlingen_totaal", 2023, swv, "PO02") == 3);
    CHECK(val(r, "leerlingen_totaal", 2023, swv, "VO01") == 4);
    CHECK(val(r, "leerlingen_totaal", 2023, swv, "PO03") == 0);
    // PO-only ids have rows for PO partnerships only; VO-only ids for VO ones.
    CHECK(find_row(r, "leerlingen_sbo", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "leerlingen_pro", 2023, swv, "PO01") == nullptr);
    CHECK(val(r, "leerlingen_sbo", 2023, swv, "PO03") == 0);
    // Changes against the previous year.
    CHECK(find_row(r, "leerlingen_sbo", 2023, swv, "PO01")->change == 1.0);
}

TEST_CASE(
    "kpi leerlingen_so: paid by another partnership's TLV, region fallback, school fallback") {
    const auto& r = stock_results();
    CHECK(val(r, "leerlingen_so", 2023) == 3);
    CHECK(val(r, "leerlingen_so", 2023, swv, "PO01") == 1); // o3: school's partnership
    CHECK(val(r, "leerlingen_so", 2023, swv, "PO02") == 2); // o1 by TLV, o2 by region
    CHECK(val(r, "leerlingen_so", 2023, school, "04SO00") == 3);
    CHECK(val(r, "leerlingen_so", 2023, municipality, "GM02") == 2);
    CHECK(val(r, "leerlingen_so", 2023, municipality, "onbekend") == 1);
    // The schoolgaand view counts them for the school's partnership.
    static const auto ds = stock_region();
    evaluate_options o;
    o.view = attribution_view::schoolgaand;
    o.kpis = {"leerlingen_so"};
    const auto s = evaluate(*ds, catalog::builtin(), o);
    CHECK(val(s, "leerlingen_so", 2023, swv, "PO01") == 3);
    CHECK(val(s, "leerlingen_so", 2023, swv, "PO02") == 0);
}

TEST_CASE("kpi deelname_<x>: ratios at teldatum; an empty denominator has no value") {
    const auto& r = stock_results();
    CHECK(val(r, "deelname_sbo", 2023, swv, "PO01") == doctest::Approx(40.0)); // 2 / (3+2)
    CHECK(val(r, "deelname_sbo", 2023, swv, "PO02") == 0);
    CHECK(val(r, "deelname_sbo", 2023) == doctest::Approx(200.0 / 6));
    CHECK(val(r, "deelname_so", 2023, swv, "PO01") == doctest::Approx(20.0));  // 1 / 5
    CHECK(val(r, "deelname_so", 2023, swv, "PO02") == doctest::Approx(200.0)); // 2 / 1
    CHECK(val(r, "deelname_so", 2023) == doctest::Approx(300.0 / 6));
    CHECK(num(r, "deelname_so", 2023, swv, "PO02") == 2);
    CHECK(den(r, "deelname_so", 2023, swv, "PO02") == 1);
    CHECK(val(r, "deelname_pro", 2023, swv, "VO01") == doctest::Approx(100.0 / 3));
    CHECK(val(r, "deelname_vso", 2023, swv, "VO01") == doctest::Approx(100.0 / 3));
    // PO03 has no pupils: numerator 0, denominator 0, no value.
    CHECK(num(r, "deelname_sbo", 2023, swv, "PO03") == 0);
    CHECK(den(r, "deelname_sbo", 2023, swv, "PO03") == 0);
    CHECK(std::isnan(val(r, "deelname_sbo", 2023, swv, "PO03")));
    CHECK(find_row(r, "deelname_sbo", 2023, swv, "PO03")->status == kpi_status::none);
}

TEST_CASE("kpi groei_sbo, groei_so: peildatum minus teldatum") {
    const auto& r = stock_results();
    CHECK(val(r, "groei_sbo", 2023) == 1); // s3 entered
    CHECK(val(r, "groei_sbo", 2023, swv, "PO01") == 1);
    CHECK(num(r, "groei_sbo", 2023, swv, "PO01") == 3);
    CHECK(den(r, "groei_sbo", 2023, swv, "PO01") == 2);
    CHECK(val(r, "groei_so", 2023) == -1); // o3 left
    CHECK(val(r, "groei_so", 2023, swv, "PO01") == -1);
    CHECK(val(r, "groei_so", 2023, swv, "PO02") == 0);
}

TEST_CASE("kpi verblijfsduur_sbo, verblijfsduur_so: mean school years in the setting") {
    const auto& r = stock_results();
    CHECK(val(r, "verblijfsduur_sbo", 2023) == doctest::Approx(1.5)); // s1: 2, s2: 1
    CHECK(val(r, "verblijfsduur_sbo", 2022) == doctest::Approx(1.0));
    CHECK(val(r, "verblijfsduur_so", 2023) == doctest::Approx(2.0)); // o1 2, o2 1, o3 3
    CHECK(val(r, "verblijfsduur_so", 2023, swv, "PO02") == doctest::Approx(1.5));
    CHECK(val(r, "verblijfsduur_so", 2023, swv, "PO01") == doctest::Approx(3.0));
    CHECK(num(r, "verblijfsduur_so", 2023, national, "NL") == 6);
    CHECK(den(r, "verblijfsduur_so", 2023, national, "NL") == 3);
    // No sbo pupils in 2021-2022: no value.
    CHECK(std::isnan(val(r, "verblijfsduur_sbo", 2021)));
}

TEST_CASE("kpi opp_percentage and opp_aantal") {
    const auto& r = stock_results();
    // Regular pupils at T: a1-a4, v1, v2; with an OPP covering T: a1, a2, a3, v2.
    CHECK(val(r, "opp_percentage", 2023) == doctest::Approx(400.0 / 6));
    CHECK(val(r, "opp_percentage", 2023, swv, "PO01") == doctest::Approx(100.0));
    CHECK(val(r, "opp_percentage", 2023, swv, "PO02") == 0);
    CHECK(val(r, "opp_percentage", 2023, swv, "VO01") == doctest::Approx(50.0));
    // opp_aantal: a1, a2, a3, v2 and o1, each once, for the latest-starting OPP's school.
    CHECK(val(r, "opp_aantal", 2023) == 5);
    CHECK(val(r, "opp_aantal", 2023, school, "01BA00") == 2); // a1, a3 (tie: 01BA00 first)
    CHECK(val(r, "opp_aantal", 2023, school, "02BA00") == 1); // a2
    CHECK(val(r, "opp_aantal", 2023, school, "05VO00") == 1);
    CHECK(val(r, "opp_aantal", 2023, school, "04SO00") == 1);
    CHECK(val(r, "opp_aantal", 2023, swv, "PO01") == 3);
    CHECK(val(r, "opp_aantal", 2023, swv, "PO02") == 1);
    CHECK(val(r, "opp_aantal", 2022) == 2); // a2 and v1 (v2's and o1's start 2023-01-01)
    const auto ids = explain(*stock_region(), catalog::builtin(), "opp_aantal", school_year{2023},
                             school, "01BA00");
    CHECK(ids == std::vector<std::string>{"a1", "a3"});
}

TEST_CASE("explain names the pupils behind a stock count, on numerator and denominator") {
    const auto ds = stock_region();
    const auto& cat = catalog::builtin();
    CHECK(explain(*ds, cat, "leerlingen_so", school_year{2023}, swv, "PO02") ==
          std::vector<std::string>{"o1", "o2"});
    CHECK(explain(*ds, cat, "deelname_sbo", school_year{2023}, swv, "PO01",
                  kpi_part::denominator) == std::vector<std::string>{"a1", "a2", "a3", "s1", "s2"});
    CHECK(explain(*ds, cat, "leerlingen_so", school_year{2023}, municipality, "onbekend") ==
          std::vector<std::string>{"o3"});
    CHECK(explain(*ds, cat, "leerlingen_totaal", school_year{2023}, national, "NL").size() == 13);
    CHECK_THROWS_AS(explain(*ds, cat, "no_such_kpi", school_year{2023}, national, "NL"), error);
    CHECK_THROWS_AS(explain(*ds, cat, "leerlingen_bao", school_year{2023}, swv, "XX99"), error);
}
