// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/accountability.hpp"
#include "continuity_section.hpp"

#include "io/input_file.hpp"
#include "io/json_document.hpp"
#include "kpi_lookup.hpp"
#include "passend/continuum.hpp"
#include "passend/cycle/frameworks.hpp"
#include "passend/cycle/money.hpp"
#include "report/common.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>

PASSEND_NAMESPACE_BEGIN
namespace {

constexpr std::array<std::string_view, 15> text_keys{
    "namens",       "context",          "ankerpunt1",
    "ankerpunt2",   "ankerpunt3",       "ankerpunt4",
    "algemeen",     "basis_op_orde",    "doelgroeparrangementen",
    "knooppunt",    "thuiszitters",     "ononderbroken_ontwikkeling",
    "verwijzingen", "terugplaatsingen", "middelen"};

// ---- numbers in Dutch notation ------------------------------------------------------------

std::string group_thousands(long long v) {
    std::string s = std::to_string(v < 0 ? -v : v);
    for (auto i = static_cast<std::ptrdiff_t>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), 1, '.');
    return v < 0 ? "-" + s : s;
}

std::string decimal(double v, int digits) {
    auto s = fmt::format("{:.{}f}", v, digits);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent_of_one(double share) {
    return fmt::format("{}%", static_cast<long long>(std::lround(share * 100)));
}

// ---- the report's figures ------------------------------------------------------------------

/// The KPI figures of one unit as the published (suppressed) rows show them: a hidden count is
/// `<5` or left out exactly where the KPI report hides it, so that the two cannot be combined.
struct figures {
    const dataset& ds;
    const kpi_results& kpis;
    std::string board;
    school_year year;

    bool is_percent(std::string_view kpi) const { return detail::kpi_is_percent(kpis, kpi); }
    detail::kpi_found found(std::string_view kpi, school_year y, kpi_level level,
                            std::string_view unit) const {
        return detail::kpi_lookup(kpis, kpi, y, level, unit);
    }
    std::string show(std::string_view kpi, school_year y, kpi_level level = kpi_level::board,
                     std::string_view unit = {}) const {
        const auto f = found(kpi, y, level, unit.empty() ? board : unit);
        if (!f.value) return "geen waarde";
        if (f.row) {
            const auto how = passend::shown(*f.row, kpi_field::value, kpis.find(kpi));
            if (how == cell_shown::small) return "<5";
            if (how == cell_shown::hidden) return "–";
        }
        const double v = *f.value;
        if (is_percent(kpi)) return decimal(v, 2) + "%";
        if (std::abs(v - std::round(v)) < 1e-9) return group_thousands(std::llround(v));
        return decimal(v, 1);
    }
    std::string change(std::string_view kpi, kpi_level level = kpi_level::board,
                       std::string_view unit = {}) const {
        const auto u = unit.empty() ? std::string_view(board) : unit;
        const auto prev = found(kpi, year.prev(), level, u), now = found(kpi, year, level, u);
        if (!prev.value || !now.value) return "";
        // The change of a hidden value, or against one, is hidden with it.
        for (const auto* row : {prev.row, now.row})
            if (row && row->suppressed.value) return "";
        if (now.row && now.row->change && now.row->suppressed.change) return "";
        // In a partial year a period count's change is against the same period last year.
        const auto base = detail::compared_value(now, prev.value);
        if (!base) return "";
        const double d = *now.value - *base;
        const std::string sign = d > 0 ? "+" : "";
        if (is_percent(kpi)) return sign + decimal(d, 2) + " procentpunt";
        return sign + group_thousands(std::llround(d));
    }
    // A table of KPIs for the year and the year before.
    report_block kpi_table(std::initializer_list<std::pair<std::string_view, std::string_view>>
                               rows_with_labels) const {
        report_block t;
        t.type = report_block::kind::table;
        t.header = {"Indicator", "KPI", year.prev().to_string(),
                    report_detail::year_text(kpis, year), "Verschil"};
        for (const auto& [kpi, label] : rows_with_labels) {
            t.rows.push_back({std::string(label), "`" + std::string(kpi) + "`",
                              show(kpi, year.prev()), show(kpi, year), change(kpi)});
        }
        return t;
    }
};

// The board's own words for `key`, or a plain note that they are still to be written.
report_block board_text(const accountability_texts& texts, std::string_view key) {
    const auto t = texts.get(key);
    if (t.empty())
        return report_block::note("Toelichting van het bestuur: nog niet ingevuld (tekstveld `" +
                                  std::string(key) + "`).");
    return report_block::paragraphs(std::string(t));
}

std::string score_word(double s) {
    if (s == 1) return "ja";
    if (s == 0.5) return "deels";
    if (s == 0) return "nee";
    return percent_of_one(s);
}

std::string norm_word(bool met) {
    return met ? "✔ voldoet" : "✘ voldoet niet";
}

// ---- sections ------------------------------------------------------------------------------

report_section context_section(const dataset& ds, board_idx b, school_year year,
                               const board_money& money, const accountability_texts& texts) {
    report_section s{"context", "Context", "", {}};
    std::array<int, setting_count> per_setting{};
    for (std::size_t i = 0; i < ds.schools().size(); ++i)
        if (ds.schools().board[i] == b) ++per_setting[index_of(ds.schools().kind[i])];
    std::string schools;
    for (auto st : all_settings)
        if (per_setting[index_of(st)] > 0) {
            if (!schools.empty()) schools += ", ";
            schools += fmt::format("{} {}", per_setting[index_of(st)], to_string(st));
        }
    report_block facts;
    facts.type = report_block::kind::facts;
    facts.rows.push_back({"Scholen", schools.empty() ? "geen scholen in de gegevens" : schools});
    facts.rows.push_back({fmt::format("Leerlingen op 1 oktober {}", year.start_year()),
                          money.pupils == 0
                              ? "geen in de gegevens"
                              : group_thousands(static_cast<long long>(money.pupils))});
    s.blocks.push_back(std::move(facts));
    s.blocks.push_back(board_text(texts, "context"));
    return s;
}

report_section anchor_section(const dataset& ds, board_idx b, school_year year,
                              const accountability_texts& texts) {
    report_section s{"ankerpunten",
                     "Ontwikkeling ankerpunten ondersteuning",
                     "Voor alle scholen in niveau 1 t/m 5: de 2-jaarlijkse meting van de "
                     "schoolondersteuningsprofielen, met de norm van 75% op de "
                     "kwaliteitsindicatoren.",
                     {}};
    report_block t;
    t.type = report_block::kind::table;
    t.header = {"Ankerpunt",           "Meting",  "Scholen beoordeeld",
                "Voldoen aan de norm", "Aandeel", "Gemiddelde score"};
    bool any = false;
    for (int k = 1; k <= 4; ++k) {
        const auto id = "ankerpunt" + std::to_string(k);
        const auto* def = find_framework(id);
        // Measured every two years: the latest measurement of the board's schools up to `year`.
        std::optional<school_year> measured;
        for (std::uint32_t sc = 0; sc < ds.schools().size(); ++sc)
            if (ds.schools().board[sc] == b)
                if (auto y = latest_assessment_year(ds, id, unit_level::school, sc, year))
                    if (!measured || *measured < *y) measured = y;
        if (!measured) {
            t.rows.push_back({std::string(def->title_nl), "geen meting", "", "", "", ""});
            continue;
        }
        any = true;
        const auto share = share_meeting_norm(ds, b, id, *measured);
        double sum = 0;
        for (std::uint32_t sc = 0; sc < ds.schools().size(); ++sc)
            if (ds.schools().board[sc] == b)
                if (auto a = assess(ds, id, unit_level::school, sc, *measured)) sum += a->mean();
        t.rows.push_back({std::string(def->title_nl), measured->to_string(),
                          fmt::format("{} van {}", share.assessed, share.schools),
                          std::to_string(share.meeting),
                          share.share() ? percent_of_one(*share.share()) : "",
                          percent_of_one(sum / static_cast<double>(share.assessed))});
    }
    if (any) {
        t.caption = "Aandeel: scholen waarvan de gemiddelde score op de kwaliteitsindicatoren van "
                    "het ankerpunt ten minste 75% is (precies 75% voldoet), van de beoordeelde "
                    "scholen.";
        s.blocks.push_back(std::move(t));
    } else {
        s.blocks.push_back(report_block::note(fmt::format(
            "De gegevens bevatten geen meting van de ankerpunten voor de scholen van dit bestuur "
            "(t/m {}; assessments.csv, frameworks `ankerpunt1` t/m `ankerpunt4`).",
            year.to_string())));
    }
    for (int k = 1; k <= 4; ++k) {
        const auto id = "ankerpunt" + std::to_string(k);
        s.blocks.push_back(report_block::heading(find_framework(id)->title_nl));
        s.blocks.push_back(board_text(texts, id));
    }
    return s;
}

report_section steering_section(const dataset& ds, board_idx b, school_year year,
                                const accountability_texts& texts) {
    report_section s{"procesindicatoren",
                     "Het schoolbestuur stuurt op",
                     "Per hoofdonderdeel - beknopt en bondig - de stand van ontwikkeling, "
                     "gebaseerd op en gelieerd aan de onderliggende procesindicatoren.",
                     {}};
    const auto* def = find_framework("procesindicatoren");
    const auto a = assess(ds, "procesindicatoren", b, year);
    if (!a) {
        s.blocks.push_back(report_block::note(fmt::format(
            "Het bestuur heeft voor {} geen scores op de procesindicatoren in de gegevens "
            "(assessments.csv, framework `procesindicatoren`, unit_id het bestuur).",
            year.to_string())));
    } else {
        report_block facts;
        facts.type = report_block::kind::facts;
        facts.rows.push_back({"Gemiddelde score procesindicatoren",
                              fmt::format("{} over {} indicatoren: {} aan de norm van 75%",
                                          percent_of_one(a->mean()), a->items.size(),
                                          a->meets_norm() ? "voldoet" : "voldoet niet")});
        s.blocks.push_back(std::move(facts));
    }
    for (const auto& g : def->groups) {
        s.blocks.push_back(report_block::heading(g.title_nl));
        s.blocks.push_back(board_text(texts, g.id));
        if (!a) continue;
        report_block t;
        t.type = report_block::kind::table;
        t.header = {"Nr", "Procesindicator", "Score"};
        for (int n = g.first; n <= g.last; ++n) {
            const auto score = a->score_of(std::to_string(n));
            t.rows.push_back({std::to_string(n), std::string(process_indicator_text(n)),
                              score ? score_word(*score) : "geen score"});
        }
        if (const auto m = a->group_mean(g.first, g.last))
            t.caption = fmt::format("Gemiddeld {} - {}", percent_of_one(*m),
                                    norm_word(framework_norm().judge(*m) == kpi_status::op_koers));
        s.blocks.push_back(std::move(t));
    }
    return s;
}

} // namespace

std::string_view accountability_texts::get(std::string_view key) const noexcept {
    const auto it = fields.find(key);
    return it == fields.end() ? std::string_view{} : std::string_view{it->second};
}

std::span<const std::string_view> accountability_text_keys() noexcept {
    return text_keys;
}

accountability_texts parse_texts(std::string_view text, std::string source) {
    accountability_texts out;
    std::vector<diagnostic> errors;
    const auto known = [](std::string_view key) {
        return std::find(text_keys.begin(), text_keys.end(), key) != text_keys.end();
    };
    const auto unknown = [&](const std::string& key, std::uint64_t line) {
        std::string list;
        for (auto k : text_keys) list += (list.empty() ? "" : "|") + std::string(k);
        errors.push_back({severity::error, source, line, 0, "unknown_key",
                          "unknown text field '" + key + "' (one of " + list + ")"});
    };
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && text[first] == '{') {
        detail::json_problem problem;
        auto parsed = detail::parse_json_document(text, problem);
        if (!parsed)
            throw load_error(
                {{severity::error, source, problem.line, problem.column,
                  problem.rule == "syntax" ? "json_syntax" : problem.rule, problem.message}});
        const nlohmann::json doc = std::move(*parsed);
        for (const auto& [key, value] : doc.items()) {
            if (!known(key)) {
                unknown(key, 0);
                continue;
            }
            if (value.is_string())
                out.fields[key] = value.get<std::string>();
            else if (value.is_array() && std::all_of(value.begin(), value.end(),
                                                     [](auto& v) { return v.is_string(); })) {
                std::string joined; // an array of paragraphs
                for (const auto& p : value)
                    joined += (joined.empty() ? "" : "\n\n") + p.get<std::string>();
                out.fields[key] = joined;
            } else
                errors.push_back({severity::error, source, 0, 0, "wrong_type",
                                  "/" + key + ": must be a string or an array of strings"});
        }
    } else {
        // Markdown: `## key` starts a field; its text runs to the next `## ` heading.
        std::istringstream in{std::string(text)};
        std::string line, key, body;
        std::uint64_t n = 0;
        const auto flush = [&] {
            if (key.empty()) return;
            while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
            const auto start = body.find_first_not_of('\n');
            out.fields[key] = start == std::string::npos ? "" : body.substr(start);
        };
        while (std::getline(in, line)) {
            ++n;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.starts_with("## ")) {
                flush();
                key = std::string(detail::trim(std::string_view(line).substr(3)));
                body.clear();
                if (!known(key)) {
                    unknown(key, n);
                    key.clear();
                }
            } else if (!key.empty()) {
                body += line + "\n";
            }
        }
        flush();
    }
    if (!errors.empty()) throw load_error(std::move(errors));
    return out;
}

accountability_texts load_texts(const std::filesystem::path& file) {
    const auto read = detail::read_whole_file(file);
    if (!read.text) throw load_error({read.problem});
    return parse_texts(*read.text, file.string());
}

accountability_report build_accountability(const dataset& ds, const kpi_results& kpis, board_idx b,
                                           school_year year, const accountability_texts& texts,
                                           const accountability_options& options) {
    const std::string board_id(ds.boards().id[pos(b)]);
    const std::string board_name(ds.boards().name[pos(b)]);
    figures fig{ds, kpis, board_id, year};
    const auto money = money_of(ds, b, year);

    report_document r;
    r.markdown.gap_between_sections = true;
    r.kicker = "Verantwoording & collectieve verantwoordelijkheid passend onderwijs";
    r.title = "Verantwoording passend onderwijs " + year.to_string();
    r.header.push_back(
        {"Bestuur", board_name.empty() ? board_id : board_name + " (" + board_id + ")"});
    const auto namens = texts.get("namens");
    r.header.push_back({"Namens bestuur", namens.empty() ? "(in te vullen: tekstveld `namens`)"
                                                         : std::string(namens)});
    r.header.push_back({"Schooljaar", report_detail::year_text(kpis, year)});
    if (kpis.extract_date)
        r.header.push_back({"Gegevens t/m", format_day(*kpis.extract_date) + " (data as of " +
                                                format_day(*kpis.extract_date) + ")"});
    // The partnerships the board's schools belong to, with how many schools in each.
    std::map<std::uint32_t, int> swvs;
    bool po = false, vo = false, specialised_po = false, specialised_vo = false;
    for (std::size_t i = 0; i < ds.schools().size(); ++i) {
        if (ds.schools().board[i] != b) continue;
        ++swvs[pos(ds.schools().swv[i])];
        const auto kind = ds.schools().kind[i];
        (sector_of(kind) == sector::po ? po : vo) = true;
        if (!is_regular(kind))
            (sector_of(kind) == sector::po ? specialised_po : specialised_vo) = true;
    }
    std::string swv_list;
    for (const auto& [swv, n] : swvs) {
        const std::string name(ds.swvs().name[swv]);
        swv_list += (swv_list.empty() ? "" : "; ") + std::string(ds.swvs().id[swv]) +
                    (name.empty() ? "" : " (" + name + ")") +
                    fmt::format(": {} {}", n, n == 1 ? "school" : "scholen");
    }
    r.header.push_back(
        {"Scholen in swv", swv_list.empty() ? "geen scholen in de gegevens" : swv_list});

    r.sections.push_back(context_section(ds, b, year, money, texts));
    r.sections.push_back(anchor_section(ds, b, year, texts));
    r.sections.push_back(steering_section(ds, b, year, texts));

    // Thuiszitters
    {
        report_section s{"thuiszitters",
                         "Thuiszitters",
                         "Leerlingen met langdurig relatief verzuim (meer dan vier weken) of "
                         "absoluut verzuim, geteld voor de school waar het verzuim begon.",
                         {}};
        if (!ds.has_table(table::absences))
            s.blocks.push_back(
                report_block::note("De gegevens bevatten geen verzuimregistratie (absences.csv): "
                                   "het aantal thuiszitters is niet te bepalen."));
        else
            s.blocks.push_back(fig.kpi_table(
                {{"thuiszitters", "Thuiszitters"},
                 {"thuiszitters_langer_dan_3_maanden", "Thuiszitters langer dan drie maanden"},
                 {"langdurig_relatief_verzuim", "Langdurig relatief verzuim"},
                 {"absoluut_verzuim", "Absoluut verzuim"},
                 {"vrijstellingen", "Vrijstellingen (apart geteld)"}}));
        s.blocks.push_back(board_text(texts, "thuiszitters"));
        r.sections.push_back(std::move(s));
    }
    // Ononderbroken leer- en ontwikkelingsproces
    {
        report_section s{"ononderbroken_ontwikkeling",
                         "Ononderbroken leer- en ontwikkelingsproces",
                         "Instroom in PO met 4 jaar, tenzij - doorstroom van PO naar VO op "
                         "gemiddeld 12 jaar, tenzij - schooladvies PO houdt stand in 3e jaar VO - "
                         "geen onnodige vertraging in de PO-loopbaan - soepele "
                         "(ver)plaatsingsprocessen.",
                         {}};
        s.blocks.push_back(
            report_block::note("De gegevens van passend bevatten geen doublures, versnelling of "
                               "adviesbestendigheid (in het model komen die uit NCO-data): dit "
                               "onderdeel steunt op de toelichting van het bestuur."));
        s.blocks.push_back(board_text(texts, "ononderbroken_ontwikkeling"));
        r.sections.push_back(std::move(s));
    }
    // Verwijzingen
    {
        report_section s{"verwijzingen",
                         po || !vo ? "Verwijzingen naar SO/SBO" : "Verwijzingen naar PrO/VSO",
                         "Directe overgangen vanuit de scholen van het bestuur naar het "
                         "gespecialiseerd onderwijs in het schooljaar, met het jaar ervoor.",
                         {}};
        if (po || !vo)
            s.blocks.push_back(
                fig.kpi_table({{"verwijzingen_so", "Verwijzingen naar so"},
                               {"verwijzingen_sbo", "Verwijzingen naar sbo"},
                               {"verwijzingspercentage_so", "Verwijzingspercentage so"},
                               {"verwijzingspercentage_sbo", "Verwijzingspercentage sbo"}}));
        if (vo)
            s.blocks.push_back(
                fig.kpi_table({{"verwijzingen_vso", "Verwijzingen naar vso"},
                               {"verwijzingen_pro", "Verwijzingen naar pro"},
                               {"verwijzingspercentage_vso", "Verwijzingspercentage vso"},
                               {"verwijzingspercentage_pro", "Verwijzingspercentage pro"}}));
        s.blocks.push_back(
            report_block::note("Verwijzingspercentage: 100 x verwijzingen / leerlingen in het "
                               "regulier onderwijs op 1 oktober (passends eigen maat; geen "
                               "officiële definitie)."));
        s.blocks.push_back(board_text(texts, "verwijzingen"));
        r.sections.push_back(std::move(s));
    }
    // Terugplaatsingen
    {
        report_section s{"terugplaatsingen",
                         "Leerlingen teruggeplaatst vanuit gespecialiseerde onderwijsvoorzieningen",
                         "Directe overgangen naar een lichtere setting, geteld voor het bestuur "
                         "van de school waar de leerling vandaan kwam.",
                         {}};
        if (po || !vo)
            s.blocks.push_back(fig.kpi_table({{"terugplaatsingen_so_bao", "Van so naar bao"},
                                              {"terugplaatsingen_sbo_bao", "Van sbo naar bao"},
                                              {"terugplaatsingen_so_sbo", "Van so naar sbo"}}));
        if (vo)
            s.blocks.push_back(fig.kpi_table({{"terugplaatsingen_vso_vo", "Van vso naar vo"},
                                              {"terugplaatsingen_pro_vo", "Van pro naar vo"},
                                              {"terugplaatsingen_vso_pro", "Van vso naar pro"}}));
        if ((po && !specialised_po) || (vo && !specialised_vo))
            s.blocks.push_back(
                report_block::note("Het bestuur heeft geen gespecialiseerde scholen in (een van) "
                                   "zijn sectoren: terugplaatsingen vanuit andere besturen tellen "
                                   "daar, niet hier."));
        s.blocks.push_back(board_text(texts, "terugplaatsingen"));
        r.sections.push_back(std::move(s));
    }
    // Aanwending middelen
    {
        report_section s{"middelen",
                         "Aanwending middelen SWV",
                         "Ontvangen middelen van het samenwerkingsverband en hun aanwending "
                         "(rechtmatigheid), met de beoogde KPI ernaast (doelmatigheid).",
                         {}};
        if (!ds.has_table(table::funds) && !ds.has_table(table::allocations)) {
            s.blocks.push_back(
                report_block::note("De gegevens bevatten geen middelen (funds.csv en "
                                   "allocations.csv ontbreken)."));
        } else if (!money.has_data()) {
            s.blocks.push_back(report_block::note(fmt::format(
                "De gegevens bevatten voor dit bestuur in {} geen ontvangen middelen en geen "
                "aanwending.",
                year.to_string())));
        } else {
            s.blocks.push_back(report_block::heading("Ontvangen"));
            report_block in;
            in.type = report_block::kind::table;
            in.header = {"Vanuit swv", "Stroom", "Ontvangen bedrag"};
            for (const auto& f : money.funds)
                in.rows.push_back({f.swv, f.stream, format_euro(f.amount)});
            if (money.funds.empty())
                in.rows.push_back({"", "geen ontvangen middelen in de gegevens", ""});
            in.rows.push_back({"**Totaal**", "", "**" + format_euro(money.received) + "**"});
            s.blocks.push_back(std::move(in));

            s.blocks.push_back(report_block::heading("Aanwending"));
            report_block out;
            out.type = report_block::kind::table;
            // The school column only when some allocation names a school.
            const bool schools =
                std::any_of(money.allocations.begin(), money.allocations.end(),
                            [](const allocation_line& a) { return !a.school.empty(); });
            out.header = {"Nr", "Bedrag", "Aanwending", "Beoogde KPI"};
            if (schools) out.header.insert(out.header.begin() + 3, "School");
            int n = 0;
            for (const auto& a : money.allocations) {
                out.rows.push_back({std::to_string(++n), format_euro(a.amount), a.purpose,
                                    a.kpi.empty() ? "" : "`" + a.kpi + "`"});
                if (schools) out.rows.back().insert(out.rows.back().begin() + 3, a.school);
            }
            out.rows.push_back({"", "**" + format_euro(money.allocated) + "**", "**Totaal**", ""});
            if (schools) out.rows.back().push_back("");
            s.blocks.push_back(std::move(out));

            report_block facts;
            facts.type = report_block::kind::facts;
            facts.rows.push_back(
                {"Aansluiting",
                 money.reconciles()
                     ? fmt::format("✔ sluit: aangewend {} = ontvangen {}",
                                   format_euro(money.allocated), format_euro(money.received))
                 : money.difference() > 0
                     ? fmt::format("✘ sluit niet: {} ontvangen maar niet verantwoord",
                                   format_euro(money.difference()))
                     : fmt::format("✘ sluit niet: {} meer aangewend dan ontvangen",
                                   format_euro(-money.difference()))});
            if (const auto pp = money.allocated_per_pupil())
                facts.rows.push_back(
                    {"Aangewend per leerling",
                     fmt::format("{} ({} leerlingen op 1 oktober {})", format_euro(*pp),
                                 group_thousands(static_cast<long long>(money.pupils)),
                                 year.start_year())});
            if (money.by_purpose.size() < money.allocations.size())
                for (const auto& p : money.by_purpose)
                    facts.rows.push_back({"Totaal " + p.purpose, format_euro(p.amount)});
            s.blocks.push_back(std::move(facts));

            const auto fx = effects(ds, money, kpis);
            if (fx.empty()) {
                s.blocks.push_back(
                    report_block::note("Geen van de aanwendingen noemt een KPI (kolom kpi_id in "
                                       "allocations.csv): de doelmatigheid is niet aan cijfers te "
                                       "koppelen."));
            } else {
                s.blocks.push_back(report_block::heading("Doelmatigheid"));
                report_block t;
                t.type = report_block::kind::table;
                t.caption = "De KPI die een aanwending beoogt, naast het geld (voor de school die "
                            "de aanwending noemt, anders voor het bestuur).";
                t.header = {"Aanwending",     "Bedrag",  "KPI", "Eenheid", year.prev().to_string(),
                            year.to_string(), "Verschil"};
                for (const auto& e : fx)
                    t.rows.push_back({e.allocation.purpose, format_euro(e.allocation.amount),
                                      "`" + e.allocation.kpi + "`", e.unit,
                                      fig.show(e.allocation.kpi, year.prev(), e.level, e.unit),
                                      fig.show(e.allocation.kpi, year, e.level, e.unit),
                                      fig.change(e.allocation.kpi, e.level, e.unit)});
                s.blocks.push_back(std::move(t));
            }
        }
        s.blocks.push_back(board_text(texts, "middelen"));
        r.sections.push_back(std::move(s));
    }
    std::vector<std::uint32_t> board_swvs;
    for (const auto& [swv, n] : swvs) board_swvs.push_back(swv);
    if (auto c = detail::continuity_section(ds, board_swvs, year))
        r.sections.push_back(std::move(*c));
    r.sources = {
        "Opbouw: de verantwoording van een schoolbestuur aan het samenwerkingsverband "
        "(Schoolbesturen aan zet, PO Zuid-Limburg 2024-2025).",
        "Cijfers: berekend door passend uit de aangeleverde gegevens; KPI-definities volgens de "
        "catalogus (docs/definitions.md). Bedragen exact in centen opgeteld.",
        options.suppress_small_counts
            ? "Privacy: aantallen van 1 tot en met 4 staan er als <5; een verschil dat een klein "
              "aantal zou verraden is weggelaten."
            : "Let op: kleine aantallen zijn niet afgeschermd (alleen voor intern gebruik)."};
    if (const auto as_of = report_detail::data_as_of(kpis, year); !as_of.nl.empty())
        r.sources.push_back(as_of.nl + " *" + as_of.en + "*");
    return r;
}

PASSEND_NAMESPACE_END
