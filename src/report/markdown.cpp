// SPDX-License-Identifier: EUPL-1.2
// The dashboard as a report document (report/document.hpp), which gives its Markdown: per unit
// and theme a table with a text sparkline as trend.
#include "common.hpp"
#include "markdown_cell.hpp"

#include "passend/report/document.hpp"
#include "passend/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;

/// ▁▂▃▄▅▆▇█ over the shown values, `·` where a year has no shown value.
std::string text_sparkline(const dashboard_line& line, int max_small) {
    static constexpr std::array<std::string_view, 8> bars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::vector<std::optional<double>> v;
    for (const auto* r : line.trend)
        v.push_back(r && shown(*r, kpi_field::value, line.info, max_small) == cell_shown::number
                        ? r->value
                        : std::nullopt);
    double lo = 0, hi = 0;
    bool first = true;
    for (const auto& x : v)
        if (x) {
            lo = first ? *x : std::min(lo, *x);
            hi = first ? *x : std::max(hi, *x);
            first = false;
        }
    std::string out;
    for (const auto& x : v) {
        if (!x) {
            out += "·";
            continue;
        }
        const int i = hi > lo ? static_cast<int>((*x - lo) / (hi - lo) * 7 + 0.5) : 3;
        out += bars[static_cast<std::size_t>(i)];
    }
    return out;
}

/// The line of shown values over the years the page draws, with each year's text to hover.
report_trend page_trend(const dashboard_line& line, const std::vector<school_year>& years,
                        int max_small) {
    report_trend t;
    for (std::size_t i = 0; i < line.trend.size(); ++i) {
        const auto* r = line.trend[i];
        const bool number =
            r && shown(*r, kpi_field::value, line.info, max_small) == cell_shown::number;
        t.values.push_back(number ? std::optional<double>(r->value) : std::nullopt);
        t.label += (t.label.empty() ? "" : " · ") + years[i].to_string() + ": " +
                   display_field(r, kpi_field::value, line.info, max_small);
    }
    if (line.info->norm) t.norm = line.info->norm->target;
    return t;
}

/// Every KPI's definition, norm and source per theme: on the page, which has no other pointer.
report_section definitions(const kpi_results& results) {
    report_section section;
    section.id = "definities";
    section.title = "Definities en bronnen — *Definitions and sources*";
    section.in = report_block::medium::page;
    const theme* current = nullptr;
    for (const auto* def : ordered_definitions(results)) {
        const auto& k = *def;
        if (&theme_of(k.id) != current) {
            current = &theme_of(k.id);
            section.blocks.push_back(
                report_block::heading(fmt::format("{} · {}", current->order, current->nl)));
            section.blocks.emplace_back().type = report_block::kind::facts;
        }
        std::string what = k.description.empty() ? k.title_en : k.description;
        if (k.norm) what += " Norm: " + display_norm(k) + ".";
        if (!k.source.empty()) what += " *Bron: " + k.source + "*";
        section.blocks.back().rows.push_back({k.title_nl + " (" + k.id + ")", std::move(what)});
    }
    return section;
}

} // namespace

std::string report_detail::suppression_note_md(bool suppressed, int max_small) {
    const auto mark = small_mark(max_small);
    if (!suppressed)
        return "**Intern: kleine aantallen zijn niet verborgen** (*internal: small counts are not "
               "suppressed; do not publish*).";
    return fmt::format("Kleine aantallen (1 t/m {0}) staan als `{1}`; `–` is geen waarde, of "
                       "verborgen omdat er een klein aantal uit af te leiden is. *Small counts "
                       "show as `{1}`; `–` is no value, or hidden to protect a small count.*",
                       max_small, mark);
}

std::string report_detail::year_text(const kpi_results& results, school_year y) {
    if (results.rolling_window && results.counted_through() &&
        y == school_year::containing(*results.counted_through()))
        return "12 maanden t/m " + format_day(*results.counted_through());
    if (!results.is_partial(y)) return y.to_string();
    return y.to_string() + " t/m " + format_day(*results.counted_through());
}

report_detail::as_of_text report_detail::data_as_of(const kpi_results& results, school_year year) {
    if (!results.extract_date) return {};
    const auto exported = format_day(*results.extract_date);
    as_of_text out{"Gegevens t/m " + exported + ".", "Data as of " + exported + "."};
    // Any day: stocks on that day, counts of its school year through it.
    const auto as_of = format_day(*results.counted_through());
    if (results.rolling_window) {
        out.nl += " Tellingen over de 12 maanden t/m " + as_of +
                  ", vergeleken met de 12 maanden daarvoor.";
        out.en +=
            " Counts over the 12 months through " + as_of + ", compared with the 12 months before.";
    }
    if (results.reference_day) {
        out.nl += " Stand op " + as_of +
                  ": standen op die dag, vergeleken met dezelfde dag een "
                  "jaar eerder.";
        out.en += " As on " + as_of +
                  ": stocks on that day, compared with the same day a year "
                  "earlier.";
    }
    if (results.is_partial(year)) {
        const auto y = year.to_string(), before = year.prev().to_string();
        out.nl += fmt::format(" Schooljaar {0} is onvolledig: tellingen over het jaar lopen van "
                              "1 augustus t/m {1} en hun verschil is met dezelfde periode van {2}; "
                              "standen en percentages vergelijken met heel {2}.",
                              y, as_of, before);
        out.en += fmt::format(" {0} is partial: counts over the year run from 1 August through {1} "
                              "and their change compares with the same period of {2}; stocks and "
                              "ratios compare with the whole of {2}.",
                              y, as_of, before);
    }
    return out;
}

report_document kpi_document(const kpi_results& results, const report_options& options) {
    const auto d = make_dashboard(results, options);
    const int s = options.max_small;
    report_document doc;
    doc.title = "Passend onderwijs — kengetallen";
    auto& intro = doc.sections.emplace_back().blocks;
    std::string what = "*Key figures of passend onderwijs*";
    if (!options.subject.empty()) what += " · " + options.subject;
    if (d.years.empty()) {
        intro.push_back(report_block::paragraphs(std::move(what)));
        intro.push_back(report_block::paragraphs("Geen gegevens (no data)."));
        return doc;
    }
    what += " · schooljaar **" + year_text(results, d.year) + "**";
    if (d.years.size() > 1)
        what += " (trend " + d.years.front().to_string() + " t/m " + d.year.to_string() + ")";
    intro.push_back(report_block::paragraphs(std::move(what)));
    if (const auto as_of = data_as_of(results, d.year); !as_of.nl.empty())
        intro.push_back(report_block::paragraphs(as_of.nl + " *" + as_of.en + "*"));
    intro.push_back(report_block::paragraphs(suppression_note_md(options.suppressed, s)));

    const bool published = !results.reference_values.empty();
    static constexpr cell_tone tones[] = {cell_tone::plain, cell_tone::good, cell_tone::attention,
                                          cell_tone::bad};
    for (const auto& u : d.units) {
        auto& section = doc.sections.emplace_back();
        section.id = unit_anchor(u.id);
        section.title = u.id + (!u.name.empty() && u.name != u.id ? " " + u.name : "") + " (" +
                        std::string(level_text(u.level)) + ")";
        const auto badge = [](kpi_status st) {
            return std::pair{std::string(status_text(st)), tones[static_cast<std::size_t>(st)]};
        };
        section.blocks.push_back(
            report_block::tally({badge(kpi_status::op_koers), badge(kpi_status::aandacht),
                                 badge(kpi_status::niet_op_koers)},
                                {u.op_koers, u.aandacht, u.niet_op_koers},
                                "KPI's met een norm, " + d.year.to_string()));
        const bool national = u.level == kpi_level::national;
        for (const auto& t : u.themes) {
            section.blocks.push_back(report_block::heading(
                fmt::format("{} · {} — *{}*", t.what->order, t.what->nl, t.what->en) +
                (t.what->policy_kpis.empty()
                     ? std::string()
                     : fmt::format(" (Kwaliteitsbeleid KPI {})", t.what->policy_kpis))));
            auto table = report_block::table(
                {"KPI", year_text(results, d.year), "verschil", "norm", "status", "trend"},
                {false, true, true, false, false, false});
            table.trend_column = 5;
            if (!national) table.header.emplace_back("landelijk");
            if (published) table.header.emplace_back("gepubliceerd");
            table.numeric.resize(table.header.size(), true);
            for (const auto& line : t.lines) {
                const auto* info = line.info;
                auto& row = table.rows.emplace_back(std::vector<std::string>{
                    (line.sub ? "↳ " : "") + info->title_nl + " · *" + info->title_en + "* `" +
                        info->id + "`",
                    display_field(line.current, kpi_field::value, info, s), line.change,
                    display_norm(*info), std::string(status_text(line.status)),
                    text_sparkline(line, s)});
                if (!national)
                    row.push_back(display_field(line.national, kpi_field::value, info, s));
                if (published) row.push_back(published_text(results, line.published, info));
                auto& tone = table.tones.emplace_back(row.size(), cell_tone::plain);
                tone[4] = tones[static_cast<std::size_t>(line.status)];
                table.trends.push_back(page_trend(line, d.years, s));
            }
            section.blocks.push_back(std::move(table));
        }
    }
    if (published) {
        auto& section = doc.sections.emplace_back();
        section.title = "Gepubliceerde cijfers — *Published figures*";
        for (std::size_t i = 0; i < results.reference_values.size(); ++i) {
            const auto& r = results.reference_values[i];
            section.blocks.push_back(report_block::paragraphs(
                fmt::format("[{}] {} {}: {}", i + 1, r.kpi, r.year.to_string(),
                            detail::markdown_cell(r.source))));
        }
    }
    doc.sections.push_back(definitions(results));
    doc.sections.emplace_back().blocks.push_back(
        report_block::paragraphs(
            fmt::format("---\npassend {} · definities en bronnen: `passend report --format json` "
                        "of docs/kpis.md",
                        version_string))
            .only_in(report_block::medium::text));
    auto& made = doc.sections.emplace_back();
    made.in = report_block::medium::page;
    made.blocks.push_back(report_block::note(fmt::format(
        "Gemaakt met passend {} uit leerlinggegevens met pseudoniemen. De status volgt de norm van "
        "elke KPI: op koers, aandacht (binnen de marge), niet op koers.",
        version_string)));
    return doc;
}

void write_markdown(std::ostream& out, const kpi_results& results, const report_options& options) {
    out << to_markdown(kpi_document(results, options));
}

PASSEND_NAMESPACE_END
