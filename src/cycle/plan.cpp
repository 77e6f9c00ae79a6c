// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/plan.hpp"

#include "kpi_lookup.hpp"
#include "passend/continuum.hpp"
#include "passend/kpi/catalog.hpp"

#include "io/input_file.hpp"
#include "io/json_document.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

PASSEND_NAMESPACE_BEGIN
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 12> month_abbrev{"jan", "feb", "mrt", "apr", "mei", "jun",
                                                        "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<std::string_view, 7> weekday_names{
    "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<unsigned> parse_month(const json& v) {
    if (v.is_number_integer()) {
        const auto m = v.get<long long>();
        if (m >= 1 && m <= 12) return static_cast<unsigned>(m);
        return std::nullopt;
    }
    if (!v.is_string()) return std::nullopt;
    const auto s = lower(v.get<std::string>());
    // Dutch and English names and abbreviations: `dec`, `december`, `mrt`, `maart`, `march`.
    static constexpr std::array<std::pair<std::string_view, unsigned>, 33> names{{
        {"jan", 1},       {"januari", 1},  {"january", 1},   {"feb", 2},      {"februari", 2},
        {"february", 2},  {"mrt", 3},      {"mar", 3},       {"maart", 3},    {"march", 3},
        {"apr", 4},       {"april", 4},    {"mei", 5},       {"may", 5},      {"jun", 6},
        {"juni", 6},      {"june", 6},     {"jul", 7},       {"juli", 7},     {"july", 7},
        {"aug", 8},       {"augustus", 8}, {"august", 8},    {"sep", 9},      {"september", 9},
        {"okt", 10},      {"oct", 10},     {"oktober", 10},  {"october", 10}, {"nov", 11},
        {"november", 11}, {"dec", 12},     {"december", 12},
    }};
    for (const auto& [name, m] : names)
        if (s == name) return m;
    return std::nullopt;
}

std::optional<unsigned> parse_weekday(const json& v) {
    if (!v.is_string()) return std::nullopt;
    const auto s = lower(v.get<std::string>());
    static constexpr std::array<std::array<std::string_view, 3>, 7> names{{
        {"zo", "zondag", "sunday"},
        {"ma", "maandag", "monday"},
        {"di", "dinsdag", "tuesday"},
        {"wo", "woensdag", "wednesday"},
        {"do", "donderdag", "thursday"},
        {"vr", "vrijdag", "friday"},
        {"za", "zaterdag", "saturday"},
    }};
    for (unsigned w = 0; w < 7; ++w)
        for (auto n : names[w])
            if (s == n) return w;
    return std::nullopt;
}

// Collects diagnostics with the focus point and JSON path in each message.
struct checker {
    std::string source;
    std::vector<diagnostic> out;
    std::string point; // id of the focus point being read, for messages

    void fail(const std::string& path, std::string rule, const std::string& what) {
        std::string msg = point.empty() ? path + ": " + what
                                        : "focus point '" + point + "' " + path + ": " + what;
        out.push_back({severity::error, source, 0, 0, std::move(rule), std::move(msg)});
    }

    // Unknown members are errors: a misspelt `taregts` would otherwise vanish silently.
    void only(const json& obj, const std::string& path,
              std::initializer_list<std::string_view> allowed) {
        for (const auto& [key, _] : obj.items())
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                fail(path + "/" + key, "unknown_key", "unknown member '" + key + "'");
    }

    std::string text(const json& obj, const std::string& path, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(path + "/" + key, "missing_member", "required member is missing");
            return {};
        }
        if (!it->is_string()) {
            fail(path + "/" + key, "wrong_type", "must be a string");
            return {};
        }
        auto s = it->get<std::string>();
        if (required && s.empty()) fail(path + "/" + key, "empty_value", "must not be empty");
        return s;
    }

    const json* array(const json& obj, const std::string& path, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(path + "/" + key, "missing_member", "required member is missing");
            return nullptr;
        }
        if (!it->is_array()) {
            fail(path + "/" + key, "wrong_type", "must be an array");
            return nullptr;
        }
        return &*it;
    }

    std::optional<day> date(const json& obj, const std::string& path, const char* key) {
        const auto s = text(obj, path, key, true);
        if (s.empty()) return std::nullopt;
        const auto d = parse_day(s);
        if (!d) fail(path + "/" + key, "bad_date", "'" + s + "' is not a date YYYY-MM-DD");
        return d;
    }

    plan_indicator indicator(const json& v, const std::string& path, const kpi_exists_fn& exists,
                             const std::string& plan_swv) {
        plan_indicator ind;
        if (!v.is_object()) {
            fail(path, "wrong_type", "an indicator must be an object");
            return ind;
        }
        only(v, path, {"kpi", "definition", "source", "level", "unit", "targets"});
        ind.kpi = text(v, path, "kpi", true);
        if (!ind.kpi.empty() && !exists(ind.kpi))
            fail(path + "/kpi", "unknown_kpi", "unknown KPI id '" + ind.kpi + "'");
        ind.definition = text(v, path, "definition", false);
        ind.source = text(v, path, "source", false);
        if (const auto level = text(v, path, "level", false); !level.empty()) {
            bool found = false;
            for (auto l : {kpi_level::national, kpi_level::swv, kpi_level::board, kpi_level::school,
                           kpi_level::municipality})
                if (to_string(l) == level) ind.level = l, found = true;
            if (!found)
                fail(path + "/level", "unknown_code",
                     "'" + level + "' is not one of national|swv|board|school|municipality");
        }
        ind.unit = text(v, path, "unit", false);
        if (ind.unit.empty()) {
            if (ind.level == kpi_level::national)
                ind.unit = "NL";
            else if (ind.level == kpi_level::swv && !plan_swv.empty())
                ind.unit = plan_swv;
            else
                fail(path + "/unit", "missing_member",
                     "a unit is required at level " + std::string(to_string(ind.level)) +
                         (ind.level == kpi_level::swv ? " when the plan names no swv" : ""));
        }
        const auto t = v.find("targets");
        if (t != v.end() && !t->is_object()) {
            fail(path + "/targets", "wrong_type",
                 "must be an object of school years, e.g. {\"2025-2026\": {\"at_most\": 1.8}}");
        } else if (t != v.end()) {
            for (const auto& [key, target] : t->items()) {
                const std::string tp = path + "/targets/" + key;
                const auto year = school_year::parse(key);
                if (!year)
                    fail(tp, "bad_year", "'" + key + "' is not a school year like 2025-2026");
                if (!target.is_object()) {
                    fail(tp, "wrong_type", "must be an object like {\"at_least\": 0.75}");
                    continue;
                }
                only(target, tp, {"at_most", "at_least", "tolerance"});
                const bool most = target.contains("at_most"), least = target.contains("at_least");
                if (most == least) {
                    fail(tp, "target_direction", "give exactly one of at_most and at_least");
                    continue;
                }
                const auto& value = target[most ? "at_most" : "at_least"];
                if (!value.is_number()) {
                    fail(tp + (most ? "/at_most" : "/at_least"), "wrong_type", "must be a number");
                    continue;
                }
                kpi_norm norm{most ? kpi_norm::direction::at_most : kpi_norm::direction::at_least,
                              value.get<double>(), 0};
                if (const auto tol = target.find("tolerance"); tol != target.end()) {
                    if (!tol->is_number() || tol->get<double>() < 0)
                        fail(tp + "/tolerance", "bad_tolerance", "must be a number >= 0");
                    else
                        norm.tolerance = tol->get<double>();
                }
                if (year) ind.targets.push_back({*year, norm});
            }
            std::sort(ind.targets.begin(), ind.targets.end(),
                      [](const plan_target& a, const plan_target& b) { return a.year < b.year; });
        }
        return ind;
    }

    forum_frequency frequency(const json& v, const std::string& path) {
        forum_frequency f;
        if (!v.is_object()) {
            fail(path, "wrong_type",
                 "must be an object: {\"months\": [\"dec\", \"jun\"]} or {\"every_weeks\": 6}");
            return f;
        }
        only(v, path, {"months", "weekday", "week", "every_weeks", "start"});
        const bool months = v.contains("months"), weeks = v.contains("every_weeks");
        if (months == weeks) {
            fail(path, "frequency_rule", "give exactly one of months and every_weeks");
            return f;
        }
        if (weeks) {
            f.rule = forum_frequency::kind::every_weeks;
            const auto& w = v["every_weeks"];
            if (!w.is_number_integer() || w.get<long long>() < 1 || w.get<long long>() > 52)
                fail(path + "/every_weeks", "bad_interval", "must be a whole number 1-52");
            else
                f.weeks = static_cast<unsigned>(w.get<long long>());
            if (v.contains("start")) f.start = date(v, path, "start");
            if (v.contains("weekday") || v.contains("week"))
                fail(path, "frequency_rule", "weekday and week go with months, not every_weeks");
            return f;
        }
        const auto* list = array(v, path, "months", true);
        if (list && list->empty()) fail(path + "/months", "empty_value", "name at least one month");
        if (list)
            for (std::size_t i = 0; i < list->size(); ++i) {
                const auto m = parse_month((*list)[i]);
                const auto mp = path + "/months/" + std::to_string(i);
                if (!m)
                    fail(mp, "bad_month", "'" + (*list)[i].dump() + "' is not a month (jan..dec)");
                else if (std::find(f.months.begin(), f.months.end(), *m) != f.months.end())
                    fail(mp, "duplicate_month", "month " + (*list)[i].dump() + " given twice");
                else
                    f.months.push_back(*m);
            }
        if (v.contains("start"))
            fail(path + "/start", "frequency_rule", "start goes with every_weeks, not months");
        if (v.contains("weekday") != v.contains("week")) {
            fail(path, "frequency_rule", "give weekday and week together (e.g. the 2nd tuesday)");
        } else if (v.contains("weekday")) {
            const auto w = parse_weekday(v["weekday"]);
            if (!w)
                fail(path + "/weekday", "bad_weekday",
                     "'" + v["weekday"].dump() + "' is not a weekday (ma..zo, monday..)");
            else
                f.weekday = *w;
            const auto& n = v["week"];
            if (!n.is_number_integer() || n.get<long long>() < 1 || n.get<long long>() > 4)
                fail(path + "/week", "bad_week", "must be 1-4 (the n-th such weekday)");
            else
                f.nth = static_cast<unsigned>(n.get<long long>());
        }
        return f;
    }
};

} // namespace

std::string forum_frequency::describe() const {
    if (rule == kind::every_weeks)
        return weeks == 1 ? "Elke week" : "Elke " + std::to_string(weeks) + " weken";
    std::string out = std::to_string(months.size()) + "x/jaar (";
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (i) out += ", ";
        out += month_abbrev[months[i] - 1];
    }
    out += ')';
    if (nth != 0) out += ", " + std::to_string(nth) + "e " + std::string(weekday_names[weekday]);
    return out;
}

const plan_target* plan_indicator::target_for(school_year y) const noexcept {
    for (const auto& t : targets)
        if (t.year == y) return &t;
    return nullptr;
}

bool is_catalog_kpi_id(std::string_view id) {
    const auto& cat = catalog::builtin();
    if (cat.find(id)) return true;
    // A per-framework template (`{framework}_score`) matches any framework id of lower-case
    // letters, digits and underscores in its place.
    for (const auto& d : cat.definitions()) {
        if (d.per != "framework") continue;
        const auto at = d.id.find("{framework}");
        const auto head = std::string_view(d.id).substr(0, at);
        const auto tail =
            std::string_view(d.id).substr(at + std::string_view("{framework}").size());
        if (id.size() <= head.size() + tail.size() || !id.starts_with(head) || !id.ends_with(tail))
            continue;
        const auto fw = id.substr(head.size(), id.size() - head.size() - tail.size());
        if (std::all_of(fw.begin(), fw.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            }))
            return true;
    }
    return false;
}

const focus_plan& plan_result::value() const& {
    if (!plan) throw load_error(diagnostics);
    return *plan;
}

focus_plan plan_result::value() && {
    if (!plan) throw load_error(diagnostics);
    return std::move(*plan);
}

plan_result parse_plan(std::string_view json_text, std::string source,
                       const kpi_exists_fn& kpi_exists) {
    checker c{std::move(source), {}, {}};
    detail::json_problem problem;
    auto parsed = detail::parse_json_document(json_text, problem);
    if (!parsed) {
        std::string what = problem.message;
        if (const auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        c.out.push_back({severity::error, c.source, problem.line, problem.column,
                         problem.rule == "syntax" ? "json_syntax" : problem.rule, what});
        return {std::nullopt, std::move(c.out)};
    }
    const json root = std::move(*parsed);
    focus_plan plan;
    if (!root.is_object()) {
        c.fail("/", "wrong_type", "a plan must be a JSON object with focus_points");
        return {std::nullopt, std::move(c.out)};
    }
    c.only(root, "", {"plan", "swv", "focus_points", "holidays"});
    plan.name = c.text(root, "", "plan", false);
    plan.swv = c.text(root, "", "swv", false);
    if (const auto* hs = c.array(root, "", "holidays", false))
        for (std::size_t i = 0; i < hs->size(); ++i) {
            const auto& h = (*hs)[i];
            const auto hp = "/holidays/" + std::to_string(i);
            if (!h.is_object()) {
                c.fail(hp, "wrong_type", "must be {\"name\", \"start\", \"end\"}");
                continue;
            }
            c.only(h, hp, {"name", "start", "end"});
            auto name = c.text(h, hp, "name", true);
            const auto start = c.date(h, hp, "start"), end = c.date(h, hp, "end");
            if (start && end && *end < *start)
                c.fail(hp + "/end", "end_before_start",
                       "end " + format_day(*end) + " is before start " + format_day(*start));
            else if (start && end)
                plan.holidays.push_back({std::move(name), *start, *end});
        }
    const auto* points = c.array(root, "", "focus_points", true);
    if (points && points->empty())
        c.fail("/focus_points", "empty_value", "a plan needs at least one focus point");
    std::set<std::string> seen;
    for (std::size_t i = 0; points && i < points->size(); ++i) {
        const auto& v = (*points)[i];
        const auto path = "/focus_points/" + std::to_string(i);
        c.point.clear();
        if (!v.is_object()) {
            c.fail(path, "wrong_type", "a focus point must be an object");
            continue;
        }
        focus_point fp;
        fp.id = c.text(v, path, "id", true);
        c.point = fp.id.empty() ? "#" + std::to_string(i) : fp.id;
        if (!fp.id.empty() && !seen.insert(fp.id).second)
            c.fail(path + "/id", "duplicate_id", "another focus point has this id");
        c.only(v, path, {"id", "speerpunt", "process", "description", "indicators", "forums"});
        fp.speerpunt = c.text(v, path, "speerpunt", true);
        fp.process = c.text(v, path, "process", true);
        fp.description = c.text(v, path, "description", false);
        const auto* inds = c.array(v, path, "indicators", true);
        if (inds && inds->empty())
            c.fail(path + "/indicators", "empty_value",
                   "name at least one indicator: a focus point must be measurable");
        for (std::size_t k = 0; inds && k < inds->size(); ++k)
            fp.indicators.push_back(c.indicator(
                (*inds)[k], path + "/indicators/" + std::to_string(k), kpi_exists, plan.swv));
        if (const auto* forums = c.array(v, path, "forums", false))
            for (std::size_t k = 0; k < forums->size(); ++k) {
                const auto& fv = (*forums)[k];
                const auto fpth = path + "/forums/" + std::to_string(k);
                if (!fv.is_object()) {
                    c.fail(fpth, "wrong_type", "a forum must be an object");
                    continue;
                }
                c.only(fv, fpth, {"forum", "by", "purpose", "frequency"});
                plan_forum f;
                f.name = c.text(fv, fpth, "forum", true);
                f.by = c.text(fv, fpth, "by", false);
                f.purpose = c.text(fv, fpth, "purpose", false);
                if (const auto fr = fv.find("frequency"); fr == fv.end())
                    c.fail(fpth + "/frequency", "missing_member", "required member is missing");
                else
                    f.frequency = c.frequency(*fr, fpth + "/frequency");
                fp.forums.push_back(std::move(f));
            }
        plan.focus_points.push_back(std::move(fp));
    }
    if (!c.out.empty()) return {std::nullopt, std::move(c.out)};
    return {std::move(plan), {}};
}

plan_result load_plan(const std::filesystem::path& file, const kpi_exists_fn& kpi_exists) {
    const auto read = detail::read_whole_file(file);
    if (!read.text) return {std::nullopt, {read.problem}};
    return parse_plan(*read.text, file.string(), kpi_exists);
}

std::vector<focus_point_status> evaluate_plan(const focus_plan& plan, const kpi_results& kpis,
                                              school_year year) {
    // The earliest year in the results bounds the search for a baseline.
    std::optional<school_year> first_year;
    for (const auto& r : kpis.rows)
        if (!first_year || r.year < *first_year) first_year = r.year;
    std::vector<focus_point_status> out;
    for (const auto& fp : plan.focus_points) {
        focus_point_status s{&fp, {}};
        for (const auto& ind : fp.indicators) {
            const auto lookup = [&](school_year y) {
                return detail::kpi_lookup(kpis, ind.kpi, y, ind.level, ind.unit);
            };
            indicator_status is;
            is.indicator = &ind;
            if (const auto* t = ind.target_for(year)) is.target = t->norm;
            const auto now = lookup(year), before = lookup(year.prev());
            is.value = now.value;
            is.value_row = now.row;
            is.previous = before.value;
            is.previous_row = before.row;
            if (is.target && is.value) is.status = is.target->judge(*is.value);
            // Targets are sorted by year; a biennial measurement may lie further back.
            if (!ind.targets.empty() && first_year)
                for (auto y = ind.targets.front().year.prev(); !(y < *first_year); y = y.prev())
                    if (const auto b = lookup(y); b.value) {
                        is.baseline = b.value;
                        is.baseline_year = y;
                        is.baseline_row = b.row;
                        break;
                    }
            s.indicators.push_back(is);
        }
        out.push_back(std::move(s));
    }
    return out;
}

PASSEND_NAMESPACE_END
