// SPDX-License-Identifier: EUPL-1.2
// A focus plan's evaluation as a document (Markdown, HTML) and as JSON (passend-plan-1):
// baseline, values, change, target and status, with small counts hidden by suppress(); and
// evaluate_plan() on a dataset, the path the CLI, the C API and Python share.
#include "passend/cycle/plan_report.hpp"
#include "passend/demo.hpp"
#include "passend/report/privacy.hpp"
#include "unit-report-rows.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace passend;

namespace {

constexpr const char* plan_text = R"({
  "plan": "Plan PO1", "swv": "PO1",
  "focus_points": [{
    "id": "fp", "speerpunt": "Minder thuiszitters, minder so", "process": "Verzuim",
    "description": "Een regel tekst.",
    "indicators": [
      {"kpi": "thuiszitters", "source": "Leerplicht",
       "targets": {"2025-2026": {"at_most": 5, "tolerance": 2}}},
      {"kpi": "deelname_so", "source": "Kijkglas", "definition": "100 x so / bao+sbo",
       "targets": {"2025-2026": {"at_most": 2.0, "tolerance": 0.2}}},
      {"kpi": "ankerpunt1_score", "level": "board", "unit": "B1"}
    ],
    "forums": [{"forum": "ALV", "by": "SWV", "purpose": "Koers", "frequency": {"months": ["dec", "jun"]}}]
  }]
})";

// Two years of a partnership PO1 that is the whole country: 8 then 3 thuiszitters, so
// participation 1.8% then 2.1%, a board score 36/40 = 0.9 in 2025-2026.
kpi_results results() {
    kpi_results k;
    k.definitions = {test::info("thuiszitters", kpi_unit::count),
                     test::info("deelname_so", kpi_unit::percent),
                     test::info("ankerpunt1_score", kpi_unit::score)};
    for (auto [level, unit] : {std::pair{kpi_level::national, "NL"}, {kpi_level::swv, "PO1"}}) {
        k.rows.push_back(test::count("thuiszitters", 2024, level, unit, 8));
        k.rows.push_back(test::count("thuiszitters", 2025, level, unit, 3));
        k.rows.push_back(test::percent("deelname_so", 2024, level, unit, 18, 1000));
        k.rows.push_back(test::percent("deelname_so", 2025, level, unit, 21, 1000));
    }
    auto score = test::count("ankerpunt1_score", 2025, kpi_level::board, "B1", 36);
    score.denominator = 40;
    score.value = 36.0 / 40;
    k.rows.push_back(score);
    return k;
}

plan_report_options names() {
    plan_report_options o;
    o.subject = "test";
    o.unit_names = {{"PO1", "Een"}, {"B1", "Stichting Een"}};
    return o;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("plan report: baseline, years, change, target and status per indicator") {
    const auto plan = parse_plan(plan_text).value();
    auto kpis = results();
    suppress(kpis);
    // The 3 thuiszitters of 2025-2026 are a small count (PO1 and NL alike).
    REQUIRE(kpis.rows[1].kpi == "thuiszitters");
    REQUIRE(kpis.rows[1].suppressed.value);
    const auto md = to_markdown(plan_report(plan, kpis, school_year{2025}, names()));
    INFO(md);
    CHECK(has(md, "# Plan PO1\n"));
    CHECK(has(md, "**Samenwerkingsverband:** PO1 Een  \n"));
    CHECK(has(md, "**Schooljaar:** 2025-2026 (verschil met 2024-2025)  \n"));
    CHECK(has(md, "**Gegevens:** test  \n"));
    // deelname_so aandacht (2.1 misses 2.0 by 0.1, within 0.2); thuiszitters hidden, the
    // score has no target.
    CHECK(has(md, "**Stand:** 0 op koers · 1 aandacht · 0 niet op koers · 2 zonder oordeel"));
    CHECK(has(md, "## Minder thuiszitters, minder so\n\n*Proces: Verzuim*\n\nEen regel tekst."));
    CHECK(has(md, "| Indicator | Middel | Nulmeting | 2024-2025 | 2025-2026 | Verschil | Doel "
                  "2025-2026 | Status |\n|---|---|--:|--:|--:|--:|---|---|\n"));
    // 3 is `<5`; its status (op koers: 3 <= 5) and change (-5) would tell, so they are hidden.
    CHECK(has(md, "| titel thuiszitters `thuiszitters` | Leerplicht | 8 (2024-2025) | 8 | <5 | – | "
                  "≤ 5 (marge 2) | – |"));
    // 100 x 21 / 1000 = 2,10%; 18 / 1000 = 1,80%; +0,30 percentage points.
    CHECK(has(md, "| titel deelname_so `deelname_so` | Kijkglas | 1,80% (2024-2025) | 1,80% "
                  "| 2,10% | +0,30 pp | ≤ 2% (marge 0,2 pp) | ⚠ aandacht |"));
    // Another unit than the plan's partnership is named; no targets: no baseline.
    CHECK(has(
        md,
        "| titel ankerpunt1_score `ankerpunt1_score` · schoolbestuur B1 Stichting Een | – | – | – "
        "| 0,90 | – | geen doel | – |"));
    CHECK(has(md, "*Definitie `deelname_so`: 100 x so / bao+sbo*"));
    CHECK(has(md, "| ALV | SWV | Koers | 2x/jaar (dec, jun) |"));
    CHECK(has(md, "Kleine aantallen (1 t/m 4) staan als `<5`"));
}

TEST_CASE("plan report without suppression shows every number, status and change") {
    const auto plan = parse_plan(plan_text).value();
    auto o = names();
    o.suppressed = false;
    const auto md = to_markdown(plan_report(plan, results(), school_year{2025}, o));
    INFO(md);
    CHECK(has(md, "| titel thuiszitters `thuiszitters` | Leerplicht | 8 (2024-2025) | 8 | 3 | −5 | "
                  "≤ 5 (marge 2) | ✔ op koers |"));
    CHECK(has(md, "**Stand:** 1 op koers · 1 aandacht · 0 niet op koers · 1 zonder oordeel"));
    CHECK(has(md, "**Intern: kleine aantallen zijn niet verborgen**"));
    const auto html = to_html(plan_report(plan, results(), school_year{2025}, o));
    CHECK(has(html, "<p class=\"kicker\">Kwaliteitszorg passend onderwijs: focusplan</p>"));
    CHECK(has(html, "<td class=\"warn\">⚠ aandacht</td>"));
    CHECK(has(html, "<td class=\"num\">2,10%</td>"));
}

TEST_CASE("plan JSON: passend-plan-1 with <5, null for what is hidden") {
    const auto plan = parse_plan(plan_text).value();
    auto kpis = results();
    suppress(kpis);
    const auto doc = nlohmann::json::parse(plan_json(plan, kpis, school_year{2025}, names()));
    CHECK(doc["format"] == "passend-plan-1");
    CHECK(doc["school_year"] == "2025-2026");
    CHECK(doc["previous_school_year"] == "2024-2025");
    CHECK(doc["swv"] == "PO1");
    CHECK(doc["suppressed"] == true);
    CHECK(doc["small_count"] == "<5");
    CHECK(doc["summary"] ==
          nlohmann::json{{"op_koers", 0}, {"aandacht", 1}, {"niet_op_koers", 0}, {"none", 2}});
    const auto& inds = doc["focus_points"][0]["indicators"];
    REQUIRE(inds.size() == 3);
    CHECK(inds[0]["kpi"] == "thuiszitters");
    CHECK(inds[0]["value"] == "<5");
    CHECK(inds[0]["previous"] == 8);
    CHECK(inds[0]["change"].is_null());
    CHECK(inds[0]["status"].is_null());
    CHECK(inds[0]["baseline"] == nlohmann::json{{"school_year", "2024-2025"}, {"value", 8}});
    CHECK(inds[0]["target"] ==
          nlohmann::json{{"direction", "at_most"}, {"target", 5}, {"tolerance", 2}});
    CHECK(inds[1]["value"].get<double>() == doctest::Approx(2.1));
    CHECK(inds[1]["change"].get<double>() == doctest::Approx(0.3));
    CHECK(inds[1]["status"] == "aandacht");
    CHECK(inds[1]["kpi_unit"] == "percent");
    CHECK(inds[1]["definition"] == "100 x so / bao+sbo");
    CHECK(inds[2]["level"] == "board");
    CHECK(inds[2]["unit"] == "B1");
    CHECK(inds[2]["value"].get<double>() == doctest::Approx(0.9));
    CHECK(inds[2]["baseline"].is_null());
    CHECK(inds[2]["target"].is_null());
    CHECK(doc["focus_points"][0]["forums"][0]["frequency"] == "2x/jaar (dec, jun)");
}

TEST_CASE("evaluate_plan on a dataset: the year, suppression, names and units without figures") {
    demo_options small;
    small.pupils = 3000;
    const auto ds = make_demo(small);
    const auto plan = parse_plan(R"({"plan": "Demo", "swv": "PO3104", "focus_points": [{
        "id": "a", "speerpunt": "s", "process": "p", "indicators": [
          {"kpi": "thuiszitters", "targets": {"2024-2025": {"at_most": 10}}},
          {"kpi": "deelname_so", "level": "swv", "unit": "PO9999"}]}, {
        "id": "b", "speerpunt": "s", "process": "p", "indicators": [
          {"kpi": "deelname_sbo", "level": "swv", "unit": "PO9999"},
          {"kpi": "ankerpunt1_score", "level": "board", "unit": "B404"}]}]})")
                          .value();
    plan_evaluation_options o;
    o.subject = "test";
    o.source = "mijn-plan.json";
    const auto e = evaluate_plan(*ds, plan, o);
    CHECK(e.plan == &plan);
    CHECK(e.year == school_year{2024}); // the latest year of the demo's figures
    CHECK(e.report.subject == "test");
    CHECK(e.report.suppressed);
    CHECK(e.report.max_small == 4);
    CHECK(e.report.unit_names.contains("PO3104"));
    // every year (the baseline and the year before need them), suppressed
    CHECK(std::any_of(e.kpis.rows.begin(), e.kpis.rows.end(),
                      [](const kpi_row& r) { return r.year == school_year{2020}; }));
    CHECK(std::any_of(e.kpis.rows.begin(), e.kpis.rows.end(),
                      [](const kpi_row& r) { return r.suppressed.any(); }));
    // one warning per unit without figures, naming the first focus point with it
    REQUIRE(e.warnings.size() == 2);
    CHECK(to_string(e.warnings[0]) ==
          "mijn-plan.json: warning: the data has no figures for swv 'PO9999' (focus point 'a')");
    CHECK(e.warnings[0].rule == "unit_without_figures");
    CHECK(e.warnings[1].message == "the data has no figures for board 'B404' (focus point 'b')");
    CHECK(e.json() == plan_json(plan, e.kpis, e.year, e.report));
    CHECK(has(e.json(), "\"subject\": \"test\""));
    CHECK(has(to_markdown(e.document()), "**Schooljaar:** 2024-2025 t/m 2025-03-15 (verschil met "
                                         "2023-2024)"));
    CHECK(has(to_markdown(e.document()), "**Gegevens t/m:** 2025-03-15 (data as of 2025-03-15)"));

    o.year = school_year{2022};
    o.suppress = false;
    const auto internal = evaluate_plan(*ds, plan, o);
    CHECK(internal.year == school_year{2022});
    CHECK(!internal.report.suppressed);
    CHECK(std::none_of(internal.kpis.rows.begin(), internal.kpis.rows.end(),
                       [](const kpi_row& r) { return r.suppressed.any(); }));

    o.year = school_year{2025};
    CHECK_THROWS_WITH_AS(
        evaluate_plan(*ds, plan, o),
        "2025-2026: the data has no such school year (it has 2020-2021 to 2024-2025)",
        year_not_covered);
}

TEST_CASE("check_year and latest_year on results without rows") {
    const kpi_results none;
    CHECK_THROWS_WITH_AS(latest_year(none), "the data gives no KPI figures", year_not_covered);
    CHECK_THROWS_WITH_AS(check_year(none, school_year{2024}),
                         "2024-2025: the data has no school years", year_not_covered);
    const auto some = results();
    CHECK(latest_year(some) == school_year{2025});
    CHECK(check_year(some, school_year{2024}) == school_year{2024});
    CHECK_THROWS_WITH_AS(check_year(some, school_year{2023}),
                         "2023-2024: the data has no such school year (it has 2024-2025 to "
                         "2025-2026)",
                         year_not_covered);
}
