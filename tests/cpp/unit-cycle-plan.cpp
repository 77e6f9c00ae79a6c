// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/agenda.hpp"
#include "passend/cycle/plan.hpp"
#include "unit-report-rows.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

constexpr const char* good_plan = R"({
  "plan": "Test", "swv": "PO3104",
  "focus_points": [{
    "id": "so", "speerpunt": "Daling so", "process": "TvO",
    "indicators": [
      {"kpi": "deelname_so", "source": "Kijkglas",
       "targets": {"2025-2026": {"at_most": 1.8, "tolerance": 0.2}}},
      {"kpi": "ankerpunt1_score", "level": "board", "unit": "B1",
       "targets": {"2025-2026": {"at_least": 0.75}}}
    ],
    "forums": [
      {"forum": "ALV", "by": "SWV", "frequency": {"months": ["dec", "jun"]}},
      {"forum": "Bestuur", "frequency": {"months": ["sep", "dec", "jan", "apr", "jun"]}},
      {"forum": "ZOCO", "frequency": {"every_weeks": 6, "start": "2025-09-08"}}
    ]
  }]
})";

std::vector<std::string> messages(const plan_result& r) {
    std::vector<std::string> out;
    for (const auto& x : r.diagnostics) out.push_back(to_string(x));
    return out;
}
} // namespace

TEST_CASE("a valid plan parses into focus points, indicators, targets and forums") {
    const auto r = parse_plan(good_plan);
    REQUIRE(r.ok());
    const auto& p = r.value();
    REQUIRE(p.focus_points.size() == 1);
    const auto& fp = p.focus_points[0];
    CHECK(fp.indicators[0].unit == "PO3104"); // the plan's swv by default
    CHECK(fp.indicators[0].level == kpi_level::swv);
    REQUIRE(fp.indicators[0].target_for(school_year{2025}) != nullptr);
    CHECK(fp.indicators[0].target_for(school_year{2025})->norm.dir == kpi_norm::direction::at_most);
    CHECK(fp.indicators[0].target_for(school_year{2024}) == nullptr);
    CHECK(fp.indicators[1].unit == "B1");
    CHECK(fp.forums[0].frequency.describe() == "2x/jaar (dec, jun)");
    CHECK(fp.forums[1].frequency.describe() == "5x/jaar (sep, dec, jan, apr, jun)");
    CHECK(fp.forums[2].frequency.describe() == "Elke 6 weken");
}

TEST_CASE("plan errors name the focus point and the JSON path") {
    const auto r = parse_plan(R"({
      "swv": "PO3104",
      "focus_points": [
        {"id": "a", "speerpunt": "A", "process": "P",
         "indicators": [{"kpi": "deelname_sox", "taregts": {}}],
         "forums": [{"forum": "ALV", "frequency": {"months": ["dec", "dec"]}},
                    {"forum": "X", "frequency": {"months": ["jun"], "every_weeks": 6}}]},
        {"id": "a", "process": "P", "indicators": [
          {"kpi": "thuiszitters", "targets": {"2025": {"at_most": 1}, "2025-2026": {"at_most": 1, "at_least": 0}}}]}
      ]})",
                              "demo-plan.json");
    CHECK_FALSE(r.ok());
    const auto m = messages(r);
    const auto has = [&](std::string_view text) {
        return std::any_of(m.begin(), m.end(),
                           [&](const std::string& s) { return s.find(text) != s.npos; });
    };
    CHECK(has("demo-plan.json: error: focus point 'a' /focus_points/0/indicators/0/kpi: unknown "
              "KPI id 'deelname_sox'"));
    CHECK(has("/focus_points/0/indicators/0/taregts: unknown member 'taregts'"));
    CHECK(has("/focus_points/0/forums/0/frequency/months/1: month \"dec\" given twice"));
    CHECK(has("/focus_points/0/forums/1/frequency: give exactly one of months and every_weeks"));
    CHECK(has("/focus_points/1/id: another focus point has this id"));
    CHECK(has("/focus_points/1/speerpunt: required member is missing"));
    CHECK(has("/focus_points/1/indicators/0/targets/2025: '2025' is not a school year"));
    CHECK(has("/focus_points/1/indicators/0/targets/2025-2026: give exactly one of at_most"));
    CHECK_THROWS_AS((void)r.value(), load_error);
}

TEST_CASE("JSON syntax errors are located") {
    const auto r = parse_plan("{\n  \"focus_points\": [\n    {,\n  ]\n}", "p.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "json_syntax");
    CHECK(r.diagnostics[0].line == 3);
}

TEST_CASE("ids of the built-in KPI catalog are known, others are not") {
    for (auto id : {"deelname_so", "verwijzingen_pro", "terugplaatsingen_sbo_bao",
                    "tlv_toegekend_vso_hoog", "arrangementen_niveau_5", "middelen_saldo",
                    "procesindicatoren_score", "ankerpunt3_norm", "groei_so"})
        CHECK(is_catalog_kpi_id(id));
    for (auto id : {"deelname_bao", "deelname_so2x", "groei_vso", "_score", "Ankerpunt1_score",
                    "terugplaatsingen_bao_so"})
        CHECK_FALSE(is_catalog_kpi_id(id));
    // A catalog can be passed instead.
    const auto r = parse_plan(good_plan, "p.json", [](std::string_view) { return false; });
    CHECK(r.diagnostics.size() == 2);
}

TEST_CASE("evaluating a plan judges each KPI against the year's target") {
    const auto& plan = parse_plan(good_plan).value();
    kpi_results kpis;
    const auto add = [&](std::string kpi, int y, kpi_level level, std::string unit, double v) {
        kpi_row r;
        r.kpi = std::move(kpi);
        r.year = school_year{y};
        r.level = level;
        r.unit = std::move(unit);
        r.value = v;
        kpis.rows.push_back(r);
    };
    add("deelname_so", 2024, kpi_level::swv, "PO3104", 2.1);
    add("deelname_so", 2025, kpi_level::swv, "PO3104", 1.95);    // misses 1.8 within 0.2
    add("deelname_so", 2025, kpi_level::swv, "PO3105", 1.0);     // another partnership
    add("ankerpunt1_score", 2025, kpi_level::board, "B1", 0.75); // exactly on the norm
    const auto s = evaluate_plan(plan, kpis, school_year{2025});
    REQUIRE(s.size() == 1);
    REQUIRE(s[0].indicators.size() == 2);
    CHECK(s[0].indicators[0].value == 1.95);
    CHECK(s[0].indicators[0].previous == 2.1);
    CHECK(s[0].indicators[0].status == kpi_status::aandacht);
    CHECK(s[0].indicators[1].status == kpi_status::op_koers);
    // The rows the values come from, for suppression.
    REQUIRE(s[0].indicators[0].value_row != nullptr);
    CHECK(s[0].indicators[0].value_row->unit == "PO3104");
    CHECK(s[0].indicators[0].previous_row->year == school_year{2024});
    // Baseline: the year before the first target (2025-2026), so 2024-2025's 2.1.
    CHECK(s[0].indicators[0].baseline == 2.1);
    CHECK(s[0].indicators[0].baseline_year == school_year{2024});
    CHECK(s[0].indicators[0].baseline_row == s[0].indicators[0].previous_row);
    // No ankerpunt1_score before 2025-2026 in the results: no baseline.
    CHECK_FALSE(s[0].indicators[1].baseline.has_value());
    CHECK_FALSE(s[0].indicators[1].baseline_year.has_value());
    const auto later = evaluate_plan(plan, kpis, school_year{2026});
    CHECK_FALSE(later[0].indicators[0].target.has_value());
    CHECK_FALSE(later[0].indicators[0].value.has_value());
    CHECK(later[0].indicators[0].status == kpi_status::none);
}

TEST_CASE("plan values: a count without a unit row is 0, a baseline lies at the latest "
          "measurement before the first target") {
    const auto& plan = parse_plan(R"({"plan": "T", "swv": "PO1", "focus_points": [{
      "id": "b", "speerpunt": "S", "process": "P", "indicators": [
        {"kpi": "thuiszitters", "level": "board", "unit": "B1",
         "targets": {"2025-2026": {"at_most": 2}, "2026-2027": {"at_most": 1}}},
        {"kpi": "ankerpunt1_score", "level": "board", "unit": "B1",
         "targets": {"2026-2027": {"at_least": 0.75}, "2025-2026": {"at_least": 0.7}}}]}]})")
                           .value();
    kpi_results kpis;
    kpis.definitions = {test::info("thuiszitters", kpi_unit::count),
                        test::info("ankerpunt1_score", kpi_unit::score)};
    const auto add = [&](std::string kpi, int y, kpi_level level, std::string unit, double v) {
        kpis.rows.push_back(test::count(std::move(kpi), y, level, std::move(unit), v));
    };
    add("thuiszitters", 2025, kpi_level::national, "NL", 7);
    add("thuiszitters", 2025, kpi_level::board, "B2", 7); // B1 has no thuiszitters: no row
    add("ankerpunt1_score", 2022, kpi_level::board, "B1", 0.8);
    add("ankerpunt1_score", 2022, kpi_level::national, "NL", 0.8);
    add("ankerpunt1_score", 2025, kpi_level::board, "B1", 0.7);
    add("ankerpunt1_score", 2025, kpi_level::national, "NL", 0.7);
    const auto s = evaluate_plan(plan, kpis, school_year{2025});
    REQUIRE(s[0].indicators.size() == 2);
    const auto& tz = s[0].indicators[0];
    // 2025-2026: the national row has a numerator, so B1's missing row is 0 thuiszitters.
    CHECK(tz.value == 0.0);
    CHECK(tz.value_row == nullptr);
    CHECK(tz.status == kpi_status::op_koers); // 0 <= 2
    // 2024-2025 has no national row: the data does not cover it, so no value, and no baseline
    // (the first target is 2025-2026; the search goes back to the first year, 2022-2023).
    CHECK_FALSE(tz.previous.has_value());
    CHECK_FALSE(tz.baseline.has_value());
    const auto& ap = s[0].indicators[1];
    // A score is never read as 0: measured in 2022-2023 and 2025-2026 only.
    CHECK_FALSE(ap.previous.has_value());
    CHECK(ap.baseline == 0.8); // targets sorted: first 2025-2026, baseline at or before 2024
    CHECK(ap.baseline_year == school_year{2022});
    CHECK(ap.status == kpi_status::op_koers); // 0.7 >= 0.7 (2025-2026's target)
}

TEST_CASE("forum meetings: months, n-th weekday and every six weeks") {
    const auto& plan = parse_plan(good_plan).value();
    const auto w = working_days::for_year(school_year{2025});
    const auto meetings = forum_meetings(plan, w);
    std::vector<std::string> zoco, bestuur;
    for (const auto& e : meetings) {
        if (e.summary == "ZOCO") zoco.push_back(format_day(e.start));
        if (e.summary == "Bestuur") bestuur.push_back(format_day(e.start));
    }
    CHECK(bestuur == std::vector<std::string>{"2025-09-01", "2025-12-01", "2026-01-05",
                                              "2026-04-01", "2026-06-01"});
    // From 8 September: 20 Oct is in the autumn holiday (-> 27 Oct), 1 Dec, 12 Jan, 23 Feb,
    // 6 Apr is Easter Monday (-> 7 Apr), 18 May, 29 Jun; 10 Aug is in the summer holiday.
    CHECK(zoco == std::vector<std::string>{"2025-09-08", "2025-10-27", "2025-12-01", "2026-01-12",
                                           "2026-02-23", "2026-04-07", "2026-05-18", "2026-06-29"});
    // A plan's own holidays replace passend's list.
    focus_plan own = plan;
    own.holidays = {{"zomervakantie", d("2025-07-19"), d("2025-08-31")},
                    {"zomervakantie", d("2026-07-18"), d("2026-08-30")}};
    const auto w2 = calendar_days(school_year{2025}, &own);
    CHECK(w2.first_school_day() == d("2025-09-01"));
    CHECK(w2.is_working_day(d("2026-02-16")));
}
