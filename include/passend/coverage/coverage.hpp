// SPDX-License-Identifier: EUPL-1.2
// The covering network per partnership (contract v1.1): a matrix of support domain ×
// municipality of its region with the places its own schools offer there and their occupancy,
// the gaps in words, the costs per domain and level split over calendar years, and the
// continuity check of its reserves. docs/coverage.md describes it.
#pragma once

#include "passend/config.hpp"
#include "passend/coverage/continuity.hpp"
#include "passend/dataset.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// A cell's colour: covered, more pupils than places (over 100%), or no offer at all.
enum class cover_state : std::uint8_t { covered, over_demanded, no_offer };
std::string_view to_string(cover_state s) noexcept;

/// One domain in one municipality of a partnership's region.
struct coverage_cell {
    std::int64_t places = 0; ///< places of the domain at the partnership's schools there
    std::int64_t offers = 0; ///< offers (rows), also those without places
    /// Distinct pupils with an individual arrangement of the domain on teldatum at those schools.
    std::int64_t pupils = 0;
    cover_state state = cover_state::no_offer;
    /// 100 × pupils / places; none without places.
    std::optional<double> occupancy() const noexcept;
};

/// The cost of the offers of a domain and level in the school year, and its calendar-year split.
struct coverage_cost {
    std::string domain;
    int level = 0;
    std::int64_t places = 0;
    cents cost = 0; ///< places × tariff
    /// August-December: 5/12, in the calendar year the school year starts; the lines share the
    /// total's rounded 5/12 by largest remainder, so they add up to it
    cents first_year = 0;
    cents second_year = 0; ///< January-July: the rest (7/12), so the two add up to the cost
};

/// A partnership's continuity check of one calendar year (finances.csv).
struct coverage_continuity {
    int year = 0;
    continuity_check check;
};

struct partnership_coverage {
    std::string swv_id, name;
    std::vector<std::string> municipalities; ///< of its region, in code order
    /// cells[domain][municipality], domains as coverage::domains.
    std::vector<std::vector<coverage_cell>> cells;
    std::vector<coverage_cost> costs; ///< by domain, then level
    /// The total and its split: 5/12 of the cost rounded half up to the cent, and the rest.
    cents cost = 0, first_year = 0, second_year = 0;
    std::vector<coverage_continuity> continuity; ///< calendar years, oldest first
};

struct coverage {
    school_year year{0};
    std::vector<std::string> domains; ///< offered in the year, in code order
    std::vector<partnership_coverage> partnerships;
    day teldatum{}; ///< the day occupancy is taken
};

struct coverage_options {
    /// The school year; none: the latest reported year with offers (else the latest reported).
    std::optional<school_year> year;
    /// A partnership id: only that one; empty: every partnership with a region.
    std::string unit;
};

/// The covering network of the data. Throws passend::error for an unknown unit or a year the
/// data do not report.
coverage make_coverage(const dataset& ds, const coverage_options& options = {});

/// Whether a count is hidden in published output (1 to max_small pupils).
struct coverage_privacy {
    bool suppress = true;
    int max_small = 4;
};

struct report_document;

/// The documents: JSON (the figures the C and Python APIs return), a report document
/// (report/document.hpp: the matrix with its cells coloured, the gaps, costs, continuity) and its
/// Markdown and HTML, and the xlsx of the figures (one sheet per table, numbers as numbers).
report_document coverage_document(const coverage& c, const coverage_privacy& privacy = {});
std::string coverage_json(const coverage& c, const coverage_privacy& privacy = {});
std::string coverage_markdown(const coverage& c, const coverage_privacy& privacy = {});
std::string coverage_html(const coverage& c, const coverage_privacy& privacy = {});
void write_coverage_xlsx(const std::filesystem::path& file, const coverage& c,
                         const coverage_privacy& privacy = {});

PASSEND_NAMESPACE_END
