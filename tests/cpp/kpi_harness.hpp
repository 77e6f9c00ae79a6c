// SPDX-License-Identifier: EUPL-1.2
// The one harness of the KPI tests: build a small region, evaluate, and look up or check one
// number of the results. Unit tests (unit-kpi-*) and the independent, hand-computed checks of the
// standard KPI ids through the public API only (unit-review-*, docs/definitions.md, "Standard
// definitions (v1)") both use it.
#pragma once

#include "passend/builder.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace kpi_test {
using namespace passend;

inline day d(const char* text) {
    return *parse_day(text);
}

constexpr auto national = kpi_level::national;
constexpr auto nl = kpi_level::national;
constexpr auto swv = kpi_level::swv;
constexpr auto board = kpi_level::board;
constexpr auto school = kpi_level::school;
constexpr auto municipality = kpi_level::municipality;

// ---- looking a number up ---------------------------------------------------------------------

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

// ---- checking a row against hand-computed numbers -----------------------------------------------

/// An absent number (no denominator, no value).
constexpr std::optional<double> absent = std::nullopt;

/// The schools of the KPI unit tests (their partnerships PO01, PO02 and VO01 are the test's):
/// one per setting in PO01 / VO01 plus a second bao in PO02; municipality GM01 in PO01 and VO01,
/// GM02 in PO02 and VO01.
///
/// | school | setting | board | swv  |
/// |--------|---------|-------|------|
/// | 01BA00 | bao     | B1    | PO01 |
/// | 02BA00 | bao     | B2    | PO02 |
/// | 03SB00 | sbo     | B1    | PO01 |
/// | 04SO00 | so      | B3    | PO01 |
/// | 05VO00 | vo      | B4    | VO01 |
/// | 06PR00 | pro     | B4    | VO01 |
/// | 07VS00 | vso     | B3    | VO01 |
inline void add_schools_one_per_setting(dataset_builder& b) {
    b.add(school_row{"01BA00", "bao 1", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02BA00", "bao 2", "B2", "PO02", setting::bao, "GM02"});
    b.add(school_row{"03SB00", "sbo", "B1", "PO01", setting::sbo, "GM01"});
    b.add(school_row{"04SO00", "so", "B3", "PO01", setting::so, "GM01"});
    b.add(school_row{"05VO00", "vo", "B4", "VO01", setting::vo, "GM01"});
    b.add(school_row{"06PR00", "pro", "B4", "VO01", setting::pro, "GM01"});
    b.add(school_row{"07VS00", "vso", "B3", "VO01", setting::vso, "GM01"});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM01", "VO01"});
    b.add(region_row{"GM02", "PO02"});
    b.add(region_row{"GM02", "VO01"});
}

/// The region every review dataset shares: partnerships PO01, PO02 (PO) and VO01, VO02 (VO);
/// one school per setting in PO01 / VO01 plus a second bao (PO02) and vo (VO02); municipality
/// GM01 in PO01 and VO01, GM02 in PO02 and VO02.
///
/// | school | setting | board | swv  |
/// |--------|---------|-------|------|
/// | 01BA00 | bao     | B1    | PO01 |
/// | 02BA00 | bao     | B2    | PO02 |
/// | 03SB00 | sbo     | B1    | PO01 |
/// | 04SO00 | so      | B3    | PO01 |
/// | 05VO00 | vo      | B4    | VO01 |
/// | 06PR00 | pro     | B4    | VO01 |
/// | 07VS00 | vso     | B5    | VO01 |
/// | 08VO00 | vo      | B6    | VO02 |
inline void add_region(dataset_builder& b) {
    b.add(swv_row{"PO01", "PO een", sector::po});
    b.add(swv_row{"PO02", "PO twee", sector::po});
    b.add(swv_row{"VO01", "VO een", sector::vo});
    b.add(swv_row{"VO02", "VO twee", sector::vo});
    b.add(school_row{"01BA00", "bao 1", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{"02BA00", "bao 2", "B2", "PO02", setting::bao, "GM02"});
    b.add(school_row{"03SB00", "sbo", "B1", "PO01", setting::sbo, "GM01"});
    b.add(school_row{"04SO00", "so", "B3", "PO01", setting::so, "GM01"});
    b.add(school_row{"05VO00", "vo 1", "B4", "VO01", setting::vo, "GM01"});
    b.add(school_row{"06PR00", "pro", "B4", "VO01", setting::pro, "GM01"});
    b.add(school_row{"07VS00", "vso", "B5", "VO01", setting::vso, "GM01"});
    b.add(school_row{"08VO00", "vo 2", "B6", "VO02", setting::vo, "GM02"});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM01", "VO01"});
    b.add(region_row{"GM02", "PO02"});
    b.add(region_row{"GM02", "VO02"});
}

inline std::string show(const std::optional<double>& v) {
    return v ? std::to_string(*v) : std::string("(absent)");
}

inline void check_number(const char* what, const std::optional<double>& got,
                         const std::optional<double>& want) {
    INFO(what, ": got ", show(got), ", want ", show(want));
    CHECK(got.has_value() == want.has_value());
    if (got && want) CHECK(*got == doctest::Approx(*want).epsilon(1e-9));
}

/// The row of `kpi` for `year` and unit exists and has exactly these numbers.
inline void check_row(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                      std::string_view unit, std::optional<double> numerator,
                      std::optional<double> denominator, std::optional<double> value) {
    INFO(kpi, " ", year, " ", to_string(level), " ", unit);
    const kpi_row* row = find_row(r, kpi, year, level, unit);
    CHECK(row != nullptr);
    if (!row) return;
    check_number("numerator", row->numerator, numerator);
    check_number("denominator", row->denominator, denominator);
    check_number("value", row->value, value);
}

/// A plain count or sum: numerator = value, no denominator.
inline void check_count(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                        std::string_view unit, double n) {
    check_row(r, kpi, year, level, unit, n, absent, n);
}
inline void check_count(const kpi_results& r, std::string_view kpi, int year, double n) {
    check_count(r, kpi, year, nl, "NL", n);
}

/// The value of a row (NaN when absent), for terse checks; the row must exist.
inline double value(const kpi_results& r, std::string_view kpi, int year, kpi_level level = nl,
                    std::string_view unit = "NL") {
    const kpi_row* row = find_row(r, kpi, year, level, unit);
    INFO(kpi, " ", year, " ", to_string(level), " ", unit);
    REQUIRE(row != nullptr);
    return row->value ? *row->value : -1e300;
}

inline kpi_unit unit_of(const kpi_results& r, std::string_view kpi) {
    const kpi_info* info = r.find(kpi);
    INFO(kpi);
    REQUIRE(info != nullptr);
    return info->unit;
}

} // namespace kpi_test
