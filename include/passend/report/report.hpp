// SPDX-License-Identifier: EUPL-1.2
// Reports: KPI results written as CSV, JSON, Markdown, HTML or an Excel workbook.
//
// Every writer prints a suppressed number (report/privacy.hpp) as `<5` or an empty field, never
// the number; run suppress() on the complete results first. docs/report-formats.md documents
// the CSV and JSON columns, which are stable.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/enum_names.hpp"
#include "passend/kpi/result.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

enum class report_format : std::uint8_t { md, json, csv, html, xlsx };
template <>
struct enum_names<report_format> {
    static constexpr std::array<std::string_view, 5> names{"md", "json", "csv", "html", "xlsx"};
};
/// `md`, `json`, `csv`, `html` or `xlsx`; nullopt otherwise.
std::optional<report_format> parse_report_format(std::string_view text) noexcept;

struct report_options {
    /// School years to report; empty: every year in the results. The dashboards (md, html)
    /// show the last of them and the trend over every earlier year in the results.
    std::vector<school_year> years;
    /// One unit (an swv, board or school id, a municipality code) with the national figures;
    /// empty: every unit (the dashboards show the national figures and each partnership).
    std::string unit;
    /// Names shown beside unit ids (PO3104 Westelijke Mijnstreek).
    std::map<std::string, std::string, std::less<>> unit_names;
    /// What the report is of, for the dashboards' heading (e.g. `demo: Zuid-Limburg`).
    std::string subject;
    /// Whether suppress() ran (the dashboards say which counts are hidden); and its threshold.
    bool suppressed = true;
    int max_small = 4;

    /// unit_names from the partnerships, boards and schools of `ds`.
    static std::map<std::string, std::string, std::less<>> names_of(const dataset& ds);
};

/// The tidy table: one row per KPI, school year and unit; columns
/// `kpi,school_year,level,unit,numerator,denominator,value,status,change,kpi_unit,title_nl,title_en,
/// partial` (partial: `true` in a school year whose period counts run through the extract date).
void write_csv(std::ostream& out, const kpi_results& results, const report_options& options = {});
/// `{"format": "passend-kpi-report", "version": 1, ..., "definitions": [...], "rows": [...]}`.
void write_json(std::ostream& out, const kpi_results& results, const report_options& options = {});
struct report_document;
/// The dashboard as a report document (report/document.hpp): the lines under its title, a
/// section per unit with a table per theme (value, change, norm, status, a text sparkline as
/// trend, national, published), the published figures' sources. Its Markdown is write_markdown's.
report_document kpi_document(const kpi_results& results, const report_options& options = {});
/// The dashboard as Markdown: per theme a table of value, change, norm, status, trend, national.
void write_markdown(std::ostream& out, const kpi_results& results,
                    const report_options& options = {});
/// The dashboard as one self-contained HTML page: kpi_document through the document's HTML
/// writer (one stylesheet, SVG sparklines as trend, the status coloured, no scripts, prints on
/// A4), with every KPI's definition and source at the end.
void write_html(std::ostream& out, const kpi_results& results, const report_options& options = {});
/// An Excel workbook: one sheet per level, typed cells, frozen header; and the definitions.
/// Throws passend::error when the file cannot be written.
void write_xlsx(const std::filesystem::path& file, const kpi_results& results,
                const report_options& options = {});

/// Write `format` to `out` (xlsx: throws, it needs a file; use write_xlsx).
void write_report(report_format format, std::ostream& out, const kpi_results& results,
                  const report_options& options = {});

PASSEND_NAMESPACE_END
