// SPDX-License-Identifier: EUPL-1.2
#include "shown.hpp"

#include "passend/report/privacy.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN
namespace monitor_detail {

using namespace report_detail;

std::optional<double> previous_value(const kpi_row& row, const kpi_info* info, int max_small) {
    if (shown(row, kpi_field::value, info, max_small) != cell_shown::number ||
        shown(row, kpi_field::change, info, max_small) != cell_shown::number)
        return std::nullopt;
    return *row.value - *row.change;
}

std::string cell_text(const monitor& m, cell_table::cell_id c) {
    switch (m.cells.shown(c)) {
    case cell_shown::number:
        return dutch_number(m.cells.value(c), 0);
    case cell_shown::small:
        return small_mark(m.max_small);
    case cell_shown::hidden:
        break;
    }
    return "–";
}

nlohmann::ordered_json cell_json(const monitor& m, cell_table::cell_id c) {
    switch (m.cells.shown(c)) {
    case cell_shown::number:
        return json_number(m.cells.value(c));
    case cell_shown::small:
        return small_mark(m.max_small);
    case cell_shown::hidden:
        break;
    }
    return nullptr;
}

std::optional<double> cell_number(const monitor& m, cell_table::cell_id c) {
    if (m.cells.shown(c) != cell_shown::number) return std::nullopt;
    return m.cells.value(c);
}

figure_text describe_figure(const monitor& m, const monitor_figure& f) {
    const int s = m.max_small;
    const auto unit = f.info ? f.info->unit : kpi_unit::count;
    figure_text t;
    t.value = display_field(f.row, kpi_field::value, f.info, s);
    t.change = shown(*f.row, kpi_field::change, f.info, s) == cell_shown::number
                   ? display_change(*f.row->change, unit)
                   : "–";
    const auto prev = previous_value(*f.row, f.info, s);
    t.previous = prev ? display_value(*prev, unit) : "–";
    t.national = display_field(f.national, kpi_field::value, f.info, s);
    t.reference = f.reference ? display_value(f.reference->value, unit) : "–";
    if (f.reference) t.reference_source = f.reference->source;
    return t;
}

std::string row_text(const monitor& m, const kpi_row* row) {
    return display_field(row, kpi_field::value, row ? m.results.find(row->kpi) : nullptr,
                         m.max_small);
}

day_line describe_day(const monitor& m) {
    const auto on = format_day(m.on), year = m.year.to_string();
    if (!m.partial)
        return {fmt::format("op {}, schooljaar {}", on, year),
                fmt::format("on {}, school year {}", on, year)};
    return {fmt::format("op {}, schooljaar {} t/m die dag (vergeleken met dezelfde periode vorig "
                        "jaar)",
                        on, year),
            fmt::format("on {}, school year {} through that day (compared with the same period "
                        "last year)",
                        on, year)};
}

} // namespace monitor_detail
PASSEND_NAMESPACE_END
