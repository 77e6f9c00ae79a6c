// SPDX-License-Identifier: EUPL-1.2
// Bad input of every kind (docs/bad-input.md): each is one located, bounded error, and nothing
// loads half. Big inputs are made here at run time (sparse where they can be) and fail early.
#include "io/csv_reader.hpp"
#include "load_support.hpp"
#include "text_check.hpp"

#include "passend/builder.hpp"
#include "passend/cycle/plan.hpp"
#include "passend/demo.hpp"
#include "passend/flows/forecast.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/limits.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include <sys/stat.h>

using namespace passend;
using namespace std::string_literals;
using passend::test::errors;
using passend::test::lines;
using passend::test::temp_folder;

namespace {

namespace fs = std::filesystem;

/// find_bad_utf8 as "offset value why", or "ok".
std::string check(std::string_view text) {
    const auto b = detail::find_bad_utf8(text);
    if (!b) return "ok";
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", b->value);
    return std::to_string(b->offset) + " " + hex + " " + std::string(b->why);
}

/// The fixture's pupils.csv with its first row (p1) replaced.
std::string pupils(std::string_view first_row) {
    return "pupil_id,birth_date,municipality\n" + std::string(first_row) +
           "\np2,2014-05-01,GM0935\np3,2010-09-15,\np4,2009-01-31,GM0935\n";
}

/// Seconds `f` takes.
template <class F>
double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// The valid fixture with `file` replaced by `text`.
load_result load_with(const std::string& file, std::string_view text) {
    temp_folder f("valid_small");
    f.write(file, text);
    return load_folder(f.path());
}

} // namespace

TEST_CASE("utf-8: valid text, and each kind of invalid byte located at its sequence") {
    CHECK(check("") == "ok");
    CHECK(check("Basisschool De Linde, Kerkrade") == "ok");
    CHECK(check("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\x93 \xEF\xBB\xBF \xF4\x8F\xBF\xBF") == "ok");
    CHECK(check("Caf\xE9") == "3 E9 a truncated sequence"); // Latin-1
    CHECK(check("ab\x80") == "2 80 a continuation byte without a lead byte");
    CHECK(check("\xC0\xAF") == "0 C0 an overlong encoding");            // '/' in two bytes
    CHECK(check("x\xE0\x80\xAF") == "1 E0 an overlong encoding");       // '/' in three
    CHECK(check("\xF0\x80\x80\xAF") == "0 F0 an overlong encoding");    // '/' in four
    CHECK(check("\xED\xA0\x80") == "0 ED a surrogate (U+D800-U+DFFF)"); // U+D800
    CHECK(check("\xF4\x90\x80\x80") == "0 F4 beyond U+10FFFF");         // U+110000
    CHECK(check("\xF5\x80\x80\x80") == "0 F5 never used in UTF-8");
    CHECK(check("\xFF") == "0 FF never used in UTF-8");
    CHECK(check("abc\xE2\x82") == "3 E2 a truncated sequence"); // € cut short
    CHECK(check("a\xE2\x82x") == "1 E2 a truncated sequence");
    CHECK(check(std::string_view("0123456789a\0b", 13)) == "11 00 a NUL byte");
    CHECK(detail::describe_bad_utf8(*detail::find_bad_utf8("Caf\xE9")) ==
          "is not valid UTF-8: byte 4 of the field is 0xE9 (a truncated sequence); save the file "
          "as UTF-8");
}

TEST_CASE("utf-8: an invalid byte in a CSV table is located; nothing loads") {
    auto r = load_with("boards.csv", "board_id,name\nB1,Stichting Kindante\nB2,Caf\xE9 Limburg\n");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"boards.csv:3:2: error: name is not valid UTF-8: byte 4 of the "
                              "field is 0xE9 (a truncated sequence); save the file as UTF-8"}));

    // In a code or a date: the UTF-8 error alone, never a message repeating the bytes.
    r = load_with("pupils.csv", pupils("p1,2015-03-01\xC0\xAF,GM1883"));
    CHECK(errors(r) == lines({"pupils.csv:2:2: error: birth_date is not valid UTF-8: byte 11 of "
                              "the field is 0xC0 (an overlong encoding); save the file as UTF-8"}));

    // In a header: named at its column; a BOM before it stays accepted.
    r = load_with("opps.csv", "\xEF\xBB\xBFpupil_id,school_id,start_date,end_date,x\xED\xA0\x80\n");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"opps.csv:1:5: error: the column name is not valid UTF-8: byte 2 "
                              "of the field is 0xED (a surrogate (U+D800-U+DFFF)); save the file "
                              "as UTF-8"}));

    // NUL bytes in a field.
    r = load_with("boards.csv", "board_id,name\nB1,Kind\0ante\nB2,x\n"s);
    CHECK(errors(r) == lines({"boards.csv:2:2: error: name is not valid UTF-8: byte 5 of the field "
                              "is 0x00 (a NUL byte); save the file as UTF-8"}));
}

TEST_CASE("utf-8: the JSON dataset rejects invalid bytes and lone surrogate escapes") {
    auto r = load_json("{\"schools\": [{\"school_id\": \"01AA00\", \"name\": \"Caf\xE9\"}]}");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"data.json:1:50: error: the text is not valid UTF-8: byte 50 of the "
                              "file is 0xE9 (a truncated sequence); save the file as UTF-8"}));
    r = load_json(R"({"schools": [{"school_id": "\ud800"}]})");
    CHECK(r.data == nullptr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "malformed_json");
    CHECK(r.diagnostics[0].message.find("surrogate U+D800..U+DBFF must be followed by "
                                        "U+DC00..U+DFFF") != std::string::npos);
}

TEST_CASE("utf-8: the builder's typed rows are checked too, at the field's column") {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde\xF4\x90\x80\x80", "B1", "PO3104", setting::bao});
    b.add(pupil_row{"p1", make_day(2015, 3, 1), "Heerlen"});
    b.add(enrolment_row{"p1", "01AA00", make_day(2021, 8, 1)});
    const auto r = b.finish();
    CHECK(r.data == nullptr);
    // 01AA00 counts as defined: no second, misleading unknown_reference for the enrolment.
    CHECK(errors(r) == lines({"schools.csv:1:2: error: name is not valid UTF-8: byte 9 of the "
                              "field is 0xF4 (beyond U+10FFFF); save the file as UTF-8"}));
}

TEST_CASE("csv: lone-CR line ends, UTF-16 and over-long records end the file with one error") {
    auto r = load_with("boards.csv", "board_id,name\rB1,Kindante\rB2,LVO\r");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"boards.csv:1: error: line ends are CR only (old Mac format); "
                              "save as LF or CRLF"}));

    r = load_with("boards.csv", std::string("\xFF\xFE"
                                            "b\0o\0a\0r\0d\0",
                                            12));
    CHECK(errors(r) == lines({"boards.csv:1: error: the file is UTF-16 little-endian; save it "
                              "as UTF-8 (CSV UTF-8)"}));
    r = load_with("boards.csv", std::string("\0b\0o\0a\0r\0d", 10));
    CHECK(errors(r) == lines({"boards.csv:1: error: the file is UTF-16 big-endian; save it as "
                              "UTF-8 (CSV UTF-8)"}));

    // A line of 100 MB: refused after reading about 2 MiB, in well under a second.
    temp_folder f("valid_small");
    {
        std::ofstream out(f.path() / "opps.csv", std::ios::binary);
        out << "pupil_id,school_id,start_date,end_date\np1,";
        const std::string block(1 << 20, 'x');
        for (int i = 0; i < 100; ++i) out << block;
        out << ",2021-01-15,\n";
    }
    double took = seconds([&] { r = load_folder(f.path()); });
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"opps.csv:2: error: the record is longer than 1 MiB; this is not "
                              "a contract CSV file (or a quote is missing)"}));
    CHECK(took < 2.0);

    // A 2 GiB sparse file (NUL bytes, no line end) as a table: the same, at once.
    fs::resize_file(f.path() / "opps.csv", 0);
    fs::resize_file(f.path() / "opps.csv", std::uintmax_t{2} << 30);
    took = seconds([&] { r = load_folder(f.path()); });
    CHECK(errors(r) == lines({"opps.csv:1: error: the record is longer than 1 MiB; this is not "
                              "a contract CSV file (or a quote is missing)"}));
    CHECK(took < 2.0);
}

TEST_CASE("csv: a directory, FIFO, device or broken link named like a table is an error") {
    temp_folder f("valid_small");
    fs::remove(f.path() / "opps.csv");
    fs::create_directory(f.path() / "opps.csv");
    fs::remove(f.path() / "tlvs.csv");
    REQUIRE(::mkfifo((f.path() / "tlvs.csv").c_str(), 0600) == 0);
    fs::remove(f.path() / "absences.csv");
    fs::create_symlink("/dev/zero", f.path() / "absences.csv");
    fs::remove(f.path() / "funds.csv");
    fs::create_symlink("nowhere.csv", f.path() / "funds.csv");
    fs::remove(f.path() / "assessments.csv");
    fs::create_symlink("assessments.csv", f.path() / "assessments.csv");
    fs::remove(f.path() / "pupils.csv"); // a required table
    fs::create_directory(f.path() / "pupils.csv");
    const auto r = load_folder(f.path()); // returns: the FIFO is never opened
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"pupils.csv: error: is a directory",
                 "tlvs.csv: error: is a FIFO (named pipe), not a regular file",
                 "opps.csv: error: is a directory",
                 "absences.csv: error: is a character device, not a regular file",
                 "funds.csv: error: is a dangling symbolic link (to nowhere.csv, which does not "
                 "exist)",
                 "assessments.csv: error: is a symbolic link loop"}));
}

TEST_CASE("json: duplicate keys, numbers beyond double, deep nesting and UTF-16 are located") {
    auto r = load_json("{\"schools\": [],\n \"pupils\": [], \"schools\": []}");
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"data.json:2:16: error: the key \"schools\" is given twice in one "
                              "object; give each key once"}));
    r = load_json(R"({"schools": [{"school_id": "a", "school_id": "b"}]})");
    CHECK(errors(r) == lines({"data.json:1:33: error: the key \"school_id\" is given twice in one "
                              "object; give each key once"}));

    r = load_json("{\"funds\": [{\"amount_eur\":\n  1e309}]}");
    CHECK(errors(r) == lines({"data.json:2:3: error: the number 1e309 is beyond the range of a "
                              "double (about 1.8e308)"}));

    r = load_json(std::string(100, '[') + std::string(100, ']'));
    CHECK(errors(r) == lines({"data.json:1:65: error: arrays and objects are nested more than 64 "
                              "deep"}));
    r = load_json(std::string(1'000'000, '['));
    CHECK(r.diagnostics.at(0).rule == "too_deep");

    r = load_json(std::string("\xFF\xFE{\0}\0", 6));
    CHECK(errors(r) == lines({"data.json:1:1: error: the file is UTF-16 little-endian; save it as "
                              "UTF-8"}));
}

TEST_CASE("json: a catalog, a plan and a scenario with a number beyond double are located") {
    try {
        (void)catalog::from_json("{\"kpis\": [\n{\"id\": \"x\", \"norm\": -1e400}]}", "mijn.json");
        FAIL("no error");
    } catch (const catalog_error& e) {
        CHECK(std::string(e.what()) ==
              "mijn.json: line 2, column 21: the number -1e400 is beyond the range of a double "
              "(about 1.8e308)");
    }
    const auto p = parse_plan("{\"plan\": 1e999}", "plan.json");
    REQUIRE(p.diagnostics.size() == 1);
    CHECK(to_string(p.diagnostics[0]) ==
          "plan.json:1:10: error: the number 1e999 is beyond the range of a double (about "
          "1.8e308)");
    CHECK(p.diagnostics[0].rule == "number_out_of_range");
    CHECK_THROWS_WITH(parse_scenario("{\"name\": \"x\", \"name\": \"y\"}", "s.json"),
                      "s.json: not valid JSON at line 1, column 15: the key \"name\" is given "
                      "twice in one object; give each key once");
}

TEST_CASE("documents: a FIFO, a device, a huge file are refused before reading") {
    temp_folder f;
    REQUIRE(::mkfifo((f.path() / "catalog.json").c_str(), 0600) == 0);
    const auto fifo = (f.path() / "catalog.json").string();
    CHECK_THROWS_WITH(catalog::from_file(fifo), (fifo + ": cannot read the catalog file: is a "
                                                        "FIFO (named pipe), not a regular file")
                                                    .c_str());

    auto plan = load_plan("/dev/zero");
    REQUIRE(plan.diagnostics.size() == 1);
    CHECK(to_string(plan.diagnostics[0]) ==
          "/dev/zero: error: is a character device, not a regular file");

    // A sparse file past the limit: refused by its size, without reading it.
    const auto big = f.path() / "data.json";
    { std::ofstream touch(big); }
    fs::resize_file(big, max_document_bytes + 1);
    load_result r;
    const double took = seconds([&] { r = load_json_file(big); });
    CHECK(errors(r) == lines({(big.string() + ": error: is larger than 256 MiB (the limit for a "
                                              "file read whole)")
                                  .c_str()}));
    CHECK(took < 0.5);

    r = load_json_file(f.path());
    CHECK(errors(r) == lines({(f.path().string() + ": error: is a directory").c_str()}));
}

TEST_CASE("dates and school years outside 1900-2200 are errors, never overflows") {
    auto r = load_with("pupils.csv", pupils("p1,0000-01-01,GM1883"));
    CHECK(errors(r) == lines({"pupils.csv:2:2: error: birth_date 0000-01-01 is outside the years "
                              "1900-2200"}));
    r = load_with("pupils.csv", pupils("p1,2015-02-30,GM1883"));
    CHECK(errors(r) == lines({"pupils.csv:2:2: error: birth_date 2015-02-30 is not a valid date "
                              "(YYYY-MM-DD)"}));

    CHECK_FALSE(school_year::parse("0000-0001"));
    CHECK(school_year::parse("2200-2201") == school_year{2200});
    CHECK(school_year::checked(2024) == school_year{2024});
    CHECK_THROWS_AS((void)school_year::checked(2147483647), invalid_argument);
    CHECK_THROWS_WITH((void)school_year::checked(-5),
                      "school year -5 is outside the years 1900-2200 passend accepts");
    CHECK(school_year{2147483647}.to_string() == "2147483647-2147483648"); // no overflow
}

TEST_CASE("arguments out of range are invalid_argument, not internal errors") {
    demo_options o;
    o.pupils = 10;
    CHECK_THROWS_AS(make_demo(o), invalid_argument);
    forecast_options fo;
    fo.years = max_forecast_years + 1;
    CHECK_THROWS_WITH_AS(run_forecast(*make_demo({.pupils = 200, .years = 2}), fo),
                         "forecast: the number of years must be 0 to 50, not 51", invalid_argument);
}

TEST_CASE("NaN and infinities are not numbers of the contract") {
    auto r = load_with("assessments.csv", "school_year,unit_id,framework,item,score\n"
                                          "2023-2024,B1,ankerpunt1,1,NaN\n");
    CHECK(errors(r) == lines({"assessments.csv:2:5: error: score NaN is not a score between 0 and "
                              "1 or ja|deels|nee"}));
    r = load_with("funds.csv", "school_year,swv_id,board_id,stream,amount_eur\n"
                               "2023-2024,PO3104,B1,ondersteuning,inf\n");
    CHECK(errors(r) == lines({"funds.csv:2:5: error: amount_eur 'inf' is not an amount in euros "
                              "with a dot decimal (1631099.00)"}));
    r = load_json("{\"funds\": [{\"amount_eur\": NaN}]}");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "malformed_json");
    CHECK(r.diagnostics[0].column == 27);
}
