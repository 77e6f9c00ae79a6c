// SPDX-License-Identifier: EUPL-1.2
// The report document model and its writers (report/document.hpp).
#include "passend/report/document.hpp"

#include "passend/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace passend;

namespace {

report_document small_document() {
    report_document doc;
    doc.kicker = "Kwaliteitszorg";
    doc.title = "Focusplan";
    doc.header = {{"Schooljaar", "2024-2025"}};
    report_section s{"fp1", "Thuiszitters", "Hoe gaat het?", {}};
    s.blocks.push_back(report_block::paragraphs("Een **vet** woord.\n\n- een\n- twee"));
    s.blocks.push_back(report_block::note("Geen gegevens."));
    s.blocks.push_back(report_block::heading("Hoe meet ik dit?"));
    report_block t;
    t.type = report_block::kind::table;
    t.header = {"Indicator", "2024-2025"};
    t.numeric = {false, true};
    t.rows = {{"thuiszitters", "<5"}, {"a|b", "12"}};
    t.shown = {{cell_shown::number, cell_shown::small}};
    t.caption = "Bron: passend";
    s.blocks.push_back(t);
    doc.sections.push_back(s);
    doc.sources = {"Cijfers: passend."};
    return doc;
}

} // namespace

TEST_CASE("report document: Markdown of every kind of block") {
    CHECK(to_markdown(small_document()) == "# Focusplan\n\n"
                                           "**Schooljaar:** 2024-2025  \n"
                                           "\n## Thuiszitters\n\n"
                                           "*Hoe gaat het?*\n\n"
                                           "Een **vet** woord.\n\n- een\n- twee\n\n"
                                           "> Geen gegevens.\n\n"
                                           "### Hoe meet ik dit?\n\n"
                                           "| Indicator | 2024-2025 |\n"
                                           "|---|--:|\n"
                                           "| thuiszitters | <5 |\n"
                                           "| a\\|b | 12 |\n"
                                           "\n*Bron: passend*\n\n"
                                           "---\n\n"
                                           "- Cijfers: passend.\n");
}

TEST_CASE("report document: HTML escapes text, marks numbers and keeps the one stylesheet") {
    const auto html = to_html(small_document());
    CHECK(html.find("<p class=\"kicker\">Kwaliteitszorg</p>") != std::string::npos);
    CHECK(html.find("<section id=\"fp1\">") != std::string::npos);
    CHECK(html.find("<p>Een <strong>vet</strong> woord.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n"
                    "</ul>") != std::string::npos);
    CHECK(html.find("<div class=\"note\"><p>Geen gegevens.</p>\n</div>") != std::string::npos);
    CHECK(html.find("<th class=\"num\">2024-2025</th>") != std::string::npos);
    CHECK(html.find("<td class=\"num\">&lt;5</td>") != std::string::npos);
    CHECK(html.find("<style>") == html.rfind("<style>")); // one stylesheet
}

TEST_CASE("report document: a table cell's shown state defaults to a number") {
    const auto doc = small_document();
    const auto& t = doc.sections[0].blocks[3];
    CHECK(t.shown_at(0, 1) == cell_shown::small);
    CHECK(t.shown_at(0, 0) == cell_shown::number);
    CHECK(t.shown_at(1, 1) == cell_shown::number); // no state given for the second row
}

TEST_CASE("report document: the workbook is written as a zip file") {
    const auto file = std::filesystem::temp_directory_path() / "passend-document-test.xlsx";
    std::filesystem::remove(file);
    write_xlsx(file, small_document());
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(bytes.starts_with("PK")); // an xlsx is a zip archive
    CHECK(bytes.size() > 1000);
    std::filesystem::remove(file);
    CHECK_THROWS_AS(write_xlsx("/nonexistent-dir/x.xlsx", small_document()), error);
}

namespace {

/// A document as the dashboards build them: lines under the title, no header or sources.
report_document dashboard_like(markdown_layout layout) {
    report_document doc;
    doc.title = "Monitor";
    doc.markdown = layout;
    doc.sections.push_back({{}, {}, {}, {report_block::paragraphs("*The monitor*")}});
    report_block t;
    t.type = report_block::kind::table;
    t.header = {"", "uit *out*"};
    t.numeric = {false, true};
    t.rows = {{"so", "<5"}};
    t.tones = {{cell_tone::plain, cell_tone::attention}};
    doc.sections.push_back({"u-po1", "PO1 Noord", {}, {t}});
    doc.sections.push_back({{}, {}, {}, {report_block::paragraphs("*Gemaakt met passend.*")}});
    return doc;
}

} // namespace

TEST_CASE("report document: Markdown layouts keep each report's rules and spacing") {
    using rules = markdown_layout::rules;
    // Blocks one blank line apart; the spaced rules write an empty cell as `| |`.
    CHECK(to_markdown(dashboard_like({rules::spaced})) == "# Monitor\n\n"
                                                          "*The monitor*\n\n"
                                                          "## PO1 Noord\n\n"
                                                          "| | uit *out* |\n"
                                                          "| --- | ---: |\n"
                                                          "| so | <5 |\n\n"
                                                          "*Gemaakt met passend.*\n");
    // The flows' rules, a blank line at the end; two blank lines before a later section.
    CHECK(to_markdown(dashboard_like({rules::long_right, true, true})) ==
          "# Monitor\n\n"
          "*The monitor*\n\n"
          "\n## PO1 Noord\n\n"
          "|  | uit *out* |\n"
          "|---|---:|\n"
          "| so | <5 |\n\n"
          "*Gemaakt met passend.*\n\n");
}

TEST_CASE("report document: HTML colours a cell by its tone and leaves out what is empty") {
    const auto html = to_html(dashboard_like({}));
    CHECK(html.find("<td class=\"num tone-attention\">&lt;5</td>") != std::string::npos);
    CHECK(html.find("<th class=\"num\">uit <em>out</em></th>") != std::string::npos);
    CHECK(html.find("<section>\n<p><em>The monitor</em></p>") != std::string::npos); // no <h2>
    CHECK(html.find("<section id=\"u-po1\">\n<h2>PO1 Noord</h2>") != std::string::npos);
    CHECK(html.find("class=\"kicker\"") == std::string::npos);    // no kicker given
    CHECK(html.find("<dl class=\"meta\">") == std::string::npos); // no header facts
    CHECK(html.find("<footer>") == std::string::npos);            // no sources
    CHECK(dashboard_like({}).sections[1].blocks[0].tone_at(0, 0) == cell_tone::plain);
    CHECK(dashboard_like({}).sections[1].blocks[0].tone_at(3, 3) == cell_tone::plain);
}

TEST_CASE("report document: a page of four or more units lists them at its top, not in print") {
    report_document doc;
    doc.title = "Kengetallen";
    doc.sections.push_back({"", "", "", {report_block::paragraphs("Gegevens t/m 2025-03-15.")}});
    for (const char* unit : {"NL", "PO3104", "PO3105"})
        doc.sections.push_back({std::string("u-") + unit, unit, "", {}});
    // Three units: nothing to choose between.
    CHECK(to_html(doc).find("<nav class=\"contents\">") == std::string::npos);

    doc.sections.push_back({"u-PO3106", "PO3106 *Parkstad*", "", {}});
    const auto html = to_html(doc);
    const auto nav = html.find("<nav class=\"contents\">");
    REQUIRE(nav != std::string::npos);
    // After the lines under the title, before the first unit; a link per titled section.
    CHECK(html.find("Gegevens t/m 2025-03-15.") < nav);
    CHECK(nav < html.find("<section id=\"u-NL\">"));
    CHECK(html.find("<li><a href=\"#u-PO3106\">PO3106 <em>Parkstad</em></a></li>") !=
          std::string::npos);
    CHECK(html.find("nav.contents, section.page-only { display: none; }") != std::string::npos);
    // The Markdown has no such list.
    CHECK(to_markdown(doc).find("Inhoud") == std::string::npos);
}

TEST_CASE("report document: a tally is coloured badges on the page and one sentence in the text") {
    report_document doc;
    doc.title = "Kengetallen";
    auto& s = doc.sections.emplace_back();
    s.blocks.push_back(report_block::tally(
        {{"op koers", cell_tone::good}, {"aandacht", cell_tone::attention}, {"geen", {}}},
        {3, 0, 12}, "KPI's met een norm"));
    s.blocks.push_back(report_block::tally({{"*zonder*", cell_tone::bad}}, {1}));
    CHECK(to_markdown(doc) == "# Kengetallen\n\n"
                              "Op koers: 3 · aandacht: 0 · geen: 12 (KPI's met een norm)\n\n"
                              "*zonder*: 1\n");
    const auto html = to_html(doc);
    CHECK(html.find("<p class=\"tally\"><span class=\"badge tone-good\">op koers</span> "
                    "<strong>3</strong> <span class=\"badge tone-attention\">aandacht</span> "
                    "<strong>0</strong> <span class=\"badge\">geen</span> <strong>12</strong> "
                    "<span class=\"muted\">KPI's met een norm</span></p>") != std::string::npos);
    CHECK(html.find("<p class=\"tally\"><span class=\"badge tone-bad\"><em>zonder</em></span> "
                    "<strong>1</strong> </p>") != std::string::npos);
    // A section for the page only is marked so that print leaves it out.
    doc.sections.push_back({"defs", "Definities", "", {}, report_block::medium::page});
    CHECK(to_html(doc).find("<section id=\"defs\" class=\"page-only\">") != std::string::npos);
    CHECK(to_markdown(doc).find("Definities") == std::string::npos);
}

TEST_CASE("report document: a table of more than ten columns is set wide, its headers breakable "
          "after `_` so that it fits a printed sheet") {
    report_document doc;
    doc.title = "Stromen";
    auto t = report_block::table({"van"});
    for (int c = 0; c < 10; ++c) t.header.push_back("uitstroom_" + std::to_string(c));
    t.rows.push_back(std::vector<std::string>(11, "1"));
    doc.sections.emplace_back().blocks.push_back(t);
    auto html = to_html(doc);
    CHECK(html.find("<table class=\"wide\">") != std::string::npos);
    CHECK(html.find("<th>uitstroom_<wbr>9</th>") != std::string::npos);
    CHECK(html.find("table.wide { display:table; font-size:7pt; }") != std::string::npos);
    // Ten columns fit the page as they are.
    doc.sections[0].blocks[0].header.pop_back();
    for (auto& row : doc.sections[0].blocks[0].rows) row.pop_back();
    html = to_html(doc);
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("<wbr>") == std::string::npos);
}
