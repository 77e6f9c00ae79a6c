// SPDX-License-Identifier: EUPL-1.2
// Hand-computed thuiszitter KPIs and vrijstellingen: 28 and 29 days, open absences, three
// months, once a year per pupil for the unit of the earliest qualifying absence.
#include "kpi_harness.hpp"

using namespace kpi_test;

namespace {

dataset_ptr absence_region() {
    dataset_builder b;
    b.add(swv_row{"PO01", "Een", sector::po});
    b.add(swv_row{"PO02", "Twee", sector::po});
    b.add(swv_row{"VO01", "VO Een", sector::vo});
    b.add(swv_row{"VO02", "VO Twee", sector::vo});
    b.add(school_row{"01BA00", "bao", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"05VO00", "vo", "B4", "VO01", setting::vo, "GM01"});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM01", "VO01"});
    b.add(region_row{"GM02", "PO02"});
    b.add(region_row{"GM02", "VO02"});
    const day po = d("2015-01-01"), vo = d("2010-01-01");
    for (const char* p : {"t1", "t2", "t5", "t10"}) b.add(pupil_row{p, po, "GM01"});
    for (const char* p : {"t3", "t6"}) b.add(pupil_row{p, vo, "GM01"});
    b.add(pupil_row{"t4", vo, "GM02"}); // 13 on the absence's start: VO region
    b.add(pupil_row{"t7", vo});         // no municipality, never enrolled: onbekend
    b.add(pupil_row{"t8", po, "GM01"}); // 8: PO region
    b.add(pupil_row{"t9", d("2011-06-01"), "GM01"});
    for (const char* p : {"t1", "t2", "t5", "t10"})
        b.add(enrolment_row{p, "01BA00", d("2021-08-01")});
    for (const char* p : {"t3", "t6"}) b.add(enrolment_row{p, "05VO00", d("2021-08-01")});
    b.add(enrolment_row{"t9", "01BA00", d("2021-08-01"), d("2023-12-31")});
    b.add(enrolment_row{"t9", "05VO00", d("2024-01-05")});
    using enum absence_kind;
    b.add(absence_row{"t1", relatief, d("2023-10-02"), d("2023-10-29")}); // 28 days: no
    b.add(absence_row{"t2", relatief, d("2023-10-02"), d("2023-10-30")}); // 29 days: yes
    b.add(absence_row{"t3", relatief, d("2024-06-01")});                  // open: 61 days
    b.add(absence_row{"t4", absoluut, d("2023-09-01"), d("2024-01-15")}); // > 3 months
    b.add(absence_row{"t5", relatief, d("2023-11-01"), d("2024-02-01")}); // exactly 3 months
    b.add(absence_row{"t6", relatief, d("2023-11-30"), d("2024-03-01")}); // past 2024-02-29
    b.add(absence_row{"t7", absoluut, d("2023-10-01"), d("2023-10-05")});
    b.add(absence_row{"t8", vrijstelling, d("2022-08-01"), open_end, "5a"});
    b.add(absence_row{"t9", relatief, d("2023-09-01"), d("2023-10-31")});  // at 01BA00
    b.add(absence_row{"t9", relatief, d("2024-02-01"), d("2024-03-31")});  // at 05VO00
    b.add(absence_row{"t10", relatief, d("2023-06-01"), d("2023-08-15")}); // spans two years
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    return b.finish().value();
}

const kpi_results& absence_results() {
    static const auto ds = absence_region();
    static const auto r = evaluate(*ds, catalog::builtin());
    return r;
}

} // namespace

TEST_CASE("kpi langdurig_relatief_verzuim: more than 28 days; open ones to the year's end") {
    const auto& r = absence_results();
    CHECK(val(r, "langdurig_relatief_verzuim", 2023) == 6); // t2 t3 t5 t6 t9 t10, not t1
    CHECK(val(r, "langdurig_relatief_verzuim", 2023, swv, "PO01") == 4);
    CHECK(val(r, "langdurig_relatief_verzuim", 2023, swv, "VO01") == 2);
    CHECK(val(r, "langdurig_relatief_verzuim", 2023, school, "01BA00") == 4);
    CHECK(val(r, "langdurig_relatief_verzuim", 2022) == 1); // t10
    const auto ds = absence_region();
    const auto ids = explain(*ds, catalog::builtin(), "langdurig_relatief_verzuim",
                             school_year{2023}, swv, "PO01");
    CHECK(ids == std::vector<std::string>{"t10", "t2", "t5", "t9"});
}

TEST_CASE("kpi absoluut_verzuim: region by age, onbekend without municipality") {
    const auto& r = absence_results();
    CHECK(val(r, "absoluut_verzuim", 2023) == 2);
    CHECK(val(r, "absoluut_verzuim", 2023, swv, "VO02") == 1);
    CHECK(val(r, "absoluut_verzuim", 2023, swv, "onbekend") == 1);
    CHECK(val(r, "absoluut_verzuim", 2023, school, "onbekend") == 2);
    CHECK(val(r, "absoluut_verzuim", 2023, municipality, "GM02") == 1);
    CHECK(val(r, "absoluut_verzuim", 2023, municipality, "onbekend") == 1);
}

TEST_CASE("kpi thuiszitters: once per pupil, for the earliest qualifying absence") {
    const auto& r = absence_results();
    CHECK(val(r, "thuiszitters", 2023) == 8);
    CHECK(val(r, "thuiszitters", 2023, swv, "PO01") == 4); // t2 t5 t9 (first absence) t10
    CHECK(val(r, "thuiszitters", 2023, swv, "VO01") == 2); // t3 t6
    CHECK(val(r, "thuiszitters", 2023, swv, "VO02") == 1);
    CHECK(val(r, "thuiszitters", 2023, swv, "onbekend") == 1);
    CHECK(val(r, "thuiszitters", 2023, school, "05VO00") == 2);
    CHECK(val(r, "thuiszitters", 2023, board, "B1") == 4);
    CHECK(val(r, "thuiszitters", 2023, municipality, "GM01") == 6);
}

TEST_CASE("kpi thuiszitters_langer_dan_3_maanden: last day after start + 3 months") {
    const auto& r = absence_results();
    CHECK(val(r, "thuiszitters_langer_dan_3_maanden", 2023) == 2); // t4, t6; t5 is exactly 3
    CHECK(val(r, "thuiszitters_langer_dan_3_maanden", 2023, swv, "VO01") == 1);
    CHECK(val(r, "thuiszitters_langer_dan_3_maanden", 2023, swv, "VO02") == 1);
    // The built-in norm (Thuiszitterspact): none at all.
    CHECK(find_row(r, "thuiszitters_langer_dan_3_maanden", 2023, swv, "VO01")->status ==
          kpi_status::niet_op_koers);
    CHECK(find_row(r, "thuiszitters_langer_dan_3_maanden", 2023, swv, "PO01")->status ==
          kpi_status::op_koers);
}

TEST_CASE("kpi vrijstellingen: counted apart, every year they overlap") {
    const auto& r = absence_results();
    CHECK(val(r, "vrijstellingen", 2023) == 1);
    CHECK(val(r, "vrijstellingen", 2023, swv, "PO01") == 1); // region of GM01, under 12
    CHECK(val(r, "vrijstellingen", 2022) == 1);
}

TEST_CASE("thuiszitter KPIs have no value without an absences table") {
    dataset_builder b;
    b.add(school_row{"01BA00", "bao", "B1", "PO01", setting::bao});
    b.add(pupil_row{"x", d("2015-01-01")});
    b.add(enrolment_row{"x", "01BA00", d("2023-08-01"), d("2024-07-31")});
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    const auto ds = b.finish().value();
    const auto r = evaluate(*ds, catalog::builtin());
    const auto* row = find_row(r, "thuiszitters", 2023, national, "NL");
    REQUIRE(row);
    CHECK_FALSE(row->numerator.has_value());
    CHECK_FALSE(row->value.has_value());
    CHECK(val(r, "leerlingen_bao", 2023) == 1);
}
