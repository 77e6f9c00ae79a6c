// SPDX-License-Identifier: EUPL-1.2
// The scan: what every measure's scan shares (the years scanned, their reference days and the
// extract date, the units of an enrolment's record), the measures' entries of the measure table
// (each defined in its scan_<measure>.cpp), and the two loops that run them: over the pupils and
// over the other tables.
#pragma once

#include "kpi/accumulator.hpp"
#include "kpi/plan.hpp"

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/dataset.hpp"
#include "passend/thuiszitters.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

// The measure table's entries, in kpi_measure order (plan.cpp lists them).
extern const measure_spec pupils_measure;           // scan_pupils.cpp
extern const measure_spec transitions_measure;      // scan_transitions.cpp
extern const measure_spec exits_measure;            // scan_transitions.cpp
extern const measure_spec thuiszitters_measure;     // scan_thuiszitters.cpp
extern const measure_spec opps_measure;             // scan_pupils.cpp
extern const measure_spec arrangements_measure;     // scan_tables.cpp
extern const measure_spec tlvs_measure;             // scan_tlvs.cpp
extern const measure_spec funds_measure;            // scan_tables.cpp
extern const measure_spec allocations_measure;      // scan_tables.cpp
extern const measure_spec assessments_measure;      // scan_tables.cpp
extern const measure_spec assessment_units_measure; // scan_tables.cpp
extern const measure_spec absences_measure;         // scan_thuiszitters.cpp
extern const measure_spec tlv_requests_measure;     // scan_tlvs.cpp
extern const measure_spec tlv_open_measure;         // scan_tlvs.cpp
extern const measure_spec cross_border_measure;     // scan_cross_border.cpp
extern const measure_spec support_offers_measure;   // scan_coverage.cpp
extern const measure_spec offer_pupils_measure;     // scan_coverage.cpp
extern const measure_spec region_coverage_measure;  // scan_coverage.cpp
extern const measure_spec finances_measure;         // scan_coverage.cpp

/// The school years the scan covers: contiguous, from `first`.
struct year_range {
    int first = 0, count = 0;
    std::optional<std::size_t> index(school_year y) const {
        const int i = y.start_year() - first;
        if (i < 0 || i >= count) return std::nullopt;
        return static_cast<std::size_t>(i);
    }
};

/// Every school year the data reports, sorted (see scan.cpp).
std::vector<school_year> data_years(const dataset& ds);

/// The years the scan covers: the data's and those `wanted`, each with the year before it (for
/// the change against the previous year).
year_range scan_years(const std::vector<school_year>& data, const std::vector<school_year>& wanted);

/// What an evaluation asks of the scans besides the catalog (evaluate_options' part of it).
struct scan_settings {
    attribution_view view = attribution_view::paying;
    /// The monitor's any day: stocks are taken on it (and on the same day in the other scanned
    /// years, for the change), and events count through it, as if the data ended there.
    std::optional<day> reference_day;
    int tlv_term_days = 42; ///< tlv_binnen_termijn's term
    /// The years' periods are the 12 months up to the reference day's date in each (a rolling
    /// window) instead of 1 August - 31 July.
    bool rolling = false;
};

/// What one scan knows: the dataset, the plan, the years, the view and the extract date.
struct scan_context {
    scan_context(const dataset& ds, const plan& pl, year_range years,
                 const scan_settings& settings = {});

    /// The scanned school year holding `d`, if any (a search in a few days, no calendar maths).
    std::optional<std::size_t> year_of(day d) const noexcept {
        const auto it = std::upper_bound(first_days.begin(), first_days.end(), d);
        if (it == first_days.begin() || it == first_days.end()) return std::nullopt;
        return static_cast<std::size_t>(it - first_days.begin() - 1);
    }
    /// Like year_of, clamped into the scanned years.
    int clamped_year(day d) const noexcept {
        const auto it = std::upper_bound(first_days.begin(), first_days.end(), d);
        const auto i = static_cast<int>(it - first_days.begin()) - 1;
        return years.first + std::clamp(i, -1, years.count);
    }
    /// The days of scanned year `y` whose events count: 1 August through the year's last day,
    /// or through the extract date when the year is partial.
    period counted(std::size_t y) const noexcept {
        return {first_days[y], std::min(first_days[y + 1] - date::days{1}, extract)};
    }
    /// Whether scanned year `y` is the year before the partial one: its events through
    /// compare_through also go to the comparison bucket (the same period last year).
    bool compared(std::size_t y) const noexcept { return partial && y + 1 == *partial; }
    /// Call `add(bucket)` for the buckets an event of day `d` in scanned year `y` counts in: the
    /// year, unless `d` is after the extract date (an end date after it is a plan); and the
    /// comparison bucket for the same period last year.
    template <class Add>
    void at_event(std::size_t y, day d, Add&& add) const {
        if (d > extract) return;
        add(y);
        if (compared(y) && d <= compare_through) add(compare_bucket);
    }
    /// One past the last scanned year a record of an open or planned period may count in.
    int end_year() const noexcept { return std::min(years.first + years.count, horizon_year + 1); }
    /// The day a quantity taken at `at` is taken in scanned year `y` (teldatum, peildatum, or
    /// year_end: the year's last day, or the extract date in a partial year).
    day day_of(kpi_reference at, std::size_t y) const noexcept {
        switch (at) {
        case kpi_reference::peildatum:
            return days[1][y];
        case kpi_reference::year_end: // with a reference day: that day's date in the year
            return any_day ? days[0][y] : std::min(first_days[y + 1] - date::days{1}, extract);
        default:
            return days[0][y];
        }
    }
    /// Whether scanned year `y` is partial: its period counts end at the extract date (or the
    /// reference day) before its last day.
    bool is_partial(std::size_t y) const noexcept {
        return first_days[y + 1] - date::days{1} > extract;
    }

    const dataset& ds;
    const plan& pl;
    year_range years;
    attribution_view view;
    int tlv_term_days;
    bool any_day; ///< a reference day was asked
    /// Teldatum (or the reference day's date in that year) and peildatum per scanned year.
    std::array<std::vector<day>, reference_day_count> days;
    /// The first day of each scanned year's period and of the next: 1 August, or with a rolling
    /// window the day after the reference day's date a year earlier.
    std::vector<day> first_days;
    /// The extract date, or the reference day when one is asked: no reference day or event
    /// after it counts.
    day extract;
    /// The scanned index of the partial school year (the one holding the extract date, when
    /// reported), whose period counts are compared with the year before through
    /// compare_through; the accumulator holds that comparison in the extra year compare_bucket.
    std::optional<std::size_t> partial;
    day compare_through{};
    std::size_t compare_bucket;
    /// The school year of the extract date: records of open or planned periods (OPPs,
    /// arrangements, absences) stop there, as enrolments do.
    int horizon_year = 0;
};

/// Per-thread buffers a pupil scan reuses: no allocation per pupil.
struct scan_scratch {
    std::vector<verzuim_episode> episodes;
};

/// A measure's scan of one pupil as a pupil_scan: the loop over the pupils inside, so that the
/// scan is inlined in it and the call costs once per block of pupils, not per pupil.
template <void (*Scan)(const scan_context&, pupil_idx, record_sink&, scan_scratch&)>
void for_pupils(const scan_context& cx, std::uint32_t from, std::uint32_t to, record_sink& sink,
                scan_scratch& scratch) {
    for (std::uint32_t p = from; p < to; ++p) Scan(cx, pupil_idx{p}, sink, scratch);
}

/// The units of enrolment row `e`'s record on day `d`.
enrolment_units enrolment_units_of(const scan_context& cx, std::uint32_t e, day d,
                                   std::uint32_t municipality);

/// A school's record counts for its school, board, partnership and municipality.
inline unit_keys school_unit_keys(const dataset& ds, std::uint32_t school) {
    const auto& sc = ds.schools();
    const auto swv = sc.swv[school];
    return unit_keys{has(swv) ? pos(swv) : none, board_of(ds, school), school,
                     has(sc.municipality[school]) ? pos(sc.municipality[school]) : none};
}

/// The pupil's municipality as a unit index.
inline std::uint32_t municipality_of(const dataset& ds, pupil_idx p) {
    return pos(ds.pupils().municipality[pos(p)]);
}

/// Run every needed per-pupil scan on pupils [from, to).
void scan_pupils(const scan_context& cx, std::uint32_t from, std::uint32_t to, record_sink& sink);

/// The needed scans of the tables not held per pupil, each once. A scan sums its table in table
/// order on one thread, so that its sums do not depend on the threads.
std::vector<table_scan> table_scans(const plan& pl);

/// Run every needed scan of the tables not held per pupil, one after another.
void scan_tables(const scan_context& cx, record_sink& sink);

} // namespace kpi_detail

PASSEND_NAMESPACE_END
