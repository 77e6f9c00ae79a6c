// Helpers for the review tests: independent, hand-computed checks of the standard KPI ids
// (shared/DOMAIN.md, "Standard definitions (v1)") through the public API only.
#pragma once

#include "passend/builder.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

namespace review {
using namespace passend;

inline day d(const char* text) {
    return *parse_day(text);
}

constexpr auto nl = kpi_level::national;
constexpr auto swv = kpi_level::swv;
constexpr auto board = kpi_level::board;
constexpr auto school = kpi_level::school;
constexpr auto municipality = kpi_level::municipality;
/// An absent number (no denominator, no value).
constexpr std::optional<double> absent = std::nullopt;

inline const kpi_row* find(const kpi_results& r, std::string_view kpi, int year, kpi_level level,
                           std::string_view unit) {
    for (const auto& row : r.rows)
        if (row.kpi == kpi && row.year == school_year{year} && row.level == level &&
            row.unit == unit)
            return &row;
    return nullptr;
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
    const kpi_row* row = find(r, kpi, year, level, unit);
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
    const kpi_row* row = find(r, kpi, year, level, unit);
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

} // namespace review
