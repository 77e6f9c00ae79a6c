// SPDX-License-Identifier: EUPL-1.2
// The flows and forecast documents: stable layout, suppression of 1-4, Markdown and CSV views.
#include "unit-flows-data.hpp"

#include "passend/flows/json.hpp"
#include "passend/flows/render.hpp"
#include "passend/flows/suppress.hpp"

#include <doctest/doctest.h>

using namespace passend;

TEST_CASE("flows suppression: 1-4 become <5, 0 and 5 stay") {
    CHECK(published_count(0, true) == "0");
    CHECK(published_count(1, true) == "<5");
    CHECK(published_count(4, true) == "<5");
    CHECK(published_count(5, true) == "5");
    CHECK(published_count(3, false) == "3");
    CHECK(published_count_json(4, true) == "<5");
    CHECK(published_count_json(4, false) == 4);
}

TEST_CASE("flows json: layout, suppression and the text views") {
    const auto ds = flows_test::random_dataset(11, 300);
    const auto ft = compute_flows(*ds);
    const school_year y{2019};
    flows_json_input in;
    in.tables = &ft;
    in.year = y;
    in.unit = *find_flow_unit(*ds, "PO0001");
    const auto open = flows_to_json(*ds, in);
    CHECK(open["format"] == flows_json_format);
    CHECK(open["unit"]["id"] == "PO0001");
    CHECK(open["window"]["after"] == "2018-10-01");
    CHECK(open["window"]["through"] == "2019-10-01");
    CHECK(open["flows"]["rows"].size() == flow_row_count);
    CHECK(open["flows"]["columns"][static_cast<std::size_t>(uitstroom_col(exit_reason::none))] ==
          "uitstroom_onbekend");
    CHECK(open["transitions"]["counts"].begin().key() == "instroom");
    const auto f = ft.flows(in.unit, y);
    for (int r = 0; r < flow_row_count; ++r)
        for (int c = 0; c < flow_col_count; ++c)
            CHECK(
                open["flows"]["values"][static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] ==
                f(r, c));
    const flow_disclosure shown(*ds, ft);
    in.disclosure = &shown;
    const auto published = flows_to_json(*ds, in);
    CHECK(published["suppressed"] == true);
    int small = 0, protecting = 0;
    for (int r = 0; r < flow_row_count; ++r)
        for (int c = 0; c < flow_col_count; ++c) {
            const auto& v = published["flows"]["values"][static_cast<std::size_t>(r)]
                                     [static_cast<std::size_t>(c)];
            if (f(r, c) >= 1 && f(r, c) <= 4) {
                CHECK(v == "<5");
                ++small;
            } else if (v.is_null()) { // hidden to protect a small count: never a 0 shown as null
                CHECK(shown.flow(in.unit, y, r, c) == cell_shown::hidden);
                ++protecting;
            } else {
                CHECK(v == f(r, c));
            }
        }
    CHECK(small > 0); // the random data has small cells, so the check above bites
    // Somewhere counts are hidden to protect a small one (a lone `<5` would be its row's
    // difference); the adversarial test proves that nothing can be solved back.
    for (std::uint32_t u = 0; u < ft.unit_count(flow_level::school); ++u)
        for (auto yy : ft.years())
            for (int r = 0; r < flow_row_count; ++r)
                for (int c = 0; c < flow_col_count; ++c)
                    protecting +=
                        shown.flow({flow_level::school, u}, yy, r, c) == cell_shown::hidden &&
                        ft.flows({flow_level::school, u}, yy)(r, c) > 4;
    CHECK(protecting > 0);
    const auto md = flows_markdown(published);
    CHECK(md.find("| from \\ to | bao |") != std::string::npos);
    CHECK(md.find("<5") != std::string::npos);
    const auto csv = document_csv(published);
    CHECK(csv.starts_with("section,row,column,value\n"));
    CHECK(csv.find("\nflows,instroom,bao,") != std::string::npos);

    forecast_options o;
    o.years = 2;
    const auto fc = run_forecast(*ds, o);
    const auto doc = forecast_to_json(*ds, fc, o, &shown);
    CHECK(doc["format"] == forecast_json_format);
    CHECK(doc["projection"]["baseline"]["rows"].size() == 2);
    CHECK(doc["backtest"]["steps"].size() == fc.observed_years.size() - 2);
    CHECK(forecast_markdown(doc).find("## backtest") != std::string::npos);
}
