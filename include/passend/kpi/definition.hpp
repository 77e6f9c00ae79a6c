// SPDX-License-Identifier: EUPL-1.2
// A KPI definition: what is measured, how it is aggregated and grouped, and its norm.
//
// Definitions are data (catalog/kpis.json, schema in catalog/kpi-definition.schema.json); this
// is their parsed form. A definition names a numerator and an optional denominator, each a
// quantity: a measure (what records are looked at), a filter on the measure's dimensions, the
// reference day, and an aggregation. The evaluator (kpi/evaluate.hpp) computes every quantity of
// a catalog in one pass over the enrolments.
#pragma once

#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/kpi/result.hpp"
#include "passend/transitions.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// What a quantity looks at. Each measure has its own filter dimensions and attribution
/// (docs/kpis.md lists them).
enum class kpi_measure : std::uint8_t {
    pupils,           ///< distinct pupils enrolled on the reference day (a stock)
    transitions,      ///< direct transitions, instroom and uitstroom in the year (flows)
    exits,            ///< enrolments ending in the year with an exit reason
    thuiszitters,     ///< pupils with a qualifying absence (or vrijstelling) in the year
    opps,             ///< pupils with an OPP covering the reference day, for its school
    arrangements,     ///< arrangements overlapping the year, for their school
    tlvs,             ///< TLVs decided in the year, for the deciding partnership
    funds,            ///< funds received per board and year
    allocations,      ///< funds spent (allocated) per board and year
    assessments,      ///< assessment item scores per unit and year
    assessment_units, ///< assessed units (schools, boards) and whether their mean meets 0.75
};
inline constexpr std::size_t kpi_measure_count = 11;
std::string_view to_string(kpi_measure m) noexcept;

/// The day or period a quantity is taken at.
enum class kpi_reference : std::uint8_t {
    year,      ///< events during the school year (1 August - 31 July)
    teldatum,  ///< 1 October
    peildatum, ///< 1 February
};
std::string_view to_string(kpi_reference r) noexcept;

enum class kpi_aggregate : std::uint8_t {
    count,           ///< records (transitions, TLVs, arrangements, enrolments)
    distinct_pupils, ///< pupils, each once per unit and year
    sum,             ///< sum of `field`
    mean,            ///< mean of `field`: numerator = sum, denominator = number of records
    median,          ///< median of `field` (mean of the middle two for an even count);
                     ///< denominator = number of records, numerator absent
};
std::string_view to_string(kpi_aggregate a) noexcept;

/// Which qualifying absences a `thuiszitters` quantity counts (docs/definitions.md).
enum class thuiszitter_class : std::uint8_t {
    langdurig_relatief_verzuim,       ///< relatief, more than 28 days
    absoluut_verzuim,                 ///< absoluut, any length
    thuiszitter,                      ///< either of the two above
    thuiszitter_langer_dan_3_maanden, ///< a qualifying absence lasting past 3 months
    vrijstelling,                     ///< an exemption from compulsory schooling
};
std::string_view to_string(thuiszitter_class c) noexcept;

/// Restrictions on a measure's records; an empty list does not restrict. Which fields apply
/// depends on the measure (checked when a catalog is loaded).
struct kpi_filter {
    std::vector<setting> settings;      ///< pupils, exits: setting of the school; tlvs: admits
    std::vector<setting> from_settings; ///< transitions: setting left
    std::vector<setting> to_settings;   ///< transitions: setting entered
    std::vector<transition_kind> kinds; ///< transitions
    std::vector<exit_reason> exits;     ///< exits, transitions (uitstroom)
    std::optional<bool> has_opp;        ///< pupils: with an OPP covering the day
    std::optional<thuiszitter_class> absence; ///< thuiszitters (required there)
    std::vector<int> levels;                  ///< arrangements: support level 1-5
    std::vector<arrangement_kind> arrangement_kinds;
    std::vector<tlv_outcome> outcomes;        ///< tlvs
    std::vector<funding_category> categories; ///< tlvs
    std::optional<bool> has_request_date;     ///< tlvs
    std::string framework;                    ///< assessments, assessment_units
    friend bool operator==(const kpi_filter&, const kpi_filter&) = default;
};

/// One side of a KPI: what is counted or summed.
struct kpi_quantity {
    kpi_measure measure = kpi_measure::pupils;
    kpi_reference at = kpi_reference::year;
    kpi_filter filter;
    kpi_aggregate aggregate = kpi_aggregate::count;
    /// The summed field for sum, mean and median: `years_in_setting` (pupils), `cost_eur`
    /// (arrangements), `amount_eur` (funds, allocations), `days` (tlvs: request to decision),
    /// `score` (assessments), `meets_norm` (assessment_units).
    std::string field;
    friend bool operator==(const kpi_quantity&, const kpi_quantity&) = default;
};

/// How numerator and denominator make the value.
enum class kpi_combine : std::uint8_t {
    value,      ///< no denominator: value = numerator (or the mean or median)
    ratio,      ///< value = scale × numerator / denominator; none when the denominator is 0
    difference, ///< value = numerator - denominator (growth, saldo)
};
std::string_view to_string(kpi_combine c) noexcept;

/// A parsed, validated KPI definition.
struct kpi_definition {
    std::string id; ///< e.g. `deelname_so`; `{framework}_score` for a per-framework template
    std::string title_nl, title_en;
    std::string description;
    std::string
        source; ///< the published document (title, publisher) or official definition it follows
    kpi_unit unit = kpi_unit::count;
    kpi_quantity numerator;
    std::optional<kpi_quantity> denominator;
    kpi_combine combine = kpi_combine::value;
    double scale = 1; ///< 100 for a percentage
    /// Levels reported besides the national total (always reported).
    std::vector<kpi_level> levels;
    /// Report partnership rows only for partnerships of this sector (PO-only and VO-only ids).
    std::optional<sector> sector_only;
    std::optional<kpi_norm> norm;
    /// Free labels, e.g. `kwaliteitsbeleid:3` for KPI 3 of the quality policy's KPI set.
    std::vector<std::string> tags;
    /// `framework`: a template expanded once per framework in assessments.csv, replacing
    /// `{framework}` in id, titles and filter.
    std::string per;

    /// What a report needs of this definition.
    kpi_info info() const;
    bool has_tag(std::string_view tag) const noexcept;
};

PASSEND_NAMESPACE_END
