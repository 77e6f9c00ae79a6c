// SPDX-License-Identifier: EUPL-1.2
// Parsing and validating KPI definitions (the format: catalog/kpi-definition.schema.json).
//
// Every check names the KPI id and the JSON Pointer of the field, so a user editing a catalog
// file finds the mistake without reading this code. Unknown keys are errors: a misspelt filter
// must not silently widen a KPI.
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/catalog_json.hpp"

#include "io/input_file.hpp"
#include "io/json_document.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <sstream>

PASSEND_NAMESPACE_BEGIN

namespace detail {
// Defined in the file CMake generates from catalog/kpis.json (cmake/embed_catalog.cmake).
std::string_view builtin_catalog_text() noexcept;
} // namespace detail

namespace {

using json = nlohmann::json;

std::string describe(const std::string& origin, const std::string& id, const std::string& path,
                     const std::string& message) {
    std::string out = origin + ": ";
    if (!id.empty()) out += "kpi " + id + ": ";
    if (!path.empty()) out += path + ": ";
    return out + message;
}

/// Reads one definition, tracking the KPI id and JSON path for messages.
class reader {
public:
    reader(std::string origin, std::string id) : origin_(std::move(origin)), id_(std::move(id)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw catalog_error(origin_, id_, path, message);
    }

    const json& need(const json& obj, const std::string& path, const char* key) const {
        const auto it = obj.find(key);
        if (it == obj.end()) fail(path, std::string("missing required field \"") + key + "\"");
        return *it;
    }

    std::string text(const json& v, const std::string& path, bool non_empty = true) const {
        if (!v.is_string()) fail(path, "expected a string, got " + v.dump());
        auto s = v.get<std::string>();
        if (non_empty && s.empty()) fail(path, "must not be empty");
        return s;
    }

    double number(const json& v, const std::string& path) const {
        if (!v.is_number()) fail(path, "expected a number, got " + v.dump());
        return v.get<double>();
    }

    bool boolean(const json& v, const std::string& path) const {
        if (!v.is_boolean()) fail(path, "expected true or false, got " + v.dump());
        return v.get<bool>();
    }

    /// One of the names of enum `E` (enum_names.hpp), spelled exactly: a code of the data
    /// contract (setting, exit, ...) or of the catalog (measure, aggregate, ...).
    template <named_enum E>
    E choice(const json& v, const std::string& path, const char* what) const {
        const auto s = text(v, path);
        if (const auto e = parse_enum_name<E>(s)) return *e;
        fail(path, std::string("unknown ") + what + " \"" + s + "\" (one of " +
                       enum_name_list<E>("|") + ")");
    }

    template <class F>
    void each(const json& v, const std::string& path, F&& f) const {
        if (!v.is_array()) fail(path, "expected an array, got " + v.dump());
        for (std::size_t i = 0; i < v.size(); ++i) f(v[i], path + "/" + std::to_string(i));
    }

    void only_keys(const json& obj, const std::string& path,
                   std::initializer_list<std::string_view> allowed) const {
        if (!obj.is_object()) fail(path, "expected an object, got " + obj.dump());
        for (const auto& [key, value] : obj.items()) {
            if (key.starts_with('$')) continue; // "$comment" and the like
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string list;
                for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(path + "/" + key,
                     "unknown field \"" + key + "\" (expected one of: " + list + ")");
            }
        }
    }

    kpi_definition definition(const json& obj, const std::string& path) const;

private:
    kpi_quantity quantity(const json& obj, const std::string& path) const;
    void filter(const json& obj, const std::string& path, kpi_quantity& q) const;
    std::string origin_, id_;
};

/// What each measure accepts: filter keys, fields, levels, reference days.
struct measure_rules {
    std::initializer_list<std::string_view> filters;
    std::initializer_list<std::string_view> fields; ///< for sum, mean, median, quantile
    bool pupil_level;                               ///< one record per pupil: distinct_pupils
    bool counts_records;                            ///< count is meaningful
    /// The reference days or period it may be taken at; the first is the default, and a
    /// measure without `year` among them must name its day.
    std::initializer_list<kpi_reference> at;
    std::initializer_list<kpi_level> levels;
};

const measure_rules& rules(kpi_measure m) {
    using enum kpi_level;
    using enum kpi_reference;
    static const std::array<measure_rules, kpi_measure_count> table{{
        {{"setting", "has_opp"},
         {"years_in_setting"},
         true,
         true,
         {teldatum, peildatum},
         {swv, board, school, municipality}},
        {{"kind", "from", "to", "exit"},
         {},
         false,
         true,
         {year},
         {swv, board, school, municipality}},
        {{"setting", "exit"}, {}, false, true, {year}, {swv, board, school, municipality}},
        // thuiszitters: in the year, or on a day (thuiszitters_op_dag)
        {{"absence"}, {}, true, true, {year, teldatum}, {swv, board, school, municipality}},
        {{}, {}, true, true, {teldatum, peildatum}, {swv, board, school, municipality}},
        {{"level", "arrangement_kind"},
         {"cost_eur"},
         false,
         true,
         {year},
         {swv, board, school, municipality}},
        {{"setting", "category", "outcome", "has_request_date", "within_term", "has_term_start"},
         {"days"},
         false,
         true,
         {year},
         {swv, municipality}},
        {{}, {"amount_eur"}, false, false, {year}, {swv, board}},
        {{}, {"amount_eur"}, false, false, {year}, {board, school}},
        {{"framework"}, {"score"}, false, true, {year}, {swv, board, school}},
        {{"framework"}, {"meets_norm"}, false, true, {year}, {swv, board, school}},
        // absences: each qualifying absence that ended in the year
        {{"absence"}, {"days"}, false, true, {year}, {swv, board, school, municipality}},
        {{"setting", "category"}, {}, false, true, {year}, {swv, municipality}}, // tlv_requests
        {{"setting", "category"},
         {},
         false,
         true,
         {year_end, teldatum},
         {swv, municipality}}, // tlv_open
        {{"setting", "category", "direction"},
         {"rate_eur"},
         true,
         true,
         {teldatum, peildatum},
         {swv}}, // cross_border
        {{"domain"},
         {"places", "cost_eur"},
         false,
         true,
         {year},
         {swv, board, school, municipality}}, // support_offers
        {{"domain"},
         {},
         true,
         true,
         {teldatum, peildatum},
         {swv, board, school, municipality}},                                  // offer_pupils
        {{"domain"}, {"covered"}, false, true, {year}, {swv}},                 // region_coverage
        {{}, {"signal_value", "reserves_above"}, false, false, {year}, {swv}}, // finances
    }};
    return table[static_cast<std::size_t>(m)];
}

template <class T>
bool contains(std::initializer_list<T> list, T s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

kpi_quantity reader::quantity(const json& obj, const std::string& path) const {
    only_keys(obj, path, {"measure", "at", "filter", "aggregate", "field", "quantile"});
    kpi_quantity q;
    q.measure = choice<kpi_measure>(need(obj, path, "measure"), path + "/measure", "measure");
    const auto& r = rules(q.measure);
    const std::string mname{to_string(q.measure)};

    q.at = *r.at.begin();
    if (obj.contains("at")) {
        q.at = choice<kpi_reference>(obj["at"], path + "/at", "reference day");
        if (!contains<kpi_reference>(r.at, q.at)) {
            std::string list;
            for (auto a : r.at) list += (list.empty() ? "" : "|") + std::string(to_string(a));
            fail(path + "/at", "measure " + mname + " is taken at " + list);
        }
    } else if (!contains<kpi_reference>(r.at, kpi_reference::year)) {
        need(obj, path, "at");
    }

    if (obj.contains("filter")) filter(obj["filter"], path + "/filter", q);
    if ((q.measure == kpi_measure::thuiszitters || q.measure == kpi_measure::absences) &&
        !q.filter.absence)
        fail(path + "/filter", "measure " + mname + " needs filter \"absence\"");
    if (q.measure == kpi_measure::cross_border && !q.filter.direction)
        fail(path + "/filter", "measure cross_border needs filter \"direction\"");

    q.aggregate = r.pupil_level      ? kpi_aggregate::distinct_pupils
                  : r.counts_records ? kpi_aggregate::count
                                     : kpi_aggregate::sum;
    if (obj.contains("aggregate"))
        q.aggregate = choice<kpi_aggregate>(obj["aggregate"], path + "/aggregate", "aggregate");
    const bool needs_field =
        q.aggregate == kpi_aggregate::sum || q.aggregate == kpi_aggregate::mean ||
        q.aggregate == kpi_aggregate::median || q.aggregate == kpi_aggregate::quantile;
    if (q.aggregate == kpi_aggregate::quantile) {
        q.quantile = number(need(obj, path, "quantile"), path + "/quantile");
        if (!(q.quantile >= 0 && q.quantile <= 1))
            fail(path + "/quantile",
                 "a quantile is between 0 and 1, got " + obj["quantile"].dump());
    } else if (obj.contains("quantile")) {
        fail(path + "/quantile", "only aggregate quantile takes a quantile");
    }
    if (q.aggregate == kpi_aggregate::distinct_pupils && !r.pupil_level)
        fail(path + "/aggregate",
             "measure " + mname + " counts records, not distinct pupils: use \"count\"");
    if (q.aggregate == kpi_aggregate::count && !r.counts_records)
        fail(path + "/aggregate", "measure " + mname + " is summed: use \"sum\"");
    if (needs_field) {
        if (r.fields.size() == 0)
            fail(path + "/aggregate",
                 "measure " + mname + " has no field to " + std::string(to_string(q.aggregate)));
        q.field = text(need(obj, path, "field"), path + "/field");
        if (!contains<std::string_view>(r.fields, q.field)) {
            std::string list;
            for (auto f : r.fields) list += (list.empty() ? "" : "|") + std::string(f);
            fail(path + "/field",
                 "measure " + mname + " has no field \"" + q.field + "\" (one of " + list + ")");
        }
    } else if (obj.contains("field")) {
        fail(path + "/field", "a field is only read by aggregate sum, mean, median or quantile");
    }
    return q;
}

void reader::filter(const json& obj, const std::string& path, kpi_quantity& q) const {
    only_keys(obj, path,
              {"setting", "from", "to", "kind", "exit", "has_opp", "absence", "level",
               "arrangement_kind", "outcome", "category", "has_request_date", "within_term",
               "has_term_start", "direction", "framework", "domain"});
    const auto& r = rules(q.measure);
    auto& f = q.filter;
    for (const auto& [key, v] : obj.items()) {
        if (key.starts_with('$')) continue;
        const std::string p = path + "/" + key;
        if (!contains<std::string_view>(r.filters, key))
            fail(p,
                 "measure " + std::string(to_string(q.measure)) + " has no filter \"" + key + "\"");
        if (key == "setting")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.settings.push_back(choice<setting>(x, xp, "setting"));
            });
        else if (key == "from")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.from_settings.push_back(choice<setting>(x, xp, "setting"));
            });
        else if (key == "to")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.to_settings.push_back(choice<setting>(x, xp, "setting"));
            });
        else if (key == "kind")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.kinds.push_back(choice<transition_kind>(x, xp, "transition kind"));
            });
        else if (key == "exit")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.exits.push_back(choice<exit_reason>(x, xp, "exit reason"));
            });
        else if (key == "has_opp")
            f.has_opp = boolean(v, p);
        else if (key == "absence")
            f.absence = choice<thuiszitter_class>(v, p, "absence");
        else if (key == "level")
            each(v, p, [&](const json& x, const std::string& xp) {
                const double n = number(x, xp);
                if (n != 1 && n != 2 && n != 3 && n != 4 && n != 5)
                    fail(xp, "support level must be 1-5, got " + x.dump());
                f.levels.push_back(static_cast<int>(n));
            });
        else if (key == "arrangement_kind")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.arrangement_kinds.push_back(choice<arrangement_kind>(x, xp, "arrangement kind"));
            });
        else if (key == "outcome")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.outcomes.push_back(choice<tlv_outcome>(x, xp, "TLV outcome"));
            });
        else if (key == "category")
            each(v, p, [&](const json& x, const std::string& xp) {
                f.categories.push_back(choice<funding_category>(x, xp, "funding category"));
            });
        else if (key == "has_request_date")
            f.has_request_date = boolean(v, p);
        else if (key == "within_term")
            f.within_term = boolean(v, p);
        else if (key == "has_term_start")
            f.has_term_start = boolean(v, p);
        else if (key == "direction")
            f.direction = choice<border_direction>(v, p, "direction");
        else if (key == "framework")
            f.framework = text(v, p);
        else if (key == "domain")
            f.domain = text(v, p);
    }
}

kpi_definition reader::definition(const json& obj, const std::string& path) const {
    only_keys(obj, path,
              {"id", "title", "description", "source", "unit", "numerator", "denominator",
               "combine", "scale", "levels", "national", "sector", "norm", "tags", "per"});
    kpi_definition d;
    d.id = id_;
    if (obj.contains("per")) {
        d.per = text(obj["per"], path + "/per");
        if (d.per != "framework" && d.per != "domain")
            fail(path + "/per", "unknown template \"" + d.per + "\" (\"framework\" or \"domain\")");
        if (d.id.find("{" + d.per + "}") == std::string::npos)
            fail(path + "/id", "a per-" + d.per + " template needs {" + d.per + "} in its id");
    }
    for (char c : d.per.empty() ? d.id : std::string{}) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            fail(path + "/id", "an id uses a-z, 0-9 and _ only, got \"" + d.id + "\"");
    }

    const auto& title = need(obj, path, "title");
    only_keys(title, path + "/title", {"nl", "en"});
    d.title_nl = text(need(title, path + "/title", "nl"), path + "/title/nl");
    d.title_en = text(need(title, path + "/title", "en"), path + "/title/en");
    if (obj.contains("description"))
        d.description = text(obj["description"], path + "/description", false);
    d.source = text(need(obj, path, "source"), path + "/source");
    d.unit = choice<kpi_unit>(need(obj, path, "unit"), path + "/unit", "unit");

    d.numerator = quantity(need(obj, path, "numerator"), path + "/numerator");
    if (obj.contains("denominator"))
        d.denominator = quantity(obj["denominator"], path + "/denominator");

    d.combine = d.denominator ? kpi_combine::ratio : kpi_combine::value;
    if (obj.contains("combine"))
        d.combine = choice<kpi_combine>(obj["combine"], path + "/combine", "combine");
    if (d.denominator && d.combine == kpi_combine::value)
        fail(path + "/combine", "a denominator needs combine \"ratio\", \"difference\" or \"sum\"");
    if (!d.denominator && d.combine != kpi_combine::value)
        fail(path + "/combine",
             "combine \"" + std::string(to_string(d.combine)) + "\" needs a denominator");
    if (d.denominator && is_average(d.numerator))
        fail(path + "/denominator", "a mean, median or quantile numerator brings its own "
                                    "denominator (the number of records)");
    if (d.denominator && is_average(*d.denominator))
        fail(path + "/denominator/aggregate", "a denominator is a count or a sum");

    if (obj.contains("scale")) {
        d.scale = number(obj["scale"], path + "/scale");
        if (d.combine != kpi_combine::ratio) fail(path + "/scale", "only a ratio is scaled");
    }
    if (d.unit == kpi_unit::percent && !(d.combine == kpi_combine::ratio && d.scale == 100))
        fail(path + "/unit", "a percent is a ratio with scale 100");
    if (d.unit == kpi_unit::per_1000 && !(d.combine == kpi_combine::ratio && d.scale == 1000))
        fail(path + "/unit", "a per_1000 is a ratio with scale 1000");

    if (obj.contains("levels"))
        each(obj["levels"], path + "/levels", [&](const json& x, const std::string& xp) {
            const auto level = choice<kpi_level>(x, xp, "level");
            if (level == kpi_level::national) return; // always reported
            for (const kpi_quantity* q : {&d.numerator, d.denominator ? &*d.denominator : nullptr})
                if (q && !std::count(rules(q->measure).levels.begin(),
                                     rules(q->measure).levels.end(), level))
                    fail(xp, "measure " + std::string(to_string(q->measure)) +
                                 " cannot be grouped by " + std::string(to_string(level)));
            if (std::count(d.levels.begin(), d.levels.end(), level) == 0) d.levels.push_back(level);
        });
    std::sort(d.levels.begin(), d.levels.end());
    if (obj.contains("national")) {
        d.national = boolean(obj["national"], path + "/national");
        if (!d.national && d.levels.empty())
            fail(path + "/national", "a KPI without a national row needs at least one level");
    }

    if (obj.contains("sector"))
        d.sector_only = choice<sector>(obj["sector"], path + "/sector", "sector");

    if (obj.contains("norm")) {
        const auto& n = obj["norm"];
        const std::string np = path + "/norm";
        only_keys(n, np, {"direction", "target", "tolerance"});
        kpi_norm norm;
        norm.dir =
            choice<kpi_norm::direction>(need(n, np, "direction"), np + "/direction", "direction");
        norm.target = number(need(n, np, "target"), np + "/target");
        if (n.contains("tolerance")) {
            norm.tolerance = number(n["tolerance"], np + "/tolerance");
            if (norm.tolerance < 0) fail(np + "/tolerance", "must not be negative");
        }
        d.norm = norm;
    }
    if (obj.contains("tags"))
        each(obj["tags"], path + "/tags",
             [&](const json& x, const std::string& xp) { d.tags.push_back(text(x, xp)); });
    return d;
}

template <named_enum E>
json names_of(const std::vector<E>& values) {
    json out = json::array();
    for (auto v : values) out.push_back(to_string(v));
    return out;
}

json to_json(const kpi_quantity& q) {
    json out{{"measure", to_string(q.measure)}};
    if (q.at != kpi_reference::year) out["at"] = to_string(q.at);
    json f = json::object();
    const auto& fl = q.filter;
    if (!fl.settings.empty()) f["setting"] = names_of(fl.settings);
    if (!fl.from_settings.empty()) f["from"] = names_of(fl.from_settings);
    if (!fl.to_settings.empty()) f["to"] = names_of(fl.to_settings);
    if (!fl.kinds.empty()) f["kind"] = names_of(fl.kinds);
    if (!fl.exits.empty()) f["exit"] = names_of(fl.exits);
    if (fl.has_opp) f["has_opp"] = *fl.has_opp;
    if (fl.absence) f["absence"] = to_string(*fl.absence);
    if (!fl.levels.empty()) f["level"] = fl.levels;
    if (!fl.arrangement_kinds.empty()) f["arrangement_kind"] = names_of(fl.arrangement_kinds);
    if (!fl.outcomes.empty()) f["outcome"] = names_of(fl.outcomes);
    if (!fl.categories.empty()) f["category"] = names_of(fl.categories);
    if (fl.has_request_date) f["has_request_date"] = *fl.has_request_date;
    if (fl.within_term) f["within_term"] = *fl.within_term;
    if (fl.has_term_start) f["has_term_start"] = *fl.has_term_start;
    if (fl.direction) f["direction"] = to_string(*fl.direction);
    if (!fl.framework.empty()) f["framework"] = fl.framework;
    if (!fl.domain.empty()) f["domain"] = fl.domain;
    if (!f.empty()) out["filter"] = f;
    out["aggregate"] = to_string(q.aggregate);
    if (!q.field.empty()) out["field"] = q.field;
    if (q.aggregate == kpi_aggregate::quantile) out["quantile"] = q.quantile;
    return out;
}

} // namespace

catalog_error::catalog_error(std::string origin, std::string kpi_id, std::string json_path,
                             std::string message)
    : error(describe(origin, kpi_id, json_path, message)), kpi_id_(std::move(kpi_id)),
      json_path_(std::move(json_path)) {}

json to_json(const kpi_definition& d) {
    json out{{"id", d.id},
             {"title", {{"nl", d.title_nl}, {"en", d.title_en}}},
             {"description", d.description},
             {"source", d.source},
             {"unit", to_string(d.unit)},
             {"numerator", to_json(d.numerator)}};
    if (d.denominator) out["denominator"] = to_json(*d.denominator);
    if (d.combine != kpi_combine::value) out["combine"] = to_string(d.combine);
    if (d.combine == kpi_combine::ratio && d.scale != 1) out["scale"] = d.scale;
    out["levels"] = names_of(d.levels);
    if (!d.national) out["national"] = false;
    if (d.sector_only) out["sector"] = to_string(*d.sector_only);
    if (d.norm) {
        out["norm"] = {{"direction", to_string(d.norm->dir)}, {"target", d.norm->target}};
        if (d.norm->tolerance != 0) out["norm"]["tolerance"] = d.norm->tolerance;
    }
    if (!d.tags.empty()) out["tags"] = d.tags;
    if (!d.per.empty()) out["per"] = d.per;
    return out;
}

catalog catalog_from_document(const json& doc, std::string_view origin_view) {
    const std::string origin{origin_view};
    const reader top(origin, "");
    const json* list = &doc;
    std::string base;
    if (doc.is_object()) {
        top.only_keys(doc, "", {"version", "kpis"});
        if (doc.contains("version") && doc["version"] != 1)
            top.fail("/version", "unsupported catalog version " + doc["version"].dump() +
                                     " (this library reads version 1)");
        list = &top.need(doc, "", "kpis");
        base = "/kpis";
    }
    if (!list->is_array())
        top.fail(base, "expected an array of KPI definitions, got " + list->dump());
    std::vector<kpi_definition> defs;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string path = base + "/" + std::to_string(i);
        if (!item.is_object()) top.fail(path, "expected a KPI definition object");
        const auto id_it = item.find("id");
        if (id_it == item.end()) top.fail(path, "missing required field \"id\"");
        const std::string id = top.text(*id_it, path + "/id");
        const reader r(origin, id);
        if (std::any_of(defs.begin(), defs.end(),
                        [&](const kpi_definition& d) { return d.id == id; }))
            r.fail(path + "/id", "duplicate id (an earlier definition has it)");
        defs.push_back(r.definition(item, path));
    }
    return catalog::from_definitions(std::move(defs));
}

catalog catalog::from_definitions(std::vector<kpi_definition> definitions) {
    catalog out;
    for (auto& d : definitions) out.add(std::move(d));
    return out;
}

catalog catalog::from_json(std::string_view text, std::string_view origin) {
    detail::json_problem p;
    const auto doc = detail::parse_json_document(text, p);
    if (!doc && p.rule == "syntax")
        throw catalog_error(std::string(origin), "", "",
                            "not valid JSON at byte " + std::to_string(p.byte) + ": " + p.message);
    if (!doc)
        throw catalog_error(std::string(origin), "", "",
                            "line " + std::to_string(p.line) + ", column " +
                                std::to_string(p.column) + ": " + p.message);
    return catalog_from_document(*doc, origin);
}

catalog catalog::from_file(const std::filesystem::path& path) {
    const auto file = detail::read_whole_file(path);
    if (!file.text)
        throw catalog_error(path.string(), "", "",
                            "cannot read the catalog file: " + file.problem.message);
    return from_json(*file.text, path.string());
}

std::string_view catalog::builtin_json() noexcept {
    return detail::builtin_catalog_text();
}

const catalog& catalog::builtin() {
    static const catalog instance = from_json(builtin_json(), "built-in catalog");
    return instance;
}

catalog catalog::builtin_with(const std::filesystem::path& path) {
    catalog out = builtin();
    out.extend(from_file(path));
    return out;
}

void catalog::add(kpi_definition def) {
    for (auto& d : defs_)
        if (d.id == def.id) {
            d = std::move(def);
            return;
        }
    defs_.push_back(std::move(def));
}

void catalog::extend(const catalog& other) {
    for (const auto& d : other.defs_) add(d);
}

catalog catalog::select(const std::vector<std::string>& ids_or_tags) const {
    catalog out;
    for (const auto& d : defs_) {
        const bool wanted =
            std::any_of(ids_or_tags.begin(), ids_or_tags.end(), [&](const std::string& s) {
                if (d.id == s || d.has_tag(s)) return true;
                // `kwaliteitsbeleid` selects every `kwaliteitsbeleid:<n>` tag.
                return std::any_of(d.tags.begin(), d.tags.end(), [&](const std::string& t) {
                    return t.size() > s.size() && t.starts_with(s) && t[s.size()] == ':';
                });
            });
        if (wanted) out.defs_.push_back(d);
    }
    return out;
}

const kpi_definition* catalog::find(std::string_view id) const noexcept {
    for (const auto& d : defs_)
        if (d.id == id) return &d;
    return nullptr;
}

json to_json(const catalog& c) {
    json list = json::array();
    for (const auto& d : c.definitions()) list.push_back(to_json(d));
    return json{{"version", 1}, {"kpis", std::move(list)}};
}

PASSEND_NAMESPACE_END
