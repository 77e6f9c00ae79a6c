// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/frameworks.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <tuple>

PASSEND_NAMESPACE_BEGIN
namespace {

// *Schoolbesturen aan zet* (verantwoording 2024-2025), "Het schoolbestuur stuurt op": the numbered
// process indicators, verbatim.
constexpr std::array<framework_item, 43> process_indicators{{
    {1, "Ondersteuningsplan SWV is vertaald in het (strategisch) bestuursplan"},
    {2, "Regiovisie is vertaald in het (strategisch) bestuursplan"},
    {3, "Regiovisie krijgt uitvoering -afspraken met gemeenten over: basis op orde, spreiding "
        "voorzieningen, vervoer, huisvesting"},
    {4, "Schoolondersteuningsprofielen van de eigen scholen worden gevalideerd"},
    {5, "Transparante procedure ondersteuningstoewijzing op bestuursniveau"},
    {6, "Organisatie is toegerust op \"pdca\" in alle lagen"},
    {7, "Schoolbesturen zoeken onderlinge uitwisseling en afstemming op"},
    {8,
     "Elke school heeft de \"foto\" gemaakt van wat er nodig is aan preventieve inzet Jeugdhulp"},
    {9, "Alle Scholen zijn/Het Bestuur is in overleg met de gemeente hierover"},
    {10, "Preventieve inzet vanuit de gemeente is gerealiseerd in alle scholen"},
    {11, "Het hele schoolteam is betrokken bij het opstellen van het Schoolondersteuningsprofiel"},
    {12, "(Strategisch) Bestuursplan is vertaald in alle schoolplannen"},
    {13, "Schoolondersteuningsprofielen zijn in alle scholen vertaald in de schoolplannen"},
    {14, "Alle scholen sturen actief op (door)ontwikkelen /borgen ankerpunten ondersteuning"},
    {15, "(De inhoud van) Duiden&Doen is basis voor handelen vanaf niveau 3 in alle scholen"},
    {16, "Alle onderdelen van Duiden&Doen zijn beschikbaar voor een aanvraag TLV/start OPP in "
         "niveau 5"},
    {17, "Duiden & Doen is voorzien van een effectieve en gebruiksvriendelijke digitale tool"},
    {18, "Alle scholen voeren afspraken Toewijzing en Toelaatbaarheid van het SWV uit"},
    {19,
     "Alle scholen sturen op ononderbroken ontwikkelingslijnen en leeftijdsadequate doorstroom"},
    {20, "Alle scholen hebben afstemming met voorschoolse voorzieningen"},
    {21, "Plaatsingen vanuit voorschool in PO verlopen via het knooppunt i.g.v. aanvullende "
         "ondersteuning"},
    {22, "Alle (ver)plaatsingen in het PO verlopen via het knooppunt"},
    {23,
     "(Ver)plaatsingen naar het VO verlopen via het knooppunt i.g.v. aanvullende ondersteuning"},
    {24, "Het SOP is leidend bij plaatsing"},
    {25, "Bij alle (ver)plaatsingen hanteren de scholen de (afspraken) zorgplicht"},
    {26, "De samenwerking met ouders (in het knooppunt) is naar tevredenheid"},
    {27, "Dit thema heeft een plek in de eigen oudertevredenheidsonderzoeken"},
    {28, "Alle scholen niveau 5 definiëren in het SOP hun doelgroep: onderwijs en zorg"},
    {29, "Alle scholen niveau 5 implementeren DGA Onderwijs-Jeugdhulp m.b.v. tools SWV"},
    {30, "OPP met alle onderdelen van Duiden&Doen is onderlegger voor herbeoordeling"},
    {31, "Externe functie niveau 5 is operationeel (outreachinge maatwerkexpertise)"},
    {32, "Schakelfunctie niveau 5 / NT2 is operationeel - lichtere vormen van zorg & inclusie"},
    {33, "Flexibele vormen onderwijsondersteuning i.g.v. veel zorg/behandeling en heel weinig "
         "onderwijs"},
    {34, "Dit thema heeft een plek in de eigen oudertevredenheidsonderzoeken"},
    {35, "Het knooppunt maakt in elke school onderdeel uit van de ondersteuningsstructuur"},
    {36, "Er is aandacht voor kwaliteit en borging van het knooppunt"},
    {37, "Het knooppunt staat garant voor integrale benadering en gestroomlijnde ontsluiting"},
    {38, "Communicatie binnen het knooppunt verloopt privacyproof"},
    {39, "Ouders hebben bij inschrijving in school toestemming verleend m.b.t. knooppunt"},
    {40, "Deelnemers vanuit onderwijs in knooppunt hebben mandaat"},
    {41, "Interne overlegstructuren van de school zijn geïntegreerd en helpend aan knooppunt"},
    {42, "Er zijn werkafspraken met de kernpartners gemaakt"},
    {43, "Dit thema heeft een plek in de eigen oudertevredenheidsonderzoeken"},
}};

constexpr std::array<framework_group, 4> process_groups{{
    {"algemeen", "Algemeen", 1, 7},
    {"basis_op_orde", "De basis op orde - betreft alle scholen", 8, 27},
    {"doelgroeparrangementen", "Doelgroeparrangementen - betreft sbo/so", 28, 34},
    {"knooppunt", "Knooppunt - betreft alle scholen", 35, 43},
}};

constexpr std::string_view board_report_process =
    "Schoolbesturen aan zet (verantwoording schoolbestuur 2024-2025), procesindicatoren 1-43";
constexpr std::string_view board_report_anchor =
    "Schoolbesturen aan zet, ontwikkeling ankerpunten ondersteuning (2-jaarlijkse meting SOP, norm "
    "75%)";

const std::array<framework_def, 5> frameworks{{
    {"procesindicatoren", "Procesindicatoren", board_report_process, process_indicators,
     process_groups, false},
    {"ankerpunt1", "Ankerpunt 1 - Kwaliteitsstandaard", board_report_anchor, {}, {}, true},
    {"ankerpunt2",
     "Ankerpunt 2 - Planmatig en handelingsgericht werken",
     board_report_anchor,
     {},
     {},
     true},
    {"ankerpunt3", "Ankerpunt 3 - Specifieke ondersteuning", board_report_anchor, {}, {}, true},
    {"ankerpunt4", "Ankerpunt 4 - Ondersteuningsstructuur", board_report_anchor, {}, {}, true},
}};

std::optional<int> item_number(std::string_view item) noexcept {
    int n = 0;
    const auto* end = item.data() + item.size();
    const auto [p, ec] = std::from_chars(item.data(), end, n);
    if (ec != std::errc{} || p != end) return std::nullopt;
    return n;
}

// Numbered items in numeric order, then the others by text.
bool item_less(const std::string& a, const std::string& b) {
    const auto na = item_number(a), nb = item_number(b);
    if (na && nb) return *na < *nb;
    if (na != nb) return na.has_value();
    return a < b;
}

using unit_key = std::tuple<std::string, int, unit_level, std::uint32_t>;

// Rows of one (framework, year, unit) folded into sorted items; duplicates averaged.
unit_assessment fold(const unit_key& key, const std::vector<std::uint32_t>& rows,
                     const assessment_table& a) {
    unit_assessment out;
    out.framework = std::get<0>(key);
    out.year = school_year{std::get<1>(key)};
    out.level = std::get<2>(key);
    out.unit = std::get<3>(key);
    std::map<std::string, std::pair<double, int>, decltype(&item_less)> sums(&item_less);
    for (auto r : rows) {
        auto& [sum, n] = sums[std::string(a.item[r])];
        sum += a.score[r];
        ++n;
    }
    out.items.reserve(sums.size());
    for (const auto& [item, s] : sums) out.items.emplace_back(item, s.first / s.second);
    return out;
}

} // namespace

kpi_norm framework_norm() noexcept {
    return {kpi_norm::direction::at_least, framework_norm_target, 0};
}

std::span<const framework_def> assessment_frameworks() noexcept {
    return frameworks;
}

const framework_def* find_framework(std::string_view id) noexcept {
    for (const auto& f : frameworks)
        if (f.id == id) return &f;
    return nullptr;
}

std::string_view process_indicator_text(int number) noexcept {
    if (number < 1 || number > static_cast<int>(process_indicators.size())) return {};
    return process_indicators[static_cast<std::size_t>(number - 1)].text_nl;
}

double unit_assessment::mean() const noexcept {
    if (items.empty()) return 0; // an unit_assessment always has items (assess() says nullopt)
    double sum = 0;
    for (const auto& [_, s] : items) sum += s;
    return sum / static_cast<double>(items.size());
}

bool unit_assessment::meets_norm() const noexcept {
    return framework_norm().judge(mean()) == kpi_status::op_koers;
}

std::optional<double> unit_assessment::score_of(std::string_view item) const noexcept {
    for (const auto& [id, s] : items)
        if (id == item) return s;
    return std::nullopt;
}

std::optional<double> unit_assessment::group_mean(int first, int last) const noexcept {
    double sum = 0;
    int n = 0;
    for (const auto& [id, s] : items) {
        const auto number = item_number(id);
        if (number && *number >= first && *number <= last) {
            sum += s;
            ++n;
        }
    }
    if (n == 0) return std::nullopt;
    return sum / n;
}

std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework,
                                      unit_level level, std::uint32_t unit, school_year year) {
    const auto& a = ds.assessments();
    std::vector<std::uint32_t> rows;
    for (std::uint32_t r = 0; r < a.size(); ++r)
        if (a.year[r] == year && a.level[r] == level && a.unit[r] == unit &&
            a.framework[r] == framework)
            rows.push_back(r);
    if (rows.empty()) return std::nullopt;
    return fold({std::string(framework), year.start_year(), level, unit}, rows, a);
}

std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework, school_idx s,
                                      school_year year) {
    return assess(ds, framework, unit_level::school, pos(s), year);
}

std::optional<unit_assessment> assess(const dataset& ds, std::string_view framework, board_idx b,
                                      school_year year) {
    return assess(ds, framework, unit_level::board, pos(b), year);
}

std::optional<school_year> latest_assessment_year(const dataset& ds, std::string_view framework,
                                                  unit_level level, std::uint32_t unit,
                                                  school_year year) {
    const auto& a = ds.assessments();
    std::optional<school_year> best;
    for (std::uint32_t r = 0; r < a.size(); ++r)
        if (a.level[r] == level && a.unit[r] == unit && a.year[r] <= year &&
            a.framework[r] == framework && (!best || *best < a.year[r]))
            best = a.year[r];
    return best;
}

std::vector<unit_assessment> all_assessments(const dataset& ds) {
    const auto& a = ds.assessments();
    std::map<unit_key, std::vector<std::uint32_t>> groups;
    for (std::uint32_t r = 0; r < a.size(); ++r)
        groups[{std::string(a.framework[r]), a.year[r].start_year(), a.level[r], a.unit[r]}]
            .push_back(r);
    std::vector<unit_assessment> out;
    out.reserve(groups.size());
    for (const auto& [key, rows] : groups) out.push_back(fold(key, rows, a));
    return out;
}

std::optional<double> board_share::share() const noexcept {
    if (assessed == 0) return std::nullopt;
    return static_cast<double>(meeting) / static_cast<double>(assessed);
}

board_share share_meeting_norm(const dataset& ds, board_idx b, std::string_view framework,
                               school_year year) {
    board_share out;
    out.framework = framework;
    out.year = year;
    const auto& sc = ds.schools();
    for (std::uint32_t s = 0; s < sc.size(); ++s) {
        if (sc.board[s] != b) continue;
        ++out.schools;
        if (const auto score = assess(ds, framework, unit_level::school, s, year)) {
            ++out.assessed;
            if (score->meets_norm()) ++out.meeting;
        }
    }
    return out;
}

PASSEND_NAMESPACE_END
