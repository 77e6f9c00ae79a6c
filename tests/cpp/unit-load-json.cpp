// SPDX-License-Identifier: EUPL-1.2
// load_json: the contract's tables as one JSON document, with the same rules as CSV.
#include "load_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace passend;
using passend::test::errors;
using passend::test::lines;
using passend::test::messages;

namespace {
/// The three required tables with one pupil; `extra` adds members (with a leading comma).
std::string doc(const std::string& enrolments, const std::string& extra = "") {
    return R"({"schools": [{"school_id": "01AA00", "name": "De Linde", "board_id": "B1",
                            "swv_id": "PO3104", "setting": "bao"}],
               "pupils": [{"pupil_id": "p1", "birth_date": "2015-03-01", "municipality": null}],
               "enrolments": )" +
           enrolments + extra + "}";
}
} // namespace

TEST_CASE("json: the fixture document loads to the same dataset as the CSV folder") {
    const auto csv = load_folder(test::data_dir() / "valid_small");
    const auto json = load_json_file(test::data_dir() / "valid_small.json");
    REQUIRE(messages(json) == std::vector<std::string>{});
    REQUIRE(json.ok());
    test::check_same(*csv.data, *json.data);
}

TEST_CASE("json: numbers become text, null and missing members are absent") {
    const auto r = load_json(doc(R"([{"pupil_id": "p1", "school_id": "01AA00",
        "start_date": "2019-08-01", "end_date": null, "grade": 3}])",
                                 R"(, "funds": [{"school_year": "2023-2024", "swv_id": "PO3104",
        "board_id": "B1", "stream": "ondersteuning", "amount_eur": 1631099.5},
        {"school_year": "2023-2024", "swv_id": "PO3104", "board_id": "B1", "stream": "x",
         "amount_eur": 12}])"));
    REQUIRE(messages(r) == std::vector<std::string>{});
    const auto& ds = *r.data;
    CHECK(ds.enrolments().grade[0] == 3);
    CHECK(ds.enrolments().end[0] == open_end);
    CHECK(ds.funds().amount == value_column<cents>{163109950, 1200});
    CHECK_FALSE(has(ds.pupils().municipality[0]));
}

TEST_CASE("json: errors name the table, the record number and the contract column") {
    const auto r = load_json(doc(R"([{"pupil_id": "p1", "school_id": "01AA00",
        "start_date": "2019-08-01"}, {"pupil_id": "p1", "school_id": "99ZZ00",
        "start_date": "2024-08-01", "end_date": "2024-07-01"}, {"pupil_id": "p1",
        "school_id": "01AA00", "start_date": "2020-13-01", "grade": 2.5}])"),
                             "regio.json");
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"regio.json[enrolments]:2:4: error: end_date 2024-07-01 is before start_date "
                 "2024-08-01",
                 "regio.json[enrolments]:3:3: error: start_date 2020-13-01 is not a valid date "
                 "(YYYY-MM-DD)",
                 "regio.json[enrolments]:3:5: error: grade '2.5' is not a whole number"}));
    // The unknown school is reported once the row parses.
    const auto s = load_json(doc(R"([{"pupil_id": "p1", "school_id": "99ZZ00",
        "start_date": "2019-08-01"}])"));
    CHECK(
        errors(s) ==
        lines({"data.json[enrolments]:1:2: error: school_id 99ZZ00 is not in data.json[schools]"}));
}

TEST_CASE("json: unknown tables and columns are warnings") {
    const auto r = load_json(doc(R"([{"pupil_id": "p1", "school_id": "01AA00",
        "start_date": "2019-08-01", "opmerking": "x"}, {"pupil_id": "p1", "school_id": "01AA00",
        "start_date": "2018-08-01", "end_date": "2019-07-31", "opmerking": "y"}])",
                                 R"(, "leraren": [], "tlvs.csv": [])"));
    REQUIRE(r.ok());
    CHECK(messages(r) ==
          lines({"data.json: warning: unknown table 'leraren' is ignored",
                 "data.json: warning: unknown table 'tlvs.csv' is ignored",
                 "data.json[enrolments]:1: warning: unknown column 'opmerking' is ignored"}));
}

TEST_CASE("json: malformed documents and values") {
    auto r = load_json("{\"schools\": [\n  {\"school_id\": \"01AA00\",}\n]}");
    CHECK(r.data == nullptr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "malformed_json");
    CHECK(to_string(r.diagnostics[0]) ==
          "data.json:2:26: error: malformed JSON at byte 40: syntax error while parsing object "
          "key - unexpected '}'; expected string literal");

    r = load_json("[1, 2]");
    CHECK(messages(r) == lines({"data.json: error: the document is array; it must be an object "
                                "whose members are tables (\"schools\": [...])"}));

    r = load_json(doc(R"({"pupil_id": "p1"})"));
    CHECK(errors(r) == lines({"data.json[enrolments]: error: the table is object; it must be an "
                              "array of row objects"}));

    r = load_json(doc(R"([[1], {"pupil_id": "p1", "school_id": ["01AA00"],
        "start_date": "2019-08-01"}, {"pupil_id": true, "school_id": "01AA00",
        "start_date": "2019-08-01"}])"));
    CHECK(errors(r) ==
          lines({"data.json[enrolments]:1: error: a row must be an object of column names and "
                 "values, not array",
                 "data.json[enrolments]:2:2: error: school_id is array; a value must be a string, "
                 "a number or null",
                 "data.json[enrolments]:3:1: error: pupil_id is boolean; a value must be a "
                 "string, a number or null"}));
}

TEST_CASE("json: required tables, and a file that cannot be read") {
    auto r = load_json(R"({"schools": [], "pupils": []})", "x.json");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"x.json: error: the required table enrolments is missing"}));

    r = load_json_file(test::data_dir() / "no_such.json");
    CHECK(r.data == nullptr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "missing_file");
}
