// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/render.hpp"

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

void markdown_table(std::string& out, const json& t, std::string_view corner) {
    out += fmt::format("| {} |", corner);
    for (const auto& c : t["columns"]) out += fmt::format(" {} |", cell(c));
    out += "\n|---|";
    for (std::size_t i = 0; i < t["columns"].size(); ++i) out += "---:|";
    out += '\n';
    for (std::size_t r = 0; r < t["rows"].size(); ++r) {
        out += fmt::format("| {} |", cell(t["rows"][r]));
        for (const auto& v : t["values"][r]) out += fmt::format(" {} |", cell(v));
        out += '\n';
    }
    out += '\n';
}

/// A flat object of scalars as a two-column table.
void markdown_pairs(std::string& out, const json& o, std::string_view key, std::string_view value) {
    out += fmt::format("| {} | {} |\n|---|---:|\n", key, value);
    for (const auto& [k, v] : o.items())
        if (!v.is_object()) out += fmt::format("| {} | {} |\n", k, cell(v));
    out += '\n';
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
    return fmt::format("Gegevens t/m {0} (data as of {0}).\n\n", cell(doc["extract_date"]));
}
} // namespace

std::string flows_markdown(const json& doc) {
    std::string out;
    const auto unit = fmt::format("{} ({})", cell(doc["unit"]["id"]), cell(doc["unit"]["level"]));
    out += fmt::format("# Flows: {}, school year {}\n\n", unit, cell(doc["school_year"]));
    out += fmt::format("Attribution: {}. {}\n\n",
                       doc["view"] == "paying"
                           ? "so and vso pupils count for the paying partnership (TLV, then region)"
                           : "so and vso pupils count for their school's partnership (schoolgaand)",
                       suppression_note(doc));
    out += data_as_of(doc);
    const auto& w = doc["window"];
    out += "## Pupils at the teldatum\n\n";
    markdown_table(out, doc["stock"], "teldatum");
    out += fmt::format("## Flow matrix: changes after {} up to and including {}\n\n",
                       cell(w["after"]), cell(w["through"]));
    out += "Rows: where pupils came from; columns: where they went. Stock at the second teldatum "
           "= stock at the first + column total - row total.\n\n";
    markdown_table(out, doc["flows"], "from \\ to");
    out += fmt::format("## Verplaatsingen: setting on {} against setting on {}\n\n",
                       cell(w["after"]), cell(w["through"]));
    markdown_table(out, doc["verplaatsingen"], "then \\ now");
    const auto& t = doc["transitions"];
    out += fmt::format("## Transitions by kind, school year {} ({} to {}{})\n\n",
                       cell(t["school_year"]), cell(t["first_day"]), cell(t["last_day"]),
                       t.value("partial", false) ? ": partial, t/m the extract date" : "");
    markdown_pairs(out, t["counts"], "kind", "count");
    if (!doc["thuiszitters"].is_null()) {
        const auto& z = doc["thuiszitters"];
        out += fmt::format("## Thuiszitters, school year {}\n\n", cell(z["school_year"]));
        markdown_pairs(out, z, "measure", "value");
        out += "Episodes by length in days:\n\n";
        markdown_pairs(out, z["by_length_days"], "days", "episodes");
    }
    if (!doc["cohort"].is_null()) {
        const auto& c = doc["cohort"];
        out += fmt::format("## Cohort: the {} pupils of {}, followed\n\n", cell(c["setting"]),
                           cell(c["start"]));
        markdown_table(out, c, "setting \\ teldatum of");
    }
    return out;
}

std::string forecast_markdown(const json& doc) {
    std::string out;
    out +=
        fmt::format("# Forecast: {} ({})\n\n", cell(doc["unit"]["id"]), cell(doc["unit"]["level"]));
    out += fmt::format(
        "Transition model by age (single years {}-{}), fitted on the teldata {} to {}. {}\n\n",
        cell(doc["model"]["age_bands"][0]), cell(doc["model"]["age_bands"][1]),
        cell(doc["model"]["fitted"][0]), cell(doc["model"]["fitted"][1]), suppression_note(doc));
    out += data_as_of(doc);
    out += "## Observed pupils at the teldatum\n\n";
    markdown_table(out, doc["observed"], "school year");
    out += "## Projection (baseline)\n\n";
    markdown_table(out, doc["projection"]["baseline"], "school year");
    if (!doc["scenario"].is_null()) {
        out += fmt::format("## Projection (scenario: {})\n\n", cell(doc["scenario"]["name"]));
        for (const auto& r : doc["scenario"]["rates"])
            out +=
                fmt::format("- rate {} -> {} at ages {}-{}: x {}\n", cell(r["from"]), cell(r["to"]),
                            cell(r["ages"][0]), cell(r["ages"][1]), r["factor"].dump());
        for (const auto& c : doc["scenario"]["inflow"])
            out += fmt::format("- inflow into {} at ages {}-{}: x {}\n",
                               c["setting"].is_null() ? "every setting" : cell(c["setting"]),
                               cell(c["ages"][0]), cell(c["ages"][1]), c["factor"].dump());
        out += '\n';
        markdown_table(out, doc["projection"]["scenario"], "school year");
    }
    out += "## backtest\n\n";
    out +=
        "Fit on the teldata up to a year, predict the next year's stock from that year's; error = "
        "(predicted - observed) / observed, in %.\n\n";
    const auto& steps = doc["backtest"]["steps"];
    if (steps.empty())
        out += "Too few observed teldata for a backtest (it needs three).\n\n";
    else {
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
        markdown_table(out, t, "predicted year");
        out += "Mean absolute percentage error per setting over the steps:\n\n";
        markdown_pairs(out, doc["backtest"]["mape_pct"], "setting", "MAPE %");
    }
    return out;
}

std::string document_csv(const json& doc) {
    std::string out = "section,row,column,value\n";
    csv_walk(out, doc, "");
    return out;
}

PASSEND_NAMESPACE_END
