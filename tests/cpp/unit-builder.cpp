// SPDX-License-Identifier: EUPL-1.2
#include "passend/attribution.hpp"
#include "passend/builder.hpp"
#include "passend/schema.hpp"
#include "passend/transitions.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

dataset_builder small_region() {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"02BB00", "De Wissel", "B1", "PO3104", setting::sbo, "GM0935"});
    b.add(school_row{"03CC00", "Mosaiek", "B2", "PO3105", setting::so, "GM0917"});
    b.add(pupil_row{"p1", d("2015-03-01"), "GM0935"});
    b.add(pupil_row{"p2", d("2014-05-01"), "GM0917"});
    return b;
}

std::vector<std::string> messages(const load_result& r) {
    std::vector<std::string> out;
    for (const auto& x : r.diagnostics) out.push_back(to_string(x));
    return out;
}
} // namespace

TEST_CASE("a valid dataset is sorted by id, then by pupil and start") {
    auto b = small_region();
    b.add(enrolment_row{"p2", "03CC00", d("2021-08-01")});
    b.add(enrolment_row{"p1", "02BB00", d("2022-08-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2019-08-01"), d("2022-07-15")});
    auto r = b.finish();
    REQUIRE(r.ok());
    const auto& ds = *r.data;
    CHECK(ds.pupils().id == text_column{"p1", "p2"});
    CHECK(ds.schools().id.front() == "01AA00");
    const auto& en = ds.enrolments();
    REQUIRE(en.size() == 3);
    CHECK(en.first == value_column<std::uint32_t>{0, 2, 3});
    CHECK(ds.schools().id[pos(en.school[0])] == "01AA00");
    CHECK(ds.schools().id[pos(en.school[1])] == "02BB00");
    CHECK(ds.swvs().id == text_column{"PO3104", "PO3105"});
    CHECK(ds.swvs().sector_of[0] == sector::po);
    CHECK(ds.find_school("03CC00").has_value());
    CHECK_FALSE(ds.find_school("99ZZ00").has_value());
}

TEST_CASE("errors are located and a failed load leaves nothing behind") {
    auto b = small_region();
    b.add(enrolment_row{"p1", "01AA00", d("2024-08-01"), d("2024-07-01")});
    b.add(enrolment_row{"p1", "99ZZ00", d("2020-08-01")});
    b.add(enrolment_row{"p9", "01AA00", d("2020-08-01")});
    auto r = b.finish();
    CHECK_FALSE(r.ok());
    CHECK(r.data == nullptr);
    const auto m = messages(r);
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "enrolments.csv:1:4: error: end_date 2024-07-01 is before start_date 2024-08-01");
    CHECK(m[1] == "enrolments.csv:2:2: error: school_id 99ZZ00 is not in schools.csv");
    CHECK(m[2] == "enrolments.csv:3:1: error: pupil_id p9 is not in pupils.csv");
    CHECK_THROWS_AS((void)r.value(), load_error);
}

TEST_CASE("overlapping enrolments are an error, the switch day is not") {
    auto b = small_region();
    b.add(enrolment_row{"p1", "01AA00", d("2019-08-01"), d("2022-01-10")});
    b.add(enrolment_row{"p1", "02BB00", d("2022-01-10"), d("2022-03-01")}); // switch day: fine
    b.add(enrolment_row{"p1", "01AA00", d("2022-02-01")});                  // overlaps
    auto r = b.finish();
    const auto m = messages(r);
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "enrolments.csv:3:3: error: enrolment of pupil p1 at 01AA00 from 2022-02-01 "
                  "overlaps the one at 02BB00 from 2022-01-10 (line 2)");
}

TEST_CASE("pupils must be 2 to 30 on every enrolment day") {
    auto b = small_region();
    b.add(enrolment_row{"p1", "01AA00", d("2016-08-01"), d("2017-02-01")}); // 1 year old
    b.add(pupil_row{"old", d("1990-01-01")});
    b.add(enrolment_row{"old", "01AA00", d("2019-08-01"), d("2021-07-31")}); // 31 at the end
    auto r = b.finish();
    const auto m = messages(r);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "enrolments.csv:1:3: error: start_date 2016-08-01: pupil p1 is 1 years old; "
                  "pupils must be 2 to 30 on every enrolment day");
    CHECK(m[1] == "enrolments.csv:2:4: error: end_date 2021-07-31: pupil old is 31 years old; "
                  "pupils must be 2 to 30 on every enrolment day");
}

TEST_CASE("duplicate ids and unknown codes in text rows") {
    dataset_builder b;
    b.set_source(table::schools, "schools.csv", {1, 2, 3, 4, 5, 6});
    const std::array<std::string_view, 6> a{"01AA00", "A", "B1", "PO3104", "bao", ""};
    const std::array<std::string_view, 6> dup{"01AA00", "A", "B1", "PO3104", " BAO ", ""};
    const std::array<std::string_view, 6> bad{"02BB00", "B", "B1", "PO3104", "basis", ""};
    b.add_text_row(table::schools, a, 2);
    b.add_text_row(table::schools, dup, 3);
    b.add_text_row(table::schools, bad, 4);
    b.add(pupil_row{"p1", d("2015-03-01")});
    b.add(enrolment_row{"p1", "02BB00", d("2020-08-01")}); // refers to the broken row: no cascade
    auto r = b.finish();
    const auto m = messages(r);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "schools.csv:3:1: error: school_id 01AA00 is a duplicate; ids must be unique");
    CHECK(m[1] == "schools.csv:4:5: error: setting 'basis' is not one of bao|sbo|so|vo|pro|vso");
}

TEST_CASE("a row its loader rejected: no cascade, and never a successful load without it") {
    auto b = small_region();
    b.reject_row(table::schools, "04DD00"); // nothing reported before: the builder says so
    b.add(enrolment_row{"p1", "04DD00", d("2020-08-01")});
    auto r = b.finish();
    const auto m = messages(r);
    CHECK_FALSE(r.ok());
    REQUIRE(m.size() == 1); // no unknown reference for the enrolment
    CHECK(m[0] == "schools.csv:4:1: error: the row was rejected by its loader");
}

TEST_CASE("warning for a pupil in special education without a covering TLV") {
    auto b = small_region();
    b.add(enrolment_row{"p2", "03CC00", d("2021-08-01")});
    b.add(enrolment_row{"p1", "02BB00", d("2022-08-01")});
    b.add(tlv_row{"t1", "p2", "PO3105", setting::so, funding_category::laag, no_day,
                  d("2021-06-01"), tlv_outcome::toegekend, d("2021-08-01"), d("2023-07-31")});
    auto r = b.finish();
    REQUIRE(r.ok());
    const auto m = messages(r);
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "enrolments.csv:2:3: warning: pupil p1 enrolled at 02BB00 (sbo) from 2022-08-01 "
                  "has no granted TLV covering that day");
}

TEST_CASE("attribution of so pupils: TLV, then region, then school") {
    auto b = small_region();
    b.add(region_row{"GM0935", "PO3104"});
    b.add(pupil_row{"p3", d("2014-05-01")}); // no municipality
    b.add(enrolment_row{"p1", "03CC00", d("2021-08-01")});
    b.add(enrolment_row{"p2", "03CC00", d("2021-08-01")});
    b.add(enrolment_row{"p3", "03CC00", d("2021-08-01")});
    // p2: two covering TLVs; the later decision (from PO3104) pays.
    b.add(tlv_row{"t1", "p2", "PO3105", setting::so, funding_category::laag, no_day,
                  d("2021-06-01"), tlv_outcome::toegekend, d("2021-08-01"), d("2024-07-31")});
    b.add(tlv_row{"t2", "p2", "PO3104", setting::so, funding_category::hoog, no_day,
                  d("2022-06-01"), tlv_outcome::toegekend, d("2022-08-01"), d("2024-07-31")});
    auto r = b.finish();
    REQUIRE(r.ok());
    const auto& ds = *r.data;
    const auto swv = [&](const char* pupil, const char* day_text) {
        const auto p = *ds.find_pupil(pupil);
        const auto e = *enrolment_on(ds, p, d(day_text));
        return ds.swvs().id[pos(attributed_swv(ds, e, d(day_text)))];
    };
    CHECK(swv("p1", "2022-10-01") == "PO3104"); // no TLV: region of GM0935
    CHECK(swv("p2", "2021-10-01") == "PO3105"); // only t1 covers
    CHECK(swv("p2", "2022-10-01") == "PO3104"); // t2 decided later
    CHECK(swv("p3", "2022-10-01") == "PO3105"); // no TLV, no region: the school's partnership
    const auto p2 = *ds.find_pupil("p2");
    CHECK(ds.swvs().id[pos(attributed_swv(ds, *enrolment_on(ds, p2, d("2022-10-01")),
                                          d("2022-10-01"), attribution_view::schoolgaand))] ==
          "PO3105");
}

TEST_CASE("attribution under a view: the school's partnership under schoolgaand") {
    // Which settings count for the school's own partnership: all under schoolgaand; under
    // paying all but so and vso.
    for (const auto s : all_settings) {
        CHECK(counts_for_school_swv(s, attribution_view::schoolgaand));
        CHECK(counts_for_school_swv(s, attribution_view::paying) ==
              (s != setting::so && s != setting::vso));
    }
    // A record of Mosaiek (so, PO3105) that the paying view gives to PO3104 (its TLV's).
    auto b = small_region();
    b.add(enrolment_row{"p1", "01AA00", d("2021-08-01")});
    auto r = b.finish();
    REQUIRE(r.ok());
    const auto& ds = *r.data;
    const auto mosaiek = *ds.find_school("03CC00");
    const auto po3104 = *ds.find_swv("PO3104");
    const auto name = [&](swv_idx w) { return ds.swvs().id[pos(w)]; };
    CHECK(name(attributed_swv(ds, mosaiek, po3104, attribution_view::paying)) == "PO3104");
    CHECK(name(attributed_swv(ds, mosaiek, po3104, attribution_view::schoolgaand)) == "PO3105");
    // Without a school (an absence attributed to the region), the region's partnership stays.
    for (const auto view : {attribution_view::paying, attribution_view::schoolgaand})
        CHECK(name(attributed_swv(ds, no_index<school_idx>, po3104, view)) == "PO3104");
}

TEST_CASE("transitions: kinds, the 92-day edge and uitstroom") {
    auto b = small_region();
    // p1: bao until 2021-05-01, sbo from 92 days later (direct), leaves 2023-07-31.
    b.add(enrolment_row{"p1", "01AA00", d("2019-08-01"), d("2021-05-01")});
    b.add(
        enrolment_row{"p1", "02BB00", d("2021-08-01"), d("2023-07-31"), 0, exit_reason::verhuisd});
    // p2: so until 2021-05-01, bao from 93 days later: not direct.
    b.add(enrolment_row{"p2", "03CC00", d("2019-08-01"), d("2021-05-01")});
    b.add(enrolment_row{"p2", "01AA00", d("2021-08-02")});
    auto r = b.finish();
    REQUIRE(r.ok());
    const auto all = transitions(*r.data);
    std::vector<transition_kind> kinds;
    for (const auto& t : all) kinds.push_back(t.kind);
    using enum transition_kind;
    CHECK(kinds == std::vector{instroom, verwijzing, uitstroom, instroom, uitstroom, instroom});
    CHECK(all[1].on == d("2021-08-01"));
    CHECK(all[2].on == d("2023-07-31"));
    CHECK(classify(setting::vso, setting::vo, false) == terugplaatsing);
    CHECK(classify(setting::so, setting::vso, false) == doorstroom);
    CHECK(classify(setting::vo, setting::bao, false) == overig);
    CHECK(classify(setting::pro, setting::pro, false) == overstap);
}

TEST_CASE("extract date by default: the latest request, decision or start; planned ends and "
          "validity do not count, early absences open the years") {
    auto b = small_region();
    b.add(enrolment_row{"p2", "03CC00", d("2022-08-01"), d("2023-07-31")});
    b.add(tlv_row{"t1", "p2", "PO3105", setting::so, funding_category::laag, d("2022-05-02"),
                  d("2022-06-01"), tlv_outcome::toegekend, d("2022-08-01"), d("2026-07-31")});
    b.add(opp_row{"p2", "03CC00", d("2022-09-01"), d("2025-07-31")});
    b.add(arrangement_row{"a1", "p2", "03CC00", 3, arrangement_kind::individueel, d("2023-01-09"),
                          d("2023-06-30")});
    b.add(absence_row{"p1", absence_kind::absoluut, d("2021-09-01"), d("2021-12-01")});
    const auto ds = b.finish().value();
    // The OPP's start, 2022-09-01, is the latest event; the arrangement's start (a planned day
    // may be later), the enrolment's end and the TLV's validity do not count.
    CHECK(ds->extract_date() == d("2022-09-01"));
    CHECK(ds->extract_date_origin() == extract_origin::derived);
    CHECK(ds->horizon() == ds->extract_date());
    // 2021-2022 from the absence; 2022-2023's teldatum (2022-10-01) is after the extract date.
    const auto years = ds->school_years();
    REQUIRE(years.size() == 1);
    CHECK(years.front() == school_year{2021});
    CHECK_FALSE(ds->is_partial(school_year{2021}));
    CHECK(ds->is_partial(school_year{2022}));
    CHECK_FALSE(ds->is_reported(school_year{2022}));
}

TEST_CASE("extract date: the option wins over extract.csv, which wins over the data") {
    const auto with = [](std::optional<day> as_of, bool table) {
        load_options o;
        o.as_of = as_of;
        dataset_builder b(o);
        b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao, "GM0935"});
        b.add(pupil_row{"p1", d("2015-03-01"), "GM0935"});
        b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
        if (table) b.add(extract_row{d("2023-03-15"), "ParnasSys"});
        return b.finish().value();
    };
    const auto derived = with(std::nullopt, false);
    CHECK(derived->extract_date() == d("2020-08-01"));
    CHECK(derived->school_years().empty()); // 2020-10-01 lies after it
    const auto file = with(std::nullopt, true);
    CHECK(file->extract_date() == d("2023-03-15"));
    CHECK(file->extract_date_origin() == extract_origin::file);
    CHECK(file->exported_by() == "ParnasSys");
    CHECK(file->school_years() ==
          std::vector{school_year{2020}, school_year{2021}, school_year{2022}});
    const auto option = with(d("2023-07-31"), true);
    CHECK(option->extract_date() == d("2023-07-31"));
    CHECK(option->extract_date_origin() == extract_origin::option);
    CHECK_FALSE(option->is_partial(school_year{2022})); // an extract on 31 July: a whole year
    CHECK(option->school_years().back() == school_year{2022});
}

TEST_CASE("extract date: events after it are rejected where they stand; planned starts are not") {
    auto b = small_region();
    b.add(extract_row{d("2023-03-15")});
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01"), d("2023-07-31")}); // a planned end
    b.add(enrolment_row{"p2", "03CC00", d("2023-04-03")}, 7);
    b.add(tlv_row{"t1", "p2", "PO3105", setting::so, funding_category::laag, d("2023-03-20"),
                  d("2023-03-27"), tlv_outcome::toegekend, d("2023-04-03"), d("2026-07-31")},
          4);
    b.add(opp_row{"p1", "01AA00", d("2023-03-16")}, 2);
    b.add(absence_row{"p1", absence_kind::relatief, d("2023-05-01")}, 3);
    b.add(arrangement_row{"a1", "p1", "01AA00", 3, arrangement_kind::individueel, d("2023-04-01"),
                          d("2023-06-30")}); // a planned start may lie after it
    const auto r = b.finish();
    REQUIRE_FALSE(r.ok());
    const auto m = messages(r);
    const std::string after = " is after the extract date 2023-03-15 (in extract.csv line 1); no "
                              "request, decision, or start of an enrolment, absence or OPP may "
                              "lie after the day the data were exported";
    CHECK(m == std::vector<std::string>{
                   "enrolments.csv:7:3: error: start_date 2023-04-03" + after,
                   "tlvs.csv:4:6: error: request_date 2023-03-20" + after,
                   "tlvs.csv:4:7: error: decision_date 2023-03-27" + after,
                   "opps.csv:2:3: error: start_date 2023-03-16" + after,
                   "absences.csv:3:3: error: start_date 2023-05-01" + after,
               });
    // The same rule for a date given as the option.
    load_options o;
    o.as_of = d("2020-09-30");
    dataset_builder c(o);
    c.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao});
    c.add(pupil_row{"p1", d("2015-03-01")});
    c.add(enrolment_row{"p1", "01AA00", d("2020-10-01")});
    const auto by_option = messages(c.finish());
    REQUIRE(by_option.size() == 1);
    CHECK(by_option[0] == "enrolments.csv:1:3: error: start_date 2020-10-01 is after the extract "
                          "date 2020-09-30 (given as an option (--as-of)); no request, decision, "
                          "or start of an enrolment, absence or OPP may lie after the day the "
                          "data were exported");
}

TEST_CASE("extract.csv: one row of a well-formed date") {
    const auto load = [](std::vector<std::vector<std::string_view>> rows) {
        auto b = small_region();
        b.set_source(table::extract, "extract.csv", {1, 2});
        std::uint64_t line = 2;
        for (const auto& row : rows) b.add_text_row(table::extract, row, line++);
        b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
        return messages(b.finish());
    };
    CHECK(load({{"2023-03-15", "ParnasSys"}}).empty());
    CHECK(load({{"2023-03-15", ""}, {"2023-03-16", ""}}) ==
          std::vector<std::string>{"extract.csv:3:1: error: a second extract date 2023-03-16; "
                                   "extract.csv holds one row, the day the data were exported"});
    CHECK(load({{"15-03-2023", ""}}) ==
          std::vector<std::string>{"extract.csv:2:1: error: extract_date 15-03-2023 is not a "
                                   "valid date (YYYY-MM-DD)"});
    CHECK(load({}) == std::vector<std::string>{"extract.csv: error: extract.csv has no row; it "
                                               "holds one row, the day the data were exported"});
}

// Review (2026-11-23): a text row that does not parse is rejected once; reading its id for
// reject() must not report the row's empty first field a second time (it did for every table
// since reject() read f.text(0) again, before only for the tables that define ids).
TEST_CASE("a rejected text row with an empty first field is reported once") {
    using passend::table;
    struct row_case {
        table t;
        std::vector<std::string_view> fields;
    };
    const std::vector<row_case> cases{
        {table::enrolments, {"", "01AA00", "2020-08-01", "", "", ""}},
        {table::funds, {"", "PO3104", "B1", "ondersteuning", "1.00"}},
        {table::pupils, {"", "2015-01-01", "GM0935"}},
        {table::opps, {"", "01AA00", "2021-01-01", ""}},
    };
    for (const auto& c : cases) {
        auto b = small_region();
        b.add(enrolment_row{"p1", "01AA00", d("2019-08-01")});
        b.add_text_row(c.t, c.fields, 7);
        const auto r = b.finish();
        CHECK_FALSE(r.ok());
        const auto n = std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& x) {
            return x.rule == "missing_value" && x.line == 7;
        });
        INFO(spec(c.t).name, ": ", messages(r).size(), " diagnostics");
        CHECK(n == 1);
    }
}

TEST_CASE("rows per table, regions as municipalities placed in a partnership") {
    auto b = small_region();
    b.add(region_row{"GM0935", "PO3104"});
    b.add(region_row{"GM0917", "PO3105"});
    b.add(enrolment_row{"p1", "01AA00", d("2021-08-01")});
    b.add(enrolment_row{"p2", "03CC00", d("2021-08-01")});
    const auto ds = b.finish().value();
    CHECK(ds->rows(table::schools) == 3);
    CHECK(ds->rows(table::pupils) == 2);
    CHECK(ds->rows(table::swvs) == 2);   // PO3104, PO3105 derived from the schools
    CHECK(ds->rows(table::boards) == 2); // B1, B2 likewise
    CHECK(ds->rows(table::regions) == 2);
    CHECK(ds->rows(table::enrolments) == 2);
    CHECK(ds->rows(table::tlvs) == 0);
    CHECK(ds->rows(table::assessments) == 0);
}
