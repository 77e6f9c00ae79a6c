// SPDX-License-Identifier: EUPL-1.2
// Helpers for the KPI tests: look up one number of an evaluation.
#pragma once

#include "passend/builder.hpp"
#include "passend/kpi/evaluate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string_view>

namespace kpi_test {
using namespace passend;

inline day d(const char* text) {
    return *parse_day(text);
}

inline const kpi_row* find_row(const kpi_results& r, std::string_view kpi, int year,
                               kpi_level level, std::string_view unit) {
    for (const auto& row : r.rows)
        if (row.kpi == kpi && row.year == school_year{year} && row.level == level &&
            row.unit == unit)
            return &row;
    return nullptr;
}

/// A row with this value is missing; NaN means the row is there without a value.
inline constexpr double no_row = -999999;

inline double val(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                  std::string_view unit) {
    const auto* row = find_row(r, kpi, year, level, unit);
    if (!row) return no_row;
    return row->value ? *row->value : std::numeric_limits<double>::quiet_NaN();
}
inline double val(const kpi_results& r, std::string_view kpi, int year) {
    return val(r, kpi, year, kpi_level::national, "NL");
}
inline double num(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                  std::string_view unit) {
    const auto* row = find_row(r, kpi, year, level, unit);
    if (!row) return no_row;
    return row->numerator ? *row->numerator : std::numeric_limits<double>::quiet_NaN();
}
inline double den(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                  std::string_view unit) {
    const auto* row = find_row(r, kpi, year, level, unit);
    if (!row) return no_row;
    return row->denominator ? *row->denominator : std::numeric_limits<double>::quiet_NaN();
}

constexpr auto national = kpi_level::national;
constexpr auto swv = kpi_level::swv;
constexpr auto board = kpi_level::board;
constexpr auto school = kpi_level::school;
constexpr auto municipality = kpi_level::municipality;

} // namespace kpi_test
