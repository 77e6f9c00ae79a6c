// SPDX-License-Identifier: EUPL-1.2
// Private: OSO gegevensset 2019.1 dossiers (Edustandaard, OSO_gegevensset.xsd, namespace
// .../oso_gegevensset/2019/dossier), e.g. the POSWV and VOSWV profiles a school sends to its
// partnership with a support request: one pupil each.
//
// Read: metadata/standaardversie and datum; huidigeschool brincode, vestigingscode, soort;
// leerling bsn/onderwijsnummer/leerlingid (only into the pseudonym), geboortedatum or
// geboortemaand, datuminschrijving, datumuitschrijving; schoolloopbaan rows; and from
// onderwijsondersteuning the opp, tlv and arrangement_pao blocks. Names, addresses,
// communication, parents, GP, diagnoses, documents, tests and the rest are never read.
// docs/import.md has the rules.
#include "import/codes.hpp"
#include "import/readers.hpp"

#include "passend/import/pseudonym.hpp"

PASSEND_NAMESPACE_BEGIN
namespace detail {
namespace {

/// The elements of `parent` named `name`.
template <typename F>
void each(pugi::xml_node parent, std::string_view name, F f) {
    for (auto c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == name) f(c);
}

/// `soort`/`schoolsoort` of `node` as a setting: nullopt when absent; an error when unknown.
std::optional<setting> school_kind(xml_source& source, pugi::xml_node node, std::string_view name,
                                   bool& bad) {
    const auto c = child(node, name);
    if (!c) return std::nullopt;
    const auto kind = oso_school_kind(c.child_value());
    if (!kind) {
        source.report(c, "unknown_code",
                      "school type '" + std::string(trim(c.child_value())) +
                          "' is not one of BAO, SBO, SO, VSO, VO, PRO");
        bad = true;
    }
    return kind;
}

struct dossier_pupil {
    std::string id;
    std::string school; ///< the sending school's contract id
    std::optional<setting> kind;
    day known_until;
};

void read_career(xml_source& source, reader_context& context, pugi::xml_node pupil,
                 const dossier_pupil& d, const std::string& home_location) {
    const auto left = source.date(pupil, "datumuitschrijving");
    if (const auto since = source.date(pupil, "datuminschrijving"))
        context.records.enrolments.push_back({d.id, d.school, *since, left.value_or(open_end), 0,
                                              d.known_until,
                                              source.where(child(pupil, "datuminschrijving"))});
    each(child(pupil, "schoolloopbaanlijst"), "schoolloopbaan", [&](pugi::xml_node row) {
        const auto year_node = source.require(row, "schooljaar");
        const auto brin = source.require(row, "brincode");
        const auto vestiging = source.require(row, "vestigingscode");
        const auto group_node = source.require(row, "jaargroep");
        if (!year_node || !brin || !vestiging || !group_node) return;
        const auto year = school_year_in(source, year_node);
        const auto group =
            year ? year_group_in(source, group_node, group_node.child_value()) : std::nullopt;
        if (!group) return;
        bool bad = false;
        auto kind = school_kind(source, row, "schoolsoort", bad);
        const auto location = location_id(brin.child_value(), vestiging.child_value());
        if (!kind && location == home_location) kind = d.kind;
        const auto begin = source.date(row, "begindatum");
        const auto end = source.date(row, "einddatum");
        if (bad || (child(row, "begindatum") && !begin) || (child(row, "einddatum") && !end))
            return;
        const auto school = context.schools.resolve(location, kind, group->department, source, row);
        if (!school) return;
        if (begin && end && *end < *begin) {
            source.report(child(row, "einddatum"), "end_before_start",
                          "einddatum " + format_day(*end) + " is before begindatum " +
                              format_day(*begin));
            return;
        }
        // A row at the sending school without an end runs on until the pupil is written out.
        const day last = end                   ? *end
                         : *school == d.school ? left.value_or(open_end)
                                               : year->last_day();
        context.records.enrolments.push_back({d.id, *school, begin.value_or(year->first_day()),
                                              last, group->grade, d.known_until,
                                              source.where(row)});
    });
}

void read_support(xml_source& source, reader_context& context, pugi::xml_node support,
                  const dossier_pupil& d) {
    if (!support) return;
    if (const auto opp = child(support, "opp")) {
        const auto start = source.date(opp, "opp_ingangdatum", true);
        const auto end = source.date(opp, "opp_einddatum");
        if (start && (end || !child(opp, "opp_einddatum")))
            context.records.opps.push_back(
                {d.id, d.school, *start, end.value_or(open_end), source.where(opp)});
    }
    each(support, "tlv", [&](pugi::xml_node tlv) {
        const auto start = source.date(tlv, "tlvingangdatum", true);
        const auto end = source.date(tlv, "tlveinddatum");
        const auto swv_node = source.require(tlv, "tlvswvnummer");
        const auto category_node = source.require(tlv, "tlvcategorie");
        const auto number = source.require(tlv, "tlvbeschikkingsnummer");
        if (!start || !swv_node || !category_node || !number ||
            (child(tlv, "tlveinddatum") && !end))
            return;
        const auto category = oso_tlv_category(category_node.child_value());
        if (!category) {
            source.report(category_node, "unknown_code",
                          "tlvcategorie '" + std::string(trim(category_node.child_value())) +
                              "' is not one of L, M, H, Nvt (OSO code list 31)");
            return;
        }
        const auto swv = normalise_swv(swv_node.child_value());
        const auto admits = tlv_setting(d.kind, swv, *category);
        if (!admits) {
            source.report(tlv, "tlv_setting_unknown",
                          "the TLV is left out: partnership number " + swv +
                              " starts with neither PO nor VO, so the setting it admits to is "
                              "not known",
                          severity::warning);
            return;
        }
        context.records.tlvs.push_back(
            {pseudonym(context.secret, "t-", swv + ":" + std::string(trim(number.child_value()))),
             d.id, swv, *admits, is_paid_by_tlv(*admits) ? *category : funding_category::none,
             *start, end.value_or(open_end), source.where(tlv)});
    });
    each(support, "arrangement_pao", [&](pugi::xml_node a) {
        const auto start = source.date(a, "arrangement_datum", true);
        const auto end = source.date(a, "arrangement_einddatum");
        if (!start || (child(a, "arrangement_einddatum") && !end)) return;
        const auto number = source.text(a, "arrangement_beschikkingsnr");
        const auto key = number.empty() ? d.id + ":" + format_day(*start) : std::string(number);
        context.records.arrangements.push_back(
            {pseudonym(context.secret, "a-", "arrangement:" + key), d.id, d.school, *start,
             end.value_or(open_end), source.where(a)});
    });
    each(support, "arrangement_cluster12", [&](pugi::xml_node a) {
        source.report(a, "arrangement_left_out",
                      "a cluster 1-2 arrangement (no end date, counted by the institutions) is "
                      "left out",
                      severity::warning);
    });
}

} // namespace

void read_oso(xml_source& source, reader_context& context) {
    const auto dossier = data_element(
        source, "dossier", "http://www.edustandaard.nl/oso_gegevensset/", "2019", "/dossier");
    if (!dossier) return;
    const auto metadata = source.require(dossier, "metadata");
    const auto home = source.require(dossier, "huidigeschool");
    if (!metadata || !home) return;
    if (const auto version = source.require(metadata, "standaardversie")) {
        const auto v = trim(version.child_value());
        if (!v.starts_with("2019.")) {
            source.report(version, "unsupported_version",
                          "standaardversie " + std::string(v) +
                              "; passend reads OSO gegevensset 2019.1");
            return;
        }
    }
    const auto made = source.date(metadata, "datum", true);
    const auto brin = source.require(home, "brincode");
    const auto vestiging = source.require(home, "vestigingscode");
    const auto pupil = source.require(home, "leerling");
    if (!made || !brin || !vestiging || !pupil) return;
    bool bad = false;
    dossier_pupil d;
    d.kind = school_kind(source, home, "soort", bad);
    d.known_until = *made;
    const std::string brin_code(trim(brin.child_value()));
    const auto home_location = location_id(brin_code, vestiging.child_value());
    d.id = pupil_pseudonym(context, source, pupil, brin_code, source.text(pupil, "leerlingid"));
    const auto school = context.schools.resolve(home_location, d.kind, std::nullopt, source, home);
    if (bad || d.id.empty() || !school) return;
    d.school = *school;
    d.kind = context.schools.setting_of(d.school); // the schools table has the last word

    std::optional<day> birth = source.date(pupil, "geboortedatum");
    if (const auto month = child(pupil, "geboortemaand"); !birth && month) {
        // Only the month is given (an anonymised birth date): its first day.
        birth = parse_day(std::string(trim(month.child_value())) + "-01");
        if (!birth)
            source.report(month, "bad_date",
                          "'" + std::string(trim(month.child_value())) +
                              "' is not a month (YYYY-MM)");
    }
    if (!birth) {
        if (!child(pupil, "geboortedatum") && !child(pupil, "geboortemaand"))
            source.report(pupil, "no_birth_date",
                          "no geboortedatum or geboortemaand: the dossier is left out",
                          severity::warning);
        return;
    }
    context.records.pupils.push_back({d.id, *birth, source.where(pupil)});
    read_career(source, context, pupil, d, home_location);
    read_support(source, context, child(pupil, "onderwijsondersteuning"), d);
}

} // namespace detail
PASSEND_NAMESPACE_END
