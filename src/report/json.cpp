// SPDX-License-Identifier: EUPL-1.2
// The JSON report: the CSV's rows plus the definitions; docs/report-formats.md (stable).
#include "common.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

PASSEND_NAMESPACE_BEGIN

namespace {
using json = nlohmann::ordered_json;
} // namespace

namespace report_detail {

json json_number(double v) {
    if (v == std::round(v) && std::abs(v) < 1e15) return std::llround(v);
    return std::stod(machine_number(v));
}

json norm_json(const kpi_norm& norm) {
    return {
        {"direction", to_string(norm.dir)}, {"target", norm.target}, {"tolerance", norm.tolerance}};
}

json field_json(const kpi_row& row, kpi_field field, const kpi_info* info, int max_small) {
    switch (shown(row, field, info, max_small)) {
    case cell_shown::number:
        return json_number(*field_value(row, field));
    case cell_shown::small:
        return small_mark(max_small);
    case cell_shown::hidden:
        return nullptr;
    }
    return nullptr;
}

} // namespace report_detail

void write_json(std::ostream& out, const kpi_results& results, const report_options& options) {
    using namespace report_detail;
    const auto rows = selected_rows(results, options);
    std::set<school_year> years;
    std::set<std::string_view> ids;
    for (const auto* r : rows) {
        years.insert(r->year);
        ids.insert(r->kpi);
    }
    json doc;
    doc["format"] = "passend-kpi-report";
    doc["version"] = 1;
    doc["suppressed"] = options.suppressed;
    doc["small_count"] = small_mark(options.max_small);
    doc["extract_date"] =
        results.extract_date ? json(format_day(*results.extract_date)) : json(nullptr);
    doc["reference_day"] =
        results.reference_day ? json(format_day(*results.reference_day)) : json(nullptr);
    doc["rolling_window"] = results.rolling_window;
    doc["reference_values"] = json::array();
    for (const auto& r : results.reference_values)
        doc["reference_values"].push_back({{"kpi", r.kpi},
                                           {"school_year", r.year.to_string()},
                                           {"value", r.value},
                                           {"source", r.source}});
    doc["school_years"] = json::array();
    for (auto y : years) doc["school_years"].push_back(y.to_string());
    doc["unit"] = options.unit.empty() ? json(nullptr) : json(options.unit);

    doc["definitions"] = json::array();
    for (const auto& k : results.definitions) {
        if (!ids.contains(k.id)) continue;
        json d;
        d["id"] = k.id;
        d["title_nl"] = k.title_nl;
        d["title_en"] = k.title_en;
        d["description"] = k.description;
        d["source"] = k.source;
        d["unit"] = to_string(k.unit);
        d["norm"] = k.norm ? norm_json(*k.norm) : json(nullptr);
        doc["definitions"].push_back(std::move(d));
    }

    doc["rows"] = json::array();
    const int s = options.max_small;
    for (const auto* r : rows) {
        const auto* info = results.find(r->kpi);
        json j;
        j["kpi"] = r->kpi;
        j["school_year"] = r->year.to_string();
        j["level"] = to_string(r->level);
        j["unit"] = r->unit;
        j["numerator"] = field_json(*r, kpi_field::numerator, info, s);
        j["denominator"] = field_json(*r, kpi_field::denominator, info, s);
        j["value"] = field_json(*r, kpi_field::value, info, s);
        const auto status = status_shown(*r);
        j["status"] = status.empty() ? json(nullptr) : json(status);
        j["change"] = field_json(*r, kpi_field::change, info, s);
        j["partial"] = r->partial;
        j["suppressed"] = json::array();
        const auto& sup = r->suppressed;
        for (auto [hidden, name] : {std::pair{sup.numerator, "numerator"},
                                    {sup.denominator, "denominator"},
                                    {sup.value, "value"},
                                    {sup.change, "change"}})
            if (hidden) j["suppressed"].push_back(name);
        doc["rows"].push_back(std::move(j));
    }
    out << doc.dump(1) << '\n';
}

PASSEND_NAMESPACE_END
