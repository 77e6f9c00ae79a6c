// SPDX-License-Identifier: EUPL-1.2
// Review of the KPI evaluator's per-school counters (accumulator::fold), the not-counted levels
// and the chunked two-thread pass: hand-computed numbers from docs/definitions.md on a small region
// with the awkward cases (a school without partnership, a pupil without municipality, so pupils
// with and without a TLV, OPPs at so schools, a board's own assessment), in both views.
// School year 2023-2024: teldatum 2023-10-01; 2022-2023: teldatum 2022-10-01.
#include "kpi_harness.hpp"

#include <algorithm>

using namespace kpi_test;

namespace {

/// | school | setting | board | swv    | municipality |
/// |--------|---------|-------|--------|--------------|
/// | 01BA00 | bao     | B1    | PO01   | GM01         |
/// | 02SO00 | so      | B2    | PO01   | GM01         |
/// | 03BA00 | bao     | B3    | (none) | GM02         |
/// | 04SO00 | so      | B2    | (none) | (none)       |
/// Regions: GM01 in PO01, GM02 in PO02.
///
/// Pupils:
/// - a (GM01): bao 01BA00 2022-08-01..2023-07-31, then so 02SO00 from 2023-08-01 (a direct
///   verwijzing bao->so on 2023-08-01, year 2023); TLV so from PO02 valid 2023-08-01..2025-07-31,
///   decided 2023-06-01 (request 2023-05-01: 31 days); OPP at 02SO00 from 2023-09-01.
/// - b (no municipality): bao 03BA00 from 2022-08-01; OPP at 03BA00 from 2023-01-01.
/// - c (GM02): so 04SO00 from 2022-08-01, no TLV (paying: GM02's PO region, PO02); OPP at
///   04SO00 from 2022-09-01.
/// - e (GM01): bao 01BA00 from 2022-08-01.
dataset_ptr fold_region() {
    dataset_builder b;
    b.add(swv_row{"PO01", "PO een", sector::po});
    b.add(swv_row{"PO02", "PO twee", sector::po});
    b.add(swv_row{"VO01", "VO een", sector::vo});
    for (const char* id : {"B1", "B2", "B3"}) b.add(board_row{id, id});
    b.add(school_row{"01BA00", "bao 1", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02SO00", "so 1", "B2", "PO01", setting::so, "GM01"});
    b.add(school_row{"03BA00", "bao zonder swv", "B3", "", setting::bao, "GM02"});
    b.add(school_row{"04SO00", "so zonder swv", "B2", "", setting::so, ""});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM02", "PO02"});

    b.add(pupil_row{"a", d("2015-03-01"), "GM01"});
    b.add(pupil_row{"b", d("2015-03-01"), ""});
    b.add(pupil_row{"c", d("2015-03-01"), "GM02"});
    b.add(pupil_row{"e", d("2015-03-01"), "GM01"});
    b.add(enrolment_row{"a", "01BA00", d("2022-08-01"), d("2023-07-31")});
    b.add(enrolment_row{"a", "02SO00", d("2023-08-01")});
    b.add(enrolment_row{"b", "03BA00", d("2022-08-01")});
    b.add(enrolment_row{"c", "04SO00", d("2022-08-01")});
    b.add(enrolment_row{"e", "01BA00", d("2022-08-01")});
    b.add(tlv_row{"T1", "a", "PO02", setting::so, funding_category::laag, d("2023-05-01"),
                  d("2023-06-01"), tlv_outcome::toegekend, d("2023-08-01"), d("2025-07-31")});
    b.add(opp_row{"a", "02SO00", d("2023-09-01")});
    b.add(opp_row{"b", "03BA00", d("2023-01-01")});
    b.add(opp_row{"c", "04SO00", d("2022-09-01")});

    // Money 2023 (cents): B1 receives 300 from PO01 and spends 100 without a school; B3 spends
    // 50 at 03BA00.
    b.add(fund_row{school_year{2023}, "PO01", "B1", "ondersteuning", 30000});
    b.add(allocation_row{school_year{2023}, "B1", "inzet", 10000});
    b.add(allocation_row{school_year{2023}, "B3", "inzet", 5000, "03BA00"});
    // ankerpunt1 2023: board B2's own items 1 and 0.5 (mean 0.75: met); school 01BA00 one item
    // 0.5 (not met).
    b.add(assessment_row{school_year{2023}, "B2", "ankerpunt1", "1", 1.0});
    b.add(assessment_row{school_year{2023}, "B2", "ankerpunt1", "2", 0.5});
    b.add(assessment_row{school_year{2023}, "01BA00", "ankerpunt1", "1", 0.5});
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const dataset& data() {
    static const auto ds = fold_region();
    return *ds;
}

kpi_results run(attribution_view view, unsigned threads = 0) {
    evaluate_options o;
    o.view = view;
    o.threads = threads;
    return evaluate(data(), catalog::builtin(), o);
}

const kpi_results& paying() {
    static const auto r = run(attribution_view::paying);
    return r;
}
const kpi_results& schoolgaand() {
    static const auto r = run(attribution_view::schoolgaand);
    return r;
}

bool has_row(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
             std::string_view unit) {
    return find_row(r, kpi, year, level, unit) != nullptr;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

TEST_CASE("review fold: so pupils under paying count for the TLV's or region's partnership") {
    const auto& r = paying();
    // 2023: a (TLV PO02) and c (no TLV; GM02 lies in PO02) in so.
    check_count(r, "leerlingen_so", 2023, 2);
    check_count(r, "leerlingen_so", 2023, swv, "PO02", 2);
    check_count(r, "leerlingen_so", 2023, swv, "PO01", 0);
    CHECK_FALSE(has_row(r, "leerlingen_so", 2023, swv, "onbekend"));
    // Board and school stay those of the school attended; municipality of residence.
    check_count(r, "leerlingen_so", 2023, board, "B2", 2);
    check_count(r, "leerlingen_so", 2023, school, "02SO00", 1);
    check_count(r, "leerlingen_so", 2023, school, "04SO00", 1);
    check_count(r, "leerlingen_so", 2023, municipality, "GM01", 1);
    check_count(r, "leerlingen_so", 2023, municipality, "GM02", 1);
    // 2022: only c in so (a was in bao).
    check_count(r, "leerlingen_so", 2022, swv, "PO02", 1);
    check_count(r, "leerlingen_so", 2022, 1);
}

TEST_CASE("review fold: so pupils under schoolgaand count for the school's partnership") {
    const auto& r = schoolgaand();
    check_count(r, "leerlingen_so", 2023, 2);
    check_count(r, "leerlingen_so", 2023, swv, "PO01", 1);     // a at 02SO00
    check_count(r, "leerlingen_so", 2023, swv, "onbekend", 1); // c at 04SO00 (no swv)
    check_count(r, "leerlingen_so", 2023, swv, "PO02", 0);
    check_count(r, "leerlingen_so", 2023, board, "B2", 2);
    check_count(r, "leerlingen_so", 2022, swv, "onbekend", 1);
}

TEST_CASE("review fold: a school without partnership and a pupil without municipality") {
    for (const auto* r : {&paying(), &schoolgaand()}) {
        // 2023 bao: b (03BA00, no swv, no municipality) and e (01BA00).
        check_count(*r, "leerlingen_bao", 2023, 2);
        check_count(*r, "leerlingen_bao", 2023, swv, "PO01", 1);
        check_count(*r, "leerlingen_bao", 2023, swv, "onbekend", 1);
        check_count(*r, "leerlingen_bao", 2023, board, "B3", 1);
        check_count(*r, "leerlingen_bao", 2023, school, "03BA00", 1);
        check_count(*r, "leerlingen_bao", 2023, municipality, "onbekend", 1);
        check_count(*r, "leerlingen_bao", 2023, municipality, "GM01", 1);
        // 2022 bao: a, b, e.
        check_count(*r, "leerlingen_bao", 2022, 3);
        check_count(*r, "leerlingen_bao", 2022, swv, "PO01", 2);
        // The verwijzing bao->so of a counts for the bao enrolment left (PO01, B1, 01BA00).
        check_count(*r, "verwijzingen_so", 2023, 1);
        check_count(*r, "verwijzingen_so", 2023, swv, "PO01", 1);
        check_count(*r, "verwijzingen_so", 2023, board, "B1", 1);
        check_count(*r, "verwijzingen_so", 2023, school, "01BA00", 1);
        check_count(*r, "verwijzingen_so", 2023, swv, "PO02", 0);
    }
}

TEST_CASE("review fold: OPPs count for the OPP school's own partnership in both views") {
    for (const auto* r : {&paying(), &schoolgaand()}) {
        // 2023: a at 02SO00 (PO01), b at 03BA00 (no swv), c at 04SO00 (no swv).
        check_count(*r, "opp_aantal", 2023, 3);
        check_count(*r, "opp_aantal", 2023, swv, "PO01", 1);
        check_count(*r, "opp_aantal", 2023, swv, "onbekend", 2);
        check_count(*r, "opp_aantal", 2023, swv, "PO02", 0);
        check_count(*r, "opp_aantal", 2023, board, "B2", 2);
        check_count(*r, "opp_aantal", 2023, board, "B3", 1);
        check_count(*r, "opp_aantal", 2023, school, "02SO00", 1);
        check_count(*r, "opp_aantal", 2023, municipality, "onbekend", 1);
        check_count(*r, "opp_aantal", 2023, municipality, "GM02", 1);
        // 2022: c only (b's OPP starts 2023-01-01, a's 2023-09-01).
        check_count(*r, "opp_aantal", 2022, 1);
        // opp_percentage 2023: regular pupils b and e; b has an OPP.
        check_row(*r, "opp_percentage", 2023, nl, "NL", 1, 2, 50);
        check_row(*r, "opp_percentage", 2023, swv, "PO01", 0, 1, 0);
        check_row(*r, "opp_percentage", 2023, swv, "onbekend", 1, 1, 100);
    }
}

TEST_CASE("review fold: TLVs count for the deciding partnership only; the median nationally") {
    const auto& r = paying();
    check_count(r, "tlv_toegekend", 2022, 1);
    check_count(r, "tlv_toegekend", 2022, swv, "PO02", 1);
    check_count(r, "tlv_toegekend", 2022, municipality, "GM01", 1);
    CHECK_FALSE(has_row(r, "tlv_toegekend", 2022, swv, "onbekend"));
    check_row(r, "tlv_doorlooptijd_mediaan", 2022, nl, "NL", absent, 1, 31);
    check_row(r, "tlv_doorlooptijd_mediaan", 2022, swv, "PO02", absent, 1, 31);
}

TEST_CASE("review fold: a board's own assessment counts for the board and the nation only") {
    const auto& r = paying();
    // Items: B2 1, 0.5; 01BA00 0.5.
    check_row(r, "ankerpunt1_score", 2023, nl, "NL", 2.0, 3, 2.0 / 3);
    check_row(r, "ankerpunt1_score", 2023, board, "B2", 1.5, 2, 0.75);
    check_row(r, "ankerpunt1_score", 2023, board, "B1", 0.5, 1, 0.5);
    check_row(r, "ankerpunt1_score", 2023, swv, "PO01", 0.5, 1, 0.5);
    CHECK_FALSE(has_row(r, "ankerpunt1_score", 2023, swv, "onbekend"));
    CHECK_FALSE(has_row(r, "ankerpunt1_score", 2023, school, "onbekend"));
    // Units: B2 (met) and 01BA00 (not met).
    check_row(r, "ankerpunt1_norm", 2023, nl, "NL", 1, 2, 50);
    check_row(r, "ankerpunt1_norm", 2023, board, "B2", 1, 1, 100);
    check_row(r, "ankerpunt1_norm", 2023, swv, "PO01", 0, 1, 0);
    // Money: an allocation without a school still counts for its board and the nation.
    check_count(r, "middelen_besteed", 2023, 150);
    check_count(r, "middelen_besteed", 2023, board, "B1", 100);
    check_count(r, "middelen_ontvangen", 2023, 300);
    check_count(r, "middelen_ontvangen", 2023, swv, "PO01", 300);
    check_row(r, "middelen_saldo", 2023, nl, "NL", 300, 150, 150);
    check_row(r, "middelen_saldo", 2023, board, "B3", 0, 50, -50);
}

TEST_CASE("review fold: two threads give the rows of one; explain names the pupils counted") {
    for (const auto view : {attribution_view::paying, attribution_view::schoolgaand}) {
        const auto one = run(view, 1), two = run(view, 2), five = run(view, 5);
        for (const auto* other : {&two, &five}) {
            REQUIRE(one.rows.size() == other->rows.size());
            for (std::size_t i = 0; i < one.rows.size(); ++i) {
                const auto &x = one.rows[i], &y = other->rows[i];
                INFO(x.kpi, " ", x.year.start_year(), " ", to_string(x.level), " ", x.unit);
                CHECK(x.unit == y.unit);
                CHECK(x.numerator == y.numerator);
                CHECK(x.denominator == y.denominator);
                CHECK(x.value == y.value);
            }
        }
    }
    const auto& cat = catalog::builtin();
    const school_year y{2023};
    CHECK(sorted(explain(data(), cat, "leerlingen_so", y, swv, "PO02")) ==
          std::vector<std::string>{"a", "c"});
    CHECK(explain(data(), cat, "leerlingen_so", y, swv, "onbekend", kpi_part::numerator,
                  attribution_view::schoolgaand) == std::vector<std::string>{"c"});
    CHECK(sorted(explain(data(), cat, "opp_aantal", y, swv, "onbekend")) ==
          std::vector<std::string>{"b", "c"});
    CHECK(explain(data(), cat, "opp_percentage", y, municipality, "onbekend") ==
          std::vector<std::string>{"b"});
}
