// SPDX-License-Identifier: EUPL-1.2
// Where the scans' records go: the units a record belongs to, the accumulator that sums records
// per class, year and unit (evaluate), the collector of one number's pupils (explain), and the
// record_sink the scans write to, which is either.
#pragma once

#include "kpi/plan.hpp"

#include "passend/attribution.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/result.hpp"

#include <array>
#include <cstdint>
#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

constexpr std::uint32_t none = 0xFFFFFFFFu;

/// A level at which a record does not count at all, as opposed to `none`, a unit the data does
/// not tell (`onbekend`): a board's own assessment has no school and, as a board may work in
/// several partnerships, no partnership; a TLV belongs to no board or school.
constexpr std::uint32_t not_counted = 0xFFFFFFFEu;

/// The units a record belongs to, one per level; `none` is `onbekend`.
struct unit_keys {
    std::uint32_t swv = none, board = none, school = none, municipality = none;
};

/// Accumulator positions: 0 national, then each level's units followed by its `onbekend`.
struct slot_layout {
    std::uint32_t swvs, boards, schools, municipalities;
    explicit slot_layout(const dataset& ds);
    std::uint32_t first(kpi_level l) const noexcept {
        switch (l) {
        case kpi_level::national:
            return 0;
        case kpi_level::swv:
            return 1;
        case kpi_level::board:
            return 2 + swvs;
        case kpi_level::school:
            return 3 + swvs + boards;
        case kpi_level::municipality:
            return 4 + swvs + boards + schools;
        }
        return 0;
    }
    /// Units of a level, the last being `onbekend`.
    std::uint32_t count(kpi_level l) const noexcept {
        switch (l) {
        case kpi_level::national:
            return 1;
        case kpi_level::swv:
            return swvs + 1;
        case kpi_level::board:
            return boards + 1;
        case kpi_level::school:
            return schools + 1;
        case kpi_level::municipality:
            return municipalities + 1;
        }
        return 0;
    }
    std::uint32_t total() const noexcept { return 5 + swvs + boards + schools + municipalities; }
    std::uint32_t slot(kpi_level l, std::uint32_t unit) const noexcept {
        return first(l) + (unit == none ? count(l) - 1 : unit);
    }
};

inline std::uint32_t board_of(const dataset& ds, std::uint32_t school) {
    return school == none ? none : pos(ds.schools().board[school]);
}
inline std::uint32_t swv_of(const dataset& ds, std::uint32_t school) {
    const auto swv = ds.schools().swv[school];
    return has(swv) ? pos(swv) : none;
}

/// Whether an enrolment at `school` may count for a partnership other than the school's under
/// `view` (attribution decides): its records then carry their own partnership.
inline bool own_swv(const dataset& ds, attribution_view view, std::uint32_t school) {
    return !counts_for_school_swv(ds.schools().kind[school], view);
}

/// The units of an enrolment's (or OPP's) record: its school (the board follows), the pupil's
/// municipality and, when own_swv() of the school, the partnership it counts for: for an
/// enrolment the one paying on the record's day, for an OPP its school's.
struct enrolment_units {
    std::uint32_t school = none, municipality = none;
    std::uint32_t swv = none; ///< only when own
    bool own = false;
};

inline unit_keys keys_of(const dataset& ds, const enrolment_units& u) {
    return {u.own ? u.swv : swv_of(ds, u.school), board_of(ds, u.school), u.school, u.municipality};
}

/// Which units' counters of enrolment records an evaluation needs: the levels it reports.
struct enrolment_counters {
    bool schools = true;        ///< the school or board level (boards are rolled up from schools)
    bool municipalities = true; ///< the municipality level
};

/// Sums records per class, year and slot.
///
/// Enrolment records (stocks, transitions, exits, and OPPs: most of them) are counted per school,
/// municipality and own partnership only, in unit-major blocks where a pupil's years at one
/// school share a cache line, and rolled up into boards and partnerships once by fold(). When
/// neither schools nor boards are reported, every enrolment record counts for its partnership
/// straight away: the partnerships' blocks stay in the cache, the schools' (met at random, one
/// pupil after another) would not.
class accumulator {
public:
    /// `years` scanned; the blocks cover those from `block_first` on, `block_years` of them: the
    /// years the data covers (a far-off year asked for costs no block memory).
    accumulator(const dataset& ds, const plan& pl, const slot_layout& layout, std::size_t years,
                std::size_t block_first, std::size_t block_years, enrolment_counters counters = {});

    void add(std::int32_t cls, std::size_t year, const unit_keys& k, double field);

    /// An enrolment record: the hot path (most records), inline for the scans.
    void add_enrolment(std::int32_t cls, std::size_t year, const enrolment_units& u, double field) {
        const auto row = row_of_[static_cast<std::size_t>(cls)];
        if (row < 0 || year < block_first_ || year >= block_first_ + block_years_)
            return add(cls, year, keys_of(ds_, u), field);
        const std::size_t i = static_cast<std::size_t>(row) * block_years_ + year - block_first_;
        const std::size_t at_school = u.school * block_ + i;
        const std::size_t at_municipality =
            (u.municipality == none ? layout_.municipalities : u.municipality) * block_ + i;
        // A partnership's own record, or without school counters any: for the school's.
        const bool by_swv = u.own || !counters_.schools;
        const std::uint32_t swv = u.own ? u.swv : by_swv ? swv_of(ds_, u.school) : none;
        const std::size_t at_swv = (swv == none ? layout_.swvs : swv) * block_ + i;
        if (counters_.schools) ++by_school_[at_school];
        if (counters_.municipalities) ++by_municipality_[at_municipality];
        if (by_swv) ++by_swv_[at_swv];
        if (!fields_ || !plan_.classes[static_cast<std::size_t>(cls)].field) return;
        if (counters_.schools) sum_school_[at_school] += field;
        if (counters_.municipalities) sum_municipality_[at_municipality] += field;
        if (by_swv) sum_swv_[at_swv] += field;
    }

    /// Roll the enrolment records' blocks up into the slots of every level (after merge()).
    void fold(attribution_view view);
    void merge(accumulator&& other);

    /// Add a class's record counts (or field sums) of one year to `into`, per slot.
    void add_counts(std::uint32_t cls, std::size_t year, std::vector<double>& into) const {
        add_to(count_[cls * years_ + year], into);
    }
    void add_sums(std::uint32_t cls, std::size_t year, std::vector<double>& into) const {
        add_to(sum_[cls * years_ + year], into);
    }
    const std::vector<double>* values(std::uint32_t cls, std::size_t year,
                                      std::uint32_t slot) const {
        const auto& v = values_[cls * years_ + year];
        return v.empty() ? nullptr : &v[slot];
    }

private:
    template <class T>
    static void add_to(const std::vector<T>& from, std::vector<double>& into) {
        if (from.empty()) return;
        for (std::size_t s = 0; s < into.size(); ++s) into[s] += static_cast<double>(from[s]);
    }
    template <class T>
    std::vector<T>& lazy(std::vector<T>& v) const {
        if (v.empty()) v.assign(layout_.total(), T{});
        return v;
    }

    const dataset& ds_;
    const plan& plan_;
    const slot_layout& layout_;
    std::size_t years_;
    std::vector<std::vector<std::uint32_t>> count_; ///< records: small integers, half the cache
    std::vector<std::vector<double>> sum_;
    std::vector<std::vector<std::vector<double>>> values_;

    std::vector<std::int32_t> row_of_;      ///< per class: its row in the blocks, -1: add() only
    std::vector<std::uint32_t> classes_;    ///< per row: the class
    bool fields_ = false;                   ///< some row sums its field
    enrolment_counters counters_;           ///< which units' blocks exist besides partnerships'
    std::size_t block_first_, block_years_; ///< the scanned years the blocks cover
    std::size_t block_ = 0;                 ///< rows x block years: one unit's block
    std::vector<std::uint32_t> by_school_, by_municipality_, by_swv_;
    std::vector<double> sum_school_, sum_municipality_, sum_swv_;
};

/// Collects the pupils of one quantity's records for one year and unit (explain()).
struct pupil_collector {
    const dataset& ds;
    std::size_t year;
    kpi_level level;
    std::uint32_t unit; ///< none: onbekend
    std::vector<pupil_idx> pupils;

    void add(std::size_t y, const unit_keys& k, pupil_idx p);
};

/// What the scans write their records to: the accumulator, or explain()'s collector.
class record_sink {
public:
    explicit record_sink(accumulator& acc) noexcept : acc_(&acc) {}
    explicit record_sink(pupil_collector& collector) noexcept : collector_(&collector) {}

    /// A record of class `cls` in scanned year (bucket) `year` for units `k`, of pupil `p` (none
    /// for group arrangements, money, assessments), with its field (summed or its median taken).
    void add(std::int32_t cls, std::size_t year, const unit_keys& k, pupil_idx p, double field) {
        if (collector_) [[unlikely]]
            return collector_->add(year, k, p);
        acc_->add(cls, year, k, field);
    }
    /// A record of an enrolment (or OPP), whose units are an enrolment's.
    void add_enrolment(std::int32_t cls, std::size_t year, const enrolment_units& u, pupil_idx p,
                       double field) {
        if (collector_) [[unlikely]]
            return collector_->add(year, keys_of(collector_->ds, u), p);
        acc_->add_enrolment(cls, year, u, field);
    }

private:
    accumulator* acc_ = nullptr;
    pupil_collector* collector_ = nullptr;
};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
