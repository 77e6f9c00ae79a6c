// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: KPI catalogs, evaluation, results as typed columns and JSON, and explain.
#include "capi.hpp"

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/report/privacy.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <mutex>
#include <set>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;
using passend::capi::split;

struct passend_catalog {
    catalog cat;
    std::vector<std::string> units; ///< each definition's kpi_unit as text
    explicit passend_catalog(catalog c) : cat(std::move(c)) {
        for (const auto& d : cat.definitions()) units.emplace_back(to_string(d.unit));
    }
};

struct passend_result {
    kpi_results results;
    // Typed columns, one element per row.
    std::vector<const char*> kpis, levels, units, statuses;
    std::vector<std::int32_t> years;
    std::vector<double> numerators, denominators, values, changes;
    std::vector<std::uint32_t> hidden;
    std::vector<std::int32_t> partial;
    std::vector<std::string> names; ///< level and status texts the columns point into
    std::once_flag json_once;
    std::string json;
};

struct passend_strings {
    std::vector<std::string> items;
};

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The level of unit `id` in `ds` (national for `NL`), looked up in the order the header names.
std::optional<kpi_level> level_of(const dataset& ds, std::string_view id) {
    if (id == "NL") return kpi_level::national;
    if (ds.find_swv(id)) return kpi_level::swv;
    if (ds.find_board(id)) return kpi_level::board;
    if (ds.find_school(id)) return kpi_level::school;
    if (ds.find_municipality(id)) return kpi_level::municipality;
    return std::nullopt;
}

bool has_year(const dataset& ds, int year) {
    for (auto y : ds.school_years())
        if (y.start_year() == year) return true;
    return false;
}

passend_status open_catalog(catalog c, passend_catalog** out) {
    *out = new passend_catalog(std::move(c));
    return PASSEND_OK;
}

const catalog& catalog_of(const passend_catalog* c) {
    return c ? c->cat : catalog::builtin();
}

/// Fill the typed columns of `r` from its rows.
void make_columns(passend_result& r) {
    const auto n = r.results.rows.size();
    // Level and status names are few: store each once, point at them.
    r.names.reserve(16);
    auto name = [&](std::string_view text) {
        for (const auto& s : r.names)
            if (s == text) return s.c_str();
        r.names.emplace_back(text);
        return r.names.back().c_str();
    };
    for (auto l : {kpi_level::national, kpi_level::swv, kpi_level::board, kpi_level::school,
                   kpi_level::municipality})
        name(to_string(l));
    for (auto s : {kpi_status::op_koers, kpi_status::aandacht, kpi_status::niet_op_koers})
        name(to_string(s));
    name("");
    r.kpis.resize(n), r.levels.resize(n), r.units.resize(n), r.statuses.resize(n);
    r.years.resize(n), r.numerators.resize(n), r.denominators.resize(n), r.values.resize(n);
    r.changes.resize(n), r.hidden.resize(n), r.partial.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& row = r.results.rows[i];
        const auto& h = row.suppressed;
        r.kpis[i] = row.kpi.c_str();
        r.years[i] = row.year.start_year();
        r.levels[i] = name(to_string(row.level));
        r.units[i] = row.unit.c_str();
        r.statuses[i] = row.status == kpi_status::none ? name("") : name(to_string(row.status));
        r.numerators[i] = h.numerator ? nan : row.numerator.value_or(nan);
        r.denominators[i] = h.denominator ? nan : row.denominator.value_or(nan);
        r.values[i] = h.value ? nan : row.value.value_or(nan);
        r.changes[i] = h.change ? nan : row.change.value_or(nan);
        r.partial[i] = row.partial ? 1 : 0;
        r.hidden[i] = (h.numerator ? PASSEND_HIDDEN_NUMERATOR : 0u) |
                      (h.denominator ? PASSEND_HIDDEN_DENOMINATOR : 0u) |
                      (h.value ? PASSEND_HIDDEN_VALUE : 0u) |
                      (h.change ? PASSEND_HIDDEN_CHANGE : 0u);
    }
}

nlohmann::json cell(const kpi_row& row, kpi_field field, const kpi_info* info) {
    switch (shown(row, field, info)) {
    case cell_shown::small:
        return "<5";
    case cell_shown::hidden:
        return nullptr;
    case cell_shown::number:
        break;
    }
    const auto v = field_value(row, field);
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::string to_json(const kpi_results& results) {
    nlohmann::json doc;
    doc["extract_date"] = results.extract_date ? nlohmann::json(format_day(*results.extract_date))
                                               : nlohmann::json(nullptr);
    doc["reference_day"] = results.reference_day
                               ? nlohmann::json(format_day(*results.reference_day))
                               : nlohmann::json(nullptr);
    auto& defs = doc["definitions"] = nlohmann::json::array();
    for (const auto& d : results.definitions) {
        nlohmann::json j{{"id", d.id},
                         {"title_nl", d.title_nl},
                         {"title_en", d.title_en},
                         {"unit", to_string(d.unit)},
                         {"source", d.source},
                         {"norm", nullptr}};
        if (d.norm)
            j["norm"] = {{"direction", to_string(d.norm->dir)},
                         {"target", d.norm->target},
                         {"tolerance", d.norm->tolerance}};
        defs.push_back(std::move(j));
    }
    auto& rows = doc["rows"] = nlohmann::json::array();
    for (const auto& row : results.rows) {
        const auto* info = results.find(row.kpi);
        rows.push_back(
            {{"kpi", row.kpi},
             {"school_year", row.year.to_string()},
             {"level", to_string(row.level)},
             {"unit", row.unit},
             {"numerator", cell(row, kpi_field::numerator, info)},
             {"denominator", cell(row, kpi_field::denominator, info)},
             {"value", cell(row, kpi_field::value, info)},
             {"status", row.status == kpi_status::none ? nlohmann::json(nullptr)
                                                       : nlohmann::json(to_string(row.status))},
             {"change", cell(row, kpi_field::change, info)},
             {"partial", row.partial}});
    }
    return doc.dump();
}

passend_status not_found(const char* fn, const std::string& what) {
    return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": " + what);
}

} // namespace

std::vector<std::string> passend::capi::split(const char* list) {
    std::vector<std::string> out;
    if (!list) return out;
    std::string_view s(list);
    while (!s.empty()) {
        const auto comma = s.find(',');
        auto item = s.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

extern "C" {

// ---- catalogs -----------------------------------------------------------------------------------

passend_status passend_catalog_builtin(passend_catalog** out_catalog) {
    if (out_catalog) *out_catalog = nullptr;
    return guard([&] {
        if (!out_catalog) return null_argument("passend_catalog_builtin", "out_catalog");
        return open_catalog(catalog::builtin(), out_catalog);
    });
}

passend_status passend_catalog_open_json(const char* json, const char* origin,
                                         passend_catalog** out_catalog) {
    if (out_catalog) *out_catalog = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_catalog_open_json";
        if (!json) return null_argument(fn, "json");
        if (!out_catalog) return null_argument(fn, "out_catalog");
        try {
            return open_catalog(catalog::from_json(json, origin ? origin : "catalog"), out_catalog);
        } catch (const catalog_error& e) {
            return capi::fail(PASSEND_INVALID_DATA, e.what());
        } catch (const nlohmann::json::exception& e) {
            return capi::fail(PASSEND_INVALID_DATA, std::string(origin ? origin : "catalog") +
                                                        ": not valid JSON: " + e.what());
        }
    });
}

passend_status passend_catalog_open_file(const char* path, passend_catalog** out_catalog) {
    if (out_catalog) *out_catalog = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_catalog_open_file";
        if (!path) return null_argument(fn, "path");
        if (!out_catalog) return null_argument(fn, "out_catalog");
        std::error_code ec;
        // Only what is not there is NOT_FOUND; a directory or FIFO is refused by from_file.
        if (!std::filesystem::exists(std::filesystem::u8path(path), ec))
            return not_found(fn, std::string("the file '") + path + "' does not exist");
        try {
            return open_catalog(catalog::from_file(std::filesystem::u8path(path)), out_catalog);
        } catch (const catalog_error& e) {
            return capi::fail(PASSEND_INVALID_DATA, e.what());
        } catch (const nlohmann::json::exception& e) {
            return capi::fail(PASSEND_INVALID_DATA,
                              std::string(path) + ": not valid JSON: " + e.what());
        }
    });
}

passend_status passend_catalog_extend(const passend_catalog* base, const passend_catalog* extra,
                                      passend_catalog** out_catalog) {
    if (out_catalog) *out_catalog = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_catalog_extend";
        if (!base) return null_argument(fn, "base");
        if (!extra) return null_argument(fn, "extra");
        if (!out_catalog) return null_argument(fn, "out_catalog");
        catalog c = base->cat;
        try {
            c.extend(extra->cat);
        } catch (const catalog_error& e) {
            return capi::fail(PASSEND_INVALID_DATA, e.what());
        }
        return open_catalog(std::move(c), out_catalog);
    });
}

size_t passend_catalog_count(const passend_catalog* catalog) {
    return catalog ? catalog->cat.size() : 0;
}

passend_status passend_catalog_get(const passend_catalog* catalog, size_t index,
                                   const char** out_id, const char** out_title_nl,
                                   const char** out_title_en, const char** out_unit,
                                   const char** out_source) {
    return guard([&] {
        constexpr auto fn = "passend_catalog_get";
        if (!catalog) return null_argument(fn, "catalog");
        if (index >= catalog->cat.size()) return capi::out_of_range(fn, index, catalog->cat.size());
        const auto& d = catalog->cat.definitions()[index];
        if (out_id) *out_id = d.id.c_str();
        if (out_title_nl) *out_title_nl = d.title_nl.c_str();
        if (out_title_en) *out_title_en = d.title_en.c_str();
        if (out_unit) *out_unit = catalog->units[index].c_str();
        if (out_source) *out_source = d.source.c_str();
        return PASSEND_OK;
    });
}

passend_status passend_catalog_find(const passend_catalog* catalog, const char* kpi_id,
                                    size_t* out_index) {
    return guard([&] {
        constexpr auto fn = "passend_catalog_find";
        if (!catalog) return null_argument(fn, "catalog");
        if (!kpi_id) return null_argument(fn, "kpi_id");
        if (!out_index) return null_argument(fn, "out_index");
        const auto& defs = catalog->cat.definitions();
        for (std::size_t i = 0; i < defs.size(); ++i)
            if (defs[i].id == kpi_id) {
                *out_index = i;
                return PASSEND_OK;
            }
        return not_found(fn, std::string("the catalog has no KPI '") + kpi_id + "'");
    });
}

void passend_catalog_free(passend_catalog** catalog) {
    if (!catalog) return;
    delete *catalog;
    *catalog = nullptr;
}

// ---- evaluate -----------------------------------------------------------------------------------

passend_status passend_evaluate(const passend_dataset* dataset, const passend_catalog* catalog,
                                const passend_evaluate_options* options,
                                passend_result** out_result) {
    if (out_result) *out_result = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_evaluate";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_result) return null_argument(fn, "out_result");
        const passend_evaluate_options defaults = PASSEND_EVALUATE_OPTIONS_INIT;
        const auto& o = options ? *options : defaults;
        if (o.version != 1 && o.version != PASSEND_EVALUATE_OPTIONS_VERSION)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": unknown passend_evaluate_options version (use "
                                                "PASSEND_EVALUATE_OPTIONS_INIT)");
        if (o.threads > max_threads)
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) +
                                                            ": threads must be 0 (automatic) to " +
                                                            std::to_string(max_threads) + ", not " +
                                                            std::to_string(o.threads));
        const auto& ds = *dataset->data;
        const auto& cat = catalog_of(catalog);

        publish_options po;
        po.view = o.schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
        po.threads = o.threads;
        po.suppress = o.suppress != 0;
        if (o.year) po.select.years = {school_year{o.year}};
        po.select.units = split(o.units);
        po.select.kpis = split(o.kpis);
        // Version 1 ends before `day`: read only what it has.
        if (o.version >= 2 && o.day) {
            po.reference_day = parse_day(o.day);
            if (!po.reference_day)
                return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": day '" + o.day +
                                                                "' is not a date like 2025-03-15");
        }
        if (o.version >= 2 && o.tlv_term_days < 0)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": tlv_term_days must not be negative");
        if (o.version >= 2 && o.tlv_term_days > 0) po.tlv_term_days = o.tlv_term_days;
        if (o.version >= 2) po.rolling_window = o.rolling_window != 0;
        auto r = std::make_unique<passend_result>();
        try {
            for (const auto& l : split(o.levels)) po.select.levels.push_back(parse_level_name(l));
            r->results = publish(ds, cat, po);
        } catch (const selection_error& e) { // the same text as the CLI's and Python's
            return not_found(fn, e.what());
        }
        make_columns(*r);
        *out_result = r.release();
        return PASSEND_OK;
    });
}

size_t passend_result_count(const passend_result* result) {
    return result ? result->results.rows.size() : 0;
}

passend_status passend_result_row(const passend_result* result, size_t index, const char** out_kpi,
                                  int32_t* out_year, const char** out_level, const char** out_unit,
                                  double* out_numerator, double* out_denominator, double* out_value,
                                  const char** out_status, uint32_t* out_suppressed) {
    return guard([&] {
        constexpr auto fn = "passend_result_row";
        if (!result) return null_argument(fn, "result");
        if (index >= result->results.rows.size())
            return capi::out_of_range(fn, index, result->results.rows.size());
        const auto& r = *result;
        if (out_kpi) *out_kpi = r.kpis[index];
        if (out_year) *out_year = r.years[index];
        if (out_level) *out_level = r.levels[index];
        if (out_unit) *out_unit = r.units[index];
        if (out_numerator) *out_numerator = r.numerators[index];
        if (out_denominator) *out_denominator = r.denominators[index];
        if (out_value) *out_value = r.values[index];
        if (out_status) *out_status = r.statuses[index];
        if (out_suppressed) *out_suppressed = r.hidden[index];
        return PASSEND_OK;
    });
}

const char* const* passend_result_kpis(const passend_result* r) {
    return r ? r->kpis.data() : nullptr;
}
const int32_t* passend_result_years(const passend_result* r) {
    return r ? r->years.data() : nullptr;
}
const char* const* passend_result_levels(const passend_result* r) {
    return r ? r->levels.data() : nullptr;
}
const char* const* passend_result_units(const passend_result* r) {
    return r ? r->units.data() : nullptr;
}
const double* passend_result_numerators(const passend_result* r) {
    return r ? r->numerators.data() : nullptr;
}
const double* passend_result_denominators(const passend_result* r) {
    return r ? r->denominators.data() : nullptr;
}
const double* passend_result_values(const passend_result* r) {
    return r ? r->values.data() : nullptr;
}
const double* passend_result_changes(const passend_result* r) {
    return r ? r->changes.data() : nullptr;
}
const char* const* passend_result_statuses(const passend_result* r) {
    return r ? r->statuses.data() : nullptr;
}
const uint32_t* passend_result_suppressed(const passend_result* r) {
    return r ? r->hidden.data() : nullptr;
}
const int32_t* passend_result_partial(const passend_result* r) {
    return r ? r->partial.data() : nullptr;
}

passend_status passend_result_json(const passend_result* result, const char** out_json) {
    if (out_json) *out_json = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_result_json";
        if (!result) return null_argument(fn, "result");
        if (!out_json) return null_argument(fn, "out_json");
        auto& r = const_cast<passend_result&>(*result); // the JSON is a cache, made once
        std::call_once(r.json_once, [&] { r.json = to_json(r.results); });
        *out_json = r.json.c_str();
        return PASSEND_OK;
    });
}

void passend_result_free(passend_result** result) {
    if (!result) return;
    delete *result;
    *result = nullptr;
}

// ---- explain ------------------------------------------------------------------------------------

size_t passend_strings_count(const passend_strings* strings) {
    return strings ? strings->items.size() : 0;
}

const char* passend_strings_get(const passend_strings* strings, size_t index) {
    if (!strings || index >= strings->items.size()) return nullptr;
    return strings->items[index].c_str();
}

void passend_strings_free(passend_strings** strings) {
    if (!strings) return;
    delete *strings;
    *strings = nullptr;
}

passend_status passend_explain(const passend_dataset* dataset, const passend_catalog* catalog,
                               const char* kpi_id, int32_t year, const char* level,
                               const char* unit, int denominator, int schoolgaand,
                               passend_strings** out_pupils) {
    if (out_pupils) *out_pupils = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_explain";
        if (!dataset) return null_argument(fn, "dataset");
        if (!kpi_id) return null_argument(fn, "kpi_id");
        if (!unit) return null_argument(fn, "unit");
        if (!out_pupils) return null_argument(fn, "out_pupils");
        const auto& ds = *dataset->data;
        const auto& cat = catalog_of(catalog);
        if (!cat.find(kpi_id))
            return not_found(fn, std::string("the catalog has no KPI '") + kpi_id + "'");
        if (!has_year(ds, year))
            return not_found(fn, "the data does not cover school year " +
                                     school_year{year}.to_string());
        std::optional<kpi_level> lvl =
            level ? parse_enum_name<kpi_level>(level) : level_of(ds, unit);
        if (!lvl)
            return not_found(fn, level ? std::string("no level '") + level + "'"
                                       : std::string("the data has no unit '") + unit + "'");
        auto ids = explain(ds, cat, kpi_id, school_year{year}, *lvl, unit,
                           denominator ? kpi_part::denominator : kpi_part::numerator,
                           schoolgaand ? attribution_view::schoolgaand : attribution_view::paying);
        *out_pupils = new passend_strings{std::move(ids)};
        return PASSEND_OK;
    });
}

} // extern "C"
