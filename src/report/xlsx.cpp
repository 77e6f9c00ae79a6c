// SPDX-License-Identifier: EUPL-1.2
// The Excel workbook (libxlsxwriter): one sheet per level with typed cells, and the definitions.
#include "common.hpp"

#include "passend/error.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <array>
#include <cmath>
#include <map>
#include <memory>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;

std::string_view sheet_name(kpi_level l) {
    switch (l) {
    case kpi_level::national:
        return "landelijk";
    case kpi_level::swv:
        return "swv";
    case kpi_level::board:
        return "bestuur";
    case kpi_level::school:
        return "school";
    case kpi_level::municipality:
        return "gemeente";
    }
    return "overig";
}

/// The workbook and the cell formats its sheets share.
class book {
public:
    explicit book(const std::filesystem::path& file)
        : file_(file), wb_(workbook_new(file.string().c_str())) {
        if (!wb_) throw error(fmt::format("cannot create workbook {}", file.string()));
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDCE6F0);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        mark_ = workbook_add_format(wb_);
        format_set_align(mark_, LXW_ALIGN_RIGHT);
        wrap_ = workbook_add_format(wb_);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        count_ = number_format("#,##0");
        decimal_ = number_format("#,##0.0");
        for (std::size_t u = 0; u < value_.size(); ++u)
            value_[u] = number_format(value_format(static_cast<kpi_unit>(u)));
    }
    book(const book&) = delete;
    book& operator=(const book&) = delete;
    ~book() {
        if (wb_) workbook_close(wb_); // only after an exception; close() clears wb_
    }

    void close() {
        const lxw_error e = workbook_close(std::exchange(wb_, nullptr));
        if (e != LXW_NO_ERROR)
            throw error(
                fmt::format("cannot write workbook {}: {}", file_.string(), lxw_strerror(e)));
    }

    lxw_worksheet* sheet(std::string_view name) {
        return workbook_add_worksheet(wb_, std::string(name).c_str());
    }
    lxw_format* header() const { return header_; }
    lxw_format* mark() const { return mark_; }
    lxw_format* wrap() const { return wrap_; }
    lxw_format* count(double v) const { return v == std::round(v) ? count_ : decimal_; }
    lxw_format* value(kpi_unit u) const { return value_[static_cast<std::size_t>(u)]; }

private:
    static const char* value_format(kpi_unit u) {
        switch (u) {
        case kpi_unit::count:
            return "#,##0.##";
        case kpi_unit::percent:
            return "0.00\"%\"";
        case kpi_unit::days:
            return "#,##0.0";
        case kpi_unit::euro:
            return "\"€ \"#,##0";
        case kpi_unit::score:
            return "0.00";
        case kpi_unit::years:
        case kpi_unit::per_1000:
            return "0.0";
        }
        return "General";
    }
    lxw_format* number_format(const char* f) {
        auto* fmt = workbook_add_format(wb_);
        format_set_num_format(fmt, f);
        return fmt;
    }

    std::filesystem::path file_;
    lxw_workbook* wb_;
    lxw_format *header_, *mark_, *wrap_, *count_, *decimal_;
    std::array<lxw_format*, enum_count<kpi_unit>> value_{}; // by kpi_unit
};

void write_headers(lxw_worksheet* ws, const book& b,
                   std::initializer_list<std::pair<const char*, double>> columns) {
    lxw_col_t c = 0;
    for (const auto& [name, width] : columns) {
        worksheet_write_string(ws, 0, c, name, b.header());
        worksheet_set_column(ws, c, c, width, nullptr);
        ++c;
    }
    worksheet_set_row(ws, 0, 30, nullptr);
}
} // namespace

void write_xlsx(const std::filesystem::path& file, const kpi_results& results,
                const report_options& options) {
    book b(file);
    const int s = options.max_small;
    const auto rows = selected_rows(results, options);

    std::map<kpi_level, std::vector<const kpi_row*>> by_level;
    for (const auto* r : rows) by_level[r->level].push_back(r);
    for (const auto& [level, level_rows] : by_level) {
        auto* ws = b.sheet(sheet_name(level));
        write_headers(ws, b,
                      {{"kpi", 30},
                       {"school_year", 11},
                       {"level", 10},
                       {"unit", 11},
                       {"naam", 28},
                       {"numerator", 12},
                       {"denominator", 12},
                       {"value", 12},
                       {"status", 13},
                       {"change", 10},
                       {"kpi_unit", 9},
                       {"title_nl", 44},
                       {"title_en", 44},
                       {"partial", 16}});
        lxw_row_t at = 1;
        for (const auto* r : level_rows) {
            const auto* info = results.find(r->kpi);
            const auto unit = info ? info->unit : kpi_unit::count;
            worksheet_write_string(ws, at, 0, r->kpi.c_str(), nullptr);
            worksheet_write_string(ws, at, 1, r->year.to_string().c_str(), nullptr);
            worksheet_write_string(ws, at, 2, std::string(to_string(r->level)).c_str(), nullptr);
            worksheet_write_string(ws, at, 3, r->unit.c_str(), nullptr);
            if (const auto it = options.unit_names.find(r->unit); it != options.unit_names.end())
                worksheet_write_string(ws, at, 4, it->second.c_str(), nullptr);
            lxw_col_t c = 5;
            for (auto f : {kpi_field::numerator, kpi_field::denominator, kpi_field::value}) {
                switch (shown(*r, f, info, s)) {
                case cell_shown::number: {
                    const double v = *field_value(*r, f);
                    worksheet_write_number(ws, at, c, v,
                                           f == kpi_field::value ? b.value(unit) : b.count(v));
                    break;
                }
                case cell_shown::small:
                    worksheet_write_string(ws, at, c, small_mark(s).c_str(), b.mark());
                    break;
                case cell_shown::hidden:
                    break;
                }
                ++c;
            }
            const auto status = status_shown(*r);
            if (!status.empty())
                worksheet_write_string(ws, at, 8, std::string(status).c_str(), nullptr);
            if (shown(*r, kpi_field::change, info, s) == cell_shown::number)
                worksheet_write_number(ws, at, 9, *r->change, b.value(unit));
            worksheet_write_string(ws, at, 10, std::string(to_string(unit)).c_str(), nullptr);
            if (info) {
                worksheet_write_string(ws, at, 11, info->title_nl.c_str(), nullptr);
                worksheet_write_string(ws, at, 12, info->title_en.c_str(), nullptr);
            }
            // A partial year's period counts run through the extract date: `t/m <date>`.
            if (r->partial && results.counted_through())
                worksheet_write_string(
                    ws, at, 13, ("t/m " + format_day(*results.counted_through())).c_str(), nullptr);
            ++at;
        }
        worksheet_freeze_panes(ws, 1, 1);
        worksheet_autofilter(ws, 0, 0, at - 1, 13);
    }

    auto* defs = b.sheet("definities");
    write_headers(defs, b,
                  {{"kpi", 30},
                   {"title_nl", 40},
                   {"title_en", 40},
                   {"kpi_unit", 9},
                   {"norm", 10},
                   {"norm_target", 11},
                   {"norm_tolerance", 13},
                   {"description", 70},
                   {"source", 40}});
    lxw_row_t at = 1;
    for (const auto& k : results.definitions) {
        worksheet_write_string(defs, at, 0, k.id.c_str(), nullptr);
        worksheet_write_string(defs, at, 1, k.title_nl.c_str(), nullptr);
        worksheet_write_string(defs, at, 2, k.title_en.c_str(), nullptr);
        worksheet_write_string(defs, at, 3, std::string(to_string(k.unit)).c_str(), nullptr);
        if (k.norm) {
            worksheet_write_string(defs, at, 4, to_string(k.norm->dir).data(), nullptr);
            worksheet_write_number(defs, at, 5, k.norm->target, nullptr);
            worksheet_write_number(defs, at, 6, k.norm->tolerance, nullptr);
        }
        worksheet_write_string(defs, at, 7, k.description.c_str(), b.wrap());
        worksheet_write_string(defs, at, 8, k.source.c_str(), b.wrap());
        ++at;
    }
    worksheet_freeze_panes(defs, 1, 1);
    if (results.extract_date) {
        auto* about = b.sheet("gegevens");
        school_year last{0}; // the latest year reported: is it partial?
        for (const auto* r : rows) last = std::max(last, r->year);
        const auto as_of = data_as_of(results, last);
        worksheet_set_column(about, 0, 0, 120, b.wrap());
        worksheet_write_string(about, 0, 0, as_of.nl.c_str(), nullptr);
        worksheet_write_string(about, 1, 0, as_of.en.c_str(), nullptr);
    }
    b.close();
}

PASSEND_NAMESPACE_END
