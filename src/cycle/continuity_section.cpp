// SPDX-License-Identifier: EUPL-1.2
#include "continuity_section.hpp"

#include "coverage/shown.hpp"

#include "passend/coverage/continuity.hpp"

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::optional<report_section>
continuity_section(const dataset& ds, const std::vector<std::uint32_t>& swvs, school_year year) {
    if (!ds.has_table(table::finances)) return std::nullopt;
    using coverage_detail::euro_text;
    report_section s{"continuiteit",
                     "Continuïteit van het samenwerkingsverband",
                     "Reserves tegen de signaleringswaarde van de inspectie (3,5% van de baten, "
                     "minimaal € 250.000), per kalenderjaar van de jaarrekening.",
                     {}};
    auto t = report_block::table(
        {"Swv", "Jaar", "Baten", "Reserves", "Signaleringswaarde", "Boven de waarde"},
        {false, false, true, true, true, true});
    const auto& fi = ds.finances();
    for (const auto swv : swvs)
        for (std::size_t i = 0; i < fi.size(); ++i) {
            // The calendar years the school year spans: August-December and January-July.
            if (pos(fi.swv[i]) != swv ||
                (fi.year[i] != year.start_year() && fi.year[i] != year.start_year() + 1))
                continue;
            const auto c = continuity_of(fi.income[i], fi.reserves[i]);
            t.rows.push_back(
                {std::string(ds.swvs().id[swv]), std::to_string(fi.year[i]), euro_text(c.income),
                 euro_text(c.reserves),
                 euro_text(c.signal_value) + (c.minimum_applies ? " (minimum)" : " (3,5%)"),
                 euro_text(c.above)});
        }
    if (t.rows.empty()) {
        s.blocks.push_back(
            report_block::note("Geen jaarcijfers van de samenwerkingsverbanden van het bestuur "
                               "voor de kalenderjaren van dit schooljaar in de gegevens."));
        return s;
    }
    t.caption = "Boven de waarde: reserves min signaleringswaarde, als dat positief is; dat "
                "bedrag vraagt de inspectie te verantwoorden of te besteden.";
    s.blocks.push_back(std::move(t));
    return s;
}

} // namespace detail
PASSEND_NAMESPACE_END
