// SPDX-License-Identifier: EUPL-1.2
// A report as a document: a title with its facts, sections of paragraphs, notes, sub-headings,
// facts and tables, and the closing sources. The board's accountability report
// (cycle/accountability.hpp) and a focus plan's evaluation (cycle/plan_report.hpp) are built as
// one; its writers print it as Markdown, as one self-contained HTML page (one stylesheet, prints
// on A4) or as an Excel workbook (write_xlsx, in the library only when it is built with xlsx).
//
// The KPI report's flows (flows/render.hpp) and the coverage (coverage/coverage.hpp) are documents
// too. A section without a title prints no heading: the lines under a report's title.
//
// A document holds text as the reader sees it: numbers already formatted and suppressed
// (`<5`, `–`), paragraphs in the small Markdown subset the texts use (**bold**, *italic*,
// `code`, `- ` lists). A table may say how each cell was published (cell_shown), for writers
// that mark a suppressed cell.
#pragma once

#include "passend/config.hpp"
#include "passend/report/cell_table.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// How a table cell is coloured where a writer can colour it (HTML, xlsx): the coverage's
/// matrix of covered, over-demanded and missing offers. Markdown prints the text only.
enum class cell_tone : std::uint8_t { plain, good, attention, bad };

/// A figure over the years in a table's trend column: the page draws it as a small line (the
/// norm dashed when it is near the values), the text shows the cell as it stands (`▁▃█`).
struct report_trend {
    std::vector<std::optional<double>> values; ///< one a year; nullopt: not shown as a number
    std::optional<double> norm;
    std::string label; ///< what a reader hovering it reads: `2023-2024: 2,1% · ...`
};

/// One bar of a chart: its label under it, its text above it, its height (nullopt: a count
/// not shown, drawn as an outline with its mark).
struct report_bar {
    std::string label, text;
    std::optional<double> value;
    bool second = false; ///< the second series of pairs (drawn lighter): incoming beside outgoing
};

/// A bar chart on the page; `term_after`: a dashed line after that bar (a legal term), the bars
/// beyond it in the warning colour.
struct report_chart {
    std::string title;
    std::vector<report_bar> bars;
    std::optional<std::size_t> term_after;
    std::string term_label;
};

/// One block of a section's body.
struct report_block {
    enum class kind : std::uint8_t {
        text,
        note,
        table,
        facts,
        heading,
        chart,
        tally
    } type = kind::text;
    /// Which writers print the block: a chart or a long list of definitions only on the page
    /// (HTML), a pointer to those definitions only in the text (Markdown).
    enum class medium : std::uint8_t { all, text, page } in = medium::all;
    /// text: paragraphs (the board's own words, `- ` lists); note: a plain statement that data
    /// is missing or how a figure was made; heading: a sub-heading within the section.
    std::string text;
    std::vector<std::string> header; ///< table
    /// table; facts: label, value pairs; tally: label, count pairs
    std::vector<std::vector<std::string>> rows;
    std::string caption; ///< table; tally: what was counted, after the counts
    /// table: which columns hold numbers (right-aligned); empty: guessed from each cell.
    std::vector<bool> numeric;
    /// table: how each cell of `rows` was published, row by row; empty (or a short row):
    /// `number`, shown as it is.
    std::vector<std::vector<cell_shown>> shown;
    /// table: each cell's colour, row by row; empty (or a short row): plain. tally: each
    /// count's colour in its row's first cell.
    std::vector<std::vector<cell_tone>> tones;
    /// table: each row's trend, drawn in column `trend_column` on the page; empty: none.
    std::vector<report_trend> trends;
    std::size_t trend_column = 0;
    report_chart chart; ///< chart; `caption`: what it shows, above it

    /// A block only this writer prints.
    report_block only_in(medium m) && {
        in = m;
        return std::move(*this);
    }

    static report_block paragraphs(std::string text) { return of(kind::text, std::move(text)); }
    static report_block note(std::string text) { return of(kind::note, std::move(text)); }
    static report_block heading(std::string_view text) { return of(kind::heading, text); }
    /// A chart, printed on the page only, with what it shows above it.
    static report_block bar_chart(report_chart chart, std::string caption = {}) {
        auto b = of(kind::chart, {});
        b.in = medium::page;
        b.chart = std::move(chart);
        b.caption = std::move(caption);
        return b;
    }
    /// Counts at a glance, each with its colour (a unit's KPIs on course, needing attention, off
    /// course): coloured badges on the page, `Label: count · label: count` in the text.
    static report_block tally(std::vector<std::pair<std::string, cell_tone>> labels,
                              const std::vector<std::int64_t>& counts, std::string caption = {}) {
        auto b = of(kind::tally, {});
        for (std::size_t i = 0; i < labels.size(); ++i) {
            b.rows.push_back({std::move(labels[i].first),
                              i < counts.size() ? std::to_string(counts[i]) : std::string()});
            b.tones.push_back({labels[i].second});
        }
        b.caption = std::move(caption);
        return b;
    }
    /// A table under these column headers; `numeric`: which columns hold numbers.
    static report_block table(std::vector<std::string> header, std::vector<bool> numeric = {}) {
        report_block b;
        b.type = kind::table;
        b.header = std::move(header);
        b.numeric = std::move(numeric);
        return b;
    }
    /// How cell (row, column) was published.
    cell_shown shown_at(std::size_t row, std::size_t column) const noexcept {
        return row < shown.size() && column < shown[row].size() ? shown[row][column]
                                                                : cell_shown::number;
    }
    cell_tone tone_at(std::size_t row, std::size_t column) const noexcept {
        return row < tones.size() && column < tones[row].size() ? tones[row][column]
                                                                : cell_tone::plain;
    }

private:
    static report_block of(kind k, std::string_view text) {
        report_block b;
        b.type = k;
        b.text = text;
        return b;
    }
};

struct report_section {
    std::string id;
    std::string title; ///< empty: no heading (the lines under the report's title)
    std::string lead;  ///< the guiding question or scope, in italics
    std::vector<report_block> blocks;
    report_block::medium in = report_block::medium::all; ///< which writers print the section
};

/// How the Markdown writer lays a document out. Blocks are separated by one blank line; each
/// report keeps the spacing and table rules its readers (and golden files) know.
struct markdown_layout {
    /// A table's rule row: `|---|--:|`, `|---|---:|` or `| --- | ---: |` (the last also writes an
    /// empty cell as `| |` rather than `|  |`).
    enum class rules : std::uint8_t {
        short_right,
        long_right,
        spaced
    } table_rules = rules::short_right;
    bool gap_between_sections = false; ///< two blank lines before a section after the first
    bool blank_line_at_end = false;    ///< the text ends with a blank line
};

struct report_document {
    std::string kicker; ///< the line above the title in HTML
    std::string title;
    std::vector<std::pair<std::string, std::string>> header; ///< BESTUUR, SCHOOLJAAR, ...
    std::vector<report_section> sections;
    std::vector<std::string> sources; ///< closing notes: where the figures come from
    markdown_layout markdown;
};

/// The document as Markdown.
std::string to_markdown(const report_document& doc);
/// The document as one self-contained HTML page (inline CSS, no scripts) that prints on A4.
std::string to_html(const report_document& doc);
/// The document as an Excel workbook: one sheet in reading order, its table cells as text (as
/// shown), a cell that is not shown as a number in grey. Throws passend::error when the file cannot
/// be written. Defined only when the library is built with xlsx (src/report/xlsx_document.cpp).
void write_xlsx(const std::filesystem::path& file, const report_document& doc);

PASSEND_NAMESPACE_END
