// SPDX-License-Identifier: EUPL-1.2
// The tidy CSV: docs/report-formats.md documents its columns (stable).
#include "common.hpp"

PASSEND_NAMESPACE_BEGIN

namespace {
/// RFC 4180: quote a field holding a comma, quote or line break.
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}
} // namespace

void write_csv(std::ostream& out, const kpi_results& results, const report_options& options) {
    using namespace report_detail;
    out << "kpi,school_year,level,unit,numerator,denominator,value,status,change,kpi_unit,"
           "title_nl,title_en,partial\n";
    for (const auto* row : selected_rows(results, options)) {
        const auto* info = results.find(row->kpi);
        const int s = options.max_small;
        out << csv_field(row->kpi) << ',' << row->year.to_string() << ',' << to_string(row->level)
            << ',' << csv_field(row->unit) << ',' << field_text(*row, kpi_field::numerator, info, s)
            << ',' << field_text(*row, kpi_field::denominator, info, s) << ','
            << field_text(*row, kpi_field::value, info, s) << ',' << status_shown(*row) << ','
            << field_text(*row, kpi_field::change, info, s) << ','
            << (info ? to_string(info->unit) : "") << ',' << csv_field(info ? info->title_nl : "")
            << ',' << csv_field(info ? info->title_en : "") << ','
            << (row->partial ? "true" : "false") << '\n';
    }
}

PASSEND_NAMESPACE_END
