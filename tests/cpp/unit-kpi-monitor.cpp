// SPDX-License-Identifier: EUPL-1.2
// The partnership's monitor (contract v1.1): any day, thuiszitters on the day and their
// durations, TLV requests, open requests, quartiles and the term, the prognosis, and cross-border
// pupils. Every figure below is counted by hand from the records written out here.
#include "kpi_harness.hpp"

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/publish.hpp"

#include <algorithm>
#include <cmath>

using namespace kpi_test;

namespace {

/// PO01 (bao 01BA00, sbo 03SB00), PO02 (so 02SO00), VO01 (vso 04VS00), VO02 (no schools: it
/// decides a TLV). Exported on 15 March 2025.
///
/// Cross-border (on every day from 1 August 2023 or 2024):
///   p1 so at PO02's school, TLV t1 by PO01 (hoog)    -> out PO01, in PO02 (from 2023-08-01)
///   p2 so at PO02's school, TLV t2 by PO02 (laag)    -> no crossing
///   p3 sbo at PO01's school, TLV t3 by PO02          -> out PO02, in PO01 (from 2023-08-01)
///   p4 vso at VO01's school, TLV t4 by VO02 (midden) -> out VO02, in VO01 (from 2024-08-01)
/// Absences (bao pupils of 01BA00):
///   p5 relatief 2024-09-03..open       on 2024-10-01: 28 days after its start -> counts
///   p6 relatief 2024-09-04..2024-11-30 on 2024-10-01: 27 days -> not yet; 88 days long
///   p7 absoluut 2024-09-30..2024-10-01 (left 01BA00 2024-06-30)              2 days long
///   p8 relatief 2024-12-01..2025-01-09                                     40 days long
///   p9 relatief 2025-01-01..2025-01-20: 20 days, no thuiszitter
///   p10 absoluut 2024-07-20..2024-08-10 (left 01BA00 2024-07-19): ended in 2024-2025, 22 days
///   p11 relatief 2025-02-01..2025-04-30 (a planned end: open on the extract date)
/// TLVs of 2024-2025 (PO01, sbo unless said), request -> decision:
///   t5 p9 2024-09-02 -> 2024-10-14 toegekend (42 days: within the term)
///   t6 p8 2024-09-02 -> 2024-10-15 afgewezen (43 days: beyond it)
///   t7 p6 2024-11-01 -> 2024-11-21 toegekend, so laag (20 days)
///   t9 p11 2024-09-20 -> 2024-10-01 toegekend (11 days)
///   t10 p9 2024-10-01 -> 2024-10-05 ingetrokken (no decision for the term or the quartiles)
///   t13 p5 2025-03-01 -> open on the extract date (so)
///   t14 p8 2024-11-01, complete 2024-11-15 -> 2024-12-27 toegekend (56 days; 42 from complete)
/// Rates: 2024-2025 so hoog 30,000, so laag 10,000, vso midden 20,000; 2023-2024 so laag only.
/// Of 2022-2023: t11 p12 request 2023-02-28, t12 p12 request 2023-03-01 (both refused 03-10).
dataset_ptr region() {
    dataset_builder b;
    b.add(extract_row{d("2025-03-15")});
    b.add(swv_row{"PO01", "Po een", sector::po});
    b.add(swv_row{"PO02", "Po twee", sector::po});
    b.add(swv_row{"VO01", "Vo een", sector::vo});
    b.add(swv_row{"VO02", "Vo twee", sector::vo});
    b.add(school_row{"01BA00", "Bao", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02SO00", "So", "B2", "PO02", setting::so, "GM02"});
    b.add(school_row{"03SB00", "Sbo", "B1", "PO01", setting::sbo, "GM01"});
    b.add(school_row{"04VS00", "Vso", "B3", "VO01", setting::vso, "GM01"});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM01", "VO01"});
    for (const char* p : {"p1", "p2", "p3", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12"})
        b.add(pupil_row{p, d("2015-01-01"), "GM01"});
    b.add(pupil_row{"p4", d("2012-01-01"), "GM01"});
    const auto enrol = [&](const char* p, const char* school, const char* from, day to = open_end) {
        b.add(enrolment_row{p, school, d(from), to});
    };
    enrol("p1", "01BA00", "2019-08-01", d("2023-07-31"));
    enrol("p1", "02SO00", "2023-08-01");
    enrol("p2", "02SO00", "2023-08-01");
    enrol("p3", "01BA00", "2019-08-01", d("2023-07-31"));
    enrol("p3", "03SB00", "2023-08-01");
    enrol("p4", "01BA00", "2016-08-01", d("2024-07-31"));
    enrol("p4", "04VS00", "2024-08-01");
    for (const char* p : {"p5", "p6", "p8", "p9", "p11"}) enrol(p, "01BA00", "2019-08-01");
    enrol("p7", "01BA00", "2019-08-01", d("2024-06-30"));
    enrol("p10", "01BA00", "2019-08-01", d("2024-07-19"));
    enrol("p12", "01BA00", "2023-02-28", d("2023-02-28"));

    const auto absence = [&](const char* p, absence_kind k, const char* from, day to = open_end) {
        b.add(absence_row{p, k, d(from), to});
    };
    absence("p5", absence_kind::relatief, "2024-09-03");
    absence("p6", absence_kind::relatief, "2024-09-04", d("2024-11-30"));
    absence("p7", absence_kind::absoluut, "2024-09-30", d("2024-10-01"));
    absence("p8", absence_kind::relatief, "2024-12-01", d("2025-01-09"));
    absence("p9", absence_kind::relatief, "2025-01-01", d("2025-01-20"));
    absence("p10", absence_kind::absoluut, "2024-07-20", d("2024-08-10"));
    absence("p11", absence_kind::relatief, "2025-02-01", d("2025-04-30"));

    const auto tlv = [&](const char* id, const char* p, const char* swv, setting s,
                         funding_category c, const char* request, const char* decision,
                         tlv_outcome o, const char* from = nullptr) {
        b.add(tlv_row{id, p, swv, s, c, d(request), d(decision), o, from ? d(from) : no_day,
                      open_end});
    };
    using enum funding_category;
    using enum tlv_outcome;
    tlv("t1", "p1", "PO01", setting::so, hoog, "2023-06-01", "2023-07-01", toegekend, "2023-08-01");
    tlv("t2", "p2", "PO02", setting::so, laag, "2023-06-01", "2023-06-20", toegekend, "2023-08-01");
    tlv("t3", "p3", "PO02", setting::sbo, none, "2023-05-01", "2023-06-01", toegekend,
        "2023-08-01");
    tlv("t4", "p4", "VO02", setting::vso, midden, "2024-05-01", "2024-06-11", toegekend,
        "2024-08-01");
    tlv("t5", "p9", "PO01", setting::sbo, none, "2024-09-02", "2024-10-14", toegekend,
        "2025-08-01");
    tlv("t6", "p8", "PO01", setting::sbo, none, "2024-09-02", "2024-10-15", afgewezen);
    tlv("t7", "p6", "PO01", setting::so, laag, "2024-11-01", "2024-11-21", toegekend, "2025-08-01");
    tlv("t9", "p11", "PO01", setting::sbo, none, "2024-09-20", "2024-10-01", toegekend,
        "2025-08-01");
    tlv("t10", "p9", "PO01", setting::sbo, none, "2024-10-01", "2024-10-05", ingetrokken);
    tlv("t11", "p12", "PO01", setting::sbo, none, "2023-02-28", "2023-03-10", afgewezen);
    tlv("t12", "p12", "PO01", setting::sbo, none, "2023-03-01", "2023-03-10", afgewezen);
    b.add(tlv_row{"t13", "p5", "PO01", setting::so, none, d("2025-03-01"), no_day, open});
    tlv_row late{"t14",           "p8",      "PO01",         setting::sbo, none, d("2024-11-01"),
                 d("2024-12-27"), toegekend, d("2025-08-01")};
    late.complete_date = d("2024-11-15");
    b.add(late);
    b.add(rate_row{school_year{2024}, setting::so, hoog, 3'000'000});
    b.add(rate_row{school_year{2024}, setting::so, laag, 1'000'000});
    b.add(rate_row{school_year{2024}, setting::vso, midden, 2'000'000});
    b.add(rate_row{school_year{2023}, setting::so, laag, 950'000});
    return b.finish().value();
}

kpi_results evaluated(const dataset& ds, std::optional<day> on = std::nullopt, int term = 42) {
    evaluate_options o;
    o.reference_day = on;
    o.tlv_term_days = term;
    return evaluate(ds, catalog::builtin(), o);
}

} // namespace

TEST_CASE("monitor: thuiszitters on the day, per 1000 pupils, and how long they lasted") {
    const auto ds = region();
    const auto r = evaluated(*ds);
    // On teldatum 2024-10-01: p5 (28 days after its start) and p7 (absoluut covering it); p6 is
    // one day short. p7 left 01BA00 before: it counts for its last school.
    CHECK(val(r, "thuiszitters_op_dag", 2024) == 2);
    CHECK(val(r, "thuiszitters_op_dag", 2024, swv, "PO01") == 2);
    CHECK(val(r, "thuiszitters_op_dag", 2024, school, "01BA00") == 2);
    // A day later p6 has lasted 28 days too; p7's absence has ended.
    const auto next = evaluated(*ds, d("2024-10-02"));
    CHECK(val(next, "thuiszitters_op_dag", 2024) == 2);
    CHECK(explain(*ds, catalog::builtin(), "thuiszitters_op_dag", school_year{2024},
                  kpi_level::national, "NL") == std::vector<std::string>{"p5", "p7"});
    // thuiszitters 2024-2025 through 15 March: p5, p6, p7, p8, p10, p11 (not p9, 20 days).
    // Pupils at teldatum: p1-p4 and the bao pupils p5, p6, p8, p9, p11 (p7, p10 had left): 9;
    // for PO01 p1 (so, paid by PO01), p3 (sbo) and the five bao pupils: 7.
    CHECK(val(r, "thuiszitters", 2024) == 6);
    CHECK(val(r, "thuiszitters_per_1000", 2024) == doctest::Approx(1000.0 * 6 / 9));
    CHECK(val(r, "thuiszitters_per_1000", 2024, swv, "PO01") == doctest::Approx(1000.0 * 6 / 7));
    // Ended in 2024-2025: p7 2, p10 22, p8 40, p6 88 days (p5 and p11 are open). Type 7:
    // p25 at h = 0.75: 2 + 0.75 x 20 = 17; p50 at 1.5: 22 + 0.5 x 18 = 31; p75 at 2.25: 40 +
    // 0.25 x 48 = 52.
    CHECK(val(r, "thuiszitduur_p25", 2024) == 17);
    CHECK(val(r, "thuiszitduur_p50", 2024) == 31);
    CHECK(val(r, "thuiszitduur_p75", 2024) == 52);
    CHECK(den(r, "thuiszitduur_p50", 2024, national, "NL") == 4);
    CHECK(val(r, "thuiszitduur_p75", 2024, swv, "PO01") == 52);
    // 2023-2024: no qualifying absence ended: no value.
    CHECK(std::isnan(val(r, "thuiszitduur_p50", 2023)));
}

TEST_CASE("monitor: TLV requests, decisions within the term, quartiles and the prognosis") {
    const auto ds = region();
    const auto r = evaluated(*ds);
    // Requests 1 August 2024 - 15 March 2025: t5, t6, t7, t9, t10, t13 (open), t14. The same
    // period a year earlier has none.
    CHECK(val(r, "tlv_aanvragen", 2024) == 7);
    CHECK(val(r, "tlv_aanvragen", 2024, swv, "PO01") == 7);
    CHECK(find_row(r, "tlv_aanvragen", 2024, national, "NL")->change == 7);
    // Decided and granted or refused: 11 (t9), 20 (t7), 42 (t5), 43 (t6), 56 (t14) days from
    // the request. Type 7: p25 at h = 1, p75 at h = 3.
    CHECK(val(r, "tlv_doorlooptijd_mediaan", 2024) == 42);
    CHECK(val(r, "tlv_doorlooptijd_p25", 2024) == 20);
    CHECK(val(r, "tlv_doorlooptijd_p75", 2024) == 43);
    // Within 42 days: t9, t7, t5 (day 42) and t14 (42 days after it was complete); t6 on day
    // 43 is late. The withdrawn t10 and the open t13 are no decisions.
    CHECK(num(r, "tlv_binnen_termijn", 2024, national, "NL") == 4);
    CHECK(den(r, "tlv_binnen_termijn", 2024, national, "NL") == 5);
    CHECK(val(r, "tlv_binnen_termijn", 2024) == 80);
    CHECK(val(evaluated(*ds, std::nullopt, 41), "tlv_binnen_termijn", 2024) == 40);
    // On the extract date t13 is open: the prognosis is what was granted (t5, t7, t9, t14)
    // plus it.
    CHECK(val(r, "tlv_open", 2024) == 1);
    CHECK(val(r, "tlv_toegekend", 2024, swv, "PO01") == 4);
    CHECK(val(r, "tlv_prognose", 2024, swv, "PO01") == 5);
    // Open on 31 July 2024, the last day of 2023-2024: nothing.
    CHECK(val(r, "tlv_open", 2023) == 0);
    // On 1 October 2024 t5, t6 and t10 (received that day) are open; t9 was decided that day
    // and is the only one granted by then.
    const auto oct = evaluated(*ds, d("2024-10-01"));
    CHECK(val(oct, "tlv_open", 2024, swv, "PO01") == 3);
    CHECK(val(oct, "tlv_toegekend", 2024, swv, "PO01") == 1);
    CHECK(val(oct, "tlv_prognose", 2024, swv, "PO01") == 4);
    // Its change compares each side its own way: granted through 1 October 2023 (none) plus
    // open on 1 October 2023 (none): 4 - 0.
    CHECK(find_row(oct, "tlv_prognose", 2024, swv, "PO01")->change == 4);
    CHECK(val(oct, "tlv_aanvragen", 2024) == 4); // t5, t6, t9, t10
}

TEST_CASE("monitor: cross-border pupils, each crossing once out and once in") {
    const auto ds = region();
    const auto r = evaluated(*ds);
    CHECK(val(r, "grens_uitgaand_so", 2024, swv, "PO01") == 1);
    CHECK(val(r, "grens_inkomend_so", 2024, swv, "PO02") == 1);
    CHECK(val(r, "grens_uitgaand_so", 2024, swv, "PO02") == 0);
    CHECK(val(r, "grens_inkomend_so", 2024, swv, "PO01") == 0);
    CHECK(val(r, "grens_uitgaand_sbo", 2024, swv, "PO02") == 1);
    CHECK(val(r, "grens_inkomend_sbo", 2024, swv, "PO01") == 1);
    CHECK(val(r, "grens_uitgaand_vso", 2024, swv, "VO02") == 1);
    CHECK(val(r, "grens_inkomend_vso", 2024, swv, "VO01") == 1);
    // PO-only ids have no VO partnership rows and the other way round.
    CHECK(val(r, "grens_uitgaand_so", 2024, swv, "VO02") == no_row);
    CHECK(val(r, "grens_uitgaand_vso", 2024, swv, "PO01") == no_row);
    for (const char* x : {"sbo", "so", "vso"}) {
        const std::string out = std::string("grens_uitgaand_") + x;
        const std::string in = std::string("grens_inkomend_") + x;
        CHECK(val(r, out, 2024) == 1);
        CHECK(val(r, out, 2024) == val(r, in, 2024));
    }
    // The vso crossing starts in 2024-2025.
    CHECK(val(r, "grens_uitgaand_vso", 2023) == 0);
    CHECK(val(r, "grens_uitgaand_so", 2023) == 1);
    // The money of 2024-2025: p1's so hoog (30,000) out of PO01 into PO02, p4's vso midden
    // (20,000) out of VO02 into VO01; p3 in sbo brings none. A partnership without crossings: 0.
    const auto money = [&](const char* dir, int year, kpi_level level, const char* unit) {
        return val(r, std::string("ondersteuningsbekostiging_") + dir, year, level, unit);
    };
    CHECK(money("uitgaand", 2024, swv, "PO01") == 30'000);
    CHECK(money("uitgaand", 2024, swv, "VO02") == 20'000);
    CHECK(money("uitgaand", 2024, swv, "PO02") == 0);
    CHECK(money("inkomend", 2024, swv, "PO02") == 30'000);
    CHECK(money("inkomend", 2024, swv, "VO01") == 20'000);
    CHECK(money("inkomend", 2024, swv, "PO01") == 0);
    CHECK(money("uitgaand", 2024, national, "NL") == 50'000);
    CHECK(money("inkomend", 2024, national, "NL") == 50'000);
    // 2023-2024's rates lack so hoog: p1's amount is missing, so PO01's and the nation's sums
    // have no value; PO02 sends nobody out: 0.
    CHECK(std::isnan(money("uitgaand", 2023, swv, "PO01")));
    CHECK(std::isnan(money("uitgaand", 2023, national, "NL")));
    CHECK(money("uitgaand", 2023, swv, "PO02") == 0);
    // 2022-2023 has no rates at all: no value anywhere.
    CHECK(std::isnan(money("uitgaand", 2022, swv, "PO02")));
}

TEST_CASE("monitor: without rates.csv the money has no value") {
    dataset_builder b;
    b.add(school_row{"01SO00", "So", "B1", "PO01", setting::so});
    b.add(pupil_row{"p", d("2015-01-01")});
    b.add(enrolment_row{"p", "01SO00", d("2023-08-01")});
    b.add(tlv_row{"t", "p", "PO02", setting::so, funding_category::laag, d("2023-06-01"),
                  d("2023-07-01"), tlv_outcome::toegekend, d("2023-08-01")});
    b.add(extract_row{d("2024-07-31")});
    const auto r = evaluated(*b.finish().value());
    CHECK(val(r, "grens_uitgaand_so", 2023, swv, "PO02") == 1);
    CHECK(std::isnan(val(r, "ondersteuningsbekostiging_uitgaand", 2023, swv, "PO02")));
    CHECK(std::isnan(val(r, "ondersteuningsbekostiging_uitgaand", 2023)));
}

TEST_CASE("monitor: any day, the same day a year earlier, and 29 February") {
    const auto ds = region();
    const auto yearly = evaluated(*ds);
    // On teldatum itself, any day gives the yearly table's stocks.
    const auto on_t = evaluated(*ds, d("2024-10-01"));
    for (const char* id : {"leerlingen_bao", "leerlingen_so", "leerlingen_totaal", "deelname_so",
                           "thuiszitters_op_dag", "grens_uitgaand_so"})
        for (const auto* unit : {"NL", "PO01", "PO02"}) {
            const auto level = std::string_view(unit) == "NL" ? national : swv;
            const double a = val(on_t, id, 2024, level, unit);
            const double b = val(yearly, id, 2024, level, unit);
            CHECK((a == b || (std::isnan(a) && std::isnan(b)))); // PO02's deelname_so has none
        }
    // Only the year holding the day is reported, and the year before it.
    CHECK(std::all_of(on_t.rows.begin(), on_t.rows.end(), [](const kpi_row& row) {
        return row.year == school_year{2024} || row.year == school_year{2023};
    }));
    CHECK(on_t.reference_day == d("2024-10-01"));
    // On 29 February 2024 p12 is not enrolled; on 28 February 2023, the same day a year
    // earlier, it was: leerlingen_bao changes by one less than the other pupils' moves.
    const auto leap = evaluated(*ds, d("2024-02-29"));
    const auto& bao = *find_row(leap, "leerlingen_bao", 2023, national, "NL");
    // 2024-02-29: p4-p11 (p7, p10 still there) = 8 bao pupils; p1, p3 have left for so and sbo.
    // 2023-02-28: p1, p3, p4-p11 and p12 = 11.
    CHECK(bao.value == 8);
    CHECK(bao.change == 8 - 11);
    // Requests through 29 February 2024 in 2023-2024: none; the same period a year earlier
    // (1 August 2022 - 28 February 2023) holds t11 but not t12 (1 March).
    const auto& req = *find_row(leap, "tlv_aanvragen", 2023, national, "NL");
    CHECK(req.partial);
    CHECK(req.value == 0);
    CHECK(req.change == -1);
    // A day after the extract date is an error, not an empty table.
    CHECK_THROWS_AS(evaluated(*ds, d("2025-03-16")), invalid_argument);
}

TEST_CASE("monitor: a rolling window of 12 months up to the day") {
    const auto ds = region();
    evaluate_options o;
    o.reference_day = d("2024-10-01");
    o.rolling_window = true;
    const auto r = evaluate(*ds, catalog::builtin(), o);
    CHECK(r.rolling_window);
    // Requests from 2 October 2023 through 1 October 2024: t4, t5, t6, t9, t10. The 12 months
    // before (2 October 2022 - 1 October 2023): t1, t2, t3, t11, t12.
    const auto& req = *find_row(r, "tlv_aanvragen", 2024, national, "NL");
    CHECK(req.value == 5);
    CHECK(req.change == 0);
    CHECK_FALSE(req.partial);
    CHECK(val(r, "tlv_aanvragen", 2023) == 5);
    // Stocks are taken on the day as without the window.
    CHECK(val(r, "thuiszitters_op_dag", 2024) == 2);
    // Without a day the window ends on the extract date (15 March 2025): t4 (1 May 2024), t5-t7,
    // t9, t10, t13 and t14; the 12 months before hold t1-t3.
    evaluate_options last;
    last.rolling_window = true;
    const auto now = evaluate(*ds, catalog::builtin(), last);
    CHECK(now.reference_day == d("2025-03-15"));
    CHECK(val(now, "tlv_aanvragen", 2024) == 8);
    CHECK(val(now, "tlv_aanvragen", 2023) == 3);
}

TEST_CASE("monitor: the catalog format's quantile and sum") {
    const auto cat = catalog::from_json(R"([{"id": "x", "title": {"nl": "x", "en": "x"},
        "source": "test", "unit": "days", "numerator": {"measure": "tlvs",
        "filter": {"outcome": ["toegekend", "afgewezen"], "has_request_date": true},
        "aggregate": "quantile", "field": "days", "quantile": 0.9}}])",
                                        "test");
    const auto ds = region();
    const auto r = evaluate(*ds, cat);
    // 11, 20, 42, 43, 56: h = 4 x 0.9 = 3.6 -> 43 + 0.6 x 13.
    CHECK(val(r, "x", 2024) == doctest::Approx(50.8));
    CHECK_THROWS_WITH_AS(catalog::from_json(R"([{"id": "y", "title": {"nl": "y", "en": "y"},
        "source": "t", "unit": "days", "numerator": {"measure": "tlvs", "aggregate": "quantile",
        "field": "days", "quantile": 1.5}}])",
                                            "test"),
                         doctest::Contains("a quantile is between 0 and 1"), catalog_error);
}
