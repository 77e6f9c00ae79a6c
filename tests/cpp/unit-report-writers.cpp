// SPDX-License-Identifier: EUPL-1.2
// The report writers on hand-made results: exact CSV and JSON, Markdown and HTML content.
#include "passend/error.hpp"
#include "passend/report/privacy.hpp"
#include "passend/report/report.hpp"
#include "unit-report-rows.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace passend;
using namespace passend::test;

namespace {
constexpr auto NL = kpi_level::national;
constexpr auto SWV = kpi_level::swv;

/// Two KPIs, national and two partnerships; PO1 has 3 pupils (small).
kpi_results sample() {
    kpi_results res;
    auto totaal = info("leerlingen_totaal", kpi_unit::count);
    totaal.title_nl = "Leerlingen, totaal"; // a comma: quoted in CSV
    totaal.title_en = "Pupils \"all\"";
    auto so =
        info("deelname_so", kpi_unit::percent, kpi_norm{kpi_norm::direction::at_most, 1.8, 0.5});
    res.definitions = {totaal, so};
    auto nl = count("leerlingen_totaal", 2024, NL, "NL", 1010);
    nl.change = 10;
    auto p_nl = percent("deelname_so", 2024, NL, "NL", 21, 1000);
    p_nl.status = kpi_status::aandacht;
    auto p2 = percent("deelname_so", 2024, SWV, "PO2", 21, 1000);
    p2.status = kpi_status::aandacht;
    res.rows = {p_nl,
                percent("deelname_so", 2024, SWV, "PO1", 0, 0),
                p2,
                nl,
                count("leerlingen_totaal", 2024, SWV, "PO1", 3),
                count("leerlingen_totaal", 2024, SWV, "PO2", 1007)};
    return res;
}
} // namespace

TEST_CASE("report csv: exact columns and fields, suppressed and not") {
    auto res = sample();
    SUBCASE("suppressed: PO1's 3 shows <5, PO2's 1007 (national minus PO1) is hidden, and the "
            "national change (no previous year to check) too") {
        suppress(res);
        std::ostringstream out;
        write_csv(out, res);
        CHECK(out.str() ==
              "kpi,school_year,level,unit,numerator,denominator,value,status,change,kpi_unit,"
              "title_nl,title_en,partial\n"
              "deelname_so,2024-2025,national,NL,21,1000,2.1,aandacht,,percent,titel deelname_so,"
              "title deelname_so,false\n"
              "deelname_so,2024-2025,swv,PO1,0,0,,,,percent,titel deelname_so,title "
              "deelname_so,false\n"
              "deelname_so,2024-2025,swv,PO2,21,1000,2.1,aandacht,,percent,titel deelname_so,"
              "title deelname_so,false\n"
              "leerlingen_totaal,2024-2025,national,NL,1010,,1010,,,count,\"Leerlingen, "
              "totaal\",\"Pupils \"\"all\"\"\",false\n"
              "leerlingen_totaal,2024-2025,swv,PO1,<5,,<5,,,count,\"Leerlingen, totaal\",\"Pupils "
              "\"\"all\"\"\",false\n"
              "leerlingen_totaal,2024-2025,swv,PO2,,,,,,count,\"Leerlingen, totaal\",\"Pupils "
              "\"\"all\"\"\",false\n");
    }
    SUBCASE("--unit PO1 --no-suppress, a partial year: PO1 and national, every number") {
        report_options o;
        o.unit = "PO1";
        o.suppressed = false;
        // Exported mid-year: 2024-2025 is partial, every row says so.
        res.extract_date = make_day(2025, 3, 15);
        for (auto& row : res.rows) row.partial = true;
        std::ostringstream out;
        write_csv(out, res, o);
        CHECK(out.str() ==
              "kpi,school_year,level,unit,numerator,denominator,value,status,change,kpi_unit,"
              "title_nl,title_en,partial\n"
              "deelname_so,2024-2025,national,NL,21,1000,2.1,aandacht,,percent,titel deelname_so,"
              "title deelname_so,true\n"
              "deelname_so,2024-2025,swv,PO1,0,0,,,,percent,titel deelname_so,title "
              "deelname_so,true\n"
              "leerlingen_totaal,2024-2025,national,NL,1010,,1010,,10,count,\"Leerlingen, "
              "totaal\",\"Pupils \"\"all\"\"\",true\n"
              "leerlingen_totaal,2024-2025,swv,PO1,3,,3,,,count,\"Leerlingen, totaal\",\"Pupils "
              "\"\"all\"\"\",true\n");
    }
    SUBCASE("a year that is not in the results gives the header only") {
        report_options o;
        o.years = {school_year{2019}};
        std::ostringstream out;
        write_csv(out, res, o);
        CHECK(out.str().find('\n') == out.str().size() - 1);
    }
}

TEST_CASE("report json: rows with <5 and null, definitions with norms") {
    auto res = sample();
    res.rows.erase(res.rows.begin(), res.rows.begin() + 3); // leerlingen_totaal only
    suppress(res);
    report_options o;
    o.unit = "PO1";
    std::ostringstream out;
    write_json(out, res, o);
    CHECK(out.str() == R"({
 "format": "passend-kpi-report",
 "version": 1,
 "suppressed": true,
 "small_count": "<5",
 "extract_date": null,
 "reference_day": null,
 "rolling_window": false,
 "reference_values": [],
 "school_years": [
  "2024-2025"
 ],
 "unit": "PO1",
 "definitions": [
  {
   "id": "leerlingen_totaal",
   "title_nl": "Leerlingen, totaal",
   "title_en": "Pupils \"all\"",
   "description": "",
   "source": "test",
   "unit": "count",
   "norm": null
  }
 ],
 "rows": [
  {
   "kpi": "leerlingen_totaal",
   "school_year": "2024-2025",
   "level": "national",
   "unit": "NL",
   "numerator": 1010,
   "denominator": null,
   "value": 1010,
   "status": null,
   "change": null,
   "partial": false,
   "suppressed": [
    "change"
   ]
  },
  {
   "kpi": "leerlingen_totaal",
   "school_year": "2024-2025",
   "level": "swv",
   "unit": "PO1",
   "numerator": "<5",
   "denominator": null,
   "value": "<5",
   "status": null,
   "change": null,
   "partial": false,
   "suppressed": [
    "numerator",
    "value"
   ]
  }
 ]
}
)");
}

TEST_CASE("report json: a norm and a fractional value") {
    auto res = sample();
    res.rows.resize(1); // deelname_so, national
    std::ostringstream out;
    write_json(out, res, {.suppressed = false});
    const auto text = out.str();
    CHECK(text.find(R"("norm": {
    "direction": "at_most",
    "target": 1.8,
    "tolerance": 0.5
   })") != std::string::npos);
    CHECK(text.find(R"("value": 2.1,)") != std::string::npos);
    CHECK(text.find(R"("status": "aandacht",)") != std::string::npos);
}

TEST_CASE("report markdown and html: value, norm, status, trend and the national figure") {
    kpi_results res;
    res.definitions = {
        info("deelname_so", kpi_unit::percent, kpi_norm{kpi_norm::direction::at_most, 1.8, 0.5})};
    for (int y = 2020; y <= 2024; ++y) {
        auto r = percent("deelname_so", y, SWV, "PO1", 10 + y - 2020, 500); // 2.0% .. 2.8%
        r.status = kpi_status::niet_op_koers;
        res.rows.push_back(r);
        res.rows.push_back(percent("deelname_so", y, NL, "NL", 160, 10000)); // 1.6%
    }
    res.rows[0].numerator = 3; // 2020: a small count, hidden in the trend
    suppress(res);
    report_options o;
    o.unit = "PO1";
    o.unit_names = {{"PO1", "Westelijke Mijnstreek"}};
    o.subject = "test";
    std::ostringstream md;
    write_markdown(md, res, o);
    const auto m = md.str();
    CHECK(m.find("## PO1 Westelijke Mijnstreek (samenwerkingsverband)") != std::string::npos);
    CHECK(m.find("schooljaar **2024-2025** (trend 2020-2021 t/m 2024-2025)") != std::string::npos);
    // value 2,80%, no change given, norm, status, a trend with a gap for 2020, national 1,60%.
    CHECK(m.find("| 2,80% | – | ≤ 1,8% | niet op koers | ·") != std::string::npos);
    CHECK(m.find("█ | 1,60% |") != std::string::npos);
    // The counts per status as one sentence, the KPI's id beside its title.
    CHECK(m.find("\nOp koers: 0 · aandacht: 0 · niet op koers: 1 (KPI's met een norm, "
                 "2024-2025)\n") != std::string::npos);
    CHECK(m.find("| titel deelname_so · *title deelname_so* `deelname_so` | 2,80% |") !=
          std::string::npos);

    std::ostringstream html;
    write_html(html, res, o);
    const auto h = html.str();
    CHECK(h.starts_with("<!DOCTYPE html>"));
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("http") == std::string::npos); // nothing from elsewhere
    CHECK(h.find("<svg class=\"spark\"") != std::string::npos);
    CHECK(h.find("2020-2021: –") != std::string::npos); // the hidden year in the tooltip
    // The status coloured, the trend drawn in its cell, the definitions on the page only.
    CHECK(h.find("<td class=\"tone-bad\">niet op koers</td><td class=\"trend\"><svg") !=
          std::string::npos);
    CHECK(h.find("<section id=\"definities\" class=\"page-only\">") != std::string::npos);
    // The counts as coloured badges, the id small beside the title.
    CHECK(
        h.find(
            "<p class=\"tally\"><span class=\"badge tone-good\">op koers</span> "
            "<strong>0</strong> <span class=\"badge tone-attention\">aandacht</span> "
            "<strong>0</strong> <span class=\"badge tone-bad\">niet op koers</span> "
            "<strong>1</strong> <span class=\"muted\">KPI's met een norm, 2024-2025</span></p>") !=
        std::string::npos);
    CHECK(h.find(
              "<td>titel deelname_so · <em>title deelname_so</em> <code>deelname_so</code></td>") !=
          std::string::npos);
    CHECK(m.find("Definities en bronnen") == std::string::npos);
    CHECK(h.find("@media print") != std::string::npos);
}

TEST_CASE("report formats: names") {
    CHECK(parse_report_format("xlsx") == report_format::xlsx);
    CHECK(!parse_report_format("pdf"));
    std::ostringstream out;
    CHECK_THROWS_AS(write_report(report_format::xlsx, out, {}), error);
}

TEST_CASE("report markdown, html and json: a published figure beside the data's own") {
    kpi_results res;
    res.definitions = {info("deelname_so", kpi_unit::percent)};
    res.rows = {percent("deelname_so", 2024, SWV, "PO1", 14, 700), // 2,00%
                percent("deelname_so", 2024, NL, "NL", 160, 10000)};
    res.reference_values = {{"deelname_so", school_year{2024}, 1.69, "DUO, Kengetallen (test)"}};
    suppress(res);
    report_options o;
    o.unit = "PO1";
    std::ostringstream md;
    write_markdown(md, res, o);
    const auto m = md.str();
    // value, national 1,60% of the same data, the published 1,69% numbered to its source.
    CHECK(m.find("| landelijk | gepubliceerd |") != std::string::npos);
    CHECK(m.find("| 1,60% | 1,69% [1] |") != std::string::npos);
    CHECK(m.find("[1] deelname_so 2024-2025: DUO, Kengetallen (test)") != std::string::npos);
    std::ostringstream html;
    write_html(html, res, o);
    CHECK(html.str().find("<td class=\"num\">1,69% [1]</td>") != std::string::npos);
    CHECK(html.str().find("<p>[1] deelname_so 2024-2025: DUO, Kengetallen (test)</p>") !=
          std::string::npos);
    std::ostringstream json;
    write_json(json, res, o);
    CHECK(json.str().find("\"source\": \"DUO, Kengetallen (test)\"") != std::string::npos);
}
