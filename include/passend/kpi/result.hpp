// SPDX-License-Identifier: EUPL-1.2
// KPI results: the rows every output (CSV, JSON, Markdown, HTML, xlsx, C, Python) is made of.
//
// One row per KPI, school year and unit, with the columns of the report's CSV:
// kpi, school_year, level, unit, numerator, denominator, value, status, change, partial.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/enum_names.hpp"
#include "passend/error.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// The level a row is grouped at. The national unit is `NL`; what the data cannot attribute goes
/// to unit `onbekend` at the level it was grouped by.
enum class kpi_level : std::uint8_t { national, swv, board, school, municipality };
template <>
struct enum_names<kpi_level> {
    static constexpr std::array<std::string_view, 5> names{"national", "swv", "board", "school",
                                                           "municipality"};
};

/// What a value measures, for formatting and for which norms make sense.
/// `years` (added by the KPI catalog): a mean length of stay in school years (verblijfsduur).
/// per_1000: a ratio with scale 1000 (thuiszitters per 1000 pupils).
enum class kpi_unit : std::uint8_t { count, percent, days, euro, score, years, per_1000 };
template <>
struct enum_names<kpi_unit> {
    static constexpr std::array<std::string_view, 7> names{"count", "percent", "days",    "euro",
                                                           "score", "years",   "per_1000"};
};

/// A value's standing against its norm; `none` when the KPI has no norm or no value.
enum class kpi_status : std::uint8_t { none, op_koers, aandacht, niet_op_koers };
template <>
struct enum_names<kpi_status> {
    static constexpr std::array<std::string_view, 4> names{"", "op_koers", "aandacht",
                                                           "niet_op_koers"};
};

/// A target or bound with a direction: `deelname_so` at most 1.8; a framework score at least 0.75.
struct kpi_norm {
    enum class direction : std::uint8_t { at_most, at_least } dir = direction::at_least;
    double target = 0;
    /// Values that miss the target by at most this much are `aandacht`, beyond it
    /// `niet_op_koers`; 0 means every miss is `niet_op_koers`.
    double tolerance = 0;
    /// The standing of `value` against this norm (exactly on the target meets it).
    kpi_status judge(double value) const noexcept;
};
template <>
struct enum_names<kpi_norm::direction> {
    static constexpr std::array<std::string_view, 2> names{"at_most", "at_least"};
};

/// What a report needs to know of a definition (the full definition lives in the catalog).
struct kpi_info {
    std::string id;
    std::string title_nl, title_en;
    std::string description;
    std::string
        source; ///< the published document (title, publisher) or official definition it follows
    kpi_unit unit = kpi_unit::count;
    std::optional<kpi_norm> norm;
    /// Whether the numerator / denominator counts pupils or their records (TLVs, transitions,
    /// absences, arrangements): such a count from 1 to 4 is hidden in publications. Sums of
    /// days, money and assessment scores do not.
    bool numerator_counts_pupils = false;
    bool denominator_counts_pupils = false;
};

/// Which number of a row.
enum class kpi_field : std::uint8_t { numerator, denominator, value, change };

/// One number of every row of a KPI: its numerator or its denominator.
struct kpi_cell {
    std::string kpi;
    kpi_field field = kpi_field::numerator;
    friend bool operator==(const kpi_cell&, const kpi_cell&) = default;
};

/// A relation between KPIs that holds for every unit and school year, derived from the
/// definitions (kpi/relations.hpp) and published with the results, so that suppression and any
/// reader know the same relations.
struct kpi_relation {
    enum class kind : std::uint8_t {
        sum,    ///< total = the sum of parts (one part: the same count under two ids)
        follows ///< parts are hidden whenever total is (a mean's sum goes with its count)
    };
    kind type = kind::sum;
    kpi_cell total;
    std::vector<kpi_cell> parts;
    /// Hide the total before a part (a denominator no KPI publishes on its own).
    bool hide_total_first = false;
};

/// Which numbers of a row publication hides: a small count (1-4) shows as `<5`; a value from
/// which one could be recovered (a percentage, a change, a complementary count) is left empty.
struct kpi_suppression {
    bool numerator = false;
    bool denominator = false;
    bool value = false;
    bool change = false;
    /// A hidden small count shown as a plain hidden cell rather than `<5`: its mark would pin
    /// other hidden counts (four `<5` adding up to a `<5`).
    bool numerator_unmarked = false;
    bool denominator_unmarked = false;
    bool any() const noexcept { return numerator || denominator || value || change; }
};

struct kpi_row {
    std::string kpi;
    school_year year{0};
    kpi_level level = kpi_level::national;
    std::string unit;                ///< `NL`, an swv, board or school id, a municipality code
    std::optional<double> numerator; ///< the count or sum (absent when the data has no such table)
    std::optional<double> denominator; ///< absent for plain counts and sums
    std::optional<double> value;       ///< absent when the denominator is 0 or nothing was measured
    kpi_status status = kpi_status::none;
    /// value minus the previous school year's, same KPI and unit; for a period count in a
    /// partial year, minus the previous year's count through the same day a year earlier
    std::optional<double> change;
    /// The school year is partial: its last day is after the extract date, so its period counts
    /// run from 1 August through the extract date (kpi_results::extract_date).
    bool partial = false;
    kpi_suppression suppressed; ///< filled by privacy suppression before publication
};

/// A published figure to compare with (reference_values.csv, contract v1.1): reports show it
/// beside the data's own value, with its source.
struct kpi_reference_value {
    std::string kpi;
    school_year year{0};
    double value = 0;
    std::string source; ///< where it was published (title, publisher)
};

/// Evaluated KPIs: the definitions used and their rows (sorted by kpi, year, level, unit).
struct kpi_results {
    std::vector<kpi_info> definitions;
    std::vector<kpi_row> rows;
    /// The relations between the definitions' numbers (see kpi_relation).
    std::vector<kpi_relation> relations;
    /// The data's extract date (dataset::extract_date): the day every report says its data run
    /// through ("gegevens t/m", "data as of"); absent in results not made by evaluate().
    std::optional<day> extract_date;
    /// The day asked (evaluate_options::reference_day, the monitor's any day): stocks are taken
    /// on it and its school year's period counts run through it. Absent for the yearly table.
    std::optional<day> reference_day;
    /// The period counts run over the 12 months up to the reference day (a rolling window)
    /// rather than from 1 August.
    bool rolling_window = false;
    /// The last day the period counts run to: the reference day, else the extract date.
    std::optional<day> counted_through() const noexcept {
        return reference_day ? reference_day : extract_date;
    }
    /// Whether school year `y` is partial (its last day is after counted_through(); a rolling
    /// window is 12 whole months).
    bool is_partial(school_year y) const noexcept {
        const auto through = counted_through();
        return !rolling_window && through && y.last_day() > *through;
    }
    const kpi_info* find(std::string_view id) const noexcept;
    /// The published figures of the data (reference_values.csv) for the KPIs and years of the
    /// rows, sorted by kpi and year.
    std::vector<kpi_reference_value> reference_values;
    const kpi_reference_value* reference(std::string_view kpi, school_year year) const noexcept;
};

/// A school year asked of KPI results that hold no rows of it (or results without any rows).
/// The message names the year and the years the results hold, e.g. `2025-2026: the data has no
/// such school year (it has 2020-2021 to 2024-2025)`; a caller puts its own name of the option in
/// front (`--year 2025-2026: ...`).
class year_not_covered : public error {
public:
    using error::error;
};

/// `year` when `results` hold rows of it; else throws year_not_covered.
school_year check_year(const kpi_results& results, school_year year);

/// The latest school year `results` hold rows of; throws year_not_covered ("the data gives no KPI
/// figures") when they hold none.
school_year latest_year(const kpi_results& results);

PASSEND_NAMESPACE_END
