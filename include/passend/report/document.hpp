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
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// How a table cell is coloured where a writer can colour it (HTML, xlsx): the coverage's
/// matrix of covered, over-demanded and missing offers. Markdown prints the text only.
enum class cell_tone : std::uint8_t { plain, good, attention, bad };

/// One block of a section's body.
struct report_block {
    enum class kind : std::uint8_t { text, note, table, facts, heading } type = kind::text;
    /// text: paragraphs (the board's own words, `- ` lists); note: a plain statement that data
    /// is missing or how a figure was made; heading: a sub-heading within the section.
    std::string text;
    std::vector<std::string> header;            ///< table
    std::vector<std::vector<std::string>> rows; ///< table; facts: label, value pairs
    std::string caption;                        ///< table
    /// table: which columns hold numbers (right-aligned); empty: guessed from each cell.
    std::vector<bool> numeric;
    /// table: how each cell of `rows` was published, row by row; empty (or a short row):
    /// `number`, shown as it is.
    std::vector<std::vector<cell_shown>> shown;
    /// table: each cell's colour, row by row; empty (or a short row): plain.
    std::vector<std::vector<cell_tone>> tones;

    static report_block paragraphs(std::string text) { return of(kind::text, std::move(text)); }
    static report_block note(std::string text) { return of(kind::note, std::move(text)); }
    static report_block heading(std::string_view text) { return of(kind::heading, text); }
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
