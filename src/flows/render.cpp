// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/render.hpp"

#include "passend/report/document.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN

namespace {
using json = nlohmann::ordered_json;

std::string cell(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) return fmt::format("{:.1f}", v.get<double>());
    return v.dump();
}

bool is_table(const json& t) {
    return t.is_object() && t.contains("rows") && t.contains("columns") && t.contains("values");
}

/// A flows table (rows, columns, values) as a document table under the corner's label.
report_block table_of(const json& t, std::string_view corner) {
    auto b = report_block::table({std::string(corner)});
    for (const auto& c : t["columns"]) b.header.push_back(cell(c));
    b.numeric.assign(b.header.size(), true);
    b.numeric[0] = false;
    for (std::size_t r = 0; r < t["rows"].size(); ++r) {
        auto& row = b.rows.emplace_back(std::vector<std::string>{cell(t["rows"][r])});
        for (const auto& v : t["values"][r]) row.push_back(cell(v));
    }
    return b;
}

/// A flat object of scalars as a two-column table.
report_block pairs_of(const json& o, std::string_view key, std::string_view value) {
    auto b = report_block::table({std::string(key), std::string(value)}, {false, true});
    for (const auto& [k, v] : o.items())
        if (!v.is_object()) b.rows.push_back({k, cell(v)});
    return b;
}

/// A flows or forecast document: its title, the lines under it, and the layout its Markdown has
/// always had (right-aligned rules `---:`, a blank line at the end).
report_document document_of(std::string title, std::vector<std::string> intro) {
    report_document d;
    d.title = std::move(title);
    d.markdown.table_rules = markdown_layout::rules::long_right;
    d.markdown.blank_line_at_end = true;
    auto& lines = d.sections.emplace_back();
    for (auto& p : intro)
        if (!p.empty()) lines.blocks.push_back(report_block::paragraphs(std::move(p)));
    return d;
}

report_section& section(report_document& d, std::string title) {
    auto& s = d.sections.emplace_back();
    s.title = std::move(title);
    return s;
}

std::string suppression_note(const json& doc) {
    return doc["suppressed"].get<bool>()
               ? "Counts from 1 to 4 are shown as `<5` (`--no-suppress` shows them)."
               : "Counts are not suppressed: for internal use only.";
}

void csv_walk(std::string& out, const json& v, const std::string& path) {
    const auto quote = [](const std::string& s) {
        if (s.find_first_of(",\"\n") == std::string::npos) return s;
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + '"';
    };
    if (is_table(v)) {
        for (std::size_t r = 0; r < v["rows"].size(); ++r)
            for (std::size_t c = 0; c < v["columns"].size(); ++c)
                out += fmt::format("{},{},{},{}\n", quote(path), quote(cell(v["rows"][r])),
                                   quote(cell(v["columns"][c])), quote(cell(v["values"][r][c])));
        return;
    }
    if (v.is_object()) {
        for (const auto& [k, x] : v.items()) {
            if (x.is_object() || (x.is_array() && !x.empty() && x.front().is_object()))
                csv_walk(out, x, path.empty() ? k : path + "." + k);
            else if (x.is_array()) {
                std::string joined;
                for (const auto& e : x) joined += (joined.empty() ? "" : ";") + cell(e);
                out += fmt::format("{},{},,{}\n", quote(path), quote(k), quote(joined));
            } else {
                out += fmt::format("{},{},,{}\n", quote(path), quote(k), quote(cell(x)));
            }
        }
        return;
    }
    if (v.is_array())
        for (std::size_t i = 0; i < v.size(); ++i)
            csv_walk(out, v[i], path + "." + std::to_string(i));
}
} // namespace

namespace {
/// The line every report has on the data's own day (empty for a document without it).
std::string data_as_of(const json& doc) {
    if (!doc.contains("extract_date")) return {};
    return fmt::format("Gegevens t/m {0} (data as of {0}).", cell(doc["extract_date"]));
}
} // namespace

report_document flows_document(const json& doc) {
    const auto unit = fmt::format("{} ({})", cell(doc["unit"]["id"]), cell(doc["unit"]["level"]));
    auto d = document_of(
        fmt::format("Flows: {}, school year {}", unit, cell(doc["school_year"])),
        {fmt::format("Attribution: {}. {}",
                     doc["view"] == "paying"
                         ? "so and vso pupils count for the paying partnership (TLV, then region)"
                         : "so and vso pupils count for their school's partnership (schoolgaand)",
                     suppression_note(doc)),
         data_as_of(doc)});
    const auto& w = doc["window"];
    section(d, "Pupils at the teldatum").blocks.push_back(table_of(doc["stock"], "teldatum"));
    auto& flows = section(d, fmt::format("Flow matrix: changes after {} up to and including {}",
                                         cell(w["after"]), cell(w["through"])));
    flows.blocks.push_back(report_block::paragraphs(
        "Rows: where pupils came from; columns: where they went. Stock at the second teldatum "
        "= stock at the first + column total - row total."));
    flows.blocks.push_back(table_of(doc["flows"], "from \\ to"));
    section(d, fmt::format("Verplaatsingen: setting on {} against setting on {}", cell(w["after"]),
                           cell(w["through"])))
        .blocks.push_back(table_of(doc["verplaatsingen"], "then \\ now"));
    const auto& t = doc["transitions"];
    section(d, fmt::format("Transitions by kind, school year {} ({} to {}{})",
                           cell(t["school_year"]), cell(t["first_day"]), cell(t["last_day"]),
                           t.value("partial", false) ? ": partial, t/m the extract date" : ""))
        .blocks.push_back(pairs_of(t["counts"], "kind", "count"));
    if (!doc["thuiszitters"].is_null()) {
        const auto& z = doc["thuiszitters"];
        auto& s = section(d, fmt::format("Thuiszitters, school year {}", cell(z["school_year"])));
        s.blocks.push_back(pairs_of(z, "measure", "value"));
        s.blocks.push_back(report_block::paragraphs("Episodes by length in days:"));
        s.blocks.push_back(pairs_of(z["by_length_days"], "days", "episodes"));
    }
    if (!doc["cohort"].is_null()) {
        const auto& c = doc["cohort"];
        section(d, fmt::format("Cohort: the {} pupils of {}, followed", cell(c["setting"]),
                               cell(c["start"])))
            .blocks.push_back(table_of(c, "setting \\ teldatum of"));
    }
    return d;
}

std::string flows_markdown(const json& doc) {
    return to_markdown(flows_document(doc));
}

report_document forecast_document(const json& doc) {
    auto d = document_of(
        fmt::format("Forecast: {} ({})", cell(doc["unit"]["id"]), cell(doc["unit"]["level"])),
        {fmt::format(
             "Transition model by age (single years {}-{}), fitted on the teldata {} to {}. {}",
             cell(doc["model"]["age_bands"][0]), cell(doc["model"]["age_bands"][1]),
             cell(doc["model"]["fitted"][0]), cell(doc["model"]["fitted"][1]),
             suppression_note(doc)),
         data_as_of(doc)});
    section(d, "Observed pupils at the teldatum")
        .blocks.push_back(table_of(doc["observed"], "school year"));
    section(d, "Projection (baseline)")
        .blocks.push_back(table_of(doc["projection"]["baseline"], "school year"));
    if (!doc["scenario"].is_null()) {
        auto& s =
            section(d, fmt::format("Projection (scenario: {})", cell(doc["scenario"]["name"])));
        std::string changes;
        for (const auto& r : doc["scenario"]["rates"])
            changes += fmt::format("{}- rate {} -> {} at ages {}-{}: x {}",
                                   changes.empty() ? "" : "\n", cell(r["from"]), cell(r["to"]),
                                   cell(r["ages"][0]), cell(r["ages"][1]), r["factor"].dump());
        for (const auto& c : doc["scenario"]["inflow"])
            changes +=
                fmt::format("{}- inflow into {} at ages {}-{}: x {}", changes.empty() ? "" : "\n",
                            c["setting"].is_null() ? "every setting" : cell(c["setting"]),
                            cell(c["ages"][0]), cell(c["ages"][1]), c["factor"].dump());
        if (!changes.empty()) s.blocks.push_back(report_block::paragraphs(std::move(changes)));
        s.blocks.push_back(table_of(doc["projection"]["scenario"], "school year"));
    }
    auto& back = section(d, "backtest");
    back.blocks.push_back(report_block::paragraphs(
        "Fit on the teldata up to a year, predict the next year's stock from that year's; error = "
        "(predicted - observed) / observed, in %."));
    const auto& steps = doc["backtest"]["steps"];
    if (steps.empty()) {
        back.blocks.push_back(
            report_block::paragraphs("Too few observed teldata for a backtest (it needs three)."));
        return d;
    }
    json t = {{"rows", json::array()}, {"columns", json::array()}, {"values", json::array()}};
    for (const auto& [name, v] : steps[0]["prediction"].items()) t["columns"].push_back(name);
    for (const auto& s : steps) {
        for (const char* part : {"prediction", "observed", "error_pct"}) {
            t["rows"].push_back(fmt::format("{} {}", cell(s["predicted"]), part));
            json row = json::array();
            for (const auto& c : t["columns"]) row.push_back(s[part][c.get<std::string>()]);
            t["values"].push_back(row);
        }
    }
    back.blocks.push_back(table_of(t, "predicted year"));
    back.blocks.push_back(
        report_block::paragraphs("Mean absolute percentage error per setting over the steps:"));
    back.blocks.push_back(pairs_of(doc["backtest"]["mape_pct"], "setting", "MAPE %"));
    return d;
}

std::string forecast_markdown(const json& doc) {
    return to_markdown(forecast_document(doc));
}

std::string document_csv(const json& doc) {
    std::string out = "section,row,column,value\n";
    csv_walk(out, doc, "");
    return out;
}

PASSEND_NAMESPACE_END
