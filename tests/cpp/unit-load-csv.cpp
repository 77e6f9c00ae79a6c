// SPDX-License-Identifier: EUPL-1.2
// The CSV reader (RFC 4180, streaming) and load_folder: every rule of the contract with a failing
// fixture and its exact message, and the inputs the contract allows.
#include "io/csv_reader.hpp"
#include "load_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

using namespace passend;
using passend::test::errors;
using passend::test::lines;
using passend::test::messages;
using passend::test::temp_folder;
using rows = std::vector<std::vector<std::string>>;

namespace {

struct parsed {
    rows records;
    std::vector<std::uint64_t> record_lines;
    std::vector<std::string> errors; // "line:column rule"
};

/// Everything the reader makes of `text`, fed `block` bytes at a time.
parsed read_csv(std::string_view text, std::size_t block = detail::csv_reader::default_block) {
    std::size_t at = 0;
    detail::csv_reader reader(
        [&](char* out, std::size_t n) {
            n = std::min(n, text.size() - at);
            std::memcpy(out, text.data() + at, n);
            at += n;
            return n;
        },
        block);
    parsed p;
    for (;;) {
        const auto s = reader.next();
        if (s == detail::csv_reader::status::end) break;
        if (s == detail::csv_reader::status::error) {
            const auto& e = reader.error();
            p.errors.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + " " +
                               e.rule);
            continue;
        }
        p.records.emplace_back(reader.fields().begin(), reader.fields().end());
        p.record_lines.push_back(reader.line());
    }
    return p;
}

} // namespace

TEST_CASE("csv: plain records, LF and CRLF, empty fields, no final line break") {
    const auto p = read_csv("a,b,c\r\n1,,3\n\n4,5,\r\n6,7,8");
    CHECK(p.records == rows{{"a", "b", "c"}, {"1", "", "3"}, {"4", "5", ""}, {"6", "7", "8"}});
    CHECK(p.record_lines == std::vector<std::uint64_t>{1, 2, 4, 5}); // the empty line 3 counts
    CHECK(p.errors.empty());
}

TEST_CASE("csv: a UTF-8 BOM is skipped") {
    CHECK(read_csv("\xEF\xBB\xBFid,name\n1,x\n").records == rows{{"id", "name"}, {"1", "x"}});
    CHECK(read_csv("\xEF\xBB\xBF").records.empty());
}

TEST_CASE("csv: quoted fields with escaped quotes, commas and line breaks") {
    const auto p = read_csv("id,name\n1,\"Stichting \"\"LVO\"\", Limburg\"\n2,\"Het Kompas\r\n"
                            "(vso)\"\n\"3\",\"\"\n4,x\n");
    CHECK(p.records == rows{{"id", "name"},
                            {"1", "Stichting \"LVO\", Limburg"},
                            {"2", "Het Kompas\r\n(vso)"},
                            {"3", ""},
                            {"4", "x"}});
    // The record after the quoted line break starts one physical line later.
    CHECK(p.record_lines == std::vector<std::uint64_t>{1, 2, 3, 5, 6});
}

TEST_CASE("csv: a lone CR belongs to its field; a CR at the very end closes the record") {
    CHECK(read_csv("h,i\na\rb,c\n").records == rows{{"h", "i"}, {"a\rb", "c"}});
    CHECK(read_csv("a,b\r").records == rows{{"a", "b"}});
    // In the first record (the header) it is a line end of an old Mac file: the file stops.
    const auto mac = read_csv("a,b\r1,2\r3,4\n5,6\n");
    CHECK(mac.errors == std::vector<std::string>{"1:0 cr_line_ends"});
    CHECK(mac.records.empty());
}

TEST_CASE("csv: a stray quote is located and reading goes on at the next line") {
    const auto p = read_csv("a,b\n1,x\"y\n2,\"z\"w\n3,ok\n");
    CHECK(p.errors == std::vector<std::string>{"2:2 stray_quote", "3:2 stray_quote"});
    CHECK(p.records == rows{{"a", "b"}, {"3", "ok"}});
    CHECK(p.record_lines == std::vector<std::uint64_t>{1, 4});
}

TEST_CASE("csv: an unterminated quote is located where it opens and ends the input") {
    const auto p = read_csv("a,b\n1,\"multi\nline\n2,\"never closed\n3,x\n");
    // The quote before "never" closes the field that opened on line 2: text follows it.
    CHECK(p.errors == std::vector<std::string>{"4:2 stray_quote"});
    CHECK(p.records == rows{{"a", "b"}, {"3", "x"}});
    const auto q = read_csv("a,b\n1,x\n2,\"open\n3,y\n");
    CHECK(q.errors == std::vector<std::string>{"3:2 unterminated_quote"});
    CHECK(q.records == rows{{"a", "b"}, {"1", "x"}});
}

TEST_CASE("csv: any block size gives the same records, lines and errors") {
    const std::string text = "\xEF\xBB\xBFid,name,note\r\n1,\"a \"\"quoted\"\", name\",\r\n"
                             "2,\"two\nlines\",x\r\n\r\n3,bad\"quote,y\n4,\"\",\"\"\"\"\r\n"
                             "5,last,\"open";
    const auto whole = read_csv(text);
    CHECK(whole.records.size() == 4);
    CHECK(whole.errors == std::vector<std::string>{"6:2 stray_quote", "8:3 unterminated_quote"});
    for (std::size_t block = 1; block <= text.size() + 1; ++block) {
        CAPTURE(block);
        const auto p = read_csv(text, block);
        CHECK(p.records == whole.records);
        CHECK(p.record_lines == whole.record_lines);
        CHECK(p.errors == whole.errors);
    }
}

TEST_CASE("csv: random texts of delimiters and quotes read alike in any block size") {
    // Property: the block size never changes what is read; CRLF and LF count lines alike.
    const char alphabet[] = {'a', 'b', ',', ',', '"', '\r', '\n', '\n'};
    std::uint32_t x = 12345;
    for (int round = 0; round < 500; ++round) {
        std::string text;
        const int length = static_cast<int>(x % 70);
        for (int i = 0; i < length; ++i) {
            x = x * 1103515245u + 12345u;
            text += alphabet[(x >> 16) % sizeof alphabet];
        }
        CAPTURE(text);
        const auto whole = read_csv(text);
        for (std::size_t block : {1u, 2u, 3u, 7u, 64u}) {
            const auto p = read_csv(text, block);
            CHECK(p.records == whole.records);
            CHECK(p.record_lines == whole.record_lines);
            CHECK(p.errors == whole.errors);
        }
        // Whatever was written by append_csv_field reads back as itself.
        std::string line;
        detail::append_csv_field(line, text);
        line += ",x\n";
        const auto back = read_csv(line);
        REQUIRE(back.records.size() == 1);
        CHECK(back.records[0] == std::vector<std::string>{text, "x"});
        x = x * 1103515245u + 12345u;
    }
}

TEST_CASE("csv: fields are quoted for writing only where needed") {
    std::string out;
    detail::append_csv_field(out, "plain");
    out += ',';
    detail::append_csv_field(out, "a, \"b\"\nc");
    CHECK(out == "plain,\"a, \"\"b\"\"\nc\"");
    CHECK(read_csv(out).records == rows{{"plain", "a, \"b\"\nc"}});
}

// ---- load_folder --------------------------------------------------------------------------------

TEST_CASE("load_folder: the valid fixture loads whole, with values as written") {
    const auto r = load_folder(test::data_dir() / "valid_small");
    REQUIRE(messages(r) == std::vector<std::string>{});
    REQUIRE(r.ok());
    const auto& ds = *r.data;
    CHECK(ds.schools().size() == 6);
    CHECK(ds.pupils().size() == 4);
    CHECK(ds.enrolments().size() == 7);
    CHECK(ds.tlvs().size() == 6); // t6 is an open request (contract v1.1)
    CHECK(ds.boards().name[1] == "Stichting \"LVO\", Limburg");
    CHECK(ds.schools().name[5] == "Het Kompas\n(vso)");
    CHECK(ds.schools().kind[5] == setting::vso);
    CHECK(ds.funds().amount[0] == 163109900);
    CHECK(ds.arrangements().cost[0] == 125050);
    CHECK(ds.assessments().score[1] == 0.75);
    const auto p4 = *ds.find_pupil("p4");
    const auto e = ds.enrolments().first[pos(p4)];
    CHECK(ds.enrolments().exit[e] == exit_reason::diploma);
    CHECK(format_day(ds.enrolments().end[e]) == "2024-07-31");
    for (const auto& t : all_tables()) CHECK(ds.has_table(t.id));
}

TEST_CASE("load_folder: BOM, CRLF, columns in any order, upper-case codes, unknown columns") {
    const auto plain = load_folder(test::data_dir() / "valid_small");
    const auto allowed = load_folder(test::data_dir() / "allowed_inputs");
    REQUIRE(allowed.ok());
    CHECK(allowed.error_count() == 0);
    CHECK(allowed.diagnostics.size() == 18); // an unknown column in each of the 18 files
    CHECK(to_string(allowed.diagnostics[2]) ==
          "schools.csv:1:2: warning: unknown column 'opmerking' is ignored");
    test::check_same(*plain.data, *allowed.data);
}

TEST_CASE("rule: unknown reference") {
    temp_folder f("valid_small");
    f.append("enrolments.csv", "p1,99ZZ00,2024-09-01,,,\np9,01AA00,2024-09-01,,,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"enrolments.csv:9:2: error: school_id 99ZZ00 is not in schools.csv",
                              "enrolments.csv:10:1: error: pupil_id p9 is not in pupils.csv"}));
}

TEST_CASE("rule: malformed and impossible dates") {
    temp_folder f("valid_small");
    f.append("pupils.csv", "p5,2016-2-1,\np6,2015-02-29,\np7,01-02-2015,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"pupils.csv:6:2: error: birth_date 2016-2-1 is not a valid date (YYYY-MM-DD)",
                 "pupils.csv:7:2: error: birth_date 2015-02-29 is not a valid date (YYYY-MM-DD)",
                 "pupils.csv:8:2: error: birth_date 01-02-2015 is not a valid date (YYYY-MM-DD)"}));
}

TEST_CASE("rule: end before start") {
    temp_folder f("valid_small");
    f.append("opps.csv", "p2,03CC00,2022-08-01,2022-07-31\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"opps.csv:4:4: error: end_date 2022-07-31 is before start_date 2022-08-01"}));
}

TEST_CASE("rule: overlapping enrolments (the day of a switch is allowed)") {
    temp_folder f("valid_small");
    // p4 is at 06FF00 from 2021-08-01 to 2024-07-31 (line 8); both new ones fall inside it.
    f.append("enrolments.csv", "p4,05EE00,2023-01-01,2023-02-01,,\n"
                               "p4,04DD00,2023-06-01,,,\n"
                               "p1,04DD00,2024-09-01,,,\n"); // p1 is still at 02BB00 (open)
    f.append("pupils.csv", "p5,2015-01-01,\n");
    // p5 switches school on 2022-01-10: enrolled at both that day, which is allowed.
    f.append("enrolments.csv", "p5,01AA00,2021-08-01,2022-01-10,,\np5,04DD00,2022-01-10,,,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"enrolments.csv:9:3: error: enrolment of pupil p4 at 05EE00 from "
                              "2023-01-01 overlaps the one at 06FF00 from 2021-08-01 (line 8)",
                              "enrolments.csv:10:3: error: enrolment of pupil p4 at 04DD00 from "
                              "2023-06-01 overlaps the one at 06FF00 from 2021-08-01 (line 8)",
                              "enrolments.csv:11:3: error: enrolment of pupil p1 at 04DD00 from "
                              "2024-09-01 overlaps the one at 02BB00 from 2022-08-01 (line 3)"}));
}

TEST_CASE("rule: unknown codes, in any table") {
    temp_folder f("valid_small");
    f.append("schools.csv", "07GG00,Nieuw,B1,PO3104,mbo,\n");
    f.append("enrolments.csv", "p2,01AA00,2030-08-01,,,geslaagd\n");
    f.append("tlvs.csv", "t6,p2,PO3104,so,XL,,2021-06-01,toegekend,2021-08-01,,misschien,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    // The school after the quoted line break of 06FF00 is on physical line 9.
    CHECK(errors(r) ==
          lines({"schools.csv:9:5: error: setting 'mbo' is not one of bao|sbo|so|vo|pro|vso",
                 "enrolments.csv:9:6: error: exit 'geslaagd' is not one of "
                 "diploma|zonder_diploma|verhuisd|overig",
                 "tlvs.csv:8:5: error: category 'XL' is not one of laag|midden|hoog|L|M|H",
                 "tlvs.csv:8:11: error: objection 'misschien' is not one of ja|nee"}));
}

TEST_CASE("rule: negative amounts") {
    temp_folder f("valid_small");
    f.append("arrangements.csv", "a4,,01AA00,2,groep,2021-08-01,,-5.00,\n");
    f.append("allocations.csv", "2023-2024,B1,scholing,-0.01,,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"arrangements.csv:5:8: error: cost_eur -5.00 is negative",
                              "allocations.csv:4:4: error: amount_eur -0.01 is negative"}));
}

TEST_CASE("rule: duplicate ids") {
    temp_folder f("valid_small");
    f.append("pupils.csv", "p1,2015-03-01,\n");
    f.append("tlvs.csv", "t1,p1,PO3104,sbo,,,2022-06-15,afgewezen,,,,\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"pupils.csv:6:1: error: pupil_id p1 is a duplicate; ids must be unique",
                 "tlvs.csv:8:1: error: tlv_id t1 is a duplicate; ids must be unique"}));
}

TEST_CASE("rule: a missing required column is reported once, at the header") {
    temp_folder f("valid_small");
    f.write("enrolments.csv", "pupil_id,school_id,end_date\np1,01AA00,\np2,03CC00,\n");
    f.write("pupils.csv", "birth_date\n2015-03-01\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    // Rows of those tables are not reported one by one, nor are references to the pupils.
    CHECK(errors(r) == lines({"pupils.csv:1: error: required column 'pupil_id' is missing",
                              "enrolments.csv:1: error: required column 'start_date' is missing"}));
}

TEST_CASE("rule: a required value is missing") {
    temp_folder f("valid_small");
    f.append("schools.csv", "07GG00,Nieuw,,PO3104,bao,\n");
    f.append("funds.csv", "2023-2024,PO3104,B1,, \n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) == lines({"schools.csv:9:3: error: board_id is empty; a value is required",
                              "funds.csv:4:4: error: stream is empty; a value is required",
                              "funds.csv:4:5: error: amount_eur is empty; a value is required"}));
}

TEST_CASE("rule: pupils must be 2 to 30 years old on every enrolment day") {
    temp_folder f("valid_small");
    f.append("pupils.csv", "p5,2020-01-01,\np6,1990-01-01,\np7,1996-06-01,\n");
    f.append("enrolments.csv", "p5,01AA00,2021-12-31,,,\n" // 1 on the first day
                               "p6,04DD00,2019-08-01,,,\n" // open: 34 on the extract date
                               "p7,04DD00,2024-08-01,2026-07-31,,\n"); // 30 on the last day
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"enrolments.csv:9:3: error: start_date 2021-12-31: pupil p5 is 1 years old; "
                 "pupils must be 2 to 30 on every enrolment day",
                 "enrolments.csv:10:3: error: enrolment running on 2024-12-20: pupil p6 is 34 "
                 "years old; pupils must be 2 to 30 on every enrolment day"}));
    // One day older on the last day is an error.
    temp_folder g("valid_small");
    g.append("pupils.csv", "p7,1996-06-01,\n");
    g.append("enrolments.csv", "p7,04DD00,2024-08-01,2027-06-01,,\n");
    CHECK(errors(load_folder(g.path())) ==
          lines({"enrolments.csv:9:4: error: end_date 2027-06-01: pupil p7 is 31 years old; "
                 "pupils must be 2 to 30 on every enrolment day"}));
}

TEST_CASE("warning: a pupil in so/vso/sbo without a granted TLV covering the start") {
    temp_folder f("valid_small");
    f.write("tlvs.csv", "tlv_id,pupil_id,swv_id,setting,decision_date,outcome,start_date,end_date\n"
                        "t1,p1,PO3104,sbo,2022-06-15,toegekend,2022-08-02,\n"
                        "t2,p2,PO3104,so,2021-06-01,afgewezen,,\n"
                        "t4,p4,VO3105,vso,2021-06-01,toegekend,2021-08-01,2024-07-31\n");
    const auto r = load_folder(f.path());
    REQUIRE(r.ok());
    CHECK(messages(r) == lines({"enrolments.csv:3:3: warning: pupil p1 enrolled at 02BB00 (sbo) "
                                "from 2022-08-01 has no granted TLV covering that day",
                                "enrolments.csv:4:3: warning: pupil p2 enrolled at 03CC00 (so) "
                                "from 2021-08-01 has no granted TLV covering that day"}));
    CHECK(r.data->warnings() == r.diagnostics);
}

TEST_CASE("warning: an unknown column; a duplicate column is an error") {
    temp_folder f("valid_small");
    f.write("opps.csv", "pupil_id,school_id,Start_Date ,notitie\np2,03CC00,2021-09-01,x\n");
    const auto r = load_folder(f.path());
    REQUIRE(r.ok());
    CHECK(messages(r) == lines({"opps.csv:1:4: warning: unknown column 'notitie' is ignored"}));
    f.write("opps.csv", "pupil_id,school_id,start_date,start_date\np2,03CC00,2021-09-01,x\n");
    CHECK(messages(load_folder(f.path())) ==
          lines({"opps.csv:1:4: error: column 'start_date' appears twice (first as column 3)"}));
}

TEST_CASE("load_folder: records with too many or too few fields") {
    temp_folder f("valid_small");
    f.append("regions.csv", "GM0917,PO3104,extra\nGM0918\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"regions.csv:5:3: error: the record has 3 fields; the header has 2",
                 "regions.csv:6:2: error: the record has 1 fields; the header has 2"}));
}

TEST_CASE("load_folder: broken quoting is located") {
    temp_folder f("valid_small");
    f.append("boards.csv", "B3,De \"Brug\"\nB4,\"Open\n");
    const auto r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"boards.csv:4:2: error: a quote inside an unquoted field; quote the whole field "
                 "and write the quote as \"\"",
                 "boards.csv:5:2: error: a quoted field opened here is never closed (a missing "
                 "\")"}));
}

TEST_CASE("load_folder: missing folder, missing required file, empty file") {
    auto r = load_folder(test::data_dir() / "no_such_folder");
    CHECK(r.data == nullptr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "no such folder");
    CHECK(r.diagnostics[0].rule == "missing_folder");

    r = load_folder(test::data_dir() / "valid_small" / "schools.csv");
    CHECK(r.diagnostics.at(0).message == "is not a folder; give the folder holding the CSV files");

    temp_folder f("valid_small");
    f.remove("pupils.csv");
    f.write("opps.csv", "");
    r = load_folder(f.path());
    CHECK(r.data == nullptr);
    CHECK(errors(r) ==
          lines({"pupils.csv: error: the required table pupils is missing",
                 "opps.csv:1: error: the file is empty; its first line must name the columns"}));
}

TEST_CASE("load_folder: optional tables may be left out, or hold only their header") {
    temp_folder f;
    for (const char* name : {"schools.csv", "pupils.csv", "enrolments.csv"})
        std::filesystem::copy_file(test::data_dir() / "valid_small" / name, f.path() / name);
    f.write("funds.csv", "school_year,swv_id,board_id,stream,amount_eur\r\n");
    const auto r = load_folder(f.path());
    REQUIRE(r.ok());
    CHECK_FALSE(r.data->has_table(table::tlvs));
    CHECK(r.data->has_table(table::funds));
    CHECK(r.data->funds().size() == 0);
    CHECK(r.data->swvs().id == text_column{"PO3104", "VO3105"}); // derived
    CHECK(r.data->swvs().sector_of[1] == sector::vo);
}

TEST_CASE("load_folder: errors stop at the cap, with a note saying how many were left out") {
    temp_folder f("valid_small");
    std::string extra;
    for (int i = 0; i < 50; ++i) extra += "x" + std::to_string(i) + ",2015-13-01,\n";
    f.append("pupils.csv", extra);
    load_options o;
    o.max_errors = 5;
    const auto r = load_folder(f.path(), o);
    CHECK(r.data == nullptr);
    const auto e = errors(r);
    REQUIRE(e.size() == 6);
    CHECK(e[0] == "pupils.csv:6:2: error: birth_date 2015-13-01 is not a valid date (YYYY-MM-DD)");
    CHECK(e[5] == "passend: error: stopped reading at pupils.csv:11 after 5 errors (the cap); the "
                  "rest of the input was not checked");
}

TEST_CASE("load_folder: progress runs from 0 to 1 through the files") {
    std::vector<std::pair<std::string, double>> calls;
    const auto r = load_folder(test::data_dir() / "valid_small", {},
                               [&](std::string_view stage, double fraction) {
                                   calls.emplace_back(std::string(stage), fraction);
                               });
    REQUIRE(r.ok());
    REQUIRE(!calls.empty());
    CHECK(calls.front().second == 0.0);
    CHECK(calls.back().second == 1.0);
    CHECK(std::is_sorted(calls.begin(), calls.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; }));
    CHECK(std::any_of(calls.begin(), calls.end(),
                      [](const auto& c) { return c.first == "enrolments.csv"; }));
}
