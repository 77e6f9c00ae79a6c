// SPDX-License-Identifier: EUPL-1.2
// The report document's Markdown and HTML writers (report/document.hpp); its xlsx writer is in
// xlsx_document.cpp.
#include "passend/report/document.hpp"

#include "common.hpp"
#include "markdown_cell.hpp"
#include "svg_chart.hpp"

#include "passend/calendar.hpp"
#include "passend/continuum.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

using report_detail::escape_html;

// ---- Markdown ----------------------------------------------------------------------------

namespace {

/// One table row: `| a | b |`; the spaced layout writes an empty cell as `| |`.
std::string markdown_row(const std::vector<std::string>& cells, markdown_layout::rules rules) {
    std::string out = "|";
    for (const auto& c : cells)
        out += c.empty() && rules == markdown_layout::rules::spaced
                   ? std::string(" |")
                   : " " + detail::markdown_cell(c) + " |";
    return out + "\n";
}

std::string markdown_table(const report_block& b, markdown_layout::rules rules) {
    const bool spaced = rules == markdown_layout::rules::spaced;
    std::string out = markdown_row(b.header, rules) + "|";
    for (std::size_t i = 0; i < b.header.size(); ++i) {
        const bool right = i < b.numeric.size() && b.numeric[i];
        out += spaced                                        ? (right ? " ---: |" : " --- |")
               : !right                                      ? "---|"
               : rules == markdown_layout::rules::long_right ? "---:|"
                                                             : "--:|";
    }
    out += "\n";
    for (const auto& row : b.rows) out += markdown_row(row, rules);
    if (!b.caption.empty()) out += "\n*" + b.caption + "*\n";
    return out;
}

/// A block as Markdown, ending with one line end (the writer puts a blank line between blocks).
std::string markdown_block(const report_block& b, markdown_layout::rules rules) {
    switch (b.type) {
    case report_block::kind::text:
        return b.text + "\n";
    case report_block::kind::heading:
        return "### " + b.text + "\n";
    case report_block::kind::note: {
        // Every line quoted, so a note of several paragraphs stays one quote.
        std::string quoted = "> ";
        for (char c : b.text) quoted += c == '\n' ? std::string("\n> ") : std::string(1, c);
        return quoted + "\n";
    }
    case report_block::kind::facts: {
        std::string out;
        for (const auto& row : b.rows) out += "- **" + row[0] + ":** " + row[1] + "\n";
        return out;
    }
    case report_block::kind::table:
        return markdown_table(b, rules);
    case report_block::kind::tally: {
        // One sentence: `Op koers: 3 · aandacht: 1 · niet op koers: 0 (what was counted)`.
        std::string out;
        for (const auto& row : b.rows) out += (out.empty() ? "" : " · ") + row[0] + ": " + row[1];
        if (!out.empty())
            out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        if (!b.caption.empty()) out += " (" + b.caption + ")";
        return out + "\n";
    }
    case report_block::kind::chart:
        break; // on the page only
    }
    return {};
}

} // namespace

std::string to_markdown(const report_document& r) {
    const auto& layout = r.markdown;
    std::vector<std::string> blocks{"# " + r.title + "\n"};
    if (!r.header.empty()) {
        std::string facts;
        for (const auto& [k, v] : r.header) facts += "**" + k + ":** " + v + "  \n";
        blocks.push_back(std::move(facts));
    }
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
        const auto& s = r.sections[i];
        if (s.in == report_block::medium::page) continue;
        if (!s.title.empty())
            blocks.push_back((layout.gap_between_sections && i > 0 ? "\n## " : "## ") + s.title +
                             "\n");
        if (!s.lead.empty()) blocks.push_back("*" + s.lead + "*\n");
        for (const auto& b : s.blocks)
            if (b.in != report_block::medium::page)
                blocks.push_back(markdown_block(b, layout.table_rules));
    }
    if (!r.sources.empty()) {
        blocks.emplace_back("---\n");
        std::string list;
        for (const auto& s : r.sources) list += "- " + s + "\n";
        blocks.push_back(std::move(list));
    }
    std::string out;
    for (const auto& b : blocks) out += (out.empty() ? "" : "\n") + b;
    if (layout.blank_line_at_end) out += "\n";
    return out;
}

// ---- HTML --------------------------------------------------------------------------------

namespace {

// Inline Markdown the texts use: **bold**, *italic*, `code`; everything else escaped.
std::string inline_md(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto wrap = [&](std::string_view mark, const char* tag) {
            if (s.substr(i, mark.size()) != mark) return false;
            const auto end = s.find(mark, i + mark.size());
            if (end == std::string_view::npos || end == i + mark.size()) return false;
            out += fmt::format("<{0}>{1}</{0}>", tag,
                               inline_md(s.substr(i + mark.size(), end - i - mark.size())));
            i = end + mark.size();
            return true;
        };
        if (wrap("**", "strong") || wrap("`", "code") || wrap("*", "em")) continue;
        out += escape_html(s.substr(i, 1));
        ++i;
    }
    return out;
}

// Paragraphs (blank-line separated) and `- ` lists.
std::string block_md(std::string_view text) {
    std::string out, para;
    bool in_list = false;
    const auto end_para = [&] {
        if (!para.empty()) out += "<p>" + inline_md(para) + "</p>\n";
        para.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        auto line = detail::trim(text.substr(start, nl - start));
        start = nl + 1;
        const bool item = line.starts_with("- ") || line.starts_with("* ") ||
                          line.starts_with("\xE2\x80\xA2 "); // •
        if (item) {
            end_para();
            if (!in_list) out += "<ul>\n";
            in_list = true;
            line.remove_prefix(line.starts_with("\xE2\x80\xA2") ? 4 : 2);
            out += "<li>" + inline_md(line) + "</li>\n";
        } else if (line.empty()) {
            end_para();
            if (in_list) out += "</ul>\n";
            in_list = false;
        } else {
            if (in_list) out += "</ul>\n";
            in_list = false;
            if (!para.empty()) para += ' ';
            para += line;
        }
        if (nl == text.size()) break;
    }
    end_para();
    if (in_list) out += "</ul>\n";
    return out;
}

bool looks_numeric(const std::string& c) {
    if (c.empty()) return false;
    const auto first = static_cast<unsigned char>(c[0]);
    return std::isdigit(first) || c.starts_with("€") || c.starts_with("-€") ||
           c.starts_with("<5") || c.starts_with("**€") ||
           ((c[0] == '+' || c[0] == '-') && c.size() > 1 &&
            std::isdigit(static_cast<unsigned char>(c[1])));
}

// Whether column `col` of table `b` holds numbers: as the table says, else guessed.
bool numeric_column(const report_block& b, std::size_t col, const std::string& cell) {
    if (!b.numeric.empty()) return col < b.numeric.size() && b.numeric[col];
    return col > 0 && looks_numeric(cell);
}

/// A wide table's header may break after each `_` (`uitstroom_zonder_diploma`), so that the
/// table fits a printed sheet without breaking short words.
std::string breakable(const std::string& html) {
    std::string out;
    for (char c : html) out += c == '_' ? std::string("_<wbr>") : std::string(1, c);
    return out;
}

/// A colour's class (`tone-good`), after `separator`; nothing for plain.
std::string tone_class(cell_tone tone, std::string_view separator) {
    static constexpr std::string_view tones[] = {"", "tone-good", "tone-attention", "tone-bad"};
    if (tone == cell_tone::plain) return {};
    return std::string(separator) + std::string(tones[static_cast<std::size_t>(tone)]);
}

std::string cell_class(const std::string& c, bool numeric, cell_tone tone) {
    std::string cls;
    if (numeric) cls = "num";
    if (c.starts_with("✔")) cls = "ok";
    if (c.starts_with("✘")) cls = "bad";
    if (c.starts_with("⚠")) cls = "warn";
    if (c == "geen waarde" || c == "geen meting" || c == "geen score") cls = "missing";
    if (c == "ja") cls = "yes";
    if (c == "nee") cls = "no";
    cls += tone_class(tone, cls.empty() ? "" : " ");
    return cls.empty() ? "" : " class=\"" + cls + "\"";
}

/// The most columns a table has at the page's width.
constexpr std::size_t wide_table = 10;
/// Linked sections from which a page lists them at its top.
constexpr std::size_t min_contents = 4;

constexpr std::string_view css = R"(
:root { --ink:#1d2733; --muted:#5b6877; --line:#d5dce4; --accent:#1f4e79; --soft:#eef3f8;
        --ok:#1e7a3c; --bad:#b3261e; }
* { box-sizing: border-box; }
body { margin:0; background:#f6f8fa; color:var(--ink);
       font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 920px; margin: 24px auto; background:#fff; padding: 36px 48px 28px;
       border:1px solid var(--line); border-radius: 6px; }
.kicker { margin:0; color:var(--accent); font-weight:600; letter-spacing:.08em;
          text-transform:uppercase; font-size:12px; }
h1 { margin:4px 0 16px; font-size:26px; color:var(--accent); }
dl.meta { display:grid; grid-template-columns: 170px 1fr; gap:4px 16px; margin:0 0 8px;
          padding:12px 16px; background:var(--soft); border-radius:4px; }
dl.meta dt { font-weight:600; text-transform:uppercase; font-size:12px; color:var(--muted);
             padding-top:2px; }
dl.meta dd { margin:0; }
h2 { font-size:19px; color:var(--accent); border-bottom:2px solid var(--accent);
     padding-bottom:4px; margin:32px 0 8px; }
p.lead { color:var(--muted); font-style:italic; margin-top:0; }
h3 { font-size:15.5px; margin:20px 0 4px; color:var(--ink); }
table { width:100%; border-collapse:collapse; margin:10px 0 14px; font-size:14px; }
th, td { border:1px solid var(--line); padding:5px 8px; text-align:left; vertical-align:top; }
th { background:var(--soft); font-weight:600; }
th.num { text-align:right; white-space:nowrap; }
td.num { text-align:right; white-space:nowrap; font-variant-numeric: tabular-nums; }
td.ok { color:var(--ok); font-weight:600; white-space:nowrap; }
td.bad { color:var(--bad); font-weight:600; white-space:nowrap; }
td.warn { color:#8a6100; font-weight:600; white-space:nowrap; }
td.missing { color:var(--muted); font-style:italic; }
td.yes { color:var(--ok); }
td.no { color:var(--bad); }
table.wide { display:block; overflow-x:auto; font-size:12.5px; }
table.wide th { white-space:normal; }
td.tone-good { background:#e3f3e8; color:var(--ok); }
td.tone-attention { background:#fff1cc; color:var(--bad); font-weight:600; }
td.tone-bad { background:#fbe3e3; color:var(--bad); }
p.tally { display:flex; flex-wrap:wrap; align-items:baseline; gap:4px 8px; margin:4px 0 10px;
          font-size:13px; }
p.tally strong { margin-right:6px; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px;
         font-weight:600; white-space:nowrap; background:var(--soft); }
.badge.tone-good { background:#e3f3e8; color:var(--ok); }
.badge.tone-attention { background:#fff1cc; color:#8a5a00; }
.badge.tone-bad { background:#fbe3e3; color:var(--bad); }
.muted { color:var(--muted); }
td code { font-size:10.5px; background:none; padding:0; color:#8a949e; white-space:nowrap; }
svg.spark { display:block; width:120px; height:28px; overflow:visible; }
svg.spark .line { fill:none; stroke:var(--accent); stroke-width:1.6; stroke-linejoin:round; }
svg.spark .dot { fill:var(--accent); }
svg.spark .last { fill:var(--accent); stroke:#fff; stroke-width:1.2; }
svg.spark .norm { stroke:var(--bad); stroke-width:1; stroke-dasharray:3 2; opacity:.8; }
svg.spark .gap { fill:#b9c1c9; }
td.trend { vertical-align:middle; }
figure.chart { margin:10px 0 14px; }
figure.chart figcaption { color:var(--muted); font-size:13px; }
svg.bars { display:block; width:100%; max-width:560px; height:auto; }
svg.bars text { font-size:11px; fill:var(--ink); font-family:inherit; }
svg.bars text.muted { fill:var(--muted); }
svg.bars .bar { fill:var(--accent); }
svg.bars .bar.over { fill:var(--bad); }
svg.bars .bar.in { fill:#7fb3d5; }
svg.bars .hidden { fill:none; stroke:#b9c1c9; stroke-dasharray:3 2; }
svg.bars .axis { stroke:var(--ink); stroke-width:1; }
svg.bars .term { stroke:var(--bad); stroke-width:1.2; stroke-dasharray:4 3; }
caption { caption-side:bottom; text-align:left; color:var(--muted); font-size:13px;
          padding-top:4px; }
.note { border-left:4px solid #c9a227; background:#fbf7e8; padding:6px 12px; margin:10px 0;
        color:#4d4319; }
.note p { margin:4px 0; }
dl.facts { display:grid; grid-template-columns: 230px 1fr; gap:4px 16px; margin:10px 0; }
dl.facts dt { font-weight:600; }
dl.facts dd { margin:0; }
dl.facts dd.ok { color:var(--ok); font-weight:600; }
dl.facts dd.bad { color:var(--bad); font-weight:600; }
code { font-size:12.5px; background:var(--soft); padding:0 3px; border-radius:3px; }
nav.contents ul { columns: 2; padding-left:18px; margin:4px 0 0; }
nav.contents li { break-inside: avoid; margin:1px 0; }
footer { margin-top:32px; border-top:1px solid var(--line); color:var(--muted); font-size:12.5px; }
footer li { margin:2px 0; }
@page { size: A4; margin: 12mm 11mm 13mm; }
@media print {
  /* Compact: the screen's sizes would spread a unit over several sheets. */
  body { background:#fff; font-size:9pt; line-height:1.35;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { border:0; margin:0; padding:0; max-width:none; }
  h1 { font-size:17pt; margin:2px 0 8px; }
  h2 { font-size:12.5pt; margin:14px 0 4px; break-after: avoid; }
  h3 { font-size:10pt; margin:8px 0 2px; break-after: avoid; }
  p { margin:4px 0; }
  p.lead, figcaption, caption { break-after: avoid; }
  dl.meta { padding:6px 10px; grid-template-columns: 130px 1fr; }
  table { font-size:8pt; margin:4px 0 8px; }
  /* Paper does not scroll: a wide table fits the sheet, its headers broken after `_`. */
  table.wide { display:table; font-size:7pt; }
  th, td { padding:2px 5px; }
  th.num { white-space:normal; } /* a long year heading wraps, the KPI's title need not */
  thead { display: table-header-group; }
  tr, dl.meta, .note, figure, p.tally { break-inside: avoid; }
  td code { font-size:7pt; }
  svg.spark { width:90px; height:20px; }
  figure.chart { margin:4px 0; }
  figure.chart figcaption { font-size:8pt; }
  svg.bars { max-width:330px; }
  .note { padding:3px 10px; margin:6px 0; }
  footer { margin-top:14px; font-size:8pt; }
  nav.contents, section.page-only { display: none; }
  /* Each unit's figures start a sheet of their own, for the reader who prints one unit. */
  section[id^="u-"] ~ section[id^="u-"] { break-before: page; }
}
)";

/// A page with several units to go to (a dashboard of every partnership, board and school; a
/// region's coverage) opens with links to them: a reader looks for one unit, not the whole.
std::string contents(const report_document& r) {
    std::string links;
    std::size_t count = 0;
    for (const auto& s : r.sections) {
        if (s.in == report_block::medium::text || s.id.empty() || s.title.empty()) continue;
        links += "<li><a href=\"#" + escape_html(s.id) + "\">" + inline_md(s.title) + "</a></li>";
        ++count;
    }
    if (count < min_contents) return {};
    return "<nav class=\"contents\"><h2>Inhoud <em>Contents</em></h2>\n<ul>" + links +
           "</ul>\n</nav>\n";
}

} // namespace

std::string to_html(const report_document& r) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escape_html(r.title) + "</title>\n<style>" + std::string(css) +
           "</style>\n</head>\n<body>\n<main>\n<header>\n";
    if (!r.kicker.empty()) out += "<p class=\"kicker\">" + escape_html(r.kicker) + "</p>\n";
    out += "<h1>" + escape_html(r.title) + "</h1>\n";
    if (!r.header.empty()) {
        out += "<dl class=\"meta\">\n";
        for (const auto& [k, v] : r.header)
            out += "<dt>" + escape_html(k) + "</dt><dd>" + inline_md(v) + "</dd>\n";
        out += "</dl>\n";
    }
    out += "</header>\n";
    bool listed = false; // the contents come after the lines under the title
    for (const auto& s : r.sections) {
        if (s.in == report_block::medium::text) continue;
        if (!listed && !s.title.empty()) {
            out += contents(r);
            listed = true;
        }
        // A section for the page only (the dashboard's definitions) is left out in print.
        out += "<section" + (s.id.empty() ? std::string() : " id=\"" + escape_html(s.id) + "\"") +
               (s.in == report_block::medium::page ? " class=\"page-only\"" : "") + ">\n";
        if (!s.title.empty()) out += "<h2>" + inline_md(s.title) + "</h2>\n";
        if (!s.lead.empty()) out += "<p class=\"lead\">" + escape_html(s.lead) + "</p>\n";
        for (const auto& b : s.blocks) {
            if (b.in == report_block::medium::text) continue;
            switch (b.type) {
            case report_block::kind::text:
                out += block_md(b.text);
                break;
            case report_block::kind::heading:
                out += "<h3>" + inline_md(b.text) + "</h3>\n";
                break;
            case report_block::kind::note:
                out += "<div class=\"note\">" + block_md(b.text) + "</div>\n";
                break;
            case report_block::kind::facts:
                out += "<dl class=\"facts\">\n";
                for (const auto& row : b.rows)
                    out += "<dt>" + escape_html(row[0]) + "</dt><dd" +
                           (row[1].starts_with("✔")   ? std::string(" class=\"ok\"")
                            : row[1].starts_with("✘") ? std::string(" class=\"bad\"")
                                                      : std::string()) +
                           ">" + inline_md(row[1]) + "</dd>\n";
                out += "</dl>\n";
                break;
            case report_block::kind::table: {
                // More columns than the page is wide for (a flow matrix, a region's
                // municipalities): smaller, headers wrapped, scrolled inside the page.
                const bool wide = b.header.size() > wide_table;
                out += wide ? "<table class=\"wide\">\n" : "<table>\n";
                if (!b.caption.empty()) out += "<caption>" + inline_md(b.caption) + "</caption>\n";
                out += "<thead><tr>";
                for (std::size_t c = 0; c < b.header.size(); ++c) {
                    const bool num = b.numeric.empty() ? school_year::parse(b.header[c]).has_value()
                                                       : numeric_column(b, c, b.header[c]);
                    out += (num ? "<th class=\"num\">" : "<th>") +
                           (wide ? breakable(inline_md(b.header[c])) : inline_md(b.header[c])) +
                           "</th>";
                }
                out += "</tr></thead>\n<tbody>\n";
                for (std::size_t r = 0; r < b.rows.size(); ++r) {
                    const auto& row = b.rows[r];
                    out += "<tr>";
                    for (std::size_t c = 0; c < row.size(); ++c)
                        out += r < b.trends.size() && c == b.trend_column
                                   ? "<td class=\"trend\">" +
                                         report_detail::sparkline_svg(b.trends[r]) + "</td>"
                                   : "<td" +
                                         cell_class(row[c], numeric_column(b, c, row[c]),
                                                    b.tone_at(r, c)) +
                                         ">" + inline_md(row[c]) + "</td>";
                    out += "</tr>\n";
                }
                out += "</tbody>\n</table>\n";
                break;
            }
            case report_block::kind::tally:
                out += "<p class=\"tally\">";
                for (std::size_t r = 0; r < b.rows.size(); ++r)
                    out += "<span class=\"badge" + tone_class(b.tone_at(r, 0), " ") + "\">" +
                           inline_md(b.rows[r][0]) + "</span> <strong>" +
                           escape_html(b.rows[r][1]) + "</strong> ";
                if (!b.caption.empty())
                    out += "<span class=\"muted\">" + inline_md(b.caption) + "</span>";
                out += "</p>\n";
                break;
            case report_block::kind::chart:
                out += "<figure class=\"chart\">";
                if (!b.caption.empty())
                    out += "<figcaption>" + inline_md(b.caption) + "</figcaption>";
                out += report_detail::bar_chart_svg(b.chart) + "</figure>\n";
                break;
            }
        }
        out += "</section>\n";
    }
    if (!r.sources.empty()) {
        out += "<footer>\n<ul>\n";
        for (const auto& s : r.sources) out += "<li>" + inline_md(s) + "</li>\n";
        out += "</ul>\n</footer>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

PASSEND_NAMESPACE_END
