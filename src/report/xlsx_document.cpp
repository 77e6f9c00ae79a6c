// SPDX-License-Identifier: EUPL-1.2
// The report document as an Excel workbook (libxlsxwriter): one sheet in reading order. Left out
// of a library built without xlsx, like xlsx.cpp; nothing else includes xlsxwriter.h.
#include "passend/report/document.hpp"

#include "passend/error.hpp"

#include <xlsxwriter.h>

#include <array>
#include <memory>
#include <string>

PASSEND_NAMESPACE_BEGIN

namespace {

/// The sheet and the formats of its kinds of line; the row written next.
class sheet_writer {
public:
    explicit sheet_writer(lxw_workbook* wb) : sheet_(workbook_add_worksheet(wb, "rapport")) {
        const auto make = [&](auto&& set) {
            auto* f = workbook_add_format(wb);
            set(f);
            return f;
        };
        title_ = make([](lxw_format* f) {
            format_set_bold(f);
            format_set_font_size(f, 16);
        });
        heading_ = make([](lxw_format* f) {
            format_set_bold(f);
            format_set_font_size(f, 13);
        });
        bold_ = make([](lxw_format* f) { format_set_bold(f); });
        italic_ = make([](lxw_format* f) { format_set_italic(f); });
        header_ = make([](lxw_format* f) {
            format_set_bold(f);
            format_set_bg_color(f, 0xDCE6F0);
            format_set_bottom(f, LXW_BORDER_THIN);
        });
        right_ = make([](lxw_format* f) { format_set_align(f, LXW_ALIGN_RIGHT); });
        // A cell suppressed to protect a small count: grey, so the reader sees it is withheld.
        withheld_ = make([](lxw_format* f) {
            format_set_align(f, LXW_ALIGN_RIGHT);
            format_set_font_color(f, 0x808080);
        });
        // The coverage's colours (cell_tone): green, yellow, red as in the HTML page.
        const lxw_color_t fills[] = {0xE3F3E8, 0xFFF1CC, 0xFBE3E3};
        for (std::size_t i = 0; i < tones_.size(); ++i)
            tones_[i] = make([&](lxw_format* f) { format_set_bg_color(f, fills[i]); });
        worksheet_set_column(sheet_, 0, 0, 40, nullptr);
        worksheet_set_column(sheet_, 1, 12, 16, nullptr);
    }

    void line(const std::string& text, lxw_format* format = nullptr) {
        cell(0, text, format);
        ++row_;
    }
    void cell(lxw_col_t col, const std::string& text, lxw_format* format) {
        worksheet_write_string(sheet_, row_, col, text.c_str(), format);
    }
    void skip() { ++row_; }

    void block(const report_block& b) {
        if (b.in == report_block::medium::text) return;
        switch (b.type) {
        case report_block::kind::text:
        case report_block::kind::note:
            line(b.text, b.type == report_block::kind::note ? italic_ : nullptr);
            break;
        case report_block::kind::heading:
            line(b.text, bold_);
            break;
        case report_block::kind::facts:
        case report_block::kind::tally:
            for (const auto& r : b.rows) {
                cell(0, r.at(0), bold_);
                cell(1, r.at(1), nullptr);
                ++row_;
            }
            break;
        case report_block::kind::table:
            table(b);
            break;
        case report_block::kind::chart:
            break; // its figures are in the table beside it
        }
    }

    void table(const report_block& b) {
        for (std::size_t c = 0; c < b.header.size(); ++c)
            cell(static_cast<lxw_col_t>(c), b.header[c], header_);
        ++row_;
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            for (std::size_t c = 0; c < b.rows[r].size(); ++c) {
                const bool numeric = c < b.numeric.size() && b.numeric[c];
                const auto tone = b.tone_at(r, c);
                lxw_format* f = b.shown_at(r, c) != cell_shown::number ? withheld_
                                : tone != cell_tone::plain
                                    ? tones_[static_cast<std::size_t>(tone) - 1]
                                : numeric ? right_
                                          : nullptr;
                cell(static_cast<lxw_col_t>(c), b.rows[r][c], f);
            }
            ++row_;
        }
        if (!b.caption.empty()) line(b.caption, italic_);
    }

    lxw_format* title() const { return title_; }
    lxw_format* heading() const { return heading_; }
    lxw_format* bold() const { return bold_; }
    lxw_format* italic() const { return italic_; }

private:
    lxw_worksheet* sheet_;
    lxw_row_t row_ = 0;
    lxw_format *title_, *heading_, *bold_, *italic_, *header_, *right_, *withheld_;
    std::array<lxw_format*, 3> tones_{}; ///< good, attention, bad
};

} // namespace

void write_xlsx(const std::filesystem::path& file, const report_document& doc) {
    std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> wb{workbook_new(file.string().c_str()),
                                                              [](lxw_workbook* w) {
                                                                  if (w) workbook_close(w);
                                                              }};
    if (!wb) throw error("cannot create workbook " + file.string());
    sheet_writer out(wb.get());
    if (!doc.kicker.empty()) out.line(doc.kicker, out.italic());
    out.line(doc.title, out.title());
    for (const auto& [label, value] : doc.header) {
        out.cell(0, label, out.bold());
        out.cell(1, value, nullptr);
        out.skip();
    }
    for (const auto& s : doc.sections) {
        if (s.in == report_block::medium::text) continue;
        if (!s.title.empty()) {
            out.skip();
            out.line(s.title, out.heading());
        }
        if (!s.lead.empty()) out.line(s.lead, out.italic());
        for (const auto& b : s.blocks) out.block(b);
    }
    out.skip();
    for (const auto& source : doc.sources) out.line(source, out.italic());
    // workbook_close writes the file (and frees the workbook): its error says whether it exists.
    const auto rc = workbook_close(wb.release());
    if (rc != LXW_NO_ERROR)
        throw error("cannot write workbook " + file.string() + ": " + lxw_strerror(rc));
}

PASSEND_NAMESPACE_END
