// SPDX-License-Identifier: EUPL-1.2
// The coverage as an Excel workbook (libxlsxwriter): sheet `dekking` (one row per partnership,
// domain and municipality, coloured by state), `knelpunten` (the gaps and over-demand in words),
// `kosten` (per domain and level, split over calendar years) and `continuiteit`.
#include "shown.hpp"

#include "passend/error.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <utility>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace coverage_detail;

class workbook {
public:
    explicit workbook(const std::filesystem::path& file)
        : file_(file), wb_(workbook_new(file.string().c_str())) {
        if (!wb_) throw error("cannot write workbook " + file.string());
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xE8EEF4);
        euro_ = workbook_add_format(wb_);
        format_set_num_format(euro_, "\"€ \"#,##0.00");
        percent_ = workbook_add_format(wb_);
        format_set_num_format(percent_, "0.0\"%\"");
        const std::pair<cover_state, lxw_color_t> colours[] = {
            {cover_state::covered, 0xE3F3E8},
            {cover_state::over_demanded, 0xFFF1CC},
            {cover_state::no_offer, 0xFBE3E3}};
        for (const auto& [state, colour] : colours) {
            auto* f = workbook_add_format(wb_);
            format_set_bg_color(f, colour);
            state_[static_cast<std::size_t>(state)] = f;
        }
    }
    ~workbook() {
        if (wb_) workbook_close(wb_);
    }
    void close() {
        const lxw_error e = workbook_close(std::exchange(wb_, nullptr));
        if (e != LXW_NO_ERROR)
            throw error(
                fmt::format("cannot write workbook {}: {}", file_.string(), lxw_strerror(e)));
    }
    lxw_worksheet* sheet(const char* name,
                         std::initializer_list<std::pair<const char*, double>> columns) {
        auto* ws = workbook_add_worksheet(wb_, name);
        lxw_col_t c = 0;
        for (const auto& [title, width] : columns) {
            worksheet_write_string(ws, 0, c, title, header_);
            worksheet_set_column(ws, c, c, width, nullptr);
            ++c;
        }
        worksheet_freeze_panes(ws, 1, 0);
        return ws;
    }
    lxw_format* euro() const { return euro_; }
    lxw_format* percent() const { return percent_; }
    lxw_format* state(cover_state s) const { return state_[static_cast<std::size_t>(s)]; }

private:
    std::filesystem::path file_;
    lxw_workbook* wb_;
    lxw_format *header_, *euro_, *percent_;
    std::array<lxw_format*, 3> state_{};
};

void euros(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, cents amount, const workbook& b) {
    worksheet_write_number(ws, r, c, static_cast<double>(amount) / 100, b.euro());
}

} // namespace

void write_coverage_xlsx(const std::filesystem::path& file, const coverage& c,
                         const coverage_privacy& privacy) {
    workbook b(file);
    const auto year = c.year.to_string();
    auto* cells = b.sheet("dekking", {{"school_year", 11},
                                      {"swv_id", 10},
                                      {"domain", 18},
                                      {"municipality", 13},
                                      {"places", 8},
                                      {"pupils", 8},
                                      {"occupancy", 10},
                                      {"state", 15}});
    auto* found = b.sheet("knelpunten", {{"swv_id", 10}, {"nl", 70}, {"en", 70}});
    const auto first = first_calendar_year(c);
    const auto first_col = fmt::format("{} (aug-dec, 5/12)", first);
    const auto second_col = fmt::format("{} (jan-jul, 7/12)", first + 1);
    auto* costs = b.sheet("kosten", {{"school_year", 11},
                                     {"swv_id", 10},
                                     {"domain", 18},
                                     {"level", 7},
                                     {"places", 8},
                                     {"cost_eur", 14},
                                     {first_col.c_str(), 20},
                                     {second_col.c_str(), 20}});
    auto* money = b.sheet("continuiteit", {{"year", 7},
                                           {"swv_id", 10},
                                           {"income_eur", 16},
                                           {"reserves_eur", 16},
                                           {"signaleringswaarde_reserves", 26},
                                           {"rule", 11},
                                           {"reserves_boven_signaleringswaarde", 30}});
    lxw_row_t rc = 1, rf = 1, rk = 1, rm = 1;
    for (const auto& p : c.partnerships) {
        for (std::size_t d = 0; d < c.domains.size(); ++d)
            for (std::size_t m = 0; m < p.municipalities.size(); ++m, ++rc) {
                const auto& cell = p.cells[d][m];
                worksheet_write_string(cells, rc, 0, year.c_str(), nullptr);
                worksheet_write_string(cells, rc, 1, p.swv_id.c_str(), nullptr);
                worksheet_write_string(cells, rc, 2, c.domains[d].c_str(), nullptr);
                worksheet_write_string(cells, rc, 3, p.municipalities[m].c_str(), nullptr);
                worksheet_write_number(cells, rc, 4, static_cast<double>(cell.places), nullptr);
                if (hidden(cell, privacy))
                    worksheet_write_string(cells, rc, 5, pupils_text(cell, privacy).c_str(),
                                           nullptr);
                else {
                    worksheet_write_number(cells, rc, 5, static_cast<double>(cell.pupils), nullptr);
                    if (const auto o = cell.occupancy())
                        worksheet_write_number(cells, rc, 6, *o, b.percent());
                }
                worksheet_write_string(cells, rc, 7, std::string(to_string(cell.state)).c_str(),
                                       b.state(cell.state));
            }
        for (const auto& f : findings(c, p, privacy)) {
            worksheet_write_string(found, rf, 0, p.swv_id.c_str(), nullptr);
            worksheet_write_string(found, rf, 1, f.nl.c_str(), nullptr);
            worksheet_write_string(found, rf, 2, f.en.c_str(), nullptr);
            ++rf;
        }
        for (const auto& k : p.costs) {
            worksheet_write_string(costs, rk, 0, year.c_str(), nullptr);
            worksheet_write_string(costs, rk, 1, p.swv_id.c_str(), nullptr);
            worksheet_write_string(costs, rk, 2, k.domain.c_str(), nullptr);
            worksheet_write_number(costs, rk, 3, k.level, nullptr);
            worksheet_write_number(costs, rk, 4, static_cast<double>(k.places), nullptr);
            euros(costs, rk, 5, k.cost, b);
            euros(costs, rk, 6, k.first_year, b);
            euros(costs, rk, 7, k.second_year, b);
            ++rk;
        }
        for (const auto& k : p.continuity) {
            worksheet_write_number(money, rm, 0, k.year, nullptr);
            worksheet_write_string(money, rm, 1, p.swv_id.c_str(), nullptr);
            euros(money, rm, 2, k.check.income, b);
            euros(money, rm, 3, k.check.reserves, b);
            euros(money, rm, 4, k.check.signal_value, b);
            worksheet_write_string(money, rm, 5, k.check.minimum_applies ? "minimum" : "percentage",
                                   nullptr);
            euros(money, rm, 6, k.check.above, b);
            ++rm;
        }
    }
    b.close();
}

PASSEND_NAMESPACE_END
