// SPDX-License-Identifier: EUPL-1.2
// The forecast on a hand-computed history, scenario files, and agreement with the flow tables.
#include "unit-flows-data.hpp"

#include "passend/builder.hpp"
#include "passend/error.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/flows/forecast.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

/// Ten bao pupils aged 6 on 1 October 2020; two go to sbo in 2021, three newcomers of 7 join bao.
dataset_ptr referral_history() {
    dataset_builder b;
    b.add(school_row{"01BA00", "Bao", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"03SB00", "Sbo", "B1", "PO3104", setting::sbo, "GM0935"});
    for (int i = 0; i < 13; ++i) {
        const std::string id = "p" + std::to_string(i);
        b.add(pupil_row{id, d("2014-01-01"), "GM0935"});
        if (i < 2) {
            b.add(enrolment_row{id, "01BA00", d("2020-08-01"), d("2021-07-31")});
            b.add(enrolment_row{id, "03SB00", d("2021-08-01")});
        } else if (i < 10) {
            b.add(
                enrolment_row{id, "01BA00", d("2020-08-01"), i == 2 ? d("2023-07-31") : open_end});
        } else {
            b.add(enrolment_row{id, "01BA00", d("2021-08-01")});
        }
    }
    b.add(extract_row{d("2023-07-31")}); // exported at the end of 2022-2023: three teldata
    return b.finish().value();
}
constexpr int bao = 0, sbo = 1;
} // namespace

TEST_CASE("flows forecast: rates by age, pooled where an age was never seen, and the inflow") {
    const auto ds = referral_history();
    forecast_options o;
    o.years = 2;
    const auto f = run_forecast(*ds, o);
    REQUIRE(f.observed_years.size() == 3);
    CHECK(f.observed[0][bao] == 10);
    CHECK(f.observed[1][bao] == 11);
    CHECK(f.observed[1][sbo] == 2);
    CHECK(f.observed[2][bao] == 11);
    REQUIRE(f.years.size() == 2);
    CHECK(f.years[0] == school_year{2023});
    // Age 8 in bao was never seen: bao's rates pooled over ages, 19/21 stay and 2/21 to sbo; the
    // inflow is 1.5 a year (3 in the first pair, 0 in the second) at age 7.
    CHECK(f.baseline[0][bao] == doctest::Approx(11.0 * 19 / 21 + 1.5));
    CHECK(f.baseline[0][sbo] == doctest::Approx(2.0 + 11.0 * 2 / 21));
    // Second year: the 1.5 newcomers (age 7 -> 8 at rate 1, observed) and a new 1.5.
    CHECK(f.baseline[1][bao] == doctest::Approx(11.0 * 19 / 21 * 19 / 21 + 1.5 + 1.5));
    CHECK(f.scenario.empty());

    // Backtest: fit on 2020 -> 2021 only, predict 2022 from 2021's stock.
    REQUIRE(f.backtest.size() == 1);
    const auto& b = f.backtest[0];
    CHECK(b.predicted == school_year{2022});
    CHECK(b.fitted_to == school_year{2021});
    CHECK(b.prediction[bao] == doctest::Approx(11 * 0.8 + 3));
    CHECK(b.prediction[sbo] == doctest::Approx(11 * 0.2 + 2)); // sbo unseen as a start: stays
    CHECK(f.backtest_mape[bao] == doctest::Approx(0.8 / 11 * 100));
    CHECK(f.backtest_mape[sbo] == doctest::Approx(110.0));
    CHECK(std::isnan(f.backtest_mape[2]));
}

TEST_CASE("flows forecast: a scenario halving referrals to sbo") {
    const auto ds = referral_history();
    forecast_options o;
    o.years = 1;
    o.scenario = parse_scenario(R"({"name": "half", "rates": [{"from": "bao", "to": "sbo",
                                   "factor": 0.5}], "inflow": [{"setting": "bao", "factor": 2,
                                   "ages": [7, 7]}]})");
    const auto f = run_forecast(*ds, o);
    REQUIRE(f.scenario.size() == 1);
    CHECK(f.scenario[0][bao] == doctest::Approx(11.0 * 20 / 21 + 3.0));
    CHECK(f.scenario[0][sbo] == doctest::Approx(2.0 + 11.0 / 21));
    CHECK(f.baseline[0][bao] == doctest::Approx(11.0 * 19 / 21 + 1.5));
}

TEST_CASE("flows forecast: scenario files are checked") {
    const auto message = [](const char* text) {
        try {
            (void)parse_scenario(text, "s.json");
        } catch (const error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(message(R"({"rates": [{"from": "bao", "to": "xx", "factor": 1}]})") ==
          "s.json: rates[0].to: 'xx' is not a setting (bao|sbo|so|vo|pro|vso|buiten)");
    CHECK(message(R"({"rates": [{"from": "bao", "to": "so"}]})") ==
          "s.json: rates[0].factor: a number is required");
    CHECK(message(R"({"inflow": [{"factor": -1}]})") ==
          "s.json: inflow[0].factor: must be 0 or more");
    CHECK(message(R"({"rate": []})") == "s.json: (top).rate: unknown key");
    CHECK(message(R"({"inflow": [{"factor": 1, "ages": [12, 4]}]})") ==
          "s.json: inflow[0].ages: must lie within 3-20, min before max");
    CHECK(message(R"({"rates": [{"from": "vo", "to": "buiten", "factor": 1.1}]})") == "accepted");
    CHECK(message("{").starts_with("s.json: not valid JSON"));
}

TEST_CASE("flows forecast: observed stocks are the flow tables' stocks") {
    const auto ds = flows_test::random_dataset(7, 400);
    const auto ft = compute_flows(*ds);
    for (const char* id : {"NL", "PO0001", "VO0002", "B3", "S101"}) {
        forecast_options o;
        o.unit = *find_flow_unit(*ds, id);
        o.years = 3;
        const auto f = run_forecast(*ds, o);
        for (std::size_t k = 0; k < f.observed_years.size(); ++k)
            CHECK(f.observed[k] == ft.stock(o.unit, f.observed_years[k]));
        // The projection keeps every pupil somewhere sensible: no negative stock.
        for (const auto& x : f.baseline) CHECK(x.minCoeff() >= 0);
    }
}
