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

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// What a quantity looks at. Each measure has its own filter dimensions and attribution
/// (docs/kpis.md lists them).
enum class kpi_measure : std::uint8_t {
    pupils,       ///< distinct pupils enrolled on the reference day (a stock)
    transitions,  ///< direct transitions, instroom and uitstroom in the year (flows)
    exits,        ///< enrolments ending in the year with an exit reason
    thuiszitters, ///< pupils with a qualifying absence (or vrijstelling) in the year or on a day
    opps,         ///< pupils with an OPP covering the reference day, for its school
    arrangements, ///< arrangements overlapping the year, for their school
    tlvs,         ///< TLVs decided in the year, for the deciding partnership
    funds,        ///< funds received per board and year
    allocations,  ///< funds spent (allocated) per board and year
    assessments,  ///< assessment item scores per unit and year
    assessment_units, ///< assessed units (schools, boards) and whether their mean meets 0.75
    // Contract v1.1, the partnership's monitor:
    absences,     ///< qualifying absences that ended in the year, each for the unit of its start
    tlv_requests, ///< TLV requests received in the year (request_date), for their partnership
    tlv_open,     ///< TLV requests open on the reference day, for their partnership
    cross_border, ///< pupils on the reference day at a school of another partnership than
                  ///< the one that decided their covering TLV (grensverkeer)
    // Contract v1.1, the covering network and continuity:
    support_offers,  ///< support offers of the school year, for their school (places, cost)
    offer_pupils,    ///< pupils with an individual arrangement of a domain on the reference
                     ///< day at a school offering that domain in the year
    region_coverage, ///< per partnership, each municipality of its region and whether one of
                     ///< its own schools offers the domain there
    finances,        ///< a partnership's annual accounts (signal value, reserves above it)
};
template <>
struct enum_names<kpi_measure> {
    static constexpr std::array<std::string_view, 19> names{
        "pupils",           "transitions",  "exits",           "thuiszitters", "opps",
        "arrangements",     "tlvs",         "funds",           "allocations",  "assessments",
        "assessment_units", "absences",     "tlv_requests",    "tlv_open",     "cross_border",
        "support_offers",   "offer_pupils", "region_coverage", "finances"};
};
inline constexpr std::size_t kpi_measure_count = enum_count<kpi_measure>;
static_assert(static_cast<std::size_t>(kpi_measure::finances) + 1 == kpi_measure_count);

/// The day or period a quantity is taken at. With evaluate_options::reference_day, teldatum
/// and year_end are that day instead (the monitor's "any day").
enum class kpi_reference : std::uint8_t {
    year,      ///< events during the school year (1 August - 31 July)
    teldatum,  ///< 1 October
    peildatum, ///< 1 February
    year_end,  ///< the year's last day (31 July), or the extract date in a partial year
};
template <>
struct enum_names<kpi_reference> {
    static constexpr std::array<std::string_view, 4> names{"year", "teldatum", "peildatum",
                                                           "year_end"};
};

enum class kpi_aggregate : std::uint8_t {
    count,           ///< records (transitions, TLVs, arrangements, enrolments)
    distinct_pupils, ///< pupils, each once per unit and year
    sum,             ///< sum of `field`
    mean,            ///< mean of `field`: numerator = sum, denominator = number of records
    median,          ///< median of `field` (mean of the middle two for an even count);
                     ///< denominator = number of records, numerator absent
    quantile,        ///< the `quantile` (0-1) of `field` by linear interpolation between order
                     ///< statistics (type 7, numpy.percentile's default); like median otherwise
};
template <>
struct enum_names<kpi_aggregate> {
    static constexpr std::array<std::string_view, 6> names{"count", "distinct_pupils", "sum",
                                                           "mean",  "median",          "quantile"};
};

/// Which qualifying absences a `thuiszitters` quantity counts (docs/definitions.md).
enum class thuiszitter_class : std::uint8_t {
    langdurig_relatief_verzuim,       ///< relatief, more than 28 days
    absoluut_verzuim,                 ///< absoluut, any length
    thuiszitter,                      ///< either of the two above
    thuiszitter_langer_dan_3_maanden, ///< a qualifying absence lasting past 3 months
    vrijstelling,                     ///< an exemption from compulsory schooling
};
template <>
struct enum_names<thuiszitter_class> {
    static constexpr std::array<std::string_view, 5> names{
        "langdurig_relatief_verzuim", "absoluut_verzuim", "thuiszitter",
        "thuiszitter_langer_dan_3_maanden", "vrijstelling"};
};

/// Which side of a border a cross_border quantity counts a pupil on.
enum class border_direction : std::uint8_t {
    uitgaand, ///< for the partnership that decided the TLV (pays for so/vso)
    inkomend, ///< for the partnership of the school
};
template <>
struct enum_names<border_direction> {
    static constexpr std::array<std::string_view, 2> names{"uitgaand", "inkomend"};
};

/// Restrictions on a measure's records; an empty list does not restrict. Which fields apply
/// depends on the measure (checked when a catalog is loaded).
struct kpi_filter {
    std::vector<setting> settings;      ///< pupils, exits, cross_border: setting of the school;
                                        ///< tlvs, tlv_requests, tlv_open: admits
    std::vector<setting> from_settings; ///< transitions: setting left
    std::vector<setting> to_settings;   ///< transitions: setting entered
    std::vector<transition_kind> kinds; ///< transitions
    std::vector<exit_reason> exits;     ///< exits, transitions (uitstroom)
    std::optional<bool> has_opp;        ///< pupils: with an OPP covering the day
    std::optional<thuiszitter_class> absence; ///< thuiszitters, absences (required there)
    std::vector<int> levels;                  ///< arrangements: support level 1-5
    std::vector<arrangement_kind> arrangement_kinds;
    std::vector<tlv_outcome> outcomes;        ///< tlvs
    std::vector<funding_category> categories; ///< tlvs, tlv_requests, tlv_open, cross_border
    std::optional<bool> has_request_date;     ///< tlvs
    /// tlvs: decided at most evaluate_options::tlv_term_days after the request was complete
    /// (complete_date, else request_date); false: later. Either way only TLVs with such a date.
    std::optional<bool> within_term;
    std::optional<bool> has_term_start;        ///< tlvs: with a complete_date or request_date
    std::optional<border_direction> direction; ///< cross_border (required there)
    std::string framework;                     ///< assessments, assessment_units
    /// support_offers, offer_pupils, region_coverage: the support domain (empty: every one)
    std::string domain;
    friend bool operator==(const kpi_filter&, const kpi_filter&) = default;
};

/// One side of a KPI: what is counted or summed.
struct kpi_quantity {
    kpi_measure measure = kpi_measure::pupils;
    kpi_reference at = kpi_reference::year;
    kpi_filter filter;
    kpi_aggregate aggregate = kpi_aggregate::count;
    /// The summed field for sum, mean, median and quantile: `years_in_setting` (pupils),
    /// `cost_eur` (arrangements), `amount_eur` (funds, allocations), `days` (tlvs: request to
    /// decision; absences: start to end inclusive), `score` (assessments), `meets_norm`
    /// (assessment_units), `rate_eur` (cross_border: the rates.csv amount of the TLV's category),
    /// `places` and `cost_eur` (support_offers: places × tariff), `covered` (region_coverage: 1
    /// or 0), `signal_value` and `reserves_above` (finances).
    std::string field;
    /// For aggregate quantile: which one, 0-1 (0.25 for the first quartile).
    double quantile = 0.5;
    friend bool operator==(const kpi_quantity&, const kpi_quantity&) = default;
};

/// A mean, median or quantile: its denominator is the number of records it is taken over.
constexpr bool is_average(const kpi_quantity& q) noexcept {
    return q.aggregate == kpi_aggregate::mean || q.aggregate == kpi_aggregate::median ||
           q.aggregate == kpi_aggregate::quantile;
}

/// How numerator and denominator make the value.
enum class kpi_combine : std::uint8_t {
    value,      ///< no denominator: value = numerator (or the mean or median)
    ratio,      ///< value = scale × numerator / denominator; none when the denominator is 0
    difference, ///< value = numerator - denominator (growth, saldo)
    sum,        ///< value = numerator + denominator (tlv_prognose: granted plus open)
};
template <>
struct enum_names<kpi_combine> {
    static constexpr std::array<std::string_view, 4> names{"value", "ratio", "difference", "sum"};
};

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
    /// Levels reported besides the national total.
    std::vector<kpi_level> levels;
    /// Whether a national row is reported: false for a figure defined per unit only, such as a
    /// partnership's coverage of its own region (`aanbod_dekking_<domain>`), whose pooled
    /// national value no definition gives.
    bool national = true;
    /// Report partnership rows only for partnerships of this sector (PO-only and VO-only ids).
    std::optional<sector> sector_only;
    std::optional<kpi_norm> norm;
    /// Free labels, e.g. `kwaliteitsbeleid:3` for KPI 3 of the quality policy's KPI set.
    std::vector<std::string> tags;
    /// `framework`: a template expanded once per framework in assessments.csv, replacing
    /// `{framework}` in id, titles and filter; `domain`: once per support domain offered in a
    /// reported school year (support_offers.csv), replacing `{domain}`.
    std::string per;

    /// What a report needs of this definition.
    kpi_info info() const;
    bool has_tag(std::string_view tag) const noexcept;
};

PASSEND_NAMESPACE_END
