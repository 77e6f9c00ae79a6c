// SPDX-License-Identifier: EUPL-1.2
// The monitor as Markdown: per partnership its figures, the two distributions and the
// cross-border table.
#include "../coverage/shown.hpp"
#include "../report/markdown_cell.hpp"
#include "shown.hpp"

#include "passend/version.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN

namespace {
using namespace report_detail;
using namespace monitor_detail;
using detail::markdown_cell;

void distribution_md(std::string& out, const monitor& m, const monitor_distribution& d,
                     std::string_view title_nl, std::string_view title_en) {
    out += fmt::format("\n### {} *{}*\n\n|", title_nl, title_en);
    for (const auto& b : d.bins) out += fmt::format(" {} |", b.label_nl);
    out += " totaal |\n|";
    for (std::size_t i = 0; i <= d.bins.size(); ++i) out += " ---: |";
    out += "\n|";
    for (const auto& b : d.bins) out += fmt::format(" {} |", cell_text(m, b.cell));
    out += fmt::format(" {} |\n", cell_text(m, d.total));
}

} // namespace

std::string monitor_markdown(const monitor& m, const monitor_format_options& options) {
    const auto when = describe_day(m);
    std::string out = "# Monitor passend onderwijs\n\n*The partnership's monitor*\n\n";
    if (!options.subject.empty()) out += fmt::format("**{}** · ", markdown_cell(options.subject));
    out += fmt::format("{} *({})*. Gegevens t/m {} *(data as of {})*.\n\n", when.nl, when.en,
                       format_day(m.extract_date), format_day(m.extract_date));
    out += suppression_note_md(m.suppressed, m.max_small) + "\n";
    for (const auto& u : m.units) {
        out += fmt::format("\n## {} {}\n\n### Kerngetallen *Headline figures*\n\n", u.id,
                           markdown_cell(u.name));
        out += "| KPI | waarde | verschil | vorig jaar | landelijk | referentie |\n"
               "| --- | ---: | ---: | ---: | ---: | --- |\n";
        for (const auto& f : u.headline) {
            const auto t = describe_figure(m, f);
            const auto ref = t.reference_source.empty()
                                 ? t.reference
                                 : fmt::format("{} ({})", t.reference, t.reference_source);
            out += fmt::format("| {} *{}* `{}` | {} | {} | {} | {} | {} |\n",
                               markdown_cell(f.info->title_nl), markdown_cell(f.info->title_en),
                               f.info->id, t.value, t.change, t.previous, t.national,
                               markdown_cell(ref));
        }
        distribution_md(out, m, u.open_requests, "Openstaande TLV-aanvragen naar leeftijd",
                        fmt::format("Open TLV requests by age (term {} days)", m.tlv_term_days));
        distribution_md(out, m, u.thuiszitters, "Thuiszitters naar duur",
                        "Thuiszitters by how long they have been out of school");
        out += "\n### Grensverkeer *Cross-border pupils*\n\n| | uitgaand *out* | inkomend *in* |\n"
               "| --- | ---: | ---: |\n";
        for (const auto& b : u.cross_border)
            out += fmt::format("| {} | {} | {} |\n", to_string(b.admits), row_text(m, b.outgoing),
                               row_text(m, b.incoming));
        out += fmt::format("| ondersteuningsbekostiging *support funding* | {} | {} |\n",
                           row_text(m, u.money_outgoing), row_text(m, u.money_incoming));
        if (!u.continuity.empty()) {
            out += "\n### Continuïteit *Reserves and the signal value*\n\n";
            for (const auto& k : u.continuity) {
                const auto w = coverage_detail::continuity_words(k);
                out += fmt::format("- {} *{}*\n", w.nl, w.en);
            }
        }
    }
    out += fmt::format("\n*Gemaakt met passend {}.*\n", version_string);
    return out;
}

PASSEND_NAMESPACE_END
