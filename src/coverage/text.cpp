// SPDX-License-Identifier: EUPL-1.2
// The coverage as JSON (the figures the C and Python APIs hand over) and as a report document
// (report/document.hpp), which gives its Markdown and HTML.
#include "../report/common.hpp"
#include "../report/markdown_cell.hpp"
#include "shown.hpp"

#include "passend/report/document.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace coverage_detail;
using json = nlohmann::ordered_json;

json euros(cents amount) {
    return report_detail::json_number(static_cast<double>(amount) / 100);
}

json cell_json(const coverage& c, const partnership_coverage& p, std::size_t d, std::size_t m,
               const coverage_privacy& privacy) {
    const auto& cell = p.cells[d][m];
    const bool hide = hidden(cell, privacy);
    const auto o = cell.occupancy();
    return {
        {"domain", c.domains[d]},
        {"municipality", p.municipalities[m]},
        {"places", cell.places},
        {"offers", cell.offers},
        {"pupils", hide ? json(report_detail::small_mark(privacy.max_small)) : json(cell.pupils)},
        {"occupancy", o && !hide ? report_detail::json_number(*o) : json(nullptr)},
        {"state", to_string(cell.state)}};
}

json partnership_json(const coverage& c, const partnership_coverage& p,
                      const coverage_privacy& privacy) {
    const auto first = std::to_string(first_calendar_year(c));
    const auto second = std::to_string(first_calendar_year(c) + 1);
    json out{{"swv_id", p.swv_id}, {"name", p.name}, {"municipalities", p.municipalities}};
    out["cells"] = json::array();
    out["gaps"] = json::array();
    for (std::size_t d = 0; d < c.domains.size(); ++d)
        for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
            out["cells"].push_back(cell_json(c, p, d, m, privacy));
            if (p.cells[d][m].state == cover_state::no_offer)
                out["gaps"].push_back(
                    {{"domain", c.domains[d]}, {"municipality", p.municipalities[m]}});
        }
    out["findings"] = json::array();
    for (const auto& f : findings(c, p, privacy))
        out["findings"].push_back({{"nl", f.nl}, {"en", f.en}});
    out["costs"] = json::array();
    for (const auto& k : p.costs)
        out["costs"].push_back(
            {{"domain", k.domain},
             {"level", k.level},
             {"places", k.places},
             {"cost_eur", euros(k.cost)},
             {"calendar_years", {{first, euros(k.first_year)}, {second, euros(k.second_year)}}}});
    out["cost_eur"] = euros(p.cost);
    out["calendar_years"] = {{first, euros(p.first_year)}, {second, euros(p.second_year)}};
    out["continuity"] = json::array();
    for (const auto& k : p.continuity)
        out["continuity"].push_back({{"year", k.year},
                                     {"income_eur", euros(k.check.income)},
                                     {"reserves_eur", euros(k.check.reserves)},
                                     {"signaleringswaarde_reserves", euros(k.check.signal_value)},
                                     {"rule", k.check.minimum_applies ? "minimum" : "percentage"},
                                     {"reserves_boven_signaleringswaarde", euros(k.check.above)}});
    return out;
}

} // namespace

std::string coverage_json(const coverage& c, const coverage_privacy& privacy) {
    json doc{{"school_year", c.year.to_string()},
             {"teldatum", format_day(c.teldatum)},
             {"suppressed", privacy.suppress},
             {"max_small", privacy.max_small},
             {"domains", c.domains}};
    doc["partnerships"] = json::array();
    for (const auto& p : c.partnerships)
        doc["partnerships"].push_back(partnership_json(c, p, privacy));
    return doc.dump(2) + "\n";
}

namespace {

/// A cell's colour: covered green, more demand than places yellow, no offer red.
cell_tone tone_of(cover_state s) {
    switch (s) {
    case cover_state::covered:
        return cell_tone::good;
    case cover_state::over_demanded:
        return cell_tone::attention;
    case cover_state::no_offer:
        return cell_tone::bad;
    }
    return cell_tone::plain;
}

/// The matrix: a row per domain, a column per municipality, each cell coloured by its state.
report_block matrix(const coverage& c, const partnership_coverage& p,
                    const coverage_privacy& privacy) {
    auto t = report_block::table({"domein *domain*"});
    t.header.insert(t.header.end(), p.municipalities.begin(), p.municipalities.end());
    t.numeric.assign(t.header.size(), false);
    for (std::size_t d = 0; d < c.domains.size(); ++d) {
        auto& row = t.rows.emplace_back(std::vector<std::string>{c.domains[d]});
        auto& tones = t.tones.emplace_back(std::vector<cell_tone>{cell_tone::plain});
        for (const auto& cell : p.cells[d]) {
            row.push_back(cell.state == cover_state::no_offer
                              ? std::string("geen aanbod *no offer*")
                              : fmt::format("{} pl., {} lln. ({}): {}", cell.places,
                                            pupils_text(cell, privacy),
                                            occupancy_text(cell, privacy), state_nl(cell.state)));
            tones.push_back(tone_of(cell.state));
        }
    }
    return t;
}

report_block costs(const coverage& c, const partnership_coverage& p) {
    const int first = first_calendar_year(c);
    auto t = report_block::table({"domein", "niveau", "plaatsen", "kosten " + c.year.to_string(),
                                  fmt::format("aug-dec {} (5/12)", first),
                                  fmt::format("jan-jul {} (7/12)", first + 1)},
                                 {false, true, true, true, true, true});
    for (const auto& k : p.costs)
        t.rows.push_back({k.domain, std::to_string(k.level), std::to_string(k.places),
                          euro_text(k.cost), euro_text(k.first_year), euro_text(k.second_year)});
    t.rows.push_back({"**totaal**", "", "", "**" + euro_text(p.cost) + "**",
                      "**" + euro_text(p.first_year) + "**",
                      "**" + euro_text(p.second_year) + "**"});
    return t;
}

/// Lines as a `- ` list, or the words for none.
std::string list_or(const std::vector<finding>& items, std::string_view none) {
    if (items.empty()) return std::string(none);
    std::string out;
    for (const auto& f : items) out += (out.empty() ? "- " : "\n- ") + f.nl + " *" + f.en + "*";
    return out;
}

} // namespace

report_document coverage_document(const coverage& c, const coverage_privacy& privacy) {
    report_document doc;
    doc.title = "Dekkend aanbod " + c.year.to_string();
    doc.markdown.table_rules = markdown_layout::rules::spaced;
    doc.sections.push_back(
        {{},
         {},
         {},
         {report_block::paragraphs("*The covering network of support, school year " +
                                   c.year.to_string() + "*"),
          report_block::paragraphs(fmt::format(
              "Plaatsen, bezetting op teldatum {} en kleur per domein en gemeente van de regio. "
              "*Places, occupancy on teldatum and colour per domain and municipality of the "
              "region.*",
              format_day(c.teldatum))),
          report_block::paragraphs(
              report_detail::suppression_note_md(privacy.suppress, privacy.max_small))}});
    for (const auto& p : c.partnerships) {
        auto& s = doc.sections.emplace_back();
        s.id = report_detail::unit_anchor(p.swv_id);
        s.title = p.swv_id + " " + p.name;
        if (p.municipalities.empty() || c.domains.empty())
            s.blocks.push_back(
                report_block::paragraphs("Geen regio of geen aanbod. *No region or no offers.*"));
        else
            s.blocks.push_back(matrix(c, p, privacy));
        s.blocks.push_back(report_block::heading("Knelpunten *Gaps and over-demand*"));
        s.blocks.push_back(
            report_block::paragraphs(list_or(findings(c, p, privacy), "Geen. *None.*")));
        s.blocks.push_back(
            report_block::heading("Kosten per domein en niveau *Costs per domain and level*"));
        s.blocks.push_back(costs(c, p));
        s.blocks.push_back(report_block::heading("Continuïteit *Reserves and the signal value*"));
        std::vector<finding> continuity;
        for (const auto& k : p.continuity) continuity.push_back(continuity_words(k));
        s.blocks.push_back(report_block::paragraphs(
            list_or(continuity, "Geen jaarcijfers (finances.csv). *No annual figures.*")));
    }
    return doc;
}

std::string coverage_markdown(const coverage& c, const coverage_privacy& privacy) {
    return to_markdown(coverage_document(c, privacy));
}

std::string coverage_html(const coverage& c, const coverage_privacy& privacy) {
    return to_html(coverage_document(c, privacy));
}

PASSEND_NAMESPACE_END
