// SPDX-License-Identifier: EUPL-1.2
// write_folder and to_json: what they write loads back to an equal dataset, column by column.
#include "load_support.hpp"

#include "passend/demo.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace passend;
using passend::test::messages;
using passend::test::temp_folder;

namespace {
std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void check_round_trips(const dataset& ds) {
    SUBCASE("contract CSV") {
        temp_folder out;
        write_folder(ds, out.path());
        const auto back = load_folder(out.path());
        REQUIRE(back.error_count() == 0);
        REQUIRE(back.ok());
        test::check_same(ds, *back.data);
        CHECK(back.data->warnings().size() == ds.warnings().size());
    }
    SUBCASE("JSON") {
        const auto back = load_json(to_json(ds));
        REQUIRE(back.error_count() == 0);
        REQUIRE(back.ok());
        test::check_same(ds, *back.data);
    }
}
} // namespace

TEST_CASE("round trip: the fixture with every table, quoting and absent values") {
    const auto r = load_folder(test::data_dir() / "valid_small");
    REQUIRE(r.ok());
    check_round_trips(*r.data);
}

TEST_CASE("round trip: the written files are the fixture's, in canonical order") {
    const auto r = load_folder(test::data_dir() / "valid_small");
    REQUIRE(r.ok());
    temp_folder out;
    write_folder(*r.data, out.path());
    // These fixture files are already sorted as the dataset sorts them.
    for (const char* name :
         {"swvs.csv", "boards.csv", "schools.csv", "pupils.csv", "enrolments.csv",
          "arrangements.csv", "opps.csv", "absences.csv", "funds.csv", "allocations.csv"}) {
        CAPTURE(name);
        CHECK(slurp(out.path() / name) == slurp(test::data_dir() / "valid_small" / name));
    }
    // Sorted by municipality; by pupil, then decision date (an open request, without one,
    // first); scores as numbers; complete_date last, where contract v1.1 added it.
    CHECK(slurp(out.path() / "regions.csv") ==
          "municipality,swv_id\nGM0935,PO3104\nGM0935,VO3105\nGM1883,PO3104\n");
    CHECK(slurp(out.path() / "tlvs.csv") ==
          "tlv_id,pupil_id,swv_id,setting,category,request_date,decision_date,outcome,start_date,"
          "end_date,objection,complete_date\n"
          "t1,p1,PO3104,sbo,,2022-05-01,2022-06-15,toegekend,2022-08-01,2026-07-31,nee,2022-05-20\n"
          "t6,p2,PO3104,so,hoog,2024-11-20,,,,,,2024-12-02\n"
          "t2,p2,PO3104,so,midden,,2021-06-01,toegekend,2021-08-01,,,\n"
          "t5,p3,VO3105,vso,laag,2022-01-10,2022-03-01,afgewezen,,,ja,\n"
          "t3,p3,VO3105,pro,,2023-03-01,2023-05-01,toegekend,2023-08-01,2027-07-31,,\n"
          "t4,p4,VO3105,vso,hoog,2021-04-01,2021-06-01,toegekend,2021-08-01,2024-07-31,ja,"
          "2021-04-01\n");
    // Rates by year, setting and category; reference values by kpi and year.
    CHECK(slurp(out.path() / "rates.csv") == "school_year,setting,category,amount_eur\n"
                                             "2023-2024,so,laag,10000.00\n"
                                             "2023-2024,so,midden,20000.50\n"
                                             "2024-2025,vso,hoog,30000.00\n");
    CHECK(slurp(out.path() / "reference_values.csv") ==
          "kpi,school_year,value,source\n"
          "deelname_so,2022-2023,1.7,\"Test fixture: an illustrative figure, not a published "
          "one\"\n"
          "deelname_so,2023-2024,1.74,\"Test fixture: an illustrative figure, not a published "
          "one\"\n");
    CHECK(slurp(out.path() / "assessments.csv") ==
          "school_year,unit_id,framework,item,score\n2023-2024,01AA00,procesindicatoren,15,1\n"
          "2023-2024,B1,ankerpunt1,1,0.75\n2023-2024,04DD00,procesindicatoren,3,0.5\n");
}

TEST_CASE("round trip: only the tables the dataset has are written") {
    temp_folder in;
    for (const char* name : {"schools.csv", "pupils.csv", "enrolments.csv"})
        std::filesystem::copy_file(test::data_dir() / "valid_small" / name, in.path() / name);
    const auto r = load_folder(in.path());
    REQUIRE(r.ok());
    temp_folder out;
    write_folder(*r.data, out.path());
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(out.path()))
        files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    CHECK(files == std::vector<std::string>{"enrolments.csv", "pupils.csv", "schools.csv"});
    const auto json = to_json(*r.data);
    CHECK(json.find("\"tlvs\"") == std::string::npos);
    CHECK(json.find("\"enrolments\"") != std::string::npos);
    check_round_trips(*r.data);
}

TEST_CASE("round trip: the demo region") {
    demo_options o;
    o.pupils = 3'000;
    o.years = 3;
    const auto demo = make_demo(o);
    REQUIRE(demo);
    check_round_trips(*demo);
}
