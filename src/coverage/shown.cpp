// SPDX-License-Identifier: EUPL-1.2
#include "shown.hpp"

#include "../report/common.hpp"

#include <fmt/format.h>

PASSEND_NAMESPACE_BEGIN
namespace coverage_detail {

using report_detail::dutch_number;

bool hidden(const coverage_cell& cell, const coverage_privacy& privacy) {
    return privacy.suppress && cell.pupils >= 1 && cell.pupils <= privacy.max_small;
}

std::string pupils_text(const coverage_cell& cell, const coverage_privacy& privacy) {
    return hidden(cell, privacy) ? report_detail::small_mark(privacy.max_small)
                                 : std::to_string(cell.pupils);
}

std::string occupancy_text(const coverage_cell& cell, const coverage_privacy& privacy) {
    const auto o = cell.occupancy();
    if (!o || hidden(cell, privacy)) return "–";
    return dutch_number(*o, 0) + "%";
}

std::string_view state_nl(cover_state s) {
    switch (s) {
    case cover_state::covered:
        return "gedekt";
    case cover_state::over_demanded:
        return "meer vraag dan plaatsen";
    case cover_state::no_offer:
        return "geen aanbod";
    }
    return "";
}
std::string_view state_en(cover_state s) {
    switch (s) {
    case cover_state::covered:
        return "covered";
    case cover_state::over_demanded:
        return "more demand than places";
    case cover_state::no_offer:
        return "no offer";
    }
    return "";
}

std::string euro_text(cents amount) {
    return "€ " + dutch_number(static_cast<double>(amount) / 100, amount % 100 == 0 ? 0 : 2);
}

std::vector<finding> findings(const coverage& c, const partnership_coverage& p,
                              const coverage_privacy& privacy) {
    std::vector<finding> gaps, over;
    for (std::size_t d = 0; d < c.domains.size(); ++d)
        for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
            const auto& cell = p.cells[d][m];
            const auto& domain = c.domains[d];
            const auto& where = p.municipalities[m];
            if (cell.state == cover_state::no_offer)
                gaps.push_back(
                    {fmt::format("Gemeente {} heeft geen aanbod voor {}.", where, domain),
                     fmt::format("Municipality {} has no offer for {}.", where, domain)});
            else if (cell.state == cover_state::over_demanded)
                over.push_back(
                    {fmt::format("In gemeente {} zijn er voor {} meer leerlingen ({}) "
                                 "dan plaatsen ({}).",
                                 where, domain, pupils_text(cell, privacy), cell.places),
                     fmt::format("In municipality {} {} has more pupils ({}) than "
                                 "places ({}).",
                                 where, domain, pupils_text(cell, privacy), cell.places)});
        }
    gaps.insert(gaps.end(), over.begin(), over.end());
    return gaps;
}

finding continuity_words(const coverage_continuity& k) {
    const auto& x = k.check;
    const auto rule_nl = x.minimum_applies ? "het minimum van € 250.000" : "3,5% van de baten";
    const auto rule_en = x.minimum_applies ? "the € 250,000 minimum" : "3.5% of income";
    if (x.above > 0)
        return {fmt::format("{}: reserves {} liggen {} boven de signaleringswaarde {} ({}).",
                            k.year, euro_text(x.reserves), euro_text(x.above),
                            euro_text(x.signal_value), rule_nl),
                fmt::format("{}: reserves {} are {} above the signal value {} ({}).", k.year,
                            euro_text(x.reserves), euro_text(x.above), euro_text(x.signal_value),
                            rule_en)};
    return {fmt::format("{}: reserves {} blijven binnen de signaleringswaarde {} ({}).", k.year,
                        euro_text(x.reserves), euro_text(x.signal_value), rule_nl),
            fmt::format("{}: reserves {} are within the signal value {} ({}).", k.year,
                        euro_text(x.reserves), euro_text(x.signal_value), rule_en)};
}

} // namespace coverage_detail
PASSEND_NAMESPACE_END
