// SPDX-License-Identifier: EUPL-1.2
// The dashboard as one self-contained HTML page: inline CSS and SVG sparklines, no scripts,
// no fonts or images from elsewhere; print CSS for A4.
#include "common.hpp"

#include "passend/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;

constexpr std::string_view dashboard_style = R"css(
:root { --ink:#1d2733; --muted:#5f6b78; --rule:#d9dee4; --band:#f4f6f8; --accent:#1f5f8b;
        --ok:#1e7b45; --ok-bg:#e3f3e8; --warn:#8a5a00; --warn-bg:#fff1cc; --bad:#a12a2a; --bad-bg:#fbe3e3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 40px; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0; letter-spacing: -0.01em; }
h1 .en { display: block; font-size: 15px; font-weight: 400; color: var(--muted); margin-top: 2px; }
.meta { margin: 10px 0 0; color: var(--muted); }
.meta strong { color: var(--ink); }
.privacy { margin: 8px 0 0; font-size: 12.5px; color: var(--muted); }
.privacy code, td code { background: var(--band); padding: 0 3px; border-radius: 3px; }
nav.toc { margin: 12px 0 0; font-size: 13px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 14px; white-space: nowrap; }
section.unit { margin-top: 30px; }
h2 { font-size: 20px; margin: 0 0 6px; display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
h2 .code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 15px;
           background: var(--accent); color: #fff; padding: 1px 7px; border-radius: 4px; }
h2 .level { font-size: 13px; font-weight: 400; color: var(--muted); }
.summary { display: flex; gap: 8px; margin: 4px 0 10px; font-size: 13px; }
.theme { margin-top: 16px; }
h3 { font-size: 15px; margin: 0 0 4px; color: var(--accent); }
h3 .en { font-weight: 400; color: var(--muted); }
h3 .policy { float: right; font-weight: 400; font-size: 12px; color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.kpi { width: 35%; } col.val { width: 11%; } col.chg { width: 10%; } col.norm { width: 8%; }
col.status { width: 11%; } col.trend { width: 14%; } col.nat { width: 11%; }
th { text-align: left; font-size: 11.5px; font-weight: 600; color: var(--muted); text-transform: uppercase;
     letter-spacing: 0.03em; border-bottom: 1px solid var(--ink); padding: 4px 6px; }
td { border-bottom: 1px solid var(--rule); padding: 5px 6px; vertical-align: middle; }
tbody tr:nth-child(even) td { background: #fafbfc; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.value { font-weight: 650; font-size: 15px; }
td.kpi .nl { font-weight: 550; }
td.kpi .en { color: var(--muted); font-size: 12px; }
td.kpi .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 10.5px; color: #8a949e; }
tr.sub td.kpi { padding-left: 22px; }
tr.sub td.kpi .nl { font-weight: 400; }
tr.sub td.value { font-weight: 500; font-size: 14px; }
td.muted, .muted { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
         white-space: nowrap; }
.badge.op_koers { background: var(--ok-bg); color: var(--ok); }
.badge.aandacht { background: var(--warn-bg); color: var(--warn); }
.badge.niet_op_koers { background: var(--bad-bg); color: var(--bad); }
svg.spark { display: block; width: 120px; height: 28px; overflow: visible; }
svg.spark .line { fill: none; stroke: var(--accent); stroke-width: 1.6; stroke-linejoin: round; }
svg.spark .dot { fill: var(--accent); }
svg.spark .last { fill: var(--accent); stroke: #fff; stroke-width: 1.2; }
svg.spark .norm { stroke: var(--bad); stroke-width: 1; stroke-dasharray: 3 2; opacity: 0.8; }
svg.spark .gap { fill: #b9c1c9; }
section.definitions { margin-top: 36px; border-top: 1px solid var(--rule); padding-top: 10px; }
section.definitions h2 { font-size: 17px; }
dl.defs { columns: 2; column-gap: 28px; font-size: 12px; margin: 0; }
dl.defs div { break-inside: avoid; margin-bottom: 8px; }
dl.defs dt { font-weight: 600; }
dl.defs .theme-name { color: var(--accent); font-weight: 600; font-size: 13px; margin: 6px 0 4px; break-after: avoid; }
dl.defs dt code { font-weight: 400; color: var(--muted); }
dl.defs dd { margin: 0; color: var(--muted); }
footer { margin-top: 28px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 12mm 11mm 14mm; }
  body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.unit { margin-top: 0; }
  section.unit ~ section.unit { break-before: page; }
  h2 { font-size: 15pt; }
  td, th { padding: 3px 4px; }
  th { font-size: 7pt; letter-spacing: 0; }
  td.value { font-size: 10.5pt; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  h3 { break-after: avoid; }
  svg.spark { width: 100px; height: 22px; }
  section.definitions { break-before: page; }
}
)css";

/// An inline SVG line of the shown values over the years, with the norm dashed.
std::string sparkline(const dashboard_line& line, const std::vector<school_year>& years,
                      int max_small) {
    const auto* info = line.info;
    std::vector<std::optional<double>> v;
    std::string tip;
    for (std::size_t i = 0; i < line.trend.size(); ++i) {
        const auto* r = line.trend[i];
        const bool ok = r && shown(*r, kpi_field::value, info, max_small) == cell_shown::number;
        v.push_back(ok ? r->value : std::nullopt);
        if (!tip.empty()) tip += " · ";
        tip += years[i].to_string() + ": " + display_field(r, kpi_field::value, info, max_small);
    }
    if (std::none_of(v.begin(), v.end(), [](auto& x) { return x.has_value(); })) return "";
    double lo = 0, hi = 0;
    bool first = true;
    auto widen = [&](double x) {
        lo = first ? x : std::min(lo, x);
        hi = first ? x : std::max(hi, x);
        first = false;
    };
    for (const auto& x : v)
        if (x) widen(*x);
    // Show the norm when it is near the values (within their spread, or half of the range).
    std::optional<double> norm;
    if (info->norm) {
        const double t = info->norm->target, span = std::max(hi - lo, std::abs(hi) * 0.5);
        if (t >= lo - span && t <= hi + span) norm = t;
    }
    if (norm) widen(*norm);
    const double w = 120, h = 28, pad = 3;
    const std::size_t n = v.size();
    auto x_at = [&](std::size_t i) { return n == 1 ? w / 2 : pad + (w - 2 * pad) * i / (n - 1); };
    auto y_at = [&](double x) {
        return hi > lo ? pad + (h - 2 * pad) * (1 - (x - lo) / (hi - lo)) : h / 2;
    };
    std::string svg = fmt::format(
        R"(<svg class="spark" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)", w,
        h, escape_html(tip), escape_html(tip));
    if (norm)
        svg += fmt::format(R"(<line class="norm" x1="0" x2="{}" y1="{:.1f}" y2="{:.1f}"/>)", w,
                           y_at(*norm), y_at(*norm));
    std::string points;
    auto flush = [&] {
        if (points.find(' ') != std::string::npos)
            svg += fmt::format(R"(<polyline class="line" points="{}"/>)", points);
        points.clear();
    };
    std::size_t last = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (!v[i]) {
            flush();
            svg +=
                fmt::format(R"(<circle class="gap" cx="{:.1f}" cy="{}" r="1.3"/>)", x_at(i), h - 1);
            continue;
        }
        const bool alone = (i == 0 || !v[i - 1]) && (i + 1 == n || !v[i + 1]);
        if (alone)
            svg += fmt::format(R"(<circle class="dot" cx="{:.1f}" cy="{:.1f}" r="1.8"/>)", x_at(i),
                               y_at(*v[i]));
        if (!points.empty()) points += ' ';
        points += fmt::format("{:.1f},{:.1f}", x_at(i), y_at(*v[i]));
        last = i;
    }
    flush();
    if (last < n)
        svg += fmt::format(R"(<circle class="last" cx="{:.1f}" cy="{:.1f}" r="2.6"/>)", x_at(last),
                           y_at(*v[last]));
    return svg + "</svg>";
}

std::string badge(kpi_status s) {
    if (s == kpi_status::none) return "";
    return fmt::format(R"(<span class="badge {}">{}</span>)", to_string(s), status_text(s));
}

std::string anchor(const dashboard_unit& u) {
    return unit_anchor(u.id);
}
} // namespace

std::string report_detail::unit_anchor(std::string_view id) {
    std::string a = "u-";
    for (char c : id) a += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return a;
}

std::string_view report_detail::dashboard_css() noexcept {
    return dashboard_style;
}

void write_html(std::ostream& out, const kpi_results& results, const report_options& options) {
    const auto d = make_dashboard(results, options);
    const int s = options.max_small;
    const std::string mark = escape_html(small_mark(s));
    out << "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"passend "
        << version_string << "\">\n<title>Passend onderwijs — kengetallen"
        << (options.subject.empty() ? "" : " · " + escape_html(options.subject))
        << "</title>\n<style>" << dashboard_style << "</style>\n</head>\n<body>\n<main>\n";

    out << "<header class=\"report\">\n<h1>Passend onderwijs — kengetallen"
           "<span class=\"en\">Key figures of passend onderwijs: value, norm, status and trend "
           "per KPI</span></h1>\n<p class=\"meta\">";
    if (!options.subject.empty())
        out << "<strong>" << escape_html(options.subject) << "</strong> · ";
    if (d.years.empty()) {
        out << "geen gegevens (no data)</p>\n</header>\n</main>\n</body>\n</html>\n";
        return;
    }
    out << "schooljaar <strong>" << year_text(results, d.year) << "</strong>";
    if (d.years.size() > 1)
        out << " · trend " << d.years.front().to_string() << " t/m " << d.year.to_string();
    out << "</p>\n";
    if (const auto as_of = data_as_of(results, d.year); !as_of.nl.empty())
        out << "<p class=\"meta\">" << escape_html(as_of.nl) << " <em>" << escape_html(as_of.en)
            << "</em></p>\n";
    out << "<p class=\"privacy\">";
    if (options.suppressed)
        out << "Kleine aantallen (1 t/m " << s << ") staan als <code>" << mark
            << "</code>; <code>–</code> is geen waarde, of verborgen omdat er een klein aantal "
               "uit af te leiden is. <em>Small counts show as <code>"
            << mark << "</code>; – is no value, or hidden to protect a small count.</em>";
    else
        out << "<strong>Intern: kleine aantallen zijn niet verborgen.</strong> <em>Internal: small "
               "counts are not suppressed; do not publish.</em>";
    out << "</p>\n";
    if (d.units.size() > 1) {
        out << "<nav class=\"toc\">";
        for (const auto& u : d.units)
            out << "<a href=\"#" << anchor(u) << "\">" << escape_html(u.id)
                << (u.name.empty() || u.name == u.id ? "" : " " + escape_html(u.name)) << "</a>";
        out << "<a href=\"#definities\">Definities</a></nav>\n";
    }
    out << "</header>\n";

    for (const auto& u : d.units) {
        const bool national = u.level == kpi_level::national;
        const bool published = !results.reference_values.empty();
        out << "<section class=\"unit\" id=\"" << anchor(u) << "\">\n<h2><span class=\"code\">"
            << escape_html(u.id) << "</span>"
            << (u.name.empty() || u.name == u.id ? "" : escape_html(u.name))
            << "<span class=\"level\">" << level_text(u.level) << "</span></h2>\n";
        out << "<div class=\"summary\">" << badge(kpi_status::op_koers) << "<span>" << u.op_koers
            << "</span>" << badge(kpi_status::aandacht) << "<span>" << u.aandacht << "</span>"
            << badge(kpi_status::niet_op_koers) << "<span>" << u.niet_op_koers
            << "</span><span class=\"muted\">KPI's met een norm, " << d.year.to_string()
            << "</span></div>\n";
        for (const auto& t : u.themes) {
            out << "<div class=\"theme\">\n<h3>";
            if (!t.what->policy_kpis.empty())
                out << "<span class=\"policy\">Kwaliteitsbeleid KPI " << t.what->policy_kpis
                    << "</span>";
            out << t.what->order << " · " << escape_html(t.what->nl) << " <span class=\"en\">"
                << escape_html(t.what->en) << "</span></h3>\n<table>\n<colgroup><col class=\"kpi\">"
                << "<col class=\"val\"><col class=\"chg\"><col class=\"norm\"><col "
                   "class=\"status\">"
                << "<col class=\"trend\">" << (national ? "" : "<col class=\"nat\">")
                << (published ? "<col class=\"nat\">" : "")
                << "</colgroup>\n<thead><tr><th>KPI</th><th class=\"num\">"
                << escape_html(year_text(results, d.year))
                << "</th><th class=\"num\">verschil</th><th>norm</th><th>status</th><th>trend "
                << d.years.front().start_year() << "–" << d.year.start_year() << "</th>"
                << (national ? "" : "<th class=\"num\">landelijk</th>")
                << (published ? "<th class=\"num\">gepubliceerd</th>" : "")
                << "</tr></thead>\n<tbody>\n";
            for (const auto& line : t.lines) {
                const auto* info = line.info;
                const auto* cur = line.current;
                out << "<tr" << (line.sub ? " class=\"sub\"" : "")
                    << "><td class=\"kpi\"><div class=\"nl\">" << escape_html(info->title_nl)
                    << "</div><div class=\"en\">" << escape_html(info->title_en)
                    << " <span class=\"id\">" << escape_html(info->id)
                    << "</span></div></td><td class=\"num value\">"
                    << escape_html(display_field(cur, kpi_field::value, info, s))
                    << "</td><td class=\"num muted\">" << escape_html(line.change)
                    << "</td><td class=\"muted\">" << escape_html(display_norm(*info))
                    << "</td><td>" << badge(line.status) << "</td><td>"
                    << sparkline(line, d.years, s) << "</td>";
                if (!national)
                    out << "<td class=\"num muted\">"
                        << escape_html(display_field(line.national, kpi_field::value, info, s))
                        << "</td>";
                if (published)
                    out << "<td class=\"num muted\">"
                        << escape_html(published_text(results, line.published, info)) << "</td>";
                out << "</tr>\n";
            }
            out << "</tbody>\n</table>\n</div>\n";
        }
        out << "</section>\n";
    }

    out << "<section class=\"definitions\" id=\"definities\">\n<h2>Definities en bronnen "
           "<span class=\"level\">Definitions and sources</span></h2>\n<dl class=\"defs\">\n";
    const theme* current = nullptr;
    for (const auto* def : ordered_definitions(results)) {
        const auto& k = *def;
        if (&theme_of(k.id) != current) {
            current = &theme_of(k.id);
            out << "<div class=\"theme-name\">" << current->order << " · "
                << escape_html(current->nl) << "</div>\n";
        }
        out << "<div><dt>" << escape_html(k.title_nl) << " <code>" << escape_html(k.id)
            << "</code></dt><dd>"
            << escape_html(k.description.empty() ? k.title_en : k.description);
        if (k.norm) out << " Norm: " << escape_html(display_norm(k)) << ".";
        if (!k.source.empty()) out << " <em>Bron: " << escape_html(k.source) << "</em>";
        out << "</dd></div>\n";
    }
    out << "</dl>\n";
    if (!results.reference_values.empty()) {
        out << "<h3>Gepubliceerde cijfers <span class=\"en\">Published figures</span></h3>\n<ol>";
        for (const auto& r : results.reference_values)
            out << "<li><code>" << escape_html(r.kpi) << "</code> " << r.year.to_string() << ": "
                << escape_html(r.source) << "</li>";
        out << "</ol>\n";
    }
    out << "</section>\n<footer>Gemaakt met passend " << version_string
        << " uit leerlinggegevens met pseudoniemen. De status volgt de norm van elke KPI: op "
           "koers, "
           "aandacht (binnen de marge), niet op koers.</footer>\n</main>\n</body>\n</html>\n";
}

PASSEND_NAMESPACE_END
