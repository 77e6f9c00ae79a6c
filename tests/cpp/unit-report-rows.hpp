// SPDX-License-Identifier: EUPL-1.2
// Hand-made KPI results for the report tests.
#pragma once

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/relations.hpp"
#include "passend/kpi/result.hpp"

#include <optional>
#include <string>

namespace passend::test {

inline kpi_info info(std::string id, kpi_unit unit, std::optional<kpi_norm> norm = {}) {
    kpi_info k;
    k.id = id;
    k.title_nl = "titel " + id;
    k.title_en = "title " + id;
    k.source = "test";
    k.unit = unit;
    k.norm = norm;
    // Which cells count pupils: as the built-in definition says, else by the unit.
    if (const auto* d = catalog::builtin().find(id)) {
        k.numerator_counts_pupils = counts_pupils(*d, kpi_field::numerator);
        k.denominator_counts_pupils = counts_pupils(*d, kpi_field::denominator);
    } else {
        const bool pupils = unit != kpi_unit::euro && unit != kpi_unit::score;
        k.numerator_counts_pupils = pupils && unit != kpi_unit::days && unit != kpi_unit::years;
        k.denominator_counts_pupils = pupils;
    }
    return k;
}

/// The relations the built-in catalog derives between the ids of `res` (what evaluate() puts
/// in its results).
inline void add_catalog_relations(kpi_results& res) {
    std::vector<kpi_definition> defs;
    for (const auto& k : res.definitions)
        if (const auto* d = catalog::builtin().find(k.id)) defs.push_back(*d);
    res.relations = derive_relations(defs);
}

/// A count row: value = numerator.
inline kpi_row count(std::string kpi, int year, kpi_level level, std::string unit, double n) {
    kpi_row r;
    r.kpi = std::move(kpi);
    r.year = school_year{year};
    r.level = level;
    r.unit = std::move(unit);
    r.numerator = n;
    r.value = n;
    return r;
}

/// A percentage row: value = 100 n / d, none when d is 0.
inline kpi_row percent(std::string kpi, int year, kpi_level level, std::string unit, double n,
                       double d) {
    auto r = count(std::move(kpi), year, level, std::move(unit), n);
    r.denominator = d;
    r.value = d == 0 ? std::nullopt : std::optional<double>(100 * n / d);
    return r;
}

/// The row of `kpi` for `unit` in `year` (first match); fails the test when absent.
inline const kpi_row& at(const kpi_results& res, std::string_view kpi, std::string_view unit,
                         int year = 2024) {
    for (const auto& r : res.rows)
        if (r.kpi == kpi && r.unit == unit && r.year.start_year() == year) return r;
    throw std::runtime_error("no row " + std::string(kpi) + " " + std::string(unit));
}

} // namespace passend::test
