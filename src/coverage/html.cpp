// SPDX-License-Identifier: EUPL-1.2
// The coverage as one self-contained HTML page: the report's style sheet, a coloured matrix per
// partnership, the gaps in words, costs and the continuity check; no scripts.
#include "../report/common.hpp"
#include "shown.hpp"

#include "passend/version.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace coverage_detail;
using report_detail::escape_html;

constexpr std::string_view coverage_css = R"css(
table.matrix td.cell { text-align: center; min-width: 110px; }
table.matrix td.covered { background: var(--ok-bg); color: var(--ok); }
table.matrix td.over_demanded { background: var(--warn-bg); color: var(--bad); font-weight: 600; }
table.matrix td.no_offer { background: var(--bad-bg); color: var(--bad); }
table.matrix td.cell .n { display: block; font-size: 12px; color: var(--muted); font-weight: 400; }
ul.legend { list-style: none; padding: 0; display: flex; gap: 16px; font-size: 13px; }
ul.legend span { display: inline-block; width: 12px; height: 12px; margin-right: 4px;
  vertical-align: -1px; border: 1px solid #ccc; }
)css";

std::string matrix_html(const coverage& c, const partnership_coverage& p,
                        const coverage_privacy& privacy) {
    std::string out = "<table class=\"matrix\">\n<thead><tr><th>domein <em>domain</em></th>";
    for (const auto& m : p.municipalities) out += "<th>" + escape_html(m) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t d = 0; d < c.domains.size(); ++d) {
        out += "<tr><th>" + escape_html(c.domains[d]) + "</th>";
        for (const auto& cell : p.cells[d]) {
            out += fmt::format("<td class=\"cell {}\" title=\"{} / {}\">", to_string(cell.state),
                               state_nl(cell.state), state_en(cell.state));
            if (cell.state == cover_state::no_offer)
                out += "geen aanbod<span class=\"n\">no offer</span>";
            else
                out += fmt::format("{}<span class=\"n\">{} plaatsen · {} lln.</span>",
                                   escape_html(occupancy_text(cell, privacy)), cell.places,
                                   escape_html(pupils_text(cell, privacy)));
            out += "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string costs_html(const coverage& c, const partnership_coverage& p) {
    const int first = first_calendar_year(c);
    std::string out = fmt::format(
        "<table>\n<thead><tr><th>domein</th><th>niveau</th><th>plaatsen</th><th>kosten {}</th>"
        "<th>aug-dec {} (5/12)</th><th>jan-jul {} (7/12)</th></tr></thead>\n<tbody>\n",
        c.year.to_string(), first, first + 1);
    for (const auto& k : p.costs)
        out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                           "<td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                           "class=\"num\">{}</td></tr>\n",
                           escape_html(k.domain), k.level, k.places, euro_text(k.cost),
                           euro_text(k.first_year), euro_text(k.second_year));
    out += fmt::format("<tr><th>totaal</th><td></td><td></td><th class=\"num\">{}</th><th "
                       "class=\"num\">{}</th><th class=\"num\">{}</th></tr>\n</tbody></table>\n",
                       euro_text(p.cost), euro_text(p.first_year), euro_text(p.second_year));
    return out;
}

} // namespace

std::string coverage_html(const coverage& c, const coverage_privacy& privacy) {
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
        "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
        "name=\"generator\" content=\"passend {}\">\n<title>Dekkend aanbod {}</title>\n"
        "<style>{}{}</style>\n</head>\n<body>\n<main>\n",
        version_string, c.year.to_string(), report_detail::dashboard_css(), coverage_css);
    out += fmt::format(
        "<header class=\"report\">\n<h1>Dekkend aanbod {0}<span class=\"en\">The covering "
        "network of support, school year {0}</span></h1>\n<p class=\"meta\">Plaatsen en bezetting "
        "op teldatum {1} per domein en gemeente van de regio <em>places and occupancy on teldatum "
        "per domain and municipality of the region</em></p>\n<p class=\"privacy\">",
        c.year.to_string(), format_day(c.teldatum));
    if (privacy.suppress)
        out += fmt::format("Kleine aantallen leerlingen (1 t/m {0}) staan als <code>{1}</code>, "
                           "zonder bezetting. <em>Small pupil counts show as <code>{1}</code>, "
                           "without occupancy.</em>",
                           privacy.max_small,
                           escape_html(report_detail::small_mark(privacy.max_small)));
    else
        out += "<strong>Intern: kleine aantallen zijn niet verborgen.</strong> <em>Internal: "
               "small counts are not suppressed; do not publish.</em>";
    out += "</p>\n<ul class=\"legend\"><li><span style=\"background:var(--ok-bg)\"></span>gedekt "
           "<em>covered</em></li><li><span style=\"background:var(--warn-bg)\"></span>meer vraag "
           "dan plaatsen (&gt;100%) <em>over-demanded</em></li><li><span "
           "style=\"background:var(--bad-bg)\"></span>geen aanbod <em>no offer</em></li></ul>\n"
           "</header>\n";
    for (const auto& p : c.partnerships) {
        out += fmt::format("<section class=\"unit\" id=\"{}\">\n<h2>{} {}</h2>\n",
                           report_detail::unit_anchor(p.swv_id), escape_html(p.swv_id),
                           escape_html(p.name));
        if (p.municipalities.empty() || c.domains.empty())
            out += "<p>Geen regio of geen aanbod. <em>No region or no offers.</em></p>\n";
        else
            out += matrix_html(c, p, privacy);
        out += "<h3>Knelpunten <span class=\"en\">Gaps and over-demand</span></h3>\n<ul>\n";
        const auto found = findings(c, p, privacy);
        if (found.empty()) out += "<li>Geen. <em>None.</em></li>\n";
        for (const auto& f : found)
            out += "<li>" + escape_html(f.nl) + " <em>" + escape_html(f.en) + "</em></li>\n";
        out += "</ul>\n<h3>Kosten per domein en niveau <span class=\"en\">Costs per domain and "
               "level, split over calendar years</span></h3>\n" +
               costs_html(c, p);
        out += "<h3>Continuïteit <span class=\"en\">Reserves and the signal value</span></h3>\n"
               "<ul>\n";
        if (p.continuity.empty()) out += "<li>Geen jaarcijfers. <em>No annual figures.</em></li>\n";
        for (const auto& k : p.continuity) {
            const auto w = continuity_words(k);
            out +=
                fmt::format("<li class=\"{}\">{} <em>{}</em></li>\n",
                            k.check.above > 0 ? "bad" : "ok", escape_html(w.nl), escape_html(w.en));
        }
        out += "</ul>\n</section>\n";
    }
    return out + "</main>\n</body>\n</html>\n";
}

PASSEND_NAMESPACE_END
