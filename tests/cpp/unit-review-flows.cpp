// SPDX-License-Identifier: EUPL-1.2
// Review: flow KPIs computed by hand from docs/definitions.md (verwijzingen_*,
// verwijzingspercentage_*, terugplaatsingen*, doorstroom_vo_vso / vso_vo,
// schoolverlaters_zonder_diploma): the 92-day rule, the year of b.start, and attribution of a
// transition to its *from* enrolment on its last day. School year 2023-2024 unless noted.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

dataset_ptr flow_data() {
    dataset_builder b;
    add_region(b);

    const day po = d("2014-01-01"), vo = d("2009-01-01");
    for (const char* p : {"f1", "f2", "f3", "f4", "f5", "f7", "f8", "f9", "r1", "r2", "r3"})
        b.add(pupil_row{p, po, "GM01"});
    for (const char* p : {"f6", "r4"}) b.add(pupil_row{p, po, "GM02"});
    b.add(pupil_row{"h1", d("2011-06-01"), "GM01"});
    for (const char* p : {"g1", "g2", "g3", "g5", "g6", "g7", "g8", "x1", "x3", "x4", "q1", "q2"})
        b.add(pupil_row{p, vo, "GM01"});
    for (const char* p : {"g4", "x2"}) b.add(pupil_row{p, vo, "GM02"});

    using enum tlv_outcome;
    using enum funding_category;
    // Regular pupils staying put: bao r1 r2 r3 (PO01), r4 (PO02); vo q1 q2 (VO01).
    for (const char* p : {"r1", "r2", "r3"}) b.add(enrolment_row{p, "01BA00", d("2019-08-01")});
    b.add(enrolment_row{"r4", "02BA00", d("2019-08-01")});
    for (const char* p : {"q1", "q2"}) b.add(enrolment_row{p, "05VO00", d("2021-08-01")});

    // f1: bao (PO01) -> sbo on 2023-08-01: verwijzing sbo, year 2023, for 01BA00 / B1 / PO01.
    b.add(enrolment_row{"f1", "01BA00", d("2019-08-01"), d("2023-07-31")});
    b.add(enrolment_row{"f1", "03SB00", d("2023-08-01")});
    // f2: bao 02BA00 (PO02) -> so: verwijzing so for PO02 / B2 / 02BA00. In bao at T.
    b.add(enrolment_row{"f2", "02BA00", d("2019-08-01"), d("2023-12-31")});
    b.add(enrolment_row{"f2", "04SO00", d("2024-01-01")});
    // f3: sbo -> so on a switch day (gap 0): verwijzing so for 03SB00 / B1 / PO01.
    b.add(enrolment_row{"f3", "03SB00", d("2022-08-01"), d("2024-03-01")});
    b.add(enrolment_row{"f3", "04SO00", d("2024-03-01")});
    // f4: bao -> sbo 92 days later (2023-06-30 -> 2023-09-30): direct, verwijzing sbo, PO01.
    b.add(enrolment_row{"f4", "01BA00", d("2019-08-01"), d("2023-06-30")});
    b.add(enrolment_row{"f4", "03SB00", d("2023-09-30")});
    // f5: bao -> sbo 93 days later: uitstroom + instroom, no verwijzing.
    b.add(enrolment_row{"f5", "01BA00", d("2019-08-01"), d("2023-06-30")});
    b.add(enrolment_row{"f5", "03SB00", d("2023-10-01")});
    // f6 (GM02): so paid by PO02 (TLV covering its last day) -> bao: terugplaatsing so_bao,
    // for PO02 (paying), board B3, school 04SO00.
    b.add(enrolment_row{"f6", "04SO00", d("2022-08-01"), d("2024-01-31")});
    b.add(enrolment_row{"f6", "01BA00", d("2024-02-01")});
    b.add(tlv_row{"TF6", "f6", "PO02", setting::so, laag, no_day, d("2022-07-01"), toegekend,
                  d("2022-08-01"), d("2025-07-31")});
    // f7 (GM01): so with a PO02 TLV that ended before the enrolment's last day -> on that day
    // region GM01 -> PO01. so -> sbo: terugplaatsing so_sbo for PO01.
    b.add(enrolment_row{"f7", "04SO00", d("2022-08-01"), d("2024-02-29")});
    b.add(enrolment_row{"f7", "03SB00", d("2024-03-01")});
    b.add(tlv_row{"TF7", "f7", "PO02", setting::so, laag, no_day, d("2022-07-01"), toegekend,
                  d("2022-08-01"), d("2023-12-31")});
    // f8: sbo (PO01) -> bao 02BA00 (PO02): terugplaatsing sbo_bao for PO01 / B1 / 03SB00.
    b.add(enrolment_row{"f8", "03SB00", d("2022-08-01"), d("2024-04-30")});
    b.add(enrolment_row{"f8", "02BA00", d("2024-05-01")});
    // f9: re-enrolment at the same bao school and a bao -> bao move: no referral, no return.
    b.add(enrolment_row{"f9", "01BA00", d("2019-08-01"), d("2023-12-31")});
    b.add(enrolment_row{"f9", "01BA00", d("2024-01-15"), d("2024-03-31")});
    b.add(enrolment_row{"f9", "02BA00", d("2024-04-01")});

    // g1: vo 05VO00 (VO01) -> vso on T: verwijzing vso and doorstroom_vo_vso, VO01 / B4.
    b.add(enrolment_row{"g1", "05VO00", d("2021-08-01"), d("2023-09-30")});
    b.add(enrolment_row{"g1", "07VS00", d("2023-10-01")});
    // g2: vo 08VO00 (VO02) -> pro: verwijzing pro for VO02 / B6 / 08VO00.
    b.add(enrolment_row{"g2", "08VO00", d("2021-08-01"), d("2023-12-31")});
    b.add(enrolment_row{"g2", "06PR00", d("2024-01-01")});
    // g3: pro -> vso: verwijzing vso (not doorstroom_vo_vso), VO01.
    b.add(enrolment_row{"g3", "06PR00", d("2021-08-01"), d("2024-01-31")});
    b.add(enrolment_row{"g3", "07VS00", d("2024-02-01")});
    // g4 (GM02): vso paid by VO02 -> vo: terugplaatsing vso_vo and doorstroom_vso_vo, for VO02
    // (paying), board B5, school 07VS00.
    b.add(enrolment_row{"g4", "07VS00", d("2021-08-01"), d("2024-03-31")});
    b.add(enrolment_row{"g4", "05VO00", d("2024-04-01")});
    b.add(tlv_row{"TG4", "g4", "VO02", setting::vso, midden, no_day, d("2021-07-01"), toegekend,
                  d("2021-08-01"), d("2026-07-31")});
    // g5 (GM01): vso without TLV -> pro: terugplaatsing vso_pro, region GM01 -> VO01.
    b.add(enrolment_row{"g5", "07VS00", d("2021-08-01"), d("2024-04-30")});
    b.add(enrolment_row{"g5", "06PR00", d("2024-05-01")});
    // g6: pro -> vo 08VO00: terugplaatsing pro_vo for VO01 / B4 / 06PR00.
    b.add(enrolment_row{"g6", "06PR00", d("2021-08-01"), d("2024-05-31")});
    b.add(enrolment_row{"g6", "08VO00", d("2024-06-01")});
    // g7: vo -> vso 93 days later: not direct.
    b.add(enrolment_row{"g7", "05VO00", d("2021-08-01"), d("2023-06-30")});
    b.add(enrolment_row{"g7", "07VS00", d("2023-10-01")});
    // g8: vo -> vso starting 2023-07-31: belongs to 2022-2023.
    b.add(enrolment_row{"g8", "05VO00", d("2021-08-01"), d("2023-07-30")});
    b.add(enrolment_row{"g8", "07VS00", d("2023-07-31")});
    // h1: so -> vso: doorstroom PO -> VO, not a verwijzing into vso.
    b.add(enrolment_row{"h1", "04SO00", d("2019-08-01"), d("2023-07-31")});
    b.add(enrolment_row{"h1", "07VS00", d("2023-08-01")});

    // Leavers: x1 vo without diploma (2023, VO01 / B4 / 05VO00); x2 (GM02) vso paid by VO02
    // without diploma on 2024-07-31 (2023, VO02 / B5 / 07VS00); x3 in 2022-2023; x4 with diploma.
    b.add(enrolment_row{"x1", "05VO00", d("2021-08-01"), d("2024-06-30"), 0,
                        exit_reason::zonder_diploma});
    b.add(enrolment_row{"x2", "07VS00", d("2021-08-01"), d("2024-07-31"), 0,
                        exit_reason::zonder_diploma});
    b.add(tlv_row{"TX2", "x2", "VO02", setting::vso, laag, no_day, d("2021-07-01"), toegekend,
                  d("2021-08-01"), d("2026-07-31")});
    b.add(enrolment_row{"x3", "05VO00", d("2021-08-01"), d("2023-07-31"), 0,
                        exit_reason::zonder_diploma});
    b.add(enrolment_row{"x4", "05VO00", d("2021-08-01"), d("2024-06-30"), 0, exit_reason::diploma});
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& results() {
    static const auto ds = flow_data();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("review: verwijzingen_<x>: direct referrals, 92-day rule, for the enrolment left") {
    const auto& r = results();
    // sbo: f1, f4 (gap 92) -> PO01; not f5 (gap 93).
    check_count(r, "verwijzingen_sbo", 2023, 2);
    check_count(r, "verwijzingen_sbo", 2023, swv, "PO01", 2);
    check_count(r, "verwijzingen_sbo", 2023, swv, "PO02", 0);
    check_count(r, "verwijzingen_sbo", 2023, school, "01BA00", 2);
    // so: f2 (from 02BA00, PO02, B2), f3 (from sbo 03SB00, PO01, B1).
    check_count(r, "verwijzingen_so", 2023, 2);
    check_count(r, "verwijzingen_so", 2023, swv, "PO01", 1);
    check_count(r, "verwijzingen_so", 2023, swv, "PO02", 1);
    check_count(r, "verwijzingen_so", 2023, board, "B2", 1);
    check_count(r, "verwijzingen_so", 2023, school, "03SB00", 1);
    // vso: g1 (vo), g3 (pro), both VO01; not g7 (gap 93), g8 (2022), h1 (so -> vso).
    check_count(r, "verwijzingen_vso", 2023, 2);
    check_count(r, "verwijzingen_vso", 2023, swv, "VO01", 2);
    check_count(r, "verwijzingen_vso", 2023, swv, "VO02", 0);
    check_count(r, "verwijzingen_vso", 2022, 1); // g8
    // pro: g2 from 08VO00 -> VO02 / B6.
    check_count(r, "verwijzingen_pro", 2023, 1);
    check_count(r, "verwijzingen_pro", 2023, swv, "VO02", 1);
    check_count(r, "verwijzingen_pro", 2023, board, "B6", 1);
    CHECK(find_row(r, "verwijzingen_so", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "verwijzingen_pro", 2023, swv, "PO01") == nullptr);
}

TEST_CASE("review: verwijzingspercentage_<x> over regular pupils at teldatum") {
    const auto& r = results();
    // bao at T: PO01 r1 r2 r3 (f4 already in sbo, f5 enters sbo on T, f9 in 01BA00!) ...
    // f9 is in bao 01BA00 at T as well: PO01 = r1 r2 r3 f9 = 4; PO02 = r4, f2 = 2; NL 6.
    check_row(r, "verwijzingspercentage_sbo", 2023, swv, "PO01", 2, 4, 50.0);
    check_row(r, "verwijzingspercentage_sbo", 2023, swv, "PO02", 0, 2, 0.0);
    check_row(r, "verwijzingspercentage_sbo", 2023, nl, "NL", 2, 6, 100.0 * 2 / 6);
    check_row(r, "verwijzingspercentage_so", 2023, swv, "PO01", 1, 4, 25.0);
    check_row(r, "verwijzingspercentage_so", 2023, swv, "PO02", 1, 2, 50.0);
    check_row(r, "verwijzingspercentage_so", 2023, nl, "NL", 2, 6, 100.0 * 2 / 6);
    // vo at T: VO01 q1 q2 x1 x4 (g1 is in vso on T; g4 is in vso) = 4; VO02 g2 = 1; NL 5.
    check_row(r, "verwijzingspercentage_vso", 2023, swv, "VO01", 2, 4, 50.0);
    check_row(r, "verwijzingspercentage_vso", 2023, swv, "VO02", 0, 1, 0.0);
    check_row(r, "verwijzingspercentage_vso", 2023, nl, "NL", 2, 5, 40.0);
    check_row(r, "verwijzingspercentage_pro", 2023, swv, "VO01", 0, 4, 0.0);
    check_row(r, "verwijzingspercentage_pro", 2023, swv, "VO02", 1, 1, 100.0);
    check_row(r, "verwijzingspercentage_pro", 2023, nl, "NL", 1, 5, 20.0);
    CHECK(unit_of(r, "verwijzingspercentage_pro") == kpi_unit::percent);
}

TEST_CASE("review: terugplaatsingen and terugplaatsingen_<from>_<to>, paying partnership of from") {
    const auto& r = results();
    // f6 (PO02 paying), f7 (PO01 by region), f8 (PO01), g4 (VO02 paying), g5 (VO01 region),
    // g6 (VO01).
    check_count(r, "terugplaatsingen", 2023, 6);
    check_count(r, "terugplaatsingen", 2023, swv, "PO01", 2);
    check_count(r, "terugplaatsingen", 2023, swv, "PO02", 1);
    check_count(r, "terugplaatsingen", 2023, swv, "VO01", 2);
    check_count(r, "terugplaatsingen", 2023, swv, "VO02", 1);
    check_count(r, "terugplaatsingen", 2023, school, "04SO00", 2);
    check_count(r, "terugplaatsingen", 2023, school, "07VS00", 2);
    check_count(r, "terugplaatsingen", 2023, board, "B3", 2);
    check_count(r, "terugplaatsingen", 2023, board, "B4", 1);
    check_count(r, "terugplaatsingen_so_bao", 2023, swv, "PO02", 1);
    check_count(r, "terugplaatsingen_so_bao", 2023, swv, "PO01", 0);
    check_count(r, "terugplaatsingen_so_sbo", 2023, swv, "PO01", 1);
    check_count(r, "terugplaatsingen_so_sbo", 2023, swv, "PO02", 0);
    check_count(r, "terugplaatsingen_sbo_bao", 2023, swv, "PO01", 1);
    check_count(r, "terugplaatsingen_sbo_bao", 2023, swv, "PO02", 0);
    check_count(r, "terugplaatsingen_vso_vo", 2023, swv, "VO02", 1);
    check_count(r, "terugplaatsingen_vso_vo", 2023, swv, "VO01", 0);
    check_count(r, "terugplaatsingen_vso_pro", 2023, swv, "VO01", 1);
    check_count(r, "terugplaatsingen_pro_vo", 2023, swv, "VO01", 1);
    check_count(r, "terugplaatsingen_pro_vo", 2023, school, "06PR00", 1);
    for (const char* id :
         {"terugplaatsingen_so_bao", "terugplaatsingen_so_sbo", "terugplaatsingen_sbo_bao",
          "terugplaatsingen_vso_vo", "terugplaatsingen_vso_pro", "terugplaatsingen_pro_vo"})
        check_count(r, id, 2023, 1);
    // The schoolgaand view gives f6 and g4 to the school's partnership.
    static const auto ds = flow_data();
    evaluate_options o;
    o.view = attribution_view::schoolgaand;
    o.kpis = {"terugplaatsingen"};
    const auto s = evaluate(*ds, catalog::builtin(), o);
    check_count(s, "terugplaatsingen", 2023, swv, "PO01", 3);
    check_count(s, "terugplaatsingen", 2023, swv, "PO02", 0);
    check_count(s, "terugplaatsingen", 2023, swv, "VO01", 3);
}

TEST_CASE("review: doorstroom_vo_vso and doorstroom_vso_vo") {
    const auto& r = results();
    // vo -> vso: g1 (2023, VO01); g8 (2022); not g3 (pro -> vso), g7 (gap 93), h1 (so -> vso).
    check_count(r, "doorstroom_vo_vso", 2023, 1);
    check_count(r, "doorstroom_vo_vso", 2023, swv, "VO01", 1);
    check_count(r, "doorstroom_vo_vso", 2023, school, "05VO00", 1);
    check_count(r, "doorstroom_vo_vso", 2022, 1);
    // vso -> vo: g4, for its vso enrolment's paying partnership VO02.
    check_count(r, "doorstroom_vso_vo", 2023, 1);
    check_count(r, "doorstroom_vso_vo", 2023, swv, "VO02", 1);
    check_count(r, "doorstroom_vso_vo", 2023, swv, "VO01", 0);
    check_count(r, "doorstroom_vso_vo", 2023, school, "07VS00", 1);
}

TEST_CASE("review: schoolverlaters_zonder_diploma: exit zonder_diploma, end date in the year") {
    const auto& r = results();
    // x1 (VO01, B4, 05VO00), x2 (VO02 paying on its last day, B5, 07VS00); x3 in 2022.
    check_count(r, "schoolverlaters_zonder_diploma", 2023, 2);
    check_count(r, "schoolverlaters_zonder_diploma", 2023, swv, "VO01", 1);
    check_count(r, "schoolverlaters_zonder_diploma", 2023, swv, "VO02", 1);
    check_count(r, "schoolverlaters_zonder_diploma", 2023, school, "05VO00", 1);
    check_count(r, "schoolverlaters_zonder_diploma", 2023, board, "B5", 1);
    check_count(r, "schoolverlaters_zonder_diploma", 2022, 1);
}
