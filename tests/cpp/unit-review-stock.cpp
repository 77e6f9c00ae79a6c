// SPDX-License-Identifier: EUPL-1.2
// Review: stock KPIs computed by hand from docs/definitions.md (leerlingen_*, deelname_*, groei_*,
// verblijfsduur_*, opp_aantal, opp_percentage), with the paying-partnership attribution of so/vso
// pupils and the switch day. School year 2023-2024: T = 2023-10-01, F = 2024-02-01.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

dataset_ptr stock_data() {
    dataset_builder b;
    add_region(b);
    b.add(swv_row{"PO03", "PO drie (only pays for one so pupil)", sector::po});

    const day po = d("2014-01-01"), vo = d("2009-01-01");
    for (const char* p : {"b1", "b2", "b3", "sw", "s1", "s3", "o1", "o5", "o6"})
        b.add(pupil_row{p, po, "GM01"});
    for (const char* p : {"b4", "o2", "o3"}) b.add(pupil_row{p, po, "GM02"});
    b.add(pupil_row{"o4", po}); // no municipality
    for (const char* p : {"v1", "v2", "p1", "w2"}) b.add(pupil_row{p, vo, "GM01"});
    for (const char* p : {"v3", "w1"}) b.add(pupil_row{p, vo, "GM02"});

    // bao
    for (const char* p : {"b1", "b2", "b3"}) b.add(enrolment_row{p, "01BA00", d("2021-08-01")});
    b.add(enrolment_row{"b4", "02BA00", d("2021-08-01")});
    // sw: bao -> sbo on T itself (switch day): at T in sbo only. In sbo at T of 2023 only.
    b.add(enrolment_row{"sw", "01BA00", d("2019-08-01"), d("2023-10-01")});
    b.add(enrolment_row{"sw", "03SB00", d("2023-10-01")});
    // s1: sbo at T 2020, bao at T 2021, sbo at T 2022 and 2023: 3 years (no reset).
    b.add(enrolment_row{"s1", "03SB00", d("2020-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"s1", "01BA00", d("2021-08-01"), d("2022-07-31")});
    b.add(enrolment_row{"s1", "03SB00", d("2022-08-01")});
    // s3: sbo from 2023-11-01: not at T, at F.
    b.add(enrolment_row{"s3", "03SB00", d("2023-11-01")});

    // so, all at school 04SO00 (partnership PO01), paid as follows at T:
    using enum tlv_outcome;
    using enum funding_category;
    // o1: two covering so TLVs decided the same day: the larger tlv_id (TB, PO01) pays.
    b.add(enrolment_row{"o1", "04SO00", d("2022-08-01")});
    b.add(tlv_row{"TA", "o1", "PO02", setting::so, laag, no_day, d("2022-06-15"), toegekend,
                  d("2022-08-01"), d("2025-07-31")});
    b.add(tlv_row{"TB", "o1", "PO01", setting::so, laag, no_day, d("2022-06-15"), toegekend,
                  d("2022-08-01"), d("2025-07-31")});
    // o2: two covering so TLVs: the most recently decided (TC, PO02) pays, though TZ's id is
    // larger.
    b.add(enrolment_row{"o2", "04SO00", d("2023-08-01")});
    b.add(tlv_row{"TZ", "o2", "PO01", setting::so, laag, no_day, d("2022-05-01"), toegekend,
                  d("2023-08-01"), d("2025-07-31")});
    b.add(tlv_row{"TC", "o2", "PO02", setting::so, laag, no_day, d("2022-07-01"), toegekend,
                  d("2023-08-01"), d("2025-07-31")});
    // o3 (GM02): only an sbo TLV and a refused so TLV: no so TLV covers T -> region GM02 -> PO02.
    b.add(enrolment_row{"o3", "04SO00", d("2023-08-01")});
    b.add(tlv_row{"TG", "o3", "PO01", setting::sbo, none, no_day, d("2023-07-01"), toegekend,
                  d("2023-08-01"), d("2025-07-31")});
    b.add(tlv_row{"TH", "o3", "PO01", setting::so, laag, no_day, d("2023-07-02"), afgewezen});
    // o4: no TLV, no municipality -> the school's partnership PO01; leaves before F.
    b.add(enrolment_row{"o4", "04SO00", d("2021-08-01"), d("2024-01-15")});
    // o5: paid by PO02 until 2024-01-31 (covers T), by PO03 from 2024-02-01 (covers F).
    b.add(enrolment_row{"o5", "04SO00", d("2023-08-01")});
    b.add(tlv_row{"TD", "o5", "PO02", setting::so, midden, no_day, d("2023-07-01"), toegekend,
                  d("2023-08-01"), d("2024-01-31")});
    b.add(tlv_row{"TE", "o5", "PO03", setting::so, midden, no_day, d("2024-01-15"), toegekend,
                  d("2024-02-01"), d("2026-07-31")});
    // o6: paid by PO03, which has no bao or sbo pupils.
    b.add(enrolment_row{"o6", "04SO00", d("2023-08-01")});
    b.add(tlv_row{"TF", "o6", "PO03", setting::so, hoog, no_day, d("2023-07-01"), toegekend,
                  d("2023-08-01"), d("2026-07-31")});

    // VO
    b.add(enrolment_row{"v1", "05VO00", d("2021-08-01")});
    b.add(enrolment_row{"v2", "05VO00", d("2021-08-01")});
    b.add(enrolment_row{"v3", "08VO00", d("2021-08-01")});
    b.add(enrolment_row{"p1", "06PR00", d("2021-08-01")});
    // w1 (GM02): vso at a VO01 school without TLV -> region GM02 -> VO02.
    b.add(enrolment_row{"w1", "07VS00", d("2021-08-01")});
    // w2 (GM01): vso with a VO01 TLV.
    b.add(enrolment_row{"w2", "07VS00", d("2021-08-01")});
    b.add(tlv_row{"TW", "w2", "VO01", setting::vso, midden, no_day, d("2021-07-01"), toegekend,
                  d("2021-08-01"), d("2026-07-31")});

    // OPPs at T:
    b.add(opp_row{"b1", "01BA00", d("2023-09-01")});                  // counts, 01BA00
    b.add(opp_row{"b2", "01BA00", d("2022-09-01")});                  // older
    b.add(opp_row{"b2", "02BA00", d("2023-09-01")});                  // latest-starting: 02BA00
    b.add(opp_row{"b3", "02BA00", d("2023-09-15")});                  // same start ...
    b.add(opp_row{"b3", "01BA00", d("2023-09-15")});                  // ... 01BA00 sorts first
    b.add(opp_row{"b4", "02BA00", d("2023-10-02")});                  // starts after T
    b.add(opp_row{"v1", "05VO00", d("2022-01-01"), d("2023-09-30")}); // ended before T
    b.add(opp_row{"v2", "05VO00", d("2023-01-01"), d("2023-10-01")}); // ends on T: covers it
    b.add(opp_row{"o1", "04SO00", d("2023-01-01")}); // so pupil: opp_aantal, not opp_percentage
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const dataset& data() {
    static const auto ds = stock_data();
    return *ds;
}

const kpi_results& results() {
    static const auto r = evaluate(data(), catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("review: leerlingen_<setting> and leerlingen_totaal, paying partnership, switch day") {
    const auto& r = results();
    // bao at T: b1 b2 b3 (01BA00, PO01), b4 (PO02). sw switched to sbo on T: not in bao.
    check_count(r, "leerlingen_bao", 2023, 4);
    check_count(r, "leerlingen_bao", 2023, swv, "PO01", 3);
    check_count(r, "leerlingen_bao", 2023, swv, "PO02", 1);
    check_count(r, "leerlingen_bao", 2023, swv, "PO03", 0);
    check_count(r, "leerlingen_bao", 2023, school, "01BA00", 3);
    // sbo at T: s1, sw (switch day) -> 2, PO01, board B1.
    check_count(r, "leerlingen_sbo", 2023, 2);
    check_count(r, "leerlingen_sbo", 2023, swv, "PO01", 2);
    check_count(r, "leerlingen_sbo", 2023, board, "B1", 2);
    // so at T: o1 -> PO01 (tie, larger id TB), o2 -> PO02 (latest decision TC), o3 -> PO02
    // (region), o4 -> PO01 (school), o5 -> PO02 (TD), o6 -> PO03 (TF).
    check_count(r, "leerlingen_so", 2023, 6);
    check_count(r, "leerlingen_so", 2023, swv, "PO01", 2);
    check_count(r, "leerlingen_so", 2023, swv, "PO02", 3);
    check_count(r, "leerlingen_so", 2023, swv, "PO03", 1);
    // The board and school stay those of the school attended.
    check_count(r, "leerlingen_so", 2023, school, "04SO00", 6);
    check_count(r, "leerlingen_so", 2023, board, "B3", 6);
    // VO at T: vo v1 v2 (VO01), v3 (VO02); pro p1 (VO01); vso w1 -> VO02 (region), w2 -> VO01.
    check_count(r, "leerlingen_vo", 2023, swv, "VO01", 2);
    check_count(r, "leerlingen_vo", 2023, swv, "VO02", 1);
    check_count(r, "leerlingen_pro", 2023, swv, "VO01", 1);
    check_count(r, "leerlingen_pro", 2023, swv, "VO02", 0);
    check_count(r, "leerlingen_vso", 2023, swv, "VO01", 1);
    check_count(r, "leerlingen_vso", 2023, swv, "VO02", 1);
    check_count(r, "leerlingen_vso", 2023, 2);
    // totaal: PO01 3+2+2 = 7, PO02 1+3 = 4, PO03 1, VO01 2+1+1 = 4, VO02 1+1 = 2; NL 18.
    check_count(r, "leerlingen_totaal", 2023, swv, "PO01", 7);
    check_count(r, "leerlingen_totaal", 2023, swv, "PO02", 4);
    check_count(r, "leerlingen_totaal", 2023, swv, "PO03", 1);
    check_count(r, "leerlingen_totaal", 2023, swv, "VO01", 4);
    check_count(r, "leerlingen_totaal", 2023, swv, "VO02", 2);
    check_count(r, "leerlingen_totaal", 2023, 18);
    CHECK(unit_of(r, "leerlingen_so") == kpi_unit::count);
    // PO-only ids have partnership rows only for PO partnerships, VO-only for VO ones.
    CHECK(find_row(r, "leerlingen_so", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "leerlingen_vso", 2023, swv, "PO01") == nullptr);
    // Schoolgaand view: every so pupil for the school's partnership.
    evaluate_options o;
    o.view = attribution_view::schoolgaand;
    o.kpis = {"leerlingen_so"};
    const auto s = evaluate(data(), catalog::builtin(), o);
    check_count(s, "leerlingen_so", 2023, swv, "PO01", 6);
    check_count(s, "leerlingen_so", 2023, swv, "PO02", 0);
}

TEST_CASE("review: deelname_* bases (bao+sbo without so; vo+pro without vso), 0 denominators") {
    const auto& r = results();
    CHECK(unit_of(r, "deelname_so") == kpi_unit::percent);
    // bao+sbo at T: PO01 3+2 = 5, PO02 1+0 = 1, PO03 0; NL 6.
    check_row(r, "deelname_sbo", 2023, swv, "PO01", 2, 5, 40.0);
    check_row(r, "deelname_sbo", 2023, swv, "PO02", 0, 1, 0.0);
    check_row(r, "deelname_sbo", 2023, swv, "PO03", 0, 0, absent); // 0/0: no value
    check_row(r, "deelname_sbo", 2023, nl, "NL", 2, 6, 100.0 * 2 / 6);
    // so over bao+sbo: PO01 2/5, PO02 3/1, PO03 1/0 (no value), NL 6/6.
    check_row(r, "deelname_so", 2023, swv, "PO01", 2, 5, 40.0);
    check_row(r, "deelname_so", 2023, swv, "PO02", 3, 1, 300.0);
    check_row(r, "deelname_so", 2023, swv, "PO03", 1, 0, absent);
    check_row(r, "deelname_so", 2023, nl, "NL", 6, 6, 100.0);
    // vo+pro at T: VO01 2+1 = 3, VO02 1+0 = 1; NL 4.
    check_row(r, "deelname_pro", 2023, swv, "VO01", 1, 3, 100.0 / 3);
    check_row(r, "deelname_pro", 2023, swv, "VO02", 0, 1, 0.0);
    check_row(r, "deelname_pro", 2023, nl, "NL", 1, 4, 25.0);
    check_row(r, "deelname_vso", 2023, swv, "VO01", 1, 3, 100.0 / 3);
    check_row(r, "deelname_vso", 2023, swv, "VO02", 1, 1, 100.0);
    check_row(r, "deelname_vso", 2023, nl, "NL", 2, 4, 50.0);
    // PO-only for PO partnerships, VO-only for VO ones, both nationally.
    CHECK(find_row(r, "deelname_so", 2023, swv, "VO01") == nullptr);
    CHECK(find_row(r, "deelname_sbo", 2023, swv, "VO02") == nullptr);
    CHECK(find_row(r, "deelname_pro", 2023, swv, "PO01") == nullptr);
    CHECK(find_row(r, "deelname_vso", 2023, swv, "PO03") == nullptr);
}

TEST_CASE("review: groei_<x> is pupils at peildatum minus pupils at teldatum") {
    const auto& r = results();
    // sbo: T {s1, sw} = 2, F {s1, sw, s3} = 3 -> +1 (all PO01).
    check_row(r, "groei_sbo", 2023, swv, "PO01", 3, 2, 1);
    check_row(r, "groei_sbo", 2023, nl, "NL", 3, 2, 1);
    // so at F: o1 PO01, o2 PO02, o3 PO02, o4 gone, o5 PO03 (TE covers F), o6 PO03.
    // PO01 1-2 = -1, PO02 2-3 = -1, PO03 2-1 = +1; NL 5-6 = -1.
    check_row(r, "groei_so", 2023, swv, "PO01", 1, 2, -1);
    check_row(r, "groei_so", 2023, swv, "PO02", 2, 3, -1);
    check_row(r, "groei_so", 2023, swv, "PO03", 2, 1, 1);
    check_row(r, "groei_so", 2023, nl, "NL", 5, 6, -1);
    CHECK(unit_of(r, "groei_so") == kpi_unit::count);
}

TEST_CASE("review: verblijfsduur_<x>: teldatums in the setting up to this year, no reset") {
    const auto& r = results();
    // sbo at T 2023: s1 (T 2020, 2022, 2023 in sbo; 2021 in bao) = 3, sw = 1 -> 4/2 = 2.
    check_row(r, "verblijfsduur_sbo", 2023, nl, "NL", 4, 2, 2.0);
    check_row(r, "verblijfsduur_sbo", 2023, swv, "PO01", 4, 2, 2.0);
    // PO02 has no sbo pupils: a mean over no pupils has no value.
    check_row(r, "verblijfsduur_sbo", 2023, swv, "PO02", 0, 0, absent);
    // In 2022: only s1 at T, in its 2nd teldatum in sbo (2020, 2022).
    CHECK(value(r, "verblijfsduur_sbo", 2022) == doctest::Approx(2.0));
    // so at T 2023: o1 2 (2022, 2023), o2 1, o3 1, o4 3 (2021-2023), o5 1, o6 1 -> 9/6.
    // PO01 {o1, o4} 5/2; PO02 {o2, o3, o5} 3/3; PO03 {o6} 1.
    check_row(r, "verblijfsduur_so", 2023, nl, "NL", 9, 6, 1.5);
    check_row(r, "verblijfsduur_so", 2023, swv, "PO01", 5, 2, 2.5);
    check_row(r, "verblijfsduur_so", 2023, swv, "PO02", 3, 3, 1.0);
    check_row(r, "verblijfsduur_so", 2023, swv, "PO03", 1, 1, 1.0);
    CHECK(unit_of(r, "verblijfsduur_so") == kpi_unit::years);
}

TEST_CASE("review: opp_aantal (latest-starting OPP's school) and opp_percentage (regular)") {
    const auto& r = results();
    // OPP covering T: b1 (01BA00), b2 (latest 02BA00), b3 (tie -> 01BA00), v2 (ends on T,
    // 05VO00), o1 (04SO00). Not b4 (starts after T), v1 (ended before).
    check_count(r, "opp_aantal", 2023, 5);
    check_count(r, "opp_aantal", 2023, school, "01BA00", 2);
    check_count(r, "opp_aantal", 2023, school, "02BA00", 1);
    check_count(r, "opp_aantal", 2023, school, "05VO00", 1);
    check_count(r, "opp_aantal", 2023, school, "04SO00", 1);
    // By the OPP school's partnership (docs/kpis.md: an OPP is not an enrolment): PO01 {b1, b3,
    // o1}, PO02 {b2}, VO01 {v2}.
    check_count(r, "opp_aantal", 2023, swv, "PO01", 3);
    check_count(r, "opp_aantal", 2023, swv, "PO02", 1);
    check_count(r, "opp_aantal", 2023, swv, "VO01", 1);
    // Regular pupils at T: bao b1..b4, vo v1 v2 v3 = 7; with an OPP covering T: b1 b2 b3 v2 = 4.
    // By the pupil's (enrolment's) partnership: PO01 3/3, PO02 0/1, VO01 1/2, VO02 0/1, PO03 0/0.
    check_row(r, "opp_percentage", 2023, nl, "NL", 4, 7, 400.0 / 7);
    check_row(r, "opp_percentage", 2023, swv, "PO01", 3, 3, 100.0);
    check_row(r, "opp_percentage", 2023, swv, "PO02", 0, 1, 0.0);
    check_row(r, "opp_percentage", 2023, swv, "VO01", 1, 2, 50.0);
    check_row(r, "opp_percentage", 2023, swv, "VO02", 0, 1, 0.0);
    check_row(r, "opp_percentage", 2023, swv, "PO03", 0, 0, absent);
    CHECK(unit_of(r, "opp_percentage") == kpi_unit::percent);
}

TEST_CASE("review: national equals the sum of partnerships for stock counts") {
    const auto& r = results();
    for (const char* id : {"leerlingen_bao", "leerlingen_sbo", "leerlingen_so", "leerlingen_vo",
                           "leerlingen_pro", "leerlingen_vso", "leerlingen_totaal", "opp_aantal"}) {
        double sum = 0;
        for (const auto& row : r.rows)
            if (row.kpi == id && row.year == school_year{2023} && row.level == swv)
                sum += row.numerator.value_or(0);
        INFO(id);
        CHECK(value(r, id, 2023) == sum);
    }
}

TEST_CASE("review: verblijfsduur reads the years before the reported one (options.years)") {
    evaluate_options o;
    o.years = {school_year{2023}};
    o.kpis = {"verblijfsduur_sbo", "verblijfsduur_so"};
    const auto s = evaluate(data(), catalog::builtin(), o);
    check_row(s, "verblijfsduur_sbo", 2023, nl, "NL", 4, 2, 2.0);
    check_row(s, "verblijfsduur_so", 2023, nl, "NL", 9, 6, 1.5);
    CHECK(find_row(s, "verblijfsduur_so", 2022, nl, "NL") == nullptr);
}
