// SPDX-License-Identifier: EUPL-1.2
// The dashboard as Markdown: per unit and theme a table with a text sparkline as trend.
#include "common.hpp"
#include "markdown_cell.hpp"

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
    if (!results.is_partial(y)) return y.to_string();
    return y.to_string() + " t/m " + format_day(*results.counted_through());
}

report_detail::as_of_text report_detail::data_as_of(const kpi_results& results, school_year year) {
    if (!results.extract_date) return {};
    const auto exported = format_day(*results.extract_date);
    as_of_text out{"Gegevens t/m " + exported + ".", "Data as of " + exported + "."};
    // Any day: stocks on that day, counts of its school year through it.
    const auto as_of = format_day(*results.counted_through());
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

void write_markdown(std::ostream& out, const kpi_results& results, const report_options& options) {
    const auto d = make_dashboard(results, options);
    const int s = options.max_small;
    out << "# Passend onderwijs — kengetallen\n\n";
    out << "*Key figures of passend onderwijs*";
    if (!options.subject.empty()) out << " · " << options.subject;
    if (d.years.empty()) {
        out << "\n\nGeen gegevens (no data).\n";
        return;
    }
    out << " · schooljaar **" << year_text(results, d.year) << "**";
    if (d.years.size() > 1)
        out << " (trend " << d.years.front().to_string() << " t/m " << d.year.to_string() << ")";
    out << "\n\n";
    if (const auto as_of = data_as_of(results, d.year); !as_of.nl.empty())
        out << as_of.nl << " *" << as_of.en << "*\n\n";
    out << suppression_note_md(options.suppressed, s) << "\n\n";

    for (const auto& u : d.units) {
        out << "## " << u.id;
        if (!u.name.empty() && u.name != u.id) out << " " << u.name;
        out << " (" << level_text(u.level) << ")\n\n";
        out << "Op koers: " << u.op_koers << " · aandacht: " << u.aandacht
            << " · niet op koers: " << u.niet_op_koers << "\n\n";
        const bool national = u.level == kpi_level::national;
        const bool published = !results.reference_values.empty();
        for (const auto& t : u.themes) {
            out << "### " << t.what->order << " · " << t.what->nl << " — *" << t.what->en << "*";
            if (!t.what->policy_kpis.empty())
                out << " (Kwaliteitsbeleid KPI " << t.what->policy_kpis << ")";
            out << "\n\n| KPI | " << year_text(results, d.year)
                << " | verschil | norm | status | trend |" << (national ? "" : " landelijk |")
                << (published ? " gepubliceerd |" : "") << "\n";
            out << "|---|--:|--:|---|---|---|" << (national ? "" : "--:|")
                << (published ? "--:|" : "") << "\n";
            for (const auto& line : t.lines) {
                const auto* info = line.info;
                const auto* cur = line.current;
                out << "| " << (line.sub ? "↳ " : "") << detail::markdown_cell(info->title_nl)
                    << " · *" << detail::markdown_cell(info->title_en) << "* | "
                    << display_field(cur, kpi_field::value, info, s) << " | " << line.change
                    << " | " << display_norm(*info) << " | " << status_text(line.status) << " | "
                    << text_sparkline(line, s) << " |";
                if (!national)
                    out << " " << display_field(line.national, kpi_field::value, info, s) << " |";
                if (published) out << " " << published_text(results, line.published, info) << " |";
                out << "\n";
            }
            out << "\n";
        }
    }
    if (!results.reference_values.empty()) {
        out << "## Gepubliceerde cijfers — *Published figures*\n\n";
        for (std::size_t i = 0; i < results.reference_values.size(); ++i) {
            const auto& r = results.reference_values[i];
            out << "[" << i + 1 << "] " << r.kpi << " " << r.year.to_string() << ": "
                << detail::markdown_cell(r.source) << "\n\n";
        }
    }
    out << "---\npassend " << version_string
        << " · definities en bronnen: `passend report --format json` of docs/kpis.md\n";
}

PASSEND_NAMESPACE_END
