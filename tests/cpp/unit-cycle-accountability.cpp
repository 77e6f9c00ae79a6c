// SPDX-License-Identifier: EUPL-1.2
#include "passend/builder.hpp"
#include "passend/cycle/accountability.hpp"
#include "passend/report/privacy.hpp"
#include "unit-report-rows.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}
constexpr school_year y2024{2024};

dataset_builder region() {
    dataset_builder b;
    b.add(swv_row{"PO3104", "Westelijke Mijnstreek", sector::po});
    b.add(board_row{"kindante", "Stichting Kindante"});
    b.add(board_row{"leeg", "Stichting Leeg"});
    b.add(school_row{"01AA00", "De Linde", "kindante", "PO3104", setting::bao});
    b.add(school_row{"02BB00", "De Wissel", "kindante", "PO3104", setting::sbo});
    b.add(school_row{"09ZZ00", "Elders", "leeg", "PO3104", setting::bao});
    b.add(pupil_row{"p1", d("2016-03-01")});
    b.add(pupil_row{"p2", d("2016-05-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
    b.add(enrolment_row{"p2", "09ZZ00", d("2020-08-01")});
    return b;
}

kpi_row row(std::string kpi, int year, double value) {
    kpi_row r;
    r.kpi = std::move(kpi);
    r.year = school_year{year};
    r.level = kpi_level::board;
    r.unit = "kindante";
    r.numerator = value;
    r.value = value;
    return r;
}

const report_section& section(const accountability_report& r, std::string_view id) {
    const auto it = std::find_if(r.sections.begin(), r.sections.end(),
                                 [&](const report_section& s) { return s.id == id; });
    REQUIRE(it != r.sections.end());
    return *it;
}

bool mentions(const report_section& s, std::string_view text) {
    return std::any_of(s.blocks.begin(), s.blocks.end(), [&](const report_block& b) {
        if (b.text.find(text) != std::string::npos) return true;
        for (const auto& r : b.rows)
            for (const auto& c : r)
                if (c.find(text) != std::string::npos) return true;
        return false;
    });
}
} // namespace

TEST_CASE("the report follows the model board report's structure") {
    const auto ds = region().finish().value();
    const auto r = build_accountability(*ds, {}, *ds->find_board("kindante"), y2024, {});
    std::vector<std::string> ids;
    for (const auto& s : r.sections) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"context", "ankerpunten", "procesindicatoren",
                                          "thuiszitters", "ononderbroken_ontwikkeling",
                                          "verwijzingen", "terugplaatsingen", "middelen"});
    CHECK(r.header[0].second == "Stichting Kindante (kindante)");
    CHECK(r.header[3].second == "PO3104 (Westelijke Mijnstreek): 2 scholen");
}

TEST_CASE("sections without data say so instead of showing zeros") {
    const auto ds = region().finish().value();
    const auto r = build_accountability(*ds, {}, *ds->find_board("leeg"), y2024, {});
    CHECK(mentions(section(r, "ankerpunten"), "geen meting van de ankerpunten"));
    CHECK(mentions(section(r, "procesindicatoren"), "geen scores op de procesindicatoren"));
    CHECK(mentions(section(r, "thuiszitters"), "geen verzuimregistratie (absences.csv)"));
    CHECK(mentions(section(r, "middelen"), "funds.csv en allocations.csv ontbreken"));
    CHECK(mentions(section(r, "context"), "nog niet ingevuld (tekstveld `context`)"));
    // KPI rows that were not evaluated show as missing, not as 0.
    CHECK(mentions(section(r, "verwijzingen"), "geen waarde"));
    CHECK_FALSE(mentions(section(r, "verwijzingen"), "| 0 |"));
    const auto md = to_markdown(r);
    CHECK(md.find("geen waarde") != std::string::npos);
}

TEST_CASE("figures: KPIs with the previous year, small counts suppressed, money reconciled") {
    auto b = region();
    b.add(absence_row{"p1", absence_kind::relatief, d("2024-09-02"), d("2024-11-20")});
    b.add(fund_row{y2024, "PO3104", "kindante", "terugploegregeling", 1'631'099'00});
    b.add(allocation_row{y2024, "kindante", "Zorgstructuur", 1'631'100'00, {}, "verwijzingen_so"});
    for (int i = 1; i <= 4; ++i)
        b.add(assessment_row{y2024, "01AA00", "ankerpunt1", std::to_string(i), i <= 3 ? 1.0 : 0});
    b.add(assessment_row{y2024, "02BB00", "ankerpunt1", "1", 0.5});
    const auto ds = b.finish().value();
    kpi_results kpis;
    kpis.rows = {row("verwijzingen_so", 2023, 60),         row("verwijzingen_so", 2024, 40),
                 row("verwijzingen_sbo", 2023, 31),        row("verwijzingen_sbo", 2024, 3),
                 row("terugplaatsingen_sbo_bao", 2024, 4), row("thuiszitters", 2024, 12)};
    const auto unsuppressed = kpis;
    for (auto id :
         {"verwijzingen_so", "verwijzingen_sbo", "terugplaatsingen_sbo_bao", "thuiszitters"})
        kpis.definitions.push_back(test::info(id, kpi_unit::count));
    suppress(kpis); // the report shows what the published rows show
    accountability_texts texts;
    texts.fields["verwijzingen"] = "Een **afwegingskader** helpt.";
    const auto board = *ds->find_board("kindante");
    const auto r = build_accountability(*ds, kpis, board, y2024, texts);
    const auto& ref = section(r, "verwijzingen");
    REQUIRE(ref.blocks[0].type == report_block::kind::table);
    CHECK(ref.blocks[0].rows[0] ==
          std::vector<std::string>{"Verwijzingen naar so", "`verwijzingen_so`", "60", "40", "-20"});
    // 3 is a small count: <5, and no difference that would reveal it.
    CHECK(ref.blocks[0].rows[1] ==
          std::vector<std::string>{"Verwijzingen naar sbo", "`verwijzingen_sbo`", "31", "<5", ""});
    CHECK(mentions(ref, "Een **afwegingskader** helpt."));
    const auto& back = section(r, "terugplaatsingen");
    CHECK(back.blocks[0].rows[1][3] == "<5");
    CHECK(back.blocks[0].rows[1][2] == "geen waarde");
    // The anchor point: one of two schools meets the norm (01AA00 exactly 0.75, 02BB00 0.5).
    const auto& anchor = section(r, "ankerpunten");
    CHECK(anchor.blocks[0].rows[0] ==
          std::vector<std::string>{"Ankerpunt 1 - Kwaliteitsstandaard", "2024-2025", "2 van 2", "1",
                                   "50%", "63%"}); // mean of 0.75 and 0.5, rounded half up
    CHECK(anchor.blocks[0].rows[1][1] == "geen meting");
    const auto& money = section(r, "middelen");
    CHECK(mentions(money, "✘ sluit niet: € 1 meer aangewend dan ontvangen"));
    CHECK(mentions(money, "€ 1.631.100 (1 leerlingen op 1 oktober 2024)"));
    CHECK(mentions(money, "`verwijzingen_so`"));

    accountability_options internal;
    internal.suppress_small_counts = false;
    const auto open = build_accountability(*ds, unsuppressed, board, y2024, texts, internal);
    CHECK(section(open, "verwijzingen").blocks[0].rows[1][3] == "3");
    CHECK(section(open, "verwijzingen").blocks[0].rows[1][4] == "-28");

    const auto html = to_html(r);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<strong>afwegingskader</strong>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos); // self-contained: nothing to fetch
    CHECK(html.find("@media print") != std::string::npos);
    const auto md = to_markdown(r);
    CHECK(md.find("## Verwijzingen naar SO/SBO") != std::string::npos);
    CHECK(md.find("| Verwijzingen naar sbo | `verwijzingen_sbo` | 31 | <5 |  |") !=
          std::string::npos);
}

TEST_CASE("board texts from Markdown or JSON; unknown fields are errors") {
    const auto md = parse_texts("# Titel\nvooraf\n## context\n\nRegel een.\nRegel twee.\n\n"
                                "## middelen\r\n- punt\r\n",
                                "t.md");
    CHECK(md.get("context") == "Regel een.\nRegel twee.");
    CHECK(md.get("middelen") == "- punt");
    CHECK(md.get("namens").empty());
    const auto js =
        parse_texts(R"({"namens": "A. de Vries", "context": ["Een.", "Twee."]})", "t.json");
    CHECK(js.get("namens") == "A. de Vries");
    CHECK(js.get("context") == "Een.\n\nTwee.");
    try {
        (void)parse_texts("## contxt\ntekst\n", "t.md");
        FAIL("an unknown field must be an error");
    } catch (const load_error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].line == 1);
        CHECK(to_string(e.diagnostics()[0]).find("unknown text field 'contxt'") !=
              std::string::npos);
    }
    CHECK_THROWS_AS((void)parse_texts(R"({"context": 3})", "t.json"), load_error);
}

TEST_CASE("a count KPI without a board row is 0 when the data covers the year, else missing") {
    const auto ds = region().finish().value();
    kpi_results kpis;
    for (auto [id, unit] : {std::pair{"terugplaatsingen_so_bao", kpi_unit::count},
                            std::pair{"verwijzingspercentage_so", kpi_unit::percent}}) {
        kpi_info info;
        info.id = id;
        info.unit = unit;
        kpis.definitions.push_back(info);
    }
    // The evaluator writes board rows only for boards with records; the national row says the
    // data covers 2024-2025 (a numerator), not 2023-2024 (none).
    kpi_row nat;
    nat.kpi = "terugplaatsingen_so_bao";
    nat.year = y2024;
    nat.unit = "NL";
    nat.numerator = nat.value = 7;
    kpis.rows.push_back(nat);
    nat.year = school_year{2023};
    nat.numerator = nat.value = std::nullopt;
    kpis.rows.push_back(nat);
    nat.kpi = "verwijzingspercentage_so";
    nat.year = y2024;
    nat.numerator = 3;
    kpis.rows.push_back(nat);
    const auto r = build_accountability(*ds, kpis, *ds->find_board("kindante"), y2024, {});
    const auto& back = section(r, "terugplaatsingen").blocks[0];
    CHECK(back.rows[0][2] == "geen waarde");
    CHECK(back.rows[0][3] == "0");
    CHECK(section(r, "verwijzingen").blocks[0].rows[2][3] == "geen waarde"); // a ratio: no value
}
