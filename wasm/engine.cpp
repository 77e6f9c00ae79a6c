// SPDX-License-Identifier: EUPL-1.2
// The WebAssembly engine behind passend.mjs: one entry point, passend_wasm_call(method, request),
// taking and returning JSON text, so that JavaScript needs no bindings beyond strings. Datasets
// stay in this module's memory under a handle until closed; no exception leaves it.
#include "passend/coverage/coverage.hpp"
#include "passend/demo.hpp"
#include "passend/error.hpp"
#include "passend/flows/disclosure.hpp"
#include "passend/flows/json.hpp"
#include "passend/flows/render.hpp"
#include "passend/flows/thuiszitter_lengths.hpp"
#include "passend/flows/units.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/load.hpp"
#include "passend/monitor/monitor.hpp"
#include "passend/report/report.hpp"
#include "passend/thuiszitters.hpp"
#include "passend/version.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>

namespace {

using json = nlohmann::ordered_json;
using namespace passend;

std::map<int, dataset_ptr> open_datasets;
int next_handle = 1;

const dataset& dataset_of(const json& rq) {
    const auto it = open_datasets.find(rq.at("handle").get<int>());
    if (it == open_datasets.end()) throw error("no open dataset with that handle (closed?)");
    return *it->second;
}

std::string text_of(const json& rq, const char* key) {
    return rq.contains(key) && rq[key].is_string() ? rq[key].get<std::string>() : std::string{};
}

std::optional<day> day_of(const json& rq, const char* key) {
    const auto text = text_of(rq, key);
    if (text.empty()) return std::nullopt;
    if (const auto d = parse_day(text)) return d;
    throw error(std::string(key) + ": expected a date like 2025-03-15, got '" + text + "'");
}

school_year year_of(const std::string& text) {
    // As the CLI's --year and the C ABI: `2024-2025` or its first year `2024`.
    if (const auto y = school_year::parse_option(text)) return *y;
    throw error("year: expected a school year like 2024-2025, got '" + text + "'");
}

std::vector<std::string> texts_of(const json& rq, const char* key) {
    if (!rq.contains(key)) return {};
    if (rq[key].is_string()) return {rq[key].get<std::string>()};
    return rq[key].get<std::vector<std::string>>();
}

json diagnostic_json(const diagnostic& d) {
    return {{"file", d.file},      {"line", d.line},
            {"column", d.column},  {"level", d.level == severity::error ? "error" : "warning"},
            {"rule", d.rule},      {"message", d.message},
            {"text", to_string(d)}};
}

json summary_json(const dataset& ds) {
    json units = json::array();
    for (const auto& [id, name] : report_options::names_of(ds)) units.push_back({id, name});
    json years = json::array();
    for (const auto y : ds.school_years()) years.push_back(y.to_string());
    return {{"schools", ds.schools().size()},
            {"pupils", ds.pupils().size()},
            {"enrolments", ds.enrolments().size()},
            {"extract_date", format_day(ds.extract_date())},
            {"school_years", years},
            {"unit_names", units}};
}

json keep(dataset_ptr data) {
    json out = summary_json(*data);
    json warnings = json::array();
    for (const auto& w : data->warnings()) warnings.push_back(diagnostic_json(w));
    out["warnings"] = warnings;
    out["handle"] = next_handle;
    open_datasets.emplace(next_handle++, std::move(data));
    return out;
}

/// A folder (written by passend.mjs into the module's memory file system) or one .json document:
/// the dataset under a new handle, or every diagnostic and no handle.
json open_files(const json& rq, bool validate_only) {
    load_options options;
    options.as_of = day_of(rq, "as_of");
    const auto path = text_of(rq, "path");
    auto result =
        text_of(rq, "kind") == "json" ? load_json_file(path, options) : load_folder(path, options);
    json diagnostics = json::array();
    for (const auto& d : result.diagnostics) diagnostics.push_back(diagnostic_json(d));
    if (!result.ok() || validate_only) {
        json out{{"diagnostics", diagnostics}, {"valid", result.ok()}};
        if (result.ok()) out["summary"] = summary_json(*result.data);
        return out;
    }
    json out = keep(std::move(result.data));
    out["diagnostics"] = diagnostics;
    out["valid"] = true;
    return out;
}

json open_demo(const json& rq) {
    demo_options o;
    if (rq.contains("pupils")) o.pupils = rq["pupils"].get<std::uint32_t>();
    o.extract_date = day_of(rq, "as_of");
    return keep(make_demo(o));
}

/// The report as the CLI's `passend report` writes it (md, json, csv or html).
json report(const json& rq) {
    const auto& ds = dataset_of(rq);
    const auto format = parse_report_format(text_of(rq, "format"));
    if (!format || *format == report_format::xlsx)
        throw error("format: one of md, json, csv, html (xlsx: passend.mjs writes it)");
    publish_options po;
    po.suppress = rq.value("suppress", true);
    po.reference_day = day_of(rq, "day");
    po.rolling_window = rq.value("rolling", false);
    po.select.kpis = texts_of(rq, "kpis");
    const auto unit = text_of(rq, "unit");
    if (!unit.empty()) po.select.units = {unit};
    for (const auto& l : texts_of(rq, "levels")) po.select.levels.push_back(parse_level_name(l));
    const catalog& cat = catalog::builtin();
    const auto results = publish(ds, cat, po);
    report_options ro;
    if (const auto year = text_of(rq, "year"); !year.empty()) {
        check_selection(ds, cat, results, {{}, {year_of(year)}, {}, {}});
        ro.years = {year_of(year)};
    }
    if (!unit.empty()) ro.unit = unit;
    ro.suppressed = po.suppress;
    ro.max_small = po.max_small;
    ro.unit_names = report_options::names_of(ds);
    ro.subject = text_of(rq, "subject");
    std::ostringstream out;
    write_report(*format, out, results, ro);
    return out.str();
}

/// The level of a unit id: the one asked for, else the partnership, board, school or
/// municipality of that id.
kpi_level level_of(const dataset& ds, const std::string& unit, const std::string& asked) {
    if (unit.empty() || unit == "NL") return kpi_level::national;
    if (!asked.empty()) return parse_level_name(asked);
    if (ds.find_swv(unit)) return kpi_level::swv;
    if (ds.find_board(unit)) return kpi_level::board;
    if (ds.find_school(unit)) return kpi_level::school;
    if (ds.find_municipality(unit)) return kpi_level::municipality;
    throw error("unit: no partnership, board, school or municipality '" + unit + "' in the data");
}

json explain_kpi(const json& rq) {
    const auto& ds = dataset_of(rq);
    const auto unit = text_of(rq, "unit");
    const auto level = level_of(ds, unit, text_of(rq, "level"));
    const auto part =
        text_of(rq, "part") == "denominator" ? kpi_part::denominator : kpi_part::numerator;
    return explain(ds, catalog::builtin(), text_of(rq, "kpi"), year_of(text_of(rq, "year")), level,
                   unit.empty() ? "NL" : unit, part);
}

/// The flows of a school year and unit, as `passend flows` (json document, md or csv).
json flows(const json& rq) {
    const auto& ds = dataset_of(rq);
    const auto id = rq.contains("unit") ? text_of(rq, "unit") : std::string("NL");
    const auto unit = find_flow_unit(ds, id);
    if (!unit) throw error("unit: no partnership, board or school '" + id + "' in the data");
    const auto published = publish_flows(ds, attribution_view::paying, rq.value("suppress", true));
    const auto& tables = published->tables;
    if (tables.years().empty()) throw error("the data holds no enrolments");
    school_year year = tables.years().front();
    for (auto y : tables.years())
        if (tables.observed(y)) year = y; // the latest whose teldatum the data reaches
    if (const auto asked = text_of(rq, "year"); !asked.empty()) year = year_of(asked);
    if (!tables.has_year(year)) throw error("year: " + year.to_string() + " is outside the data");
    flows_json_input in;
    in.tables = &tables;
    in.unit = *unit;
    in.year = year;
    in.disclosure = published->shown();
    thuiszitter_lengths lengths;
    if (ds.has_table(table::absences)) {
        lengths = summarize_thuiszitters(verzuim_episodes(ds, year), *unit);
        in.thuiszitters = &lengths;
    }
    const auto doc = flows_to_json(ds, in);
    const auto format = text_of(rq, "format");
    if (format == "md") return flows_markdown(doc);
    if (format == "csv") return document_csv(doc);
    return doc;
}

/// The partnership's monitor on a day, as `passend monitor` (json document, md or html).
json monitor_of(const json& rq) {
    const auto& ds = dataset_of(rq);
    monitor_options o;
    o.on = day_of(rq, "day");
    o.units = texts_of(rq, "units");
    o.suppress = rq.value("suppress", true);
    const auto m = make_monitor(ds, o);
    monitor_format_options fo;
    fo.subject = text_of(rq, "subject");
    const auto format = text_of(rq, "format");
    if (format == "html") return monitor_html(m, fo);
    if (format == "md") return monitor_markdown(m, fo);
    return json::parse(monitor_json(m, fo));
}

/// The covering network of a school year, as `passend coverage` (json document, md or html; the
/// xlsx is written by xlsx.mjs from the json document).
json coverage_of(const json& rq) {
    const auto& ds = dataset_of(rq);
    coverage_options o;
    if (const auto year = text_of(rq, "year"); !year.empty()) {
        o.year = year_of(year);
        if (!ds.is_reported(*o.year))
            throw error("year: school year " + year + " is not reported by the data");
    }
    o.unit = text_of(rq, "unit");
    if (!o.unit.empty() && !ds.find_swv(o.unit))
        throw error("unit: no partnership '" + o.unit + "' in the data");
    coverage_privacy privacy;
    privacy.suppress = rq.value("suppress", true);
    const auto c = make_coverage(ds, o);
    const auto format = text_of(rq, "format");
    if (format == "html") return coverage_html(c, privacy);
    if (format == "md") return coverage_markdown(c, privacy);
    if (!format.empty() && format != "json")
        throw error("format: one of json, md, html (xlsx: xlsx.mjs writes it)");
    return json::parse(coverage_json(c, privacy));
}

json dispatch(const std::string& method, const json& rq) {
    if (method == "open") return open_files(rq, false);
    if (method == "validate") return open_files(rq, true);
    if (method == "demo") return open_demo(rq);
    if (method == "close") return open_datasets.erase(rq.at("handle").get<int>()) == 1;
    if (method == "summary") return summary_json(dataset_of(rq));
    if (method == "report") return report(rq);
    if (method == "explain") return explain_kpi(rq);
    if (method == "flows") return flows(rq);
    if (method == "monitor") return monitor_of(rq);
    if (method == "coverage") return coverage_of(rq);
    throw error("no method '" + method + "'");
}

char* copy_out(const std::string& text) {
    auto* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

} // namespace

extern "C" {

/// `{"ok": true, "result": ...}` or `{"ok": false, "error": "..."}`; free the text with free().
EMSCRIPTEN_KEEPALIVE char* passend_wasm_call(const char* method, const char* request) {
    try {
        const auto rq = json::parse(request && *request ? request : "{}");
        return copy_out(json{{"ok", true}, {"result", dispatch(method, rq)}}.dump());
    } catch (const std::exception& e) {
        return copy_out(json{{"ok", false}, {"error", e.what()}}.dump());
    } catch (...) {
        return copy_out(R"({"ok":false,"error":"unknown error"})");
    }
}

EMSCRIPTEN_KEEPALIVE const char* passend_wasm_version() {
    return PASSEND_VERSION_STRING;
}
}
