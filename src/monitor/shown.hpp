// SPDX-License-Identifier: EUPL-1.2
// What the monitor's writers (JSON, Markdown, HTML) share: a number as shown after suppression,
// whether it is a KPI row's field or a distribution's cell.
#pragma once

#include "passend/monitor/monitor.hpp"

#include "../report/common.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace monitor_detail {

/// The previous year's value of the same period: value minus change, when both are shown.
std::optional<double> previous_value(const kpi_row& row, const kpi_info* info, int max_small);

/// A distribution's cell as a number for readers (`12`, `<5`, `–`).
std::string cell_text(const monitor& m, cell_table::cell_id c);
/// The same for JSON: the count, `"<5"`, or null.
nlohmann::ordered_json cell_json(const monitor& m, cell_table::cell_id c);
/// The shown count of a cell, or nullopt when hidden (for drawing bars).
std::optional<double> cell_number(const monitor& m, cell_table::cell_id c);

/// A headline figure as the dashboards show it (`–` for no value or a hidden one).
struct figure_text {
    std::string value, change, previous, national, reference, reference_source;
};
figure_text describe_figure(const monitor& m, const monitor_figure& f);

/// A row's value as the dashboards show it (`–` without a row).
std::string row_text(const monitor& m, const kpi_row* row);

/// The monitor's day and year, Dutch and English: `op 2025-03-15, schooljaar 2024-2025 (t/m
/// die dag)`.
struct day_line {
    std::string nl, en;
};
day_line describe_day(const monitor& m);

} // namespace monitor_detail
PASSEND_NAMESPACE_END
