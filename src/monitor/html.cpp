// SPDX-License-Identifier: EUPL-1.2
// The monitor as one self-contained HTML page: the report's style sheet, inline SVG bar charts,
// no scripts and nothing from elsewhere.
#include "../coverage/shown.hpp"
#include "shown.hpp"

#include "passend/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;
using namespace monitor_detail;

constexpr std::string_view monitor_css = R"css(
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin-top: 16px; }
.chart h3 { margin-bottom: 2px; }
.chart p.note { margin: 0 0 4px; font-size: 12px; color: var(--muted); }
svg.bars { display: block; width: 100%; height: auto; }
svg.bars text { font-size: 11px; fill: var(--ink); font-family: inherit; }
svg.bars text.muted { fill: var(--muted); }
svg.bars .bar { fill: var(--accent); }
svg.bars .bar.over { fill: var(--bad); }
svg.bars .bar.out { fill: var(--accent); }
svg.bars .bar.in { fill: #7fb3d5; }
svg.bars .hidden { fill: none; stroke: #b9c1c9; stroke-dasharray: 3 2; }
svg.bars .axis { stroke: var(--ink); stroke-width: 1; }
svg.bars .term { stroke: var(--bad); stroke-width: 1.2; stroke-dasharray: 4 3; }
td.ref .src { display: block; color: var(--muted); font-size: 11px; font-weight: 400; }
col.kpi2 { width: 34%; } col.n { width: 11%; } col.ref { width: 22%; }
@media print { .charts { break-inside: avoid; } }
)css";

/// One bar of a chart: its label, shown count (nullopt: hidden) and the text above it.
struct bar {
    std::string label, text;
    std::optional<double> value;
    std::string_view kind = {}; ///< an extra CSS class (`out`, `in`)
};

/// A vertical bar chart; `term_after`: a dashed line after that bar (the legal term), whose bars
/// beyond it are drawn in the warning colour.
std::string bar_chart(const std::vector<bar>& bars, std::string_view title,
                      std::optional<std::size_t> term_after = std::nullopt,
                      std::string_view term_label = {}) {
    const double w = 520, h = 190, left = 10, bottom = 34, top = 22;
    const double slot = (w - 2 * left) / static_cast<double>(bars.size());
    double hi = 1;
    for (const auto& b : bars)
        if (b.value) hi = std::max(hi, *b.value);
    const double plot = h - bottom - top;
    std::string svg = fmt::format(
        R"(<svg class="bars" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)", w,
        h, escape_html(title), escape_html(title));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double x = left + slot * static_cast<double>(i) + slot * 0.15, bw = slot * 0.7;
        const bool over = term_after && i > *term_after;
        if (b.value) {
            const double bh = plot * *b.value / hi, y = h - bottom - bh;
            svg +=
                fmt::format(R"(<rect class="bar{}{}{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" )"
                            R"(height="{:.1f}"/>)",
                            over ? " over" : "", b.kind.empty() ? "" : " ", b.kind, x, y, bw, bh);
            svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                               x + bw / 2, y - 4, escape_html(b.text));
        } else {
            // A hidden count: an outline only, with its mark (`<5`, `–`).
            const double bh = plot * 0.12, y = h - bottom - bh;
            svg += fmt::format(R"(<rect class="hidden" x="{:.1f}" y="{:.1f}" width="{:.1f}" )"
                               R"(height="{:.1f}"/>)",
                               x, y, bw, bh);
            svg += fmt::format(
                R"(<text class="muted" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                x + bw / 2, y - 4, escape_html(b.text));
        }
        svg += fmt::format(
            R"(<text class="muted" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
            left + slot * (static_cast<double>(i) + 0.5), h - bottom + 16, escape_html(b.label));
    }
    svg += fmt::format(R"(<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/>)", left, w - left,
                       h - bottom, h - bottom);
    if (term_after) {
        const double x = left + slot * static_cast<double>(*term_after + 1);
        svg += fmt::format(R"(<line class="term" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>)", x, x,
                           top - 12, h - bottom);
        svg += fmt::format(R"(<text class="muted" x="{:.1f}" y="{}">{}</text>)", x + 4, top - 4,
                           escape_html(term_label));
    }
    return svg + "</svg>";
}

std::vector<bar> distribution_bars(const monitor& m, const monitor_distribution& d) {
    std::vector<bar> out;
    for (const auto& b : d.bins)
        out.push_back({std::string(b.label_nl), cell_text(m, b.cell), cell_number(m, b.cell)});
    return out;
}

/// Outgoing and incoming pupils per setting side by side (pairs of bars).
std::string border_chart(const monitor& m, const monitor_unit& u) {
    std::vector<bar> bars;
    auto add = [&](const kpi_row* row, std::string label, std::string_view kind) {
        std::optional<double> v;
        if (row && shown(*row, kpi_field::value, m.results.find(row->kpi), m.max_small) ==
                       cell_shown::number)
            v = row->value;
        bars.push_back({std::move(label), row_text(m, row), v, kind});
    };
    for (const auto& b : u.cross_border) {
        add(b.outgoing, fmt::format("{} uit", to_string(b.admits)), "out");
        add(b.incoming, fmt::format("{} in", to_string(b.admits)), "in");
    }
    if (bars.empty()) return "";
    return bar_chart(bars, "Grensverkeer: uitgaand en inkomend per onderwijssoort");
}

void headline_html(std::string& out, const monitor& m, const monitor_unit& u) {
    out += "<div class=\"theme\">\n<h3>Kerngetallen <span class=\"en\">Headline figures</span>"
           "</h3>\n<table>\n<colgroup><col class=\"kpi2\"><col class=\"n\"><col class=\"n\">"
           "<col class=\"n\"><col class=\"n\"><col class=\"ref\"></colgroup>\n<thead><tr>"
           "<th>KPI</th><th class=\"num\">waarde</th><th class=\"num\">verschil</th>"
           "<th class=\"num\">vorig jaar</th><th class=\"num\">landelijk</th>"
           "<th>referentie</th></tr></thead>\n<tbody>\n";
    for (const auto& f : u.headline) {
        const auto t = describe_figure(m, f);
        out += fmt::format(
            "<tr><td class=\"kpi\"><div class=\"nl\">{}</div><div class=\"en\">{} <span "
            "class=\"id\">{}</span></div></td><td class=\"num value\">{}</td><td class=\"num "
            "muted\">{}</td><td class=\"num muted\">{}</td><td class=\"num muted\">{}</td>"
            "<td class=\"ref\">{}{}</td></tr>\n",
            escape_html(f.info->title_nl), escape_html(f.info->title_en), escape_html(f.info->id),
            escape_html(t.value), escape_html(t.change), escape_html(t.previous),
            escape_html(t.national), escape_html(t.reference),
            t.reference_source.empty()
                ? std::string()
                : "<span class=\"src\">" + escape_html(t.reference_source) + "</span>");
    }
    out += "</tbody>\n</table>\n</div>\n";
}

} // namespace

std::string monitor_html(const monitor& m, const monitor_format_options& options) {
    const auto when = describe_day(m);
    const auto mark = escape_html(small_mark(m.max_small));
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
        "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
        "name=\"generator\" content=\"passend {}\">\n<title>Monitor passend onderwijs{}</title>\n"
        "<style>{}{}</style>\n</head>\n<body>\n<main>\n",
        version_string, options.subject.empty() ? "" : " · " + escape_html(options.subject),
        dashboard_css(), monitor_css);
    out += "<header class=\"report\">\n<h1>Monitor passend onderwijs<span class=\"en\">The "
           "partnership's monitor: open requests, thuiszitters and cross-border pupils on one "
           "day</span></h1>\n<p class=\"meta\">";
    if (!options.subject.empty()) out += "<strong>" + escape_html(options.subject) + "</strong> · ";
    out += fmt::format("{} <em>{}</em></p>\n<p class=\"meta\">Gegevens t/m <strong>{}</strong> "
                       "<em>data as of {}</em></p>\n<p class=\"privacy\">",
                       escape_html(when.nl), escape_html(when.en), format_day(m.extract_date),
                       format_day(m.extract_date));
    if (m.suppressed)
        out += fmt::format("Kleine aantallen (1 t/m {0}) staan als <code>{1}</code>; "
                           "<code>–</code> is geen waarde, of verborgen omdat er een klein aantal "
                           "uit af te leiden is. <em>Small counts show as <code>{1}</code>; – is "
                           "no value, or hidden to protect a small count.</em>",
                           m.max_small, mark);
    else
        out += "<strong>Intern: kleine aantallen zijn niet verborgen.</strong> <em>Internal: "
               "small counts are not suppressed; do not publish.</em>";
    out += "</p>\n";
    if (m.units.size() > 1) {
        out += "<nav class=\"toc\">";
        for (const auto& u : m.units)
            out += fmt::format("<a href=\"#{}\">{} {}</a>", unit_anchor(u.id), escape_html(u.id),
                               escape_html(u.name));
        out += "</nav>\n";
    }
    out += "</header>\n";

    for (const auto& u : m.units) {
        out += fmt::format("<section class=\"unit\" id=\"{}\">\n<h2><span class=\"code\">{}"
                           "</span>{}<span class=\"level\">samenwerkingsverband {}</span></h2>\n",
                           unit_anchor(u.id), escape_html(u.id), escape_html(u.name),
                           u.sector_of == sector::po ? "po" : "vo");
        headline_html(out, m, u);
        out += "<div class=\"charts\">\n<div class=\"chart\"><h3>Openstaande TLV-aanvragen "
               "<span class=\"en\">Open TLV requests</span></h3>";
        out += fmt::format("<p class=\"note\">Op {}: {} open, naar dagen sinds de aanvraag; "
                           "rechts van de lijn zijn ze ouder dan zes weken, de wettelijke termijn. "
                           "<em>By days since the request; right of the line older than six "
                           "weeks, the legal term.</em></p>",
                           format_day(m.on), cell_text(m, u.open_requests.total));
        out +=
            bar_chart(distribution_bars(m, u.open_requests),
                      "Openstaande TLV-aanvragen naar leeftijd", std::size_t{2}, "6 weken (42 d)");
        out += "</div>\n<div class=\"chart\"><h3>Thuiszitters op de dag <span "
               "class=\"en\">Out of school on the day</span></h3>";
        out += fmt::format("<p class=\"note\">Op {}: {} thuiszitters, naar hoe lang hun verzuim "
                           "al duurt. <em>By how long their absence has lasted.</em></p>",
                           format_day(m.on), cell_text(m, u.thuiszitters.total));
        out += bar_chart(distribution_bars(m, u.thuiszitters), "Thuiszitters naar duur");
        out += "</div>\n<div class=\"chart\"><h3>Grensverkeer <span class=\"en\">Cross-border "
               "pupils</span></h3><p class=\"note\">Leerlingen met een TLV van dit "
               "samenwerkingsverband op een school elders (uit), en van elders op een eigen school "
               "(in). <em>Out: our TLV, a school elsewhere; in: the reverse.</em></p>";
        const auto chart = border_chart(m, u);
        out += chart.empty() ? "<p class=\"note\">Nog geen cijfers over grensverkeer in deze "
                               "gegevens. <em>No cross-border figures in these data yet.</em></p>"
                             : chart;
        if (u.money_outgoing || u.money_incoming)
            out += fmt::format("<p class=\"note\">Ondersteuningsbekostiging <em>support "
                               "funding</em>: uitgaand {}, inkomend {}.</p>",
                               escape_html(row_text(m, u.money_outgoing)),
                               escape_html(row_text(m, u.money_incoming)));
        for (const auto& k : u.continuity) {
            const auto w = coverage_detail::continuity_words(k);
            out += fmt::format("<p class=\"note\">Continuïteit: {} <em>{}</em></p>",
                               escape_html(w.nl), escape_html(w.en));
        }
        out += "</div>\n</div>\n</section>\n";
    }
    out += fmt::format("<footer>Gemaakt met passend {} uit leerlinggegevens met pseudoniemen. "
                       "Verschil: tegen dezelfde periode vorig jaar. <em>Change: against the same "
                       "period last year.</em></footer>\n</main>\n</body>\n</html>\n",
                       version_string);
    return out;
}

PASSEND_NAMESPACE_END
