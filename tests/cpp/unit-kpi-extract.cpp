// SPDX-License-Identifier: EUPL-1.2
// The extract date in the KPI evaluator: no year after it, the partial year flagged and its
// period counts compared with the same period a year earlier. Every figure below is counted by
// hand from the records written out here.
#include "kpi_harness.hpp"

#include "passend/demo.hpp"
#include "passend/kpi/catalog.hpp"

#include <algorithm>
#include <cmath>

using namespace kpi_test;

namespace {

/// One PO partnership, a bao and an sbo school. Exported on 15 March 2025 (extract.csv), unless
/// `as_of` says otherwise.
///
/// verwijzingen bao -> sbo:  a 2023-12-01, b 2024-05-01 | c 2025-02-01, d 2024-10-16
/// zonder diploma:           f 2023-09-15, g 2024-06-15 | e 2025-06-30 (a planned end)
/// relatief verzuim:         a 2024-02-20..2024-04-30 (71 days; on 2024-03-15: 25 days)
///                           c 2025-02-01..2025-06-30 planned (on 2025-03-15: 43 days)
/// TLVs granted (decided):   t1 2023-09-10, t2 2024-06-10 | t3 2024-11-05, t4 2024-10-10
/// arrangements:             ar1 2023-09-01..10-31, ar2 2024-05-01..06-30 |
///                           ar3 2024-09-01..2025-06-30, ar4 from 2025-04-01 (a planned start)
dataset_ptr region(std::optional<day> as_of = std::nullopt) {
    load_options o;
    o.as_of = as_of;
    dataset_builder b(o);
    b.add(extract_row{d("2025-03-15"), "ParnasSys"});
    b.add(school_row{"01BA00", "Bao", "B1", "PO01", setting::bao});
    b.add(school_row{"02SB00", "Sbo", "B1", "PO01", setting::sbo});
    for (const char* p : {"a", "b", "c", "d", "e", "f", "g"}) b.add(pupil_row{p, d("2015-01-01")});
    const auto referred = [&](const char* p, const char* last_bao) {
        const day end = d(last_bao);
        b.add(enrolment_row{p, "01BA00", d("2019-08-01"), end});
        b.add(enrolment_row{p, "02SB00", end + date::days{1}});
    };
    referred("a", "2023-11-30");
    referred("b", "2024-04-30");
    referred("c", "2025-01-31");
    referred("d", "2024-10-15");
    for (const auto& [p, end] :
         {std::pair{"e", "2025-06-30"}, {"f", "2023-09-15"}, {"g", "2024-06-15"}})
        b.add(enrolment_row{p, "01BA00", d("2019-08-01"), d(end), 0, exit_reason::zonder_diploma});
    b.add(absence_row{"a", absence_kind::relatief, d("2024-02-20"), d("2024-04-30")});
    b.add(absence_row{"c", absence_kind::relatief, d("2025-02-01"), d("2025-06-30")});
    const auto tlv = [&](const char* id, const char* p, const char* request, const char* decision,
                         const char* valid_from) {
        b.add(tlv_row{id, p, "PO01", setting::sbo, funding_category::none, d(request), d(decision),
                      tlv_outcome::toegekend, d(valid_from), d("2027-07-31")});
    };
    tlv("t1", "a", "2023-08-20", "2023-09-10", "2023-12-01"); // 21 days
    tlv("t2", "b", "2024-05-20", "2024-06-10", "2024-05-01"); // 21 days
    tlv("t3", "c", "2024-10-20", "2024-11-05", "2025-02-01"); // 16 days
    tlv("t4", "d", "2024-09-30", "2024-10-10", "2024-10-16"); // 10 days
    const auto arrangement = [&](const char* id, const char* p, const char* from, day to) {
        b.add(arrangement_row{id, p, "02SB00", 3, arrangement_kind::individueel, d(from), to});
    };
    arrangement("ar1", "a", "2023-09-01", d("2023-10-31"));
    arrangement("ar2", "b", "2024-05-01", d("2024-06-30"));
    arrangement("ar3", "c", "2024-09-01", d("2025-06-30"));
    arrangement("ar4", "d", "2025-04-01", d("2025-06-30"));
    return b.finish().value();
}

const kpi_row& row(const kpi_results& r, std::string_view kpi, int year) {
    const auto* found = find_row(r, kpi, year, national, "NL");
    REQUIRE(found != nullptr);
    return *found;
}

bool has_year(const kpi_results& r, int year) {
    return std::any_of(r.rows.begin(), r.rows.end(),
                       [&](const kpi_row& x) { return x.year == school_year{year}; });
}

} // namespace

TEST_CASE("extract date mid-year: the year after is absent, the partial year is flagged") {
    const auto ds = region();
    CHECK(ds->extract_date() == d("2025-03-15"));
    CHECK(ds->extract_date_origin() == extract_origin::file);
    const auto r = evaluate(*ds, catalog::builtin());
    REQUIRE(r.extract_date);
    CHECK(*r.extract_date == d("2025-03-15"));
    CHECK(has_year(r, 2024));
    CHECK_FALSE(has_year(r, 2025)); // teldatum 2025-10-01 is after the extract date
    for (const auto& x : r.rows) CHECK(x.partial == (x.year == school_year{2024}));
    // A year asked for after the extract date gets no rows either.
    evaluate_options later;
    later.years = {school_year{2025}};
    CHECK(evaluate(*ds, catalog::builtin(), later).rows.empty());
}

TEST_CASE("extract date mid-year: period counts run to it and compare with the same period") {
    const auto r = evaluate(*region(), catalog::builtin());
    // Verwijzingen: 2024-2025 through 15 March: c and d; 2023-2024 through 15 March 2024: a.
    CHECK(row(r, "verwijzingen_sbo", 2024).value == 2);
    CHECK(row(r, "verwijzingen_sbo", 2023).value == 2);
    CHECK(row(r, "verwijzingen_sbo", 2024).change == 1); // 2 - 1, not 2 - 2
    // e's exit on 30 June 2025 is a plan; f left by 15 March 2024, g after.
    CHECK(row(r, "schoolverlaters_zonder_diploma", 2024).value == 0);
    CHECK(row(r, "schoolverlaters_zonder_diploma", 2023).value == 2);
    CHECK(row(r, "schoolverlaters_zonder_diploma", 2024).change == -1);
    // c's absence is open on the extract date: 43 days; a's had lasted 25 days on 15 March 2024
    // (71 in the whole year).
    CHECK(row(r, "langdurig_relatief_verzuim", 2024).value == 1);
    CHECK(row(r, "langdurig_relatief_verzuim", 2023).value == 1);
    CHECK(row(r, "langdurig_relatief_verzuim", 2024).change == 1);
    CHECK(row(r, "thuiszitters", 2024).change == 1);
    // Granted TLVs: t3 and t4; the same period a year earlier: t1.
    CHECK(row(r, "tlv_toegekend", 2024).value == 2);
    CHECK(row(r, "tlv_toegekend", 2024).change == 1);
    // Arrangements overlapping 1 August - 15 March: ar3 (ar4 starts on a planned day after it);
    // a year earlier ar1 (ar2 came later in the year).
    CHECK(row(r, "arrangementen", 2024).value == 1);
    CHECK(row(r, "arrangementen", 2023).value == 2);
    CHECK(row(r, "arrangementen", 2024).change == 0);
    // A ratio: the partial count over the stock at teldatum, not annualised (2 / 3 bao pupils:
    // c, d, e on 1 October 2024), and its change against the whole previous year (2 / 6).
    CHECK(row(r, "verwijzingspercentage_sbo", 2024).value == doctest::Approx(200.0 / 3));
    CHECK(*row(r, "verwijzingspercentage_sbo", 2024).change ==
          doctest::Approx(200.0 / 3 - 100.0 / 3));
    // A quantile keeps its plain change: median of 16 and 10 days against 21 and 21.
    CHECK(row(r, "tlv_doorlooptijd_mediaan", 2024).value == 13);
    CHECK(row(r, "tlv_doorlooptijd_mediaan", 2024).change == -8);
    // Stocks too: 5 pupils on 1 October 2024 (a, b in sbo; c, d, e in bao), 6 a year earlier.
    CHECK(row(r, "leerlingen_totaal", 2024).value == 5);
    CHECK(row(r, "leerlingen_totaal", 2024).change == -1);
    // 1 February 2025 is before the extract date: groei_sbo has its value, sbo at peildatum
    // (a, b, c, d) minus sbo at teldatum (a, b).
    CHECK(row(r, "groei_sbo", 2024).value == 2);
    // The partnership's rows say the same.
    const auto* swv_row = find_row(r, "verwijzingen_sbo", 2024, swv, "PO01");
    REQUIRE(swv_row);
    CHECK(swv_row->value == 2);
    CHECK(swv_row->change == 1);
    CHECK(swv_row->partial);
}

TEST_CASE("extract date: the option wins; on 31 July the year is whole") {
    const auto ds = region(d("2025-07-31"));
    CHECK(ds->extract_date_origin() == extract_origin::option);
    const auto r = evaluate(*ds, catalog::builtin());
    CHECK_FALSE(has_year(r, 2025));
    for (const auto& x : r.rows) CHECK_FALSE(x.partial);
    // Whole years, compared whole: e's exit and ar4 now count.
    CHECK(row(r, "verwijzingen_sbo", 2024).change == 0);
    CHECK(row(r, "schoolverlaters_zonder_diploma", 2024).value == 1);
    CHECK(row(r, "schoolverlaters_zonder_diploma", 2024).change == -1);
    CHECK(row(r, "arrangementen", 2024).value == 2);
    // c's absence ran to its end, 30 June: 150 days, past three months.
    CHECK(row(r, "thuiszitters_langer_dan_3_maanden", 2024).value == 1);
}

TEST_CASE("extract date: a peildatum after it has no value; before 1 October no year") {
    const auto small = [](day as_of) {
        load_options o;
        o.as_of = as_of;
        dataset_builder b(o);
        b.add(school_row{"01BA00", "Bao", "B1", "PO01", setting::bao});
        b.add(school_row{"02SB00", "Sbo", "B1", "PO01", setting::sbo});
        b.add(pupil_row{"x", d("2015-01-01")});
        b.add(pupil_row{"y", d("2015-01-01")});
        b.add(enrolment_row{"x", "01BA00", d("2019-08-01")});
        b.add(enrolment_row{"y", "02SB00", d("2019-08-01")});
        return b.finish().value();
    };
    const auto january = evaluate(*small(d("2025-01-20")), catalog::builtin());
    const auto& groei = row(january, "groei_sbo", 2024);
    CHECK_FALSE(groei.numerator); // 1 February 2025 lies after the extract date: no value,
    CHECK_FALSE(groei.value);     // not 0 and not a projection of the open enrolments
    CHECK_FALSE(groei.change);
    CHECK(row(january, "groei_sbo", 2023).value == 0);
    CHECK(row(january, "leerlingen_sbo", 2024).value == 1);
    CHECK(row(january, "deelname_sbo", 2024).value == 50);
    CHECK(row(january, "leerlingen_sbo", 2024).partial);

    // Exported on 20 September 2024: 2024-2025 has no teldatum yet; 2023-2024 is whole.
    const auto september = small(d("2024-09-20"));
    CHECK(september->school_years().back() == school_year{2023});
    const auto r = evaluate(*september, catalog::builtin());
    CHECK_FALSE(has_year(r, 2024));
    CHECK(row(r, "leerlingen_totaal", 2023).value == 2);
    CHECK_FALSE(row(r, "leerlingen_totaal", 2023).partial);
}

TEST_CASE("extract date on 29 February: the same period last year ends on 28 February") {
    load_options o;
    o.as_of = d("2024-02-29");
    dataset_builder b(o);
    b.add(school_row{"01BA00", "Bao", "B1", "PO01", setting::bao});
    b.add(school_row{"02SB00", "Sbo", "B1", "PO01", setting::sbo});
    // Referred on 28 February 2023 (within the same period), 1 March 2023 (after it) and on
    // 29 February 2024, the extract date itself.
    for (const auto& [p, first_sbo] :
         {std::pair{"p", "2023-02-28"}, {"q", "2023-03-01"}, {"r", "2024-02-29"}}) {
        b.add(pupil_row{p, d("2015-01-01")});
        const day from = d(first_sbo);
        b.add(enrolment_row{p, "01BA00", d("2019-08-01"), from - date::days{1}});
        b.add(enrolment_row{p, "02SB00", from});
    }
    const auto r = evaluate(*b.finish().value(), catalog::builtin());
    CHECK(row(r, "verwijzingen_sbo", 2022).value == 2);
    CHECK(row(r, "verwijzingen_sbo", 2023).value == 1);
    CHECK(row(r, "verwijzingen_sbo", 2023).partial);
    CHECK(row(r, "verwijzingen_sbo", 2023).change == 0); // 1 - 1 (p), not 1 - 2
}

TEST_CASE("explain counts the partial year's period as evaluate does") {
    const auto ds = region();
    CHECK(explain(*ds, catalog::builtin(), "verwijzingen_sbo", school_year{2024}, national, "NL") ==
          std::vector<std::string>{"c", "d"});
    CHECK(explain(*ds, catalog::builtin(), "schoolverlaters_zonder_diploma", school_year{2024},
                  national, "NL")
              .empty());
}

TEST_CASE("same period last year: the count of the data as they stood a year before") {
    // The demo exported on 15 March 2025, and the same demo exported on 15 March 2024 (the
    // generator leaves out what was not known then). The first's comparison for 2024-2025 is
    // the second's 2023-2024 count: value minus change, per period count, nationally.
    demo_options now;
    now.pupils = 3'000;
    demo_options year_before = now;
    year_before.extract_date = d("2024-03-15");
    const auto a = evaluate(*make_demo(now), catalog::builtin());
    const auto b = evaluate(*make_demo(year_before), catalog::builtin());
    int compared = 0;
    for (const char* kpi :
         {"verwijzingen_sbo", "verwijzingen_so", "verwijzingen_vso", "terugplaatsingen",
          "doorstroom_vo_vso", "tlv_toegekend", "tlv_toegekend_so",
          "schoolverlaters_zonder_diploma", "langdurig_relatief_verzuim", "absoluut_verzuim",
          "thuiszitters", "thuiszitters_langer_dan_3_maanden", "vrijstellingen", "arrangementen",
          "arrangementen_kosten"}) {
        INFO(kpi);
        const auto& partial = row(a, kpi, 2024);
        const auto& then = row(b, kpi, 2023);
        REQUIRE(partial.partial);
        REQUIRE(then.partial);
        REQUIRE(partial.value);
        REQUIRE(partial.change);
        CHECK(*partial.value - *partial.change == doctest::Approx(*then.value));
        ++compared;
    }
    CHECK(compared == 15);
}
