// SPDX-License-Identifier: EUPL-1.2
// What the report writers share: row selection, number text, themes and the dashboard model.
#pragma once

#include "passend/report/privacy.hpp"
#include "passend/report/report.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace report_detail {

/// The rows the options select (years, unit plus national), in the results' order.
std::vector<const kpi_row*> selected_rows(const kpi_results& results,
                                          const report_options& options);

/// A number for machines: integers without a decimal point, others with up to 12 significant
/// digits and a decimal point (`1.8`, `16.2790697674`).
std::string machine_number(double v);
/// A field for CSV: the number, `<5` for a small count, empty when absent or hidden.
std::string field_text(const kpi_row& row, kpi_field field, const kpi_info* info, int max_small);
/// The status as in the CSV (`op_koers`, ...); empty when none or when the value is hidden
/// (a status would tell on which side of the norm a hidden value lies).
std::string_view status_shown(const kpi_row& row);
/// The text of a small count: `<5` for max_small 4.
std::string small_mark(int max_small);
/// A number for JSON: an integer when integral, else machine_number()'s digits.
nlohmann::ordered_json json_number(double v);
/// A norm or target for JSON: `{"direction": "at_most", "target": 1.8, "tolerance": 0.5}`.
nlohmann::ordered_json norm_json(const kpi_norm& norm);
/// A field for JSON: the number, `"<5"` for a small count, null when absent or hidden.
nlohmann::ordered_json field_json(const kpi_row& row, kpi_field field, const kpi_info* info,
                                  int max_small);
/// The dashboards' sentence on small counts, in Markdown (Dutch, English in italics): which
/// counts show as `<5`, or that nothing is hidden (`suppressed` false: internal use).
std::string suppression_note_md(bool suppressed, int max_small);

/// A number for readers, in Dutch notation: 12.345 and 1,8.
std::string dutch_number(double v, int decimals);
/// A value with its unit for the dashboards: `12.345`, `1,8%`, `€ 1.631.099`, `0,78`, `42 d`.
std::string display_value(double v, kpi_unit unit);
/// The shown text of a field for the dashboards (`<5`, `–` when absent or hidden).
std::string display_field(const kpi_row* row, kpi_field field, const kpi_info* info, int max_small);
/// A published figure with the number of its source in the report's list (`1,6% [1]`); `–`
/// when there is none.
std::string published_text(const kpi_results& results, const kpi_reference_value* published,
                           const kpi_info* info);
/// A signed change: `+0,3`, `−12`.
std::string display_change(double change, kpi_unit unit);
/// A target or bound as it was set: `1,8%` rather than `1,80%`, `0,75`, `10`.
std::string display_target(double v, kpi_unit unit);
/// `≤ 1,8%`, `≥ 0,75`.
std::string display_norm(const kpi_norm& norm, kpi_unit unit);
/// The KPI's norm as above; empty without norm.
std::string display_norm(const kpi_info& info);
/// `op koers`, `aandacht`, `niet op koers`; empty for none.
std::string_view status_text(kpi_status s);
std::string_view level_text(kpi_level l); ///< Dutch name of a level

/// A theme of the quality policy's KPI set (Kwaliteitsbeleid 2023-2027), by KPI id.
struct theme {
    int order;
    std::string_view nl, en, policy_kpis; ///< which of the policy's eleven KPIs ("1-3")
};
const theme& theme_of(std::string_view kpi_id);

/// The definitions by theme, then in docs/definitions.md's order (the dashboards' order).
std::vector<const kpi_info*> ordered_definitions(const kpi_results& results);

/// One line of a dashboard: a KPI for one unit.
struct dashboard_line {
    const kpi_info* info = nullptr;
    bool sub = false;                 ///< a breakdown of the line before it (indented)
    const kpi_row* current = nullptr; ///< this unit, the report's year
    const kpi_row* national = nullptr;
    /// The published figure of the KPI and year (reference_values.csv), if the data give one.
    const kpi_reference_value* published = nullptr;
    std::vector<const kpi_row*> trend;    ///< this unit, one per dashboard year (may be null)
    std::string change = "–";             ///< the shown change (display_change), `–` if none
    kpi_status status = kpi_status::none; ///< none when the value is hidden
};
struct dashboard_theme {
    const theme* what;
    std::vector<dashboard_line> lines;
};
struct dashboard_unit {
    kpi_level level;
    std::string id, name;
    std::vector<dashboard_theme> themes;
    int op_koers = 0, aandacht = 0, niet_op_koers = 0;
};
struct dashboard {
    school_year year{0};               ///< the headline year
    std::vector<school_year> years;    ///< trend years, oldest first, ending with `year`
    std::vector<dashboard_unit> units; ///< national first, then partnerships (or the one unit)
};
dashboard make_dashboard(const kpi_results& results, const report_options& options);

/// A school year as the reports name it: `2024-2025`, or `2024-2025 t/m 2025-03-15` when it is
/// partial (its period counts run through the extract date).
std::string year_text(const kpi_results& results, school_year y);
/// The reports' line on the data's own day, Dutch and English: "Gegevens t/m <date>" / "data as
/// of <date>", and for a partial `year` that its counts run through that day and compare with
/// the same period last year; both empty when the results have no extract date.
struct as_of_text {
    std::string nl, en;
};
as_of_text data_as_of(const kpi_results& results, school_year year);

/// An HTML id for a unit's section: `u-` and the id with anything but letters and digits as `-`.
std::string unit_anchor(std::string_view id);

/// HTML-escape text.
std::string escape_html(std::string_view text);

} // namespace report_detail
PASSEND_NAMESPACE_END
