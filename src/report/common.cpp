// SPDX-License-Identifier: EUPL-1.2
#include "common.hpp"

#include "passend/error.hpp"

#include <fmt/format.h>

#include <cctype>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

PASSEND_NAMESPACE_BEGIN

std::optional<report_format> parse_report_format(std::string_view text) noexcept {
    return parse_enum_name<report_format>(text);
}

void write_report(report_format format, std::ostream& out, const kpi_results& results,
                  const report_options& options) {
    switch (format) {
    case report_format::md:
        return write_markdown(out, results, options);
    case report_format::json:
        return write_json(out, results, options);
    case report_format::csv:
        return write_csv(out, results, options);
    case report_format::html:
        return write_html(out, results, options);
    case report_format::xlsx:
        break;
    }
    throw error("an xlsx report needs a file (write_xlsx, or --out FILE)");
}

std::map<std::string, std::string, std::less<>> report_options::names_of(const dataset& ds) {
    std::map<std::string, std::string, std::less<>> names;
    auto add = [&](const auto& table) {
        for (std::size_t i = 0; i < table.size(); ++i)
            if (!table.name[i].empty()) names.emplace(table.id[i], table.name[i]);
    };
    add(ds.swvs());
    add(ds.boards());
    add(ds.schools());
    return names;
}

namespace report_detail {

namespace {
bool year_selected(school_year y, const report_options& o) {
    return o.years.empty() || std::find(o.years.begin(), o.years.end(), y) != o.years.end();
}
} // namespace

std::vector<const kpi_row*> selected_rows(const kpi_results& results,
                                          const report_options& options) {
    std::vector<const kpi_row*> out;
    for (const auto& row : results.rows) {
        if (!year_selected(row.year, options)) continue;
        if (!options.unit.empty() && row.unit != options.unit && row.level != kpi_level::national)
            continue;
        out.push_back(&row);
    }
    return out;
}

std::string machine_number(double v) {
    if (v == std::round(v) && std::abs(v) < 1e15) return fmt::format("{}", std::llround(v));
    return fmt::format("{:.12g}", v);
}

std::string_view status_shown(const kpi_row& row) {
    return row.suppressed.value ? std::string_view{} : to_string(row.status);
}

std::string small_mark(int max_small) {
    return fmt::format("<{}", max_small + 1);
}

std::string field_text(const kpi_row& row, kpi_field field, const kpi_info* info, int max_small) {
    switch (shown(row, field, info, max_small)) {
    case cell_shown::number:
        return machine_number(*field_value(row, field));
    case cell_shown::small:
        return small_mark(max_small);
    case cell_shown::hidden:
        return {};
    }
    return {};
}

std::string dutch_number(double v, int decimals) {
    std::string text = fmt::format("{:.{}f}", std::abs(v), decimals);
    if (text.find_first_not_of("0.") == std::string::npos)
        text = fmt::format("{:.{}f}", 0.0, decimals);
    else if (v < 0)
        text.insert(0, "-");
    const auto point = text.find('.');
    std::string whole = text.substr(0, point),
                frac = point == std::string::npos ? "" : text.substr(point + 1);
    std::string grouped;
    const std::size_t digits_start = whole[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > digits_start && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    return frac.empty() ? grouped : grouped + "," + frac;
}

namespace {
bool integral(double v) {
    return std::abs(v - std::round(v)) < 1e-9;
}
int decimals_for(double v, kpi_unit unit) {
    switch (unit) {
    case kpi_unit::count:
        return integral(v) ? 0 : 1;
    case kpi_unit::percent:
        return std::abs(v) >= 10 ? 1 : 2;
    case kpi_unit::days:
        return integral(v) ? 0 : 1;
    case kpi_unit::euro:
        return 0;
    case kpi_unit::score:
        return 2;
    case kpi_unit::years:
        return 1; // a mean length of stay
    case kpi_unit::per_1000:
        return 1;
    }
    return 2;
}
} // namespace

std::string display_value(double v, kpi_unit unit) {
    const auto text = dutch_number(v, decimals_for(v, unit));
    switch (unit) {
    case kpi_unit::percent:
        return text + "%";
    case kpi_unit::euro:
        return "€ " + text;
    case kpi_unit::days:
        return text + " d";
    case kpi_unit::count:
    case kpi_unit::score:
        return text;
    case kpi_unit::years:
        return text + " jr";
    case kpi_unit::per_1000:
        return text + " ‰";
    }
    return text;
}

std::string published_text(const kpi_results& results, const kpi_reference_value* published,
                           const kpi_info* info) {
    if (!published) return "–";
    const auto index = published - results.reference_values.data() + 1;
    return display_value(published->value, info ? info->unit : kpi_unit::count) + " [" +
           std::to_string(index) + "]";
}

std::string display_field(const kpi_row* row, kpi_field field, const kpi_info* info,
                          int max_small) {
    if (!row) return "–";
    switch (shown(*row, field, info, max_small)) {
    case cell_shown::number: {
        const auto unit = info ? info->unit : kpi_unit::count;
        const double v = *field_value(*row, field);
        // Numerators and denominators are counts (or sums of money) whatever the KPI's unit.
        if (field == kpi_field::numerator || field == kpi_field::denominator)
            return display_value(v, unit == kpi_unit::euro ? unit : kpi_unit::count);
        return display_value(v, unit);
    }
    case cell_shown::small:
        return small_mark(max_small);
    case cell_shown::hidden:
        return "–";
    }
    return "–";
}

std::string display_change(double change, kpi_unit unit) {
    auto text = display_value(std::abs(change), unit == kpi_unit::percent ? kpi_unit::score : unit);
    // A change that rounds to nothing has no sign.
    if (text.find_first_of("123456789") == std::string::npos) return "±0";
    if (unit == kpi_unit::percent) text += " pp"; // procentpunt
    return (change > 0 ? "+" : "−") + text;
}

std::string display_target(double v, kpi_unit unit) {
    // Written as set: 1,8% rather than 1,80%.
    auto text = display_value(v, unit);
    const auto comma = text.find(',');
    if (comma != std::string::npos) {
        auto end = text.find_first_not_of("0123456789", comma + 1);
        if (end == std::string::npos) end = text.size();
        auto last = end;
        while (last > comma + 1 && text[last - 1] == '0') --last;
        if (last == comma + 1) --last; // no decimals left: drop the comma
        text.erase(last, end - last);
    }
    return text;
}

std::string display_norm(const kpi_norm& norm, kpi_unit unit) {
    return fmt::format("{} {}", norm.dir == kpi_norm::direction::at_most ? "≤" : "≥",
                       display_target(norm.target, unit));
}

std::string display_norm(const kpi_info& info) {
    return info.norm ? display_norm(*info.norm, info.unit) : std::string();
}

std::string_view status_text(kpi_status s) {
    switch (s) {
    case kpi_status::none:
        return "";
    case kpi_status::op_koers:
        return "op koers";
    case kpi_status::aandacht:
        return "aandacht";
    case kpi_status::niet_op_koers:
        return "niet op koers";
    }
    return "";
}

std::string_view level_text(kpi_level l) {
    switch (l) {
    case kpi_level::national:
        return "landelijk";
    case kpi_level::swv:
        return "samenwerkingsverband";
    case kpi_level::board:
        return "schoolbestuur";
    case kpi_level::school:
        return "school";
    case kpi_level::municipality:
        return "gemeente";
    }
    return "";
}

const theme& theme_of(std::string_view id) {
    static const std::array<theme, 9> themes{{
        {1, "Leerlingen en deelname", "Pupils and participation", "1-3"},
        {2, "Thuiszitters en verzuim", "Pupils out of school", "4"},
        {3, "Stromen tussen onderwijssoorten", "Flows between settings", "5"},
        {4, "Ondersteuning: arrangementen en OPP's", "Support: arrangements and plans", "6, 8"},
        {5, "Schoolverlaters", "School leavers", "7"},
        {6, "Toelaatbaarheid (TLV)", "Admission to special education", ""},
        {7, "Kwaliteit: basisondersteuning en HGW", "Quality: assessments", "9-10"},
        {8, "Middelen", "Funds", "11"},
        {9, "Overig", "Other", ""},
    }};
    auto starts = [&](std::initializer_list<std::string_view> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&](std::string_view p) { return id.starts_with(p); });
    };
    if (starts({"leerlingen_", "deelname_", "groei_", "verblijfsduur_"})) return themes[0];
    if (starts({"thuiszitters", "langdurig_relatief_verzuim", "absoluut_verzuim", "vrijstelling"}))
        return themes[1];
    if (starts({"doorstroom_", "verwijzing", "terugplaatsing"})) return themes[2];
    if (starts({"arrangementen", "opp_"})) return themes[3];
    if (starts({"schoolverlaters"})) return themes[4];
    if (starts({"tlv_"})) return themes[5];
    if (id.ends_with("_score") || id.ends_with("_norm")) return themes[6];
    if (starts({"middelen_"})) return themes[7];
    return themes[8];
}

namespace {
/// The order of lines within a theme: docs/definitions.md's table, settings from regular to most
/// specialised, each rate after its count; ids it does not know keep their order, after these.
std::size_t line_rank(std::string_view id) {
    static const std::vector<std::string> order = [] {
        const std::array<std::string_view, 6> s{"bao", "sbo", "so", "vo", "pro", "vso"};
        std::vector<std::string> o{"leerlingen_totaal"};
        for (auto x : s) o.push_back(fmt::format("leerlingen_{}", x));
        for (auto x : s) o.push_back(fmt::format("deelname_{}", x));
        for (auto x : s) o.push_back(fmt::format("groei_{}", x));
        for (auto x : s) o.push_back(fmt::format("verblijfsduur_{}", x));
        for (auto x : {"thuiszitters", "thuiszitters_langer_dan_3_maanden",
                       "langdurig_relatief_verzuim", "absoluut_verzuim", "vrijstellingen"})
            o.emplace_back(x);
        for (auto x : s) {
            o.push_back(fmt::format("verwijzingen_{}", x));
            o.push_back(fmt::format("verwijzingspercentage_{}", x));
        }
        o.emplace_back("terugplaatsingen");
        for (auto x : {"so_sbo", "so_bao", "sbo_bao", "vso_pro", "vso_vo", "pro_vo"})
            o.push_back(fmt::format("terugplaatsingen_{}", x));
        for (auto x : {"doorstroom_vo_vso", "doorstroom_vso_vo", "arrangementen"})
            o.emplace_back(x);
        for (int n = 1; n <= 5; ++n) o.push_back(fmt::format("arrangementen_niveau_{}", n));
        for (auto x : {"arrangementen_individueel", "arrangementen_groep",
                       "arrangementen_doelgroep", "arrangementen_kosten", "opp_aantal",
                       "opp_percentage", "schoolverlaters_zonder_diploma", "tlv_toegekend"})
            o.emplace_back(x);
        for (auto x : s) {
            o.push_back(fmt::format("tlv_toegekend_{}", x));
            for (auto c : {"laag", "midden", "hoog"})
                o.push_back(fmt::format("tlv_toegekend_{}_{}", x, c));
        }
        for (auto x : {"tlv_doorlooptijd_mediaan", "middelen_ontvangen", "middelen_besteed",
                       "middelen_saldo"})
            o.emplace_back(x);
        return o;
    }();
    const auto it = std::find(order.begin(), order.end(), id);
    return static_cast<std::size_t>(it - order.begin());
}

/// Where a line goes within its theme: by line_rank; unknown ids after, a framework's score
/// before its norm.
std::pair<std::size_t, std::string> line_key(std::string_view id) {
    if (id.ends_with("_score"))
        return {line_rank(id), fmt::format("{}0", id.substr(0, id.size() - 6))};
    if (id.ends_with("_norm"))
        return {line_rank(id), fmt::format("{}1", id.substr(0, id.size() - 5))};
    return {line_rank(id), {}};
}
} // namespace

std::vector<const kpi_info*> ordered_definitions(const kpi_results& results) {
    std::vector<const kpi_info*> defs;
    for (const auto& k : results.definitions) defs.push_back(&k);
    std::stable_sort(defs.begin(), defs.end(), [](auto a, auto b) {
        return std::pair(theme_of(a->id).order, line_key(a->id)) <
               std::pair(theme_of(b->id).order, line_key(b->id));
    });
    return defs;
}

dashboard make_dashboard(const kpi_results& results, const report_options& options) {
    dashboard d;
    std::set<school_year> all_years;
    for (const auto& row : results.rows) all_years.insert(row.year);
    if (all_years.empty()) return d;
    d.year = *all_years.rbegin();
    if (!options.years.empty())
        d.year = *std::max_element(options.years.begin(), options.years.end());
    for (auto y : all_years)
        if (y <= d.year) d.years.push_back(y);

    using key = std::tuple<std::string_view, kpi_level, std::string_view, int>;
    std::map<key, const kpi_row*> at;
    std::set<std::pair<kpi_level, std::string_view>> units;
    for (const auto& row : results.rows) {
        at[{row.kpi, row.level, row.unit, row.year.start_year()}] = &row;
        if (options.unit.empty() ? row.level == kpi_level::swv && row.unit != "onbekend"
                                 : row.unit == options.unit && row.level != kpi_level::national)
            units.insert({row.level, row.unit});
    }
    auto find = [&](std::string_view kpi, kpi_level level, std::string_view unit, school_year y) {
        const auto it = at.find({kpi, level, unit, y.start_year()});
        return it == at.end() ? nullptr : it->second;
    };

    std::vector<std::pair<kpi_level, std::string>> sections;
    if (options.unit.empty() || units.empty()) sections.emplace_back(kpi_level::national, "NL");
    for (const auto& [level, unit] : units) sections.emplace_back(level, std::string(unit));

    // Definitions in catalog order, stably grouped by theme; a breakdown id (one whose prefix
    // before an underscore is another id) is a sub-line.
    const auto defs = ordered_definitions(results);
    auto is_sub = [&](std::string_view id) {
        for (auto pos = id.rfind('_'); pos != std::string_view::npos && pos > 0;
             pos = id.rfind('_', pos - 1))
            if (results.find(id.substr(0, pos))) return true;
        return false;
    };

    for (const auto& [level, unit] : sections) {
        dashboard_unit u{level, unit, "", {}};
        if (const auto it = options.unit_names.find(unit); it != options.unit_names.end())
            u.name = it->second;
        else if (level == kpi_level::national)
            u.name = "Nederland";
        for (const auto* def : defs) {
            dashboard_line line;
            line.info = def;
            line.sub = is_sub(def->id);
            bool any = false;
            for (auto y : d.years) {
                line.trend.push_back(find(def->id, level, unit, y));
                any = any || line.trend.back();
            }
            if (!any) continue;
            line.current = line.trend.back();
            if (const auto* cur = line.current) {
                if (cur->change &&
                    shown(*cur, kpi_field::change, def, options.max_small) == cell_shown::number)
                    line.change = display_change(*cur->change, def->unit);
                if (!cur->suppressed.value) line.status = cur->status;
            }
            line.national = find(def->id, kpi_level::national, "NL", d.year);
            line.published = results.reference(def->id, d.year);
            const theme* t = &theme_of(def->id);
            if (u.themes.empty() || u.themes.back().what != t) u.themes.push_back({t, {}});
            u.themes.back().lines.push_back(std::move(line));
            const auto* cur = u.themes.back().lines.back().current;
            if (cur && cur->value && !cur->suppressed.value) {
                u.op_koers += cur->status == kpi_status::op_koers;
                u.aandacht += cur->status == kpi_status::aandacht;
                u.niet_op_koers += cur->status == kpi_status::niet_op_koers;
            }
        }
        d.units.push_back(std::move(u));
    }
    return d;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string unit_anchor(std::string_view id) {
    std::string a = "u-";
    for (char c : id) a += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return a;
}

} // namespace report_detail
PASSEND_NAMESPACE_END
