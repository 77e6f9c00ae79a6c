// SPDX-License-Identifier: EUPL-1.2
// Private: UWLR 2.x leerlinggegevens (Edustandaard, UWLR_Leerlinggegevens_v2p2.xsd and
// EDEXML.elementen.xsd): a school's pupils in one school year.
//
// Read: school/schooljaar, brincode, dependancecode; groepen (for a pupil's jaargroep);
// leerling@key, bsn/sofinummer/onderwijsnummer (only into the pseudonym), geboortedatum,
// jaargroep, instroomdatum, uitstroomdatum. Everything else (names, e-mail, postcode, country,
// weight, teachers, ...) is never read. docs/import.md has the rules.
#include "import/codes.hpp"
#include "import/readers.hpp"

#include <map>

PASSEND_NAMESPACE_BEGIN
namespace detail {

void read_uwlr(xml_source& source, reader_context& context) {
    const auto data =
        data_element(source, "leerlinggegevens", "http://www.edustandaard.nl/leerresultaten/", "2",
                     "/leerlinggegevens");
    if (!data) return;
    const auto school = source.require(data, "school");
    const auto pupils = source.require(data, "leerlingen");
    if (!school || !pupils) return;
    const auto year_node = source.require(school, "schooljaar");
    const auto brin_node = source.require(school, "brincode");
    if (!year_node || !brin_node) return;
    const auto year = school_year_in(source, year_node);
    if (!year) return;
    const std::string brin(trim(brin_node.child_value()));
    const auto location = location_id(brin, source.text(school, "dependancecode"));

    std::map<std::string, std::string, std::less<>> group_year; // groep@key -> jaargroep
    for (auto g = child(child(data, "groepen"), "groep"); g; g = g.next_sibling())
        if (local_name(g) == "groep")
            group_year[g.attribute("key").value()] = std::string(source.text(g, "jaargroep"));

    for (auto p = pupils.first_child(); p; p = p.next_sibling()) {
        if (p.type() != pugi::node_element || local_name(p) != "leerling") continue;
        const std::string_view key = p.attribute("key").value();
        if (key.empty()) {
            source.report(p, "missing_attribute", "required attribute key is missing");
            continue;
        }
        const auto id = pupil_pseudonym(context, source, p, brin, key);
        const auto birth = source.date(p, "geboortedatum");
        if (id.empty()) continue;
        if (!birth) {
            if (!child(p, "geboortedatum"))
                source.report(p, "no_birth_date",
                              "no geboortedatum: the pupil is left out (the contract needs it)",
                              severity::warning);
            continue;
        }
        std::string year_code(source.text(p, "jaargroep"));
        if (year_code.empty())
            if (const auto it = group_year.find(child(p, "groep").attribute("key").value());
                it != group_year.end())
                year_code = it->second;
        const auto group_node = child(p, "jaargroep") ? child(p, "jaargroep") : p;
        const auto group = year_code.empty() ? std::optional{year_group{}}
                                             : year_group_in(source, group_node, year_code);
        if (!group) continue;
        const auto school_id =
            context.schools.resolve(location, std::nullopt, group->department, source, p);
        const auto in = source.date(p, "instroomdatum");
        const auto out = source.date(p, "uitstroomdatum");
        if (!school_id || (child(p, "instroomdatum") && !in) ||
            (child(p, "uitstroomdatum") && !out))
            continue;
        if (!in)
            source.report(p, "no_instroomdatum",
                          "no instroomdatum: the enrolment starts on the school year's first day " +
                              format_day(year->first_day()),
                          severity::warning);
        const day start = in.value_or(year->first_day());
        const day end = out.value_or(open_end);
        if (end < start) {
            source.report(child(p, "uitstroomdatum"), "end_before_start",
                          "uitstroomdatum " + format_day(end) + " is before the start " +
                              format_day(start));
            continue;
        }
        const auto where = source.where(p);
        context.records.pupils.push_back({id, *birth, where});
        context.records.enrolments.push_back(
            {id, *school_id, start, end, group->grade, year->last_day(), where});
    }
}

} // namespace detail
PASSEND_NAMESPACE_END
