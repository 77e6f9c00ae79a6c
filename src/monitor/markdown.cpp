// SPDX-License-Identifier: EUPL-1.2
// The monitor as a report document (report/document.hpp), which gives its Markdown: per
// partnership its figures, the two distributions and the cross-border table.
#include "../coverage/shown.hpp"
#include "shown.hpp"

#include "passend/report/document.hpp"
#include "passend/version.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;
using namespace monitor_detail;

report_block headline(const monitor& m, const monitor_unit& u) {
    auto t =
        report_block::table({"KPI", "waarde", "verschil", "vorig jaar", "landelijk", "referentie"},
                            {false, true, true, true, true, false});
    for (const auto& f : u.headline) {
        const auto d = describe_figure(m, f);
        t.rows.push_back(
            {fmt::format("{} *{}* `{}`", f.info->title_nl, f.info->title_en, f.info->id), d.value,
             d.change, d.previous, d.national,
             d.reference_source.empty() ? d.reference
                                        : fmt::format("{} ({})", d.reference, d.reference_source)});
    }
    return t;
}

/// A distribution as one row under its bins' labels, with the total last.
report_block distribution(const monitor& m, const monitor_distribution& d) {
    auto t = report_block::table({}, std::vector<bool>(d.bins.size() + 1, true));
    auto& row = t.rows.emplace_back();
    for (const auto& b : d.bins) {
        t.header.emplace_back(b.label_nl);
        row.push_back(cell_text(m, b.cell));
    }
    t.header.emplace_back("totaal");
    row.push_back(cell_text(m, d.total));
    return t;
}

report_block cross_border(const monitor& m, const monitor_unit& u) {
    auto t = report_block::table({"", "uitgaand *out*", "inkomend *in*"}, {false, true, true});
    for (const auto& b : u.cross_border)
        t.rows.push_back(
            {std::string(to_string(b.admits)), row_text(m, b.outgoing), row_text(m, b.incoming)});
    t.rows.push_back({"ondersteuningsbekostiging *support funding*", row_text(m, u.money_outgoing),
                      row_text(m, u.money_incoming)});
    return t;
}

/// A distribution's bins as bars (the page only; the table beside it gives the counts).
report_chart distribution_chart(const monitor& m, const monitor_distribution& d,
                                std::string title) {
    report_chart c{std::move(title), {}, {}, {}};
    for (const auto& b : d.bins)
        c.bars.push_back({std::string(b.label_nl), cell_text(m, b.cell), cell_number(m, b.cell)});
    return c;
}

/// Outgoing and incoming pupils per setting side by side (pairs of bars); empty without any.
report_chart border_chart(const monitor& m, const monitor_unit& u) {
    report_chart c{"Grensverkeer: uitgaand en inkomend per onderwijssoort", {}, {}, {}};
    auto add = [&](const kpi_row* row, std::string label, bool incoming) {
        std::optional<double> v;
        if (row && shown(*row, kpi_field::value, m.results.find(row->kpi), m.max_small) ==
                       cell_shown::number)
            v = row->value;
        c.bars.push_back({std::move(label), row_text(m, row), v, incoming});
    };
    for (const auto& b : u.cross_border) {
        add(b.outgoing, fmt::format("{} uit", to_string(b.admits)), false);
        add(b.incoming, fmt::format("{} in", to_string(b.admits)), true);
    }
    return c;
}

} // namespace

report_document monitor_document(const monitor& m, const monitor_format_options& options) {
    const auto when = describe_day(m);
    report_document doc;
    doc.title = "Monitor passend onderwijs";
    doc.markdown.table_rules = markdown_layout::rules::spaced;
    const auto day = format_day(m.extract_date);
    doc.sections.push_back(
        {{},
         {},
         {},
         {report_block::paragraphs("*The partnership's monitor*"),
          report_block::paragraphs(
              (options.subject.empty() ? std::string() : "**" + options.subject + "** · ") +
              fmt::format("{} *({})*. Gegevens t/m {} *(data as of {})*.", when.nl, when.en, day,
                          day)),
          report_block::paragraphs(suppression_note_md(m.suppressed, m.max_small))}});
    for (const auto& u : m.units) {
        auto& s = doc.sections.emplace_back();
        s.id = unit_anchor(u.id);
        s.title = u.id + " " + u.name;
        s.blocks.push_back(report_block::heading("Kerngetallen *Headline figures*"));
        s.blocks.push_back(headline(m, u));
        s.blocks.push_back(report_block::heading(
            fmt::format("Openstaande TLV-aanvragen naar leeftijd *Open TLV requests by age (term "
                        "{} days)*",
                        m.tlv_term_days)));
        auto requests =
            distribution_chart(m, u.open_requests, "Openstaande TLV-aanvragen naar leeftijd");
        requests.term_after = 2;
        requests.term_label = "6 weken (42 d)";
        s.blocks.push_back(report_block::bar_chart(
            std::move(requests),
            fmt::format("Op {}: {} open, naar dagen sinds de aanvraag; rechts van de lijn zijn ze "
                        "ouder dan zes weken, de wettelijke termijn. *By days since the request; "
                        "right of the line older than six weeks, the legal term.*",
                        format_day(m.on), cell_text(m, u.open_requests.total))));
        s.blocks.push_back(distribution(m, u.open_requests));
        s.blocks.push_back(report_block::heading(
            "Thuiszitters naar duur *Thuiszitters by how long they have been out of school*"));
        s.blocks.push_back(report_block::bar_chart(
            distribution_chart(m, u.thuiszitters, "Thuiszitters naar duur"),
            fmt::format("Op {}: {} thuiszitters, naar hoe lang hun verzuim al duurt. *By how "
                        "long their absence has lasted.*",
                        format_day(m.on), cell_text(m, u.thuiszitters.total))));
        s.blocks.push_back(distribution(m, u.thuiszitters));
        s.blocks.push_back(report_block::heading("Grensverkeer *Cross-border pupils*"));
        if (auto chart = border_chart(m, u); !chart.bars.empty())
            s.blocks.push_back(report_block::bar_chart(
                std::move(chart),
                "Leerlingen met een TLV van dit samenwerkingsverband op een school elders (uit), "
                "en van elders op een eigen school (in). *Out: our TLV, a school elsewhere; in: "
                "the reverse.*"));
        s.blocks.push_back(cross_border(m, u));
        if (u.continuity.empty()) continue;
        s.blocks.push_back(report_block::heading("Continuïteit *Reserves and the signal value*"));
        std::string lines;
        for (const auto& k : u.continuity) {
            const auto w = coverage_detail::continuity_words(k);
            lines += (lines.empty() ? "- " : "\n- ") + w.nl + " *" + w.en + "*";
        }
        s.blocks.push_back(report_block::paragraphs(std::move(lines)));
    }
    doc.sections.push_back(
        {{},
         {},
         {},
         {report_block::paragraphs(fmt::format("*Gemaakt met passend {}.*", version_string)),
          report_block::paragraphs("Verschil: tegen dezelfde periode vorig jaar. *Change: "
                                   "against the same period last year.*")
              .only_in(report_block::medium::page)}});
    return doc;
}

std::string monitor_markdown(const monitor& m, const monitor_format_options& options) {
    return to_markdown(monitor_document(m, options));
}

PASSEND_NAMESPACE_END
