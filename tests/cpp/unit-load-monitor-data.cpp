// SPDX-License-Identifier: EUPL-1.2
// Contract v1.1's tables for the partnership's monitor: open TLV requests and complete_date,
// rates.csv and reference_values.csv. Every rule with a failing fixture and its exact message,
// through the CSV folder, the JSON document and typed rows; a failing load leaves nothing.
#include "load_support.hpp"
#include "passend/builder.hpp"

#include <doctest/doctest.h>

using namespace passend;
using passend::test::errors;
using passend::test::lines;
using passend::test::messages;
using passend::test::temp_folder;

namespace {
day d(const char* text) {
    return *parse_day(text);
}
constexpr auto after_extract = " is after the extract date 2024-12-20 (in extract.csv line 2); no "
                               "request, decision, or start of an enrolment, absence or OPP may "
                               "lie after the day the data were exported";
} // namespace

TEST_CASE("monitor data: the valid fixture's open request, complete dates, rates, reference "
          "values") {
    const auto r = load_folder(test::data_dir() / "valid_small");
    REQUIRE(messages(r) == std::vector<std::string>{});
    const auto& ds = *r.value();
    const auto& tv = ds.tlvs();
    REQUIRE(tv.size() == 6);
    // p2's TLVs: the open request t6 (no decision: no_day) sorts before the decided t2.
    const auto p2 = *ds.find_pupil("p2");
    const auto first = tv.first[pos(p2)];
    REQUIRE(tv.first[pos(p2) + 1] - first == 2);
    CHECK(tv.id[first] == "t6");
    CHECK(tv.outcome[first] == tlv_outcome::open);
    CHECK(tv.decision_date[first] == no_day);
    CHECK(tv.request_date[first] == d("2024-11-20"));
    CHECK(tv.complete_date[first] == d("2024-12-02"));
    CHECK(tv.start[first] == no_day);
    CHECK(tv.end[first] == open_end);
    CHECK(tv.id[first + 1] == "t2");
    CHECK(tv.complete_date[first + 1] == no_day);
    CHECK(tv.complete_date[tv.first[pos(*ds.find_pupil("p1"))]] == d("2022-05-20"));

    // Rates in key order (year, setting, category), whatever the file's order.
    const auto& rt = ds.rates();
    REQUIRE(rt.size() == 3);
    CHECK(rt.year[0] == school_year{2023});
    CHECK(rt.category[0] == funding_category::laag);
    CHECK(rt.amount[1] == 2000050);
    CHECK(rt.admits[2] == setting::vso);
    CHECK(rt.find(school_year{2024}, setting::vso, funding_category::hoog) == 3000000);
    CHECK(rt.find(school_year{2024}, setting::so, funding_category::hoog) == std::nullopt);
    CHECK(rt.covers(school_year{2023}));
    CHECK_FALSE(rt.covers(school_year{2022}));
    CHECK(ds.rows(table::rates) == 3);

    const auto& rv = ds.reference_values();
    REQUIRE(rv.size() == 2);
    CHECK(rv.kpi == text_column{"deelname_so", "deelname_so"});
    CHECK(rv.year[0] == school_year{2022});
    CHECK(rv.value[0] == 1.7);
    CHECK(rv.value[1] == 1.74);
    CHECK(rv.source[1] == "Test fixture: an illustrative figure, not a published one");
    CHECK(ds.rows(table::reference_values) == 2);
}

TEST_CASE("monitor data: every rule of v1.1's TLV requests, rates and reference values, located") {
    const auto r = load_folder(test::data_dir() / "broken_monitor");
    CHECK(r.data == nullptr); // nothing half-loads
    CHECK(
        errors(r) ==
        lines(
            {"tlvs.csv:8:8: error: outcome is empty; a TLV decided on 2024-02-20 needs its "
             "outcome (toegekend|afgewezen|ingetrokken)",
             "tlvs.csv:9:7: error: decision_date is empty but outcome is afgewezen; a request "
             "without a decision is open and has no outcome",
             "tlvs.csv:10:6: error: request_date is empty; an open request (no decision_date) "
             "needs the day it was received",
             "tlvs.csv:11:12: error: complete_date 2024-05-01 is before request_date "
             "2024-05-10; a request is complete on or after its receipt",
             "tlvs.csv:12:12: error: complete_date 2024-06-15 is after decision_date "
             "2024-06-01; a request is complete on or before its decision",
             (std::string("tlvs.csv:13:6: error: request_date 2024-12-21") + after_extract).c_str(),
             (std::string("tlvs.csv:14:12: error: complete_date 2024-12-22") + after_extract)
                 .c_str(),
             (std::string("tlvs.csv:15:7: error: decision_date 2024-12-23") + after_extract)
                 .c_str(),
             "tlvs.csv:16:9: error: start_date 2025-01-01 is given but decision_date is "
             "empty; an open request has no validity",
             "rates.csv:3:1: error: the rate of 2024-2025 so laag is given twice; the first is "
             "on line 2",
             "rates.csv:4:2: error: setting vo is not one of so|vso; a rate follows an so or "
             "vso TLV",
             "rates.csv:5:3: error: category 'zwaar' is not one of laag|midden|hoog",
             "rates.csv:6:4: error: amount_eur -5.00 is negative",
             "reference_values.csv:3:1: error: the reference value of deelname_so in "
             "2023-2024 is given twice; the first is on line 2",
             "reference_values.csv:4:3: error: value 'abc' is not a number with a dot decimal "
             "(1.87)",
             "reference_values.csv:5:4: error: source is empty; a value is required"}));
}

TEST_CASE("monitor data: an open request's end_date, and a v1 file without complete_date") {
    temp_folder f("valid_small");
    f.append("tlvs.csv", "t7,p1,PO3104,so,laag,2024-10-01,,,,2025-07-31,,\n");
    CHECK(errors(load_folder(f.path())) ==
          lines({"tlvs.csv:8:10: error: end_date 2025-07-31 is given but decision_date is empty; "
                 "an open request has no validity"}));
    // A v1 tlvs.csv (no complete_date column, decision_date and outcome in every row) loads as
    // before, and a file of open requests only needs neither decision_date nor outcome.
    temp_folder g("valid_small");
    g.write("tlvs.csv", "tlv_id,pupil_id,swv_id,setting,category,request_date,decision_date,"
                        "outcome,start_date,end_date,objection\n"
                        "t1,p1,PO3104,sbo,,2022-05-01,2022-06-15,toegekend,2022-08-01,,\n");
    CHECK(load_folder(g.path()).value()->tlvs().complete_date == std::vector<day>{no_day});
    g.write("tlvs.csv", "tlv_id,pupil_id,swv_id,setting,request_date\n"
                        "t1,p1,PO3104,sbo,2022-05-01\n");
    const auto open = load_folder(g.path());
    CHECK(errors(open) == std::vector<std::string>{});
    REQUIRE(open.ok());
    CHECK(open.data->tlvs().outcome == value_column<tlv_outcome>{tlv_outcome::open});
}

TEST_CASE("monitor data: the extract date derived from the data counts complete dates") {
    temp_folder f("valid_small");
    f.remove("extract.csv");
    // The latest event otherwise is t6's complete_date 2024-12-02 (after its request 2024-11-20).
    const auto r = load_folder(f.path());
    REQUIRE(r.ok());
    CHECK(format_day(r.data->extract_date()) == "2024-12-02");
}

TEST_CASE("monitor data: typed rows follow the same rules") {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao});
    b.add(pupil_row{"p1", d("2015-03-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2019-08-01")});
    tlv_row open{"t1", "p1", "PO3104", setting::so, funding_category::laag, d("2024-01-10")};
    open.outcome = tlv_outcome::open;
    b.add(open);
    tlv_row decided = open;
    decided.tlv_id = "t2";
    decided.decision_date = d("2024-02-01"); // outcome still open: no outcome
    b.add(decided);
    tlv_row no_decision{"t3", "p1", "PO3104", setting::so, funding_category::laag, d("2024-01-10")};
    no_decision.outcome = tlv_outcome::afgewezen; // without a decision
    b.add(no_decision);
    b.add(rate_row{school_year{2024}, setting::bao, funding_category::laag, 100});
    b.add(rate_row{school_year{2024}, setting::so, funding_category::none, 100});
    b.add(rate_row{school_year{2024}, setting::so, funding_category::hoog, 100});
    b.add(rate_row{school_year{2024}, setting::so, funding_category::hoog, 200});
    b.add(reference_value_row{"deelname_so", school_year{2023}, 1.7, ""});
    const auto r = b.finish();
    CHECK(r.data == nullptr);
    CHECK(messages(r) ==
          lines({"tlvs.csv:2:8: error: outcome is empty; a TLV decided on 2024-02-01 needs its "
                 "outcome (toegekend|afgewezen|ingetrokken)",
                 "tlvs.csv:3:7: error: decision_date is empty but outcome is afgewezen; a request "
                 "without a decision is open and has no outcome",
                 "rates.csv:1:2: error: setting bao is not one of so|vso; a rate follows an so or "
                 "vso TLV",
                 "rates.csv:2:3: error: category is empty; a rate is per laag|midden|hoog",
                 "rates.csv:4:1: error: the rate of 2024-2025 so hoog is given twice; the first "
                 "is on line 3",
                 "reference_values.csv:1:4: error: source is empty; a value is required"}));
}

TEST_CASE("monitor data: the JSON document reads the same tables and rules") {
    const auto r = load_json(std::string(R"({
      "schools": [{"school_id": "01AA00", "board_id": "B1", "swv_id": "PO3104", "setting": "so"}],
      "pupils": [{"pupil_id": "p1", "birth_date": "2015-03-01"}],
      "enrolments": [{"pupil_id": "p1", "school_id": "01AA00", "start_date": "2022-08-01"}],
      "tlvs": [{"tlv_id": "t1", "pupil_id": "p1", "swv_id": "PO3104", "setting": "so",
                "request_date": "2022-05-01", "complete_date": "2022-04-01"},
               {"tlv_id": "t2", "pupil_id": "p1", "swv_id": "PO3104", "setting": "so",
                "decision_date": "2022-06-01"}],
      "rates": [{"school_year": "2022-2023", "setting": "so", "category": "L", "amount_eur": 1},
                {"school_year": "2022-2023", "setting": "so", "category": "laag",
                 "amount_eur": 2}],
      "reference_values": [{"kpi": "deelname_so", "school_year": "2022-2023", "value": 1e-1,
                            "source": "x"}]
    })"),
                             "doc.json");
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"doc.json[tlvs]:1:12: error: complete_date 2022-04-01 is before request_date "
                 "2022-05-01; a request is complete on or after its receipt",
                 "doc.json[tlvs]:2:8: error: outcome is empty; a TLV decided on 2022-06-01 needs "
                 "its outcome (toegekend|afgewezen|ingetrokken)",
                 "doc.json[rates]:2:1: error: the rate of 2022-2023 so laag is given twice; the "
                 "first is on line 1"}));
}
