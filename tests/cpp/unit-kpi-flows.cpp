// SPDX-License-Identifier: EUPL-1.2
// Hand-computed flow KPIs: referrals, returns, vo<->vso moves, school leavers without diploma.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

// School year 2023-2024 (T = 2023-10-01). f1..f17 each make one move; b1..b3 stay in bao.
dataset_ptr flow_region() {
    dataset_builder b;
    b.add(swv_row{"PO01", "Een", sector::po});
    b.add(swv_row{"PO02", "Twee", sector::po});
    b.add(swv_row{"VO01", "VO Een", sector::vo});
    add_schools_one_per_setting(b);
    const day po = d("2014-01-01"), vo = d("2009-01-01");
    for (const char* p : {"f1", "f2", "f3", "f4", "f9", "f13", "f16", "f17", "b1", "b2", "b3"})
        b.add(pupil_row{p, po, "GM01"});
    for (const char* p : {"f5", "f6", "f7", "f8", "f10", "f11", "f12", "f14", "f15"})
        b.add(pupil_row{p, vo, "GM01"});
    auto move = [&](const char* p, const char* from, const char* from_start, const char* from_end,
                    const char* to, const char* to_start) {
        b.add(enrolment_row{p, from, d(from_start), d(from_end)});
        b.add(enrolment_row{p, to, d(to_start)});
    };
    for (const char* p : {"b1", "b2", "b3"}) b.add(enrolment_row{p, "01BA00", d("2021-08-01")});
    move("f1", "01BA00", "2019-08-01", "2023-07-20", "04SO00", "2023-08-21"); // verwijzing so
    move("f2", "03SB00", "2021-08-01", "2023-12-31", "04SO00", "2024-01-08"); // verwijzing so
    // f3 returns so -> sbo; the so enrolment is paid by PO02's TLV on its last day.
    move("f3", "04SO00", "2021-08-01", "2024-03-01", "03SB00", "2024-03-04");
    b.add(tlv_row{"T3", "f3", "PO02", setting::so, funding_category::laag, no_day, d("2021-07-01"),
                  tlv_outcome::toegekend, d("2021-08-01"), d("2024-07-31")});
    move("f4", "03SB00", "2021-08-01", "2023-12-01", "02BA00", "2023-12-02"); // sbo -> bao
    move("f5", "05VO00", "2021-08-01", "2024-01-31", "07VS00", "2024-02-01"); // vo -> vso
    move("f6", "07VS00", "2021-08-01", "2023-09-30", "05VO00", "2023-10-01"); // vso -> vo
    move("f7", "06PR00", "2021-08-01", "2023-10-15", "05VO00", "2023-10-16"); // pro -> vo
    move("f8", "05VO00", "2021-08-01", "2023-11-01", "06PR00", "2023-11-02"); // vo -> pro
    move("f9", "01BA00", "2019-08-01", "2023-06-30", "03SB00", "2023-11-15"); // gap 138 days
    b.add(enrolment_row{"f10", "07VS00", d("2021-08-01"), d("2024-06-30"), 0,
                        exit_reason::zonder_diploma});
    b.add(enrolment_row{"f11", "05VO00", d("2021-08-01"), d("2023-07-31"), 0,
                        exit_reason::zonder_diploma});
    b.add(
        enrolment_row{"f12", "05VO00", d("2021-08-01"), d("2024-07-31"), 0, exit_reason::diploma});
    move("f13", "04SO00", "2021-08-01", "2024-05-01", "01BA00", "2024-05-02"); // so -> bao
    move("f14", "07VS00", "2021-08-01", "2024-04-01", "06PR00", "2024-04-02"); // vso -> pro
    move("f15", "06PR00", "2021-08-01", "2024-04-01", "07VS00", "2024-04-02"); // pro -> vso
    move("f16", "01BA00", "2021-08-01", "2023-12-31", "02BA00", "2024-01-02"); // overstap
    move("f17", "02BA00", "2021-08-01", "2024-01-31", "03SB00", "2024-02-01"); // verwijzing sbo
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& flow_results() {
    static const auto ds = flow_region();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("kpi verwijzingen_<x>: direct referrals, for the enrolment left") {
    const auto& r = flow_results();
    CHECK(val(r, "verwijzingen_sbo", 2023) == 1); // f17; f9's gap is too long
    CHECK(val(r, "verwijzingen_sbo", 2023, swv, "PO02") == 1);
    CHECK(val(r, "verwijzingen_sbo", 2023, swv, "PO01") == 0);
    CHECK(val(r, "verwijzingen_sbo", 2023, school, "02BA00") == 1);
    CHECK(val(r, "verwijzingen_so", 2023) == 2); // f1 from bao, f2 from sbo
    CHECK(val(r, "verwijzingen_so", 2023, school, "01BA00") == 1);
    CHECK(val(r, "verwijzingen_so", 2023, school, "03SB00") == 1);
    CHECK(val(r, "verwijzingen_so", 2023, board, "B1") == 2);
    CHECK(val(r, "verwijzingen_pro", 2023) == 1);
    CHECK(val(r, "verwijzingen_vso", 2023) == 2); // f5 vo -> vso, f15 pro -> vso
    CHECK(val(r, "verwijzingen_vso", 2023, swv, "VO01") == 2);
    CHECK(val(r, "verwijzingen_so", 2022) == 0);
    const auto ds = flow_region();
    CHECK(explain(*ds, catalog::builtin(), "verwijzingen_so", school_year{2023}, swv, "PO01") ==
          std::vector<std::string>{"f1", "f2"});
}

TEST_CASE("kpi verwijzingspercentage_<x>: referrals per 100 regular pupils at teldatum") {
    const auto& r = flow_results();
    // bao at T: PO01 b1-b3 and f16; PO02 f17. vo at T: f5, f6 (switch day), f8, f12.
    CHECK(val(r, "verwijzingspercentage_sbo", 2023) == doctest::Approx(20.0));
    CHECK(val(r, "verwijzingspercentage_sbo", 2023, swv, "PO02") == doctest::Approx(100.0));
    CHECK(val(r, "verwijzingspercentage_sbo", 2023, swv, "PO01") == 0);
    CHECK(val(r, "verwijzingspercentage_so", 2023) == doctest::Approx(40.0));
    CHECK(val(r, "verwijzingspercentage_so", 2023, swv, "PO01") == doctest::Approx(50.0));
    CHECK(val(r, "verwijzingspercentage_pro", 2023) == doctest::Approx(25.0));
    CHECK(val(r, "verwijzingspercentage_vso", 2023) == doctest::Approx(50.0));
    // The sbo school has referrals into so but no regular pupils: no value.
    CHECK(num(r, "verwijzingspercentage_so", 2023, school, "03SB00") == 1);
    CHECK(std::isnan(val(r, "verwijzingspercentage_so", 2023, school, "03SB00")));
}

TEST_CASE("kpi terugplaatsingen and terugplaatsingen_<from>_<to>") {
    const auto& r = flow_results();
    CHECK(val(r, "terugplaatsingen", 2023) == 6); // f3, f4, f6, f7, f13, f14
    CHECK(val(r, "terugplaatsingen_so_sbo", 2023) == 1);
    CHECK(val(r, "terugplaatsingen_so_sbo", 2023, swv, "PO02") == 1); // paid by PO02's TLV
    CHECK(val(r, "terugplaatsingen_so_sbo", 2023, swv, "PO01") == 0);
    CHECK(val(r, "terugplaatsingen_so_bao", 2023, swv, "PO01") == 1); // no TLV: region GM01
    CHECK(val(r, "terugplaatsingen_sbo_bao", 2023, swv, "PO01") == 1);
    CHECK(val(r, "terugplaatsingen_vso_vo", 2023) == 1);
    CHECK(val(r, "terugplaatsingen_vso_pro", 2023) == 1);
    CHECK(val(r, "terugplaatsingen_pro_vo", 2023) == 1);
    CHECK(val(r, "terugplaatsingen", 2023, swv, "PO01") == 2);
    CHECK(val(r, "terugplaatsingen", 2023, swv, "PO02") == 1);
    CHECK(val(r, "terugplaatsingen", 2023, swv, "VO01") == 3);
}

TEST_CASE("kpi doorstroom_vo_vso, doorstroom_vso_vo") {
    const auto& r = flow_results();
    CHECK(val(r, "doorstroom_vo_vso", 2023) == 1);
    CHECK(val(r, "doorstroom_vo_vso", 2023, school, "05VO00") == 1);
    CHECK(val(r, "doorstroom_vso_vo", 2023) == 1);
    CHECK(val(r, "doorstroom_vso_vo", 2023, school, "07VS00") == 1);
    CHECK(find_row(r, "doorstroom_vo_vso", 2023, swv, "PO01") == nullptr); // VO-only
}

TEST_CASE("kpi schoolverlaters_zonder_diploma: enrolments ending in the year with that exit") {
    const auto& r = flow_results();
    CHECK(val(r, "schoolverlaters_zonder_diploma", 2023) == 1); // f10; f12 has a diploma
    CHECK(val(r, "schoolverlaters_zonder_diploma", 2023, swv, "VO01") == 1);
    CHECK(val(r, "schoolverlaters_zonder_diploma", 2023, school, "07VS00") == 1);
    CHECK(val(r, "schoolverlaters_zonder_diploma", 2022) == 1); // f11 ends 2023-07-31
    CHECK(val(r, "schoolverlaters_zonder_diploma", 2022, school, "05VO00") == 1);
}
