// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/plan_report.hpp"

#include "kpi_lookup.hpp"
#include "report/common.hpp"

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/report/privacy.hpp"
#include "passend/report/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <utility>

PASSEND_NAMESPACE_BEGIN
namespace {

using json = nlohmann::ordered_json;
using namespace report_detail;

// One indicator as a publication may show it: which of its numbers are visible as numbers,
// and the change and status that follow from them.
struct indicator_view {
    const indicator_status* s = nullptr;
    const kpi_info* info = nullptr; ///< the KPI's definition in the results; may be null
    kpi_unit unit = kpi_unit::count;
    std::optional<double> change;         ///< value minus previous, when both are shown
    kpi_status status = kpi_status::none; ///< none when the value is not shown

    indicator_view(const indicator_status& is, const kpi_results& kpis, int max_small)
        : s(&is), info(kpis.find(is.indicator->kpi)) {
        unit = info                                              ? info->unit
               : detail::kpi_is_percent(kpis, is.indicator->kpi) ? kpi_unit::percent
                                                                 : kpi_unit::count;
        const auto number = [&](const std::optional<double>& v, const kpi_row* row) {
            return v &&
                   (!row || shown(*row, kpi_field::value, info, max_small) == cell_shown::number);
        };
        // A status or change beside a hidden value would tell where it lies (docs/privacy.md).
        if (number(is.value, is.value_row)) status = is.status;
        if (is.value_row && is.value_row->partial) {
            // A partial year's period count compares with the same period a year earlier: the
            // row's own change, shown only where the publication shows it.
            if (number(is.value, is.value_row) &&
                shown(*is.value_row, kpi_field::change, info, max_small) == cell_shown::number)
                change = is.value_row->change;
        } else if (number(is.value, is.value_row) && number(is.previous, is.previous_row)) {
            change = *is.value - *is.previous;
        }
    }
};

std::vector<std::vector<indicator_view>> views(const std::vector<focus_point_status>& statuses,
                                               const kpi_results& kpis, int max_small) {
    std::vector<std::vector<indicator_view>> out;
    for (const auto& fp : statuses) {
        out.emplace_back();
        for (const auto& is : fp.indicators) out.back().emplace_back(is, kpis, max_small);
    }
    return out;
}

// How many shown statuses of each kind: op_koers, aandacht, niet_op_koers, none.
std::array<int, 4> count_statuses(const std::vector<std::vector<indicator_view>>& points) {
    std::array<int, 4> n{};
    for (const auto& p : points)
        for (const auto& v : p) ++n[static_cast<std::size_t>(v.status)];
    return n;
}

std::string unit_label(const plan_report_options& o, const std::string& unit) {
    const auto it = o.unit_names.find(unit);
    return it == o.unit_names.end() || it->second == unit ? unit : unit + " " + it->second;
}

// ---- the document ------------------------------------------------------------------------

// A value as shown: through the row's suppression, `–` without a value.
std::string figure_text(const std::optional<double>& v, const kpi_row* row,
                        const indicator_view& iv, int max_small) {
    if (row) return display_field(row, kpi_field::value, iv.info, max_small);
    return v ? display_value(*v, iv.unit) : "–";
}

std::string target_text(const kpi_norm& norm, kpi_unit unit) {
    auto text = display_norm(norm, unit);
    // A tolerance on a percentage is in percentage points.
    if (norm.tolerance > 0)
        text += unit == kpi_unit::percent
                    ? " (marge " + display_target(norm.tolerance, kpi_unit::score) + " pp)"
                    : " (marge " + display_target(norm.tolerance, unit) + ")";
    return text;
}

std::string status_cell(kpi_status s) {
    switch (s) {
    case kpi_status::op_koers:
        return "✔ " + std::string(status_text(s));
    case kpi_status::aandacht:
        return "⚠ " + std::string(status_text(s));
    case kpi_status::niet_op_koers:
        return "✘ " + std::string(status_text(s));
    case kpi_status::none:
        break;
    }
    return "–";
}

report_block indicator_table(const focus_plan& plan, const std::vector<indicator_view>& views,
                             const kpi_results& kpis, school_year year,
                             const plan_report_options& o) {
    report_block t;
    t.type = report_block::kind::table;
    t.header = {"Indicator",
                "Middel",
                "Nulmeting",
                year.prev().to_string(),
                year_text(kpis, year),
                "Verschil",
                "Doel " + year.to_string(),
                "Status"};
    t.numeric = {false, false, true, true, true, true, false, false};
    std::string definitions;
    for (const auto& v : views) {
        const auto& ind = *v.s->indicator;
        std::string name = (v.info ? v.info->title_nl : ind.kpi) + " `" + ind.kpi + "`";
        if (ind.unit != plan.swv)
            name += " · " + std::string(level_text(ind.level)) + " " + unit_label(o, ind.unit);
        std::string baseline = "–";
        if (v.s->baseline)
            baseline = figure_text(v.s->baseline, v.s->baseline_row, v, o.max_small) + " (" +
                       v.s->baseline_year->to_string() + ")";
        const auto published = [&](const kpi_row* row) {
            return row ? shown(*row, kpi_field::value, v.info, o.max_small) : cell_shown::number;
        };
        t.shown.push_back({cell_shown::number, cell_shown::number, published(v.s->baseline_row),
                           published(v.s->previous_row), published(v.s->value_row)});
        t.rows.push_back({name, ind.source.empty() ? "–" : ind.source, baseline,
                          figure_text(v.s->previous, v.s->previous_row, v, o.max_small),
                          figure_text(v.s->value, v.s->value_row, v, o.max_small),
                          v.change ? display_change(*v.change, v.unit) : "–",
                          v.s->target ? target_text(*v.s->target, v.unit) : "geen doel",
                          status_cell(v.status)});
        if (!ind.definition.empty())
            definitions += (definitions.empty() ? "Definitie " : "; ") + ("`" + ind.kpi + "`: ") +
                           ind.definition;
    }
    t.caption = definitions;
    return t;
}

report_block forum_table(const focus_point& fp) {
    report_block t;
    t.type = report_block::kind::table;
    t.header = {"Aan", "Door", "Doel", "Frequentie"};
    t.numeric = {false, false, false, false};
    for (const auto& f : fp.forums)
        t.rows.push_back({f.name, f.by, f.purpose, f.frequency.describe()});
    return t;
}

// ---- JSON ----------------------------------------------------------------------------------

json figure_json(const std::optional<double>& v, const kpi_row* row, const indicator_view& iv,
                 int max_small) {
    if (row) return field_json(*row, kpi_field::value, iv.info, max_small);
    return v ? json_number(*v) : json(nullptr);
}

json indicator_json(const indicator_view& v, int max_small) {
    const auto& ind = *v.s->indicator;
    json j;
    j["kpi"] = ind.kpi;
    j["title_nl"] = v.info ? v.info->title_nl : ind.kpi;
    j["kpi_unit"] = to_string(v.unit);
    j["level"] = to_string(ind.level);
    j["unit"] = ind.unit;
    j["definition"] = ind.definition;
    j["source"] = ind.source;
    j["previous"] = figure_json(v.s->previous, v.s->previous_row, v, max_small);
    j["value"] = figure_json(v.s->value, v.s->value_row, v, max_small);
    j["change"] = v.change ? json_number(*v.change) : json(nullptr);
    j["baseline"] = nullptr;
    if (v.s->baseline)
        j["baseline"] = {{"school_year", v.s->baseline_year->to_string()},
                         {"value", figure_json(v.s->baseline, v.s->baseline_row, v, max_small)}};
    j["target"] = v.s->target ? norm_json(*v.s->target) : json(nullptr);
    j["status"] = v.status == kpi_status::none ? json(nullptr) : json(to_string(v.status));
    return j;
}

// A plan for another region reads nothing: which of its units have no figures at all.
std::vector<diagnostic> units_without_figures(const focus_plan& plan, const kpi_results& kpis,
                                              const std::string& source) {
    std::set<std::pair<kpi_level, std::string>> known, warned;
    for (const auto& r : kpis.rows) known.emplace(r.level, r.unit);
    std::vector<diagnostic> out;
    for (const auto& fp : plan.focus_points)
        for (const auto& ind : fp.indicators)
            if (!known.contains({ind.level, ind.unit}) &&
                warned.emplace(ind.level, ind.unit).second)
                out.push_back({severity::warning, source, 0, 0, "unit_without_figures",
                               fmt::format("the data has no figures for {} '{}' (focus point '{}')",
                                           to_string(ind.level), ind.unit, fp.id)});
    return out;
}

} // namespace

accountability_report plan_report(const focus_plan& plan, const kpi_results& kpis, school_year year,
                                  const plan_report_options& o) {
    const auto statuses = evaluate_plan(plan, kpis, year);
    const auto points = views(statuses, kpis, o.max_small);
    const auto n = count_statuses(points);
    report_document r;
    r.markdown.gap_between_sections = true;
    r.kicker = "Kwaliteitszorg passend onderwijs: focusplan";
    r.title = plan.name.empty() ? "Focusplan" : plan.name;
    if (!plan.swv.empty()) r.header.emplace_back("Samenwerkingsverband", unit_label(o, plan.swv));
    r.header.emplace_back("Schooljaar", year_text(kpis, year) + " (verschil met " +
                                            year.prev().to_string() + ")");
    if (!o.subject.empty()) r.header.emplace_back("Gegevens", o.subject);
    if (kpis.extract_date)
        r.header.emplace_back("Gegevens t/m", format_day(*kpis.extract_date) + " (data as of " +
                                                  format_day(*kpis.extract_date) + ")");
    r.header.emplace_back("Stand", fmt::format("{} op koers · {} aandacht · {} niet op koers · {} "
                                               "zonder oordeel",
                                               n[1], n[2], n[3], n[0]));
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const auto& fp = *statuses[i].point;
        report_section s{fp.id, fp.speerpunt, "Proces: " + fp.process, {}};
        if (!fp.description.empty()) s.blocks.push_back(report_block::paragraphs(fp.description));
        s.blocks.push_back(report_block::heading("Hoe meet ik dit?"));
        s.blocks.push_back(indicator_table(plan, points[i], kpis, year, o));
        if (!fp.forums.empty()) {
            s.blocks.push_back(report_block::heading("Waar bespreek ik dit?"));
            s.blocks.push_back(forum_table(fp));
        }
        r.sections.push_back(std::move(s));
    }
    r.sources = {
        fmt::format("Status tegen het doel dat het plan voor {} stelt: op koers (gehaald), "
                    "aandacht (gemist binnen de marge), niet op koers (daarbuiten); `–` zonder "
                    "doel of zonder getoonde waarde.",
                    year.to_string()),
        "Nulmeting: de laatste waarde tot en met het schooljaar vóór het eerste schooljaar "
        "waarvoor het plan een doel stelt (het jaar tussen haakjes).",
        "Cijfers: berekend door passend uit de aangeleverde gegevens; KPI-definities volgens de "
        "catalogus (docs/kpis.md); opbouw volgens het sjabloon uit Integrale kwaliteitszorg "
        "(Perspectief op School, 2019).",
        suppression_note_md(o.suppressed, o.max_small)};
    if (const auto as_of = data_as_of(kpis, year); !as_of.nl.empty())
        r.sources.push_back(as_of.nl + " *" + as_of.en + "*");
    return r;
}

std::string plan_json(const focus_plan& plan, const kpi_results& kpis, school_year year,
                      const plan_report_options& o) {
    const auto statuses = evaluate_plan(plan, kpis, year);
    const auto points = views(statuses, kpis, o.max_small);
    const auto n = count_statuses(points);
    json doc;
    doc["format"] = plan_json_format;
    doc["plan"] = plan.name;
    doc["swv"] = plan.swv.empty() ? json(nullptr) : json(plan.swv);
    doc["school_year"] = year.to_string();
    doc["previous_school_year"] = year.prev().to_string();
    doc["extract_date"] = kpis.extract_date ? json(format_day(*kpis.extract_date)) : json(nullptr);
    doc["partial"] = kpis.is_partial(year);
    doc["subject"] = o.subject;
    doc["suppressed"] = o.suppressed;
    doc["small_count"] = small_mark(o.max_small);
    doc["summary"] = {
        {"op_koers", n[1]}, {"aandacht", n[2]}, {"niet_op_koers", n[3]}, {"none", n[0]}};
    doc["focus_points"] = json::array();
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const auto& fp = *statuses[i].point;
        json p;
        p["id"] = fp.id;
        p["speerpunt"] = fp.speerpunt;
        p["process"] = fp.process;
        p["description"] = fp.description;
        p["indicators"] = json::array();
        for (const auto& v : points[i]) p["indicators"].push_back(indicator_json(v, o.max_small));
        p["forums"] = json::array();
        for (const auto& f : fp.forums)
            p["forums"].push_back({{"forum", f.name},
                                   {"by", f.by},
                                   {"purpose", f.purpose},
                                   {"frequency", f.frequency.describe()}});
        doc["focus_points"].push_back(std::move(p));
    }
    return doc.dump(2) + "\n";
}

plan_evaluation evaluate_plan(const dataset& ds, const focus_plan& plan,
                              const plan_evaluation_options& o) {
    plan_evaluation e;
    e.plan = &plan;
    publish_options po; // every year: a plan's baseline may lie years back
    po.suppress = o.suppress;
    e.kpis = publish(ds, catalog::builtin(), po);
    e.year = o.year ? check_year(e.kpis, *o.year) : latest_year(e.kpis);
    e.warnings = units_without_figures(plan, e.kpis, o.source);
    e.report.subject = o.subject;
    e.report.unit_names = report_options::names_of(ds);
    e.report.suppressed = po.suppress;
    e.report.max_small = po.max_small;
    return e;
}

PASSEND_NAMESPACE_END
