// SPDX-License-Identifier: EUPL-1.2
// The monitor as JSON (docs/monitor.md): what the C ABI returns and Python's frames are made of.
#include "shown.hpp"

PASSEND_NAMESPACE_BEGIN

namespace {
using json = nlohmann::ordered_json;
using namespace report_detail;
using namespace monitor_detail;

json row_value(const monitor& m, const kpi_row* row) {
    if (!row) return nullptr;
    return field_json(*row, kpi_field::value, m.results.find(row->kpi), m.max_small);
}

json distribution_json(const monitor& m, const monitor_distribution& d) {
    json bins = json::array();
    for (const auto& b : d.bins)
        bins.push_back({{"bin", b.key},
                        {"label_nl", b.label_nl},
                        {"label_en", b.label_en},
                        {"count", cell_json(m, b.cell)}});
    return {{"id", d.id}, {"total", cell_json(m, d.total)}, {"bins", std::move(bins)}};
}

json figure_json(const monitor& m, const monitor_figure& f) {
    const auto& row = *f.row;
    const int s = m.max_small;
    json j{{"kpi", row.kpi},
           {"value", field_json(row, kpi_field::value, f.info, s)},
           {"numerator", field_json(row, kpi_field::numerator, f.info, s)},
           {"denominator", field_json(row, kpi_field::denominator, f.info, s)},
           {"change", field_json(row, kpi_field::change, f.info, s)}};
    const auto prev = previous_value(row, f.info, s);
    j["previous"] = prev ? json_number(*prev) : json(nullptr);
    j["partial"] = row.partial;
    j["national"] = f.national ? field_json(*f.national, kpi_field::value, f.info, s) : nullptr;
    j["reference"] = f.reference ? json{{"value", json_number(f.reference->value)},
                                        {"source", f.reference->source}}
                                 : json(nullptr);
    return j;
}

} // namespace

std::string monitor_json(const monitor& m, const monitor_format_options& options) {
    json doc{{"format", "passend-monitor"},
             {"version", 1},
             {"subject", options.subject},
             {"day", format_day(m.on)},
             {"extract_date", format_day(m.extract_date)},
             {"school_year", m.year.to_string()},
             {"partial", m.partial},
             {"suppressed", m.suppressed},
             {"small_counts", m.suppressed ? json(small_mark(m.max_small)) : json(nullptr)},
             {"tlv_term_days", m.tlv_term_days}};
    json defs = json::array();
    for (const auto& d : m.results.definitions)
        defs.push_back({{"id", d.id},
                        {"title_nl", d.title_nl},
                        {"title_en", d.title_en},
                        {"unit", to_string(d.unit)},
                        {"source", d.source}});
    doc["definitions"] = std::move(defs);
    json units = json::array();
    for (const auto& u : m.units) {
        json headline = json::array();
        json continuity = json::array();
        for (const auto& k : u.continuity)
            continuity.push_back(
                {{"year", k.year},
                 {"reserves_eur", report_detail::json_number(k.check.reserves / 100.0)},
                 {"signaleringswaarde_reserves",
                  report_detail::json_number(k.check.signal_value / 100.0)},
                 {"rule", k.check.minimum_applies ? "minimum" : "percentage"},
                 {"reserves_boven_signaleringswaarde",
                  report_detail::json_number(k.check.above / 100.0)}});
        for (const auto& f : u.headline) headline.push_back(figure_json(m, f));
        json border = json::array();
        for (const auto& b : u.cross_border)
            border.push_back({{"setting", to_string(b.admits)},
                              {"outgoing", row_value(m, b.outgoing)},
                              {"incoming", row_value(m, b.incoming)}});
        units.push_back({{"id", u.id},
                         {"name", u.name},
                         {"sector", to_string(u.sector_of)},
                         {"headline", std::move(headline)},
                         {"open_requests", distribution_json(m, u.open_requests)},
                         {"thuiszitters", distribution_json(m, u.thuiszitters)},
                         {"cross_border", std::move(border)},
                         {"money",
                          {{"outgoing", row_value(m, u.money_outgoing)},
                           {"incoming", row_value(m, u.money_incoming)}}}});
        // Only with finances.csv (contract v1.1): documents of data without it stay as they were.
        if (!continuity.empty()) units.back()["continuity"] = std::move(continuity);
    }
    doc["partnerships"] = std::move(units);
    return doc.dump(1) + "\n";
}

PASSEND_NAMESPACE_END
