// SPDX-License-Identifier: EUPL-1.2
// The coverage as JSON (the figures the C and Python APIs hand over) and as Markdown.
#include "../report/common.hpp"
#include "../report/markdown_cell.hpp"
#include "shown.hpp"

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

std::string coverage_markdown(const coverage& c, const coverage_privacy& privacy) {
    using detail::markdown_cell;
    const int first = first_calendar_year(c);
    std::string out = fmt::format(
        "# Dekkend aanbod {}\n\n*The covering network of support, school year {}*\n\n"
        "Plaatsen, bezetting op teldatum {} en kleur per domein en gemeente van de regio. "
        "*Places, occupancy on teldatum and colour per domain and municipality of the region.*\n\n"
        "{}\n",
        c.year.to_string(), c.year.to_string(), format_day(c.teldatum),
        report_detail::suppression_note_md(privacy.suppress, privacy.max_small));
    for (const auto& p : c.partnerships) {
        out += fmt::format("\n## {} {}\n\n", p.swv_id, markdown_cell(p.name));
        if (p.municipalities.empty() || c.domains.empty())
            out += "Geen regio of geen aanbod. *No region or no offers.*\n";
        else {
            out += "| domein *domain* |";
            for (const auto& m : p.municipalities) out += fmt::format(" {} |", markdown_cell(m));
            out += "\n| --- |";
            for (std::size_t m = 0; m < p.municipalities.size(); ++m) out += " --- |";
            out += "\n";
            for (std::size_t d = 0; d < c.domains.size(); ++d) {
                out += fmt::format("| {} |", c.domains[d]);
                for (const auto& cell : p.cells[d])
                    out += cell.state == cover_state::no_offer
                               ? " geen aanbod *no offer* |"
                               : fmt::format(" {} pl., {} lln. ({}): {} |", cell.places,
                                             pupils_text(cell, privacy),
                                             occupancy_text(cell, privacy), state_nl(cell.state));
                out += "\n";
            }
        }
        out += "\n### Knelpunten *Gaps and over-demand*\n\n";
        const auto found = findings(c, p, privacy);
        if (found.empty()) out += "Geen. *None.*\n";
        for (const auto& f : found) out += fmt::format("- {} *{}*\n", f.nl, f.en);
        out += fmt::format("\n### Kosten per domein en niveau *Costs per domain and level*\n\n"
                           "| domein | niveau | plaatsen | kosten {} | aug-dec {} (5/12) | "
                           "jan-jul {} (7/12) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n",
                           c.year.to_string(), first, first + 1);
        for (const auto& k : p.costs)
            out +=
                fmt::format("| {} | {} | {} | {} | {} | {} |\n", k.domain, k.level, k.places,
                            euro_text(k.cost), euro_text(k.first_year), euro_text(k.second_year));
        out += fmt::format("| **totaal** | | | **{}** | **{}** | **{}** |\n", euro_text(p.cost),
                           euro_text(p.first_year), euro_text(p.second_year));
        out += "\n### Continuïteit *Reserves and the signal value*\n\n";
        if (p.continuity.empty()) out += "Geen jaarcijfers (finances.csv). *No annual figures.*\n";
        for (const auto& k : p.continuity) {
            const auto w = continuity_words(k);
            out += fmt::format("- {} *{}*\n", w.nl, w.en);
        }
    }
    return out;
}

PASSEND_NAMESPACE_END
