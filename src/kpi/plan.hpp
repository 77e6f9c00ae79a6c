// SPDX-License-Identifier: EUPL-1.2
// The quantity plan: what the scans must count for a catalog.
//
// Every distinct numerator and denominator of the catalog is a *quantity*. Each record a scan
// meets has a *combo*: the values of its measure's filter dimensions (a stock's reference day,
// setting and OPP flag; a transition's kind, from, to and exit...) as one small integer. Combos
// that feed the same set of quantities form one *class*; the scans add each record to its class,
// and a quantity's number is the sum of its classes.
//
// How a measure encodes its records and which scan emits them is one entry of the measure table
// (measure_specs(), plan.cpp); the entry itself is defined beside its scan (scan_<measure>.cpp).
#pragma once

#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/definition.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

// Combo dimensions are sized by enum_count<E> (enum_names.hpp), the length of an enum's name
// list, so that a new exit reason or funding category widens every combo built on it.

/// The filter dimensions of a measure's records as one integer: a mixed-radix number of the
/// given dimension sizes, the first dimension most significant.
template <std::size_t... Sizes>
struct combo_space {
    static constexpr std::size_t count = (Sizes * ...);
    static constexpr std::array<std::size_t, sizeof...(Sizes)> sizes{Sizes...};

    /// The combo of the dimension values `v` (each below its size).
    template <class... V>
    static constexpr std::size_t encode(V... v) noexcept {
        static_assert(sizeof...(V) == sizeof...(Sizes), "one value per dimension");
        std::size_t c = 0, i = 0;
        ((c = c * sizes[i++] + static_cast<std::size_t>(v)), ...);
        return c;
    }
    /// Dimension `D`'s value in combo `c` (the inverse of encode).
    template <std::size_t D>
    static constexpr std::size_t at(std::size_t c) noexcept {
        for (std::size_t i = sizeof...(Sizes); i-- > D + 1;) c /= sizes[i];
        return c % sizes[D];
    }
};

/// 0 for teldatum, 1 for peildatum: the reference days a stock is taken at.
inline constexpr std::size_t reference_day_count = 2;
inline std::size_t day_index(kpi_reference r) noexcept {
    return r == kpi_reference::peildatum ? 1 : 0;
}

/// Whether a filter list allows `v` (an empty list allows everything).
template <class T>
bool allows(const std::vector<T>& list, T v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

struct plan;
struct scan_context;
class record_sink;
struct scan_scratch;

/// Emits the records of pupils [from, to) (their enrolments, OPPs, TLVs, absences: the columns
/// the dataset holds per pupil); a measure writes it for one pupil and wraps it in
/// for_pupils<> (scan.hpp).
using pupil_scan = void (*)(const scan_context& cx, std::uint32_t from, std::uint32_t to,
                            record_sink& sink, scan_scratch& scratch);
/// Emits the records of a table not held per pupil (arrangements, money, assessments).
using table_scan = void (*)(const scan_context& cx, record_sink& sink);

/// When a measure's records are taken, which decides how a row treats them.
enum class measure_timing : std::uint8_t {
    reference_day, ///< a stock on a day (teldatum, peildatum, the year's end)
    period,        ///< events of the school year: in a partial year a count compares with the
                   ///< same period last year
    school_year,   ///< one figure per school year (money, assessments)
};

/// A measure as the evaluator knows it: its records' encoding, the table it needs and its scan.
struct measure_spec {
    kpi_measure measure;
    /// The number of combos (the assessments' depend on the dataset's frameworks).
    std::size_t (*combos)(const plan& pl);
    /// Whether quantity `q` counts records of combo `c` (the inverse of the scan's encoding).
    bool (*matches)(const kpi_quantity& q, std::size_t c, const plan& pl);
    /// The table without which `q` has no value (none: the pupils' tables, always there).
    std::optional<table> (*needs_table)(const kpi_quantity& q);
    measure_timing timing;
    /// Whether its records are an enrolment's (record_sink::add_enrolment): counted per school
    /// and municipality and rolled up after the scan (accumulator).
    bool by_enrolment = false;
    /// The scan: one of the two, the other null. A scan may serve several measures (one pass
    /// over the same rows): it is in each one's entry, runs once, and emits the records of
    /// those the plan needs.
    pupil_scan per_pupil = nullptr;
    table_scan per_table = nullptr;
};

/// Every measure in kpi_measure order (the table is in plan.cpp).
const std::array<const measure_spec*, kpi_measure_count>& measure_specs();
inline const measure_spec& spec_of(kpi_measure m) {
    return *measure_specs()[static_cast<std::size_t>(m)];
}

/// The table a quantity reads, if its absence leaves the quantity without value.
std::optional<table> table_of(const kpi_quantity& q);

struct plan {
    std::vector<kpi_quantity> quantities;
    std::vector<std::string> frameworks; ///< of the dataset's assessments, sorted
    /// The dataset's support domains (dataset::support_domains(): a domain's combo is its index)
    std::vector<std::string> domains;
    struct class_info {
        kpi_measure measure;
        bool field = false;  ///< some quantity sums the field
        bool values = false; ///< some quantity takes the median
    };
    std::vector<class_info> classes;
    std::vector<std::vector<std::uint32_t>> classes_of;                ///< per quantity
    std::array<std::vector<std::int32_t>, kpi_measure_count> class_of; ///< per combo, -1: none
    std::array<bool, kpi_measure_count> needed{}; ///< some combo of the measure has a class

    /// The quantity's index, added if new.
    std::uint32_t add_quantity(const kpi_quantity& q);
    /// Group the combos of each measure by the set of quantities they feed.
    void compile();

    bool needs(kpi_measure m) const { return needed[static_cast<std::size_t>(m)]; }
    /// The classes of measure `m`'s combos, for a scan to keep at hand in its loop.
    const std::int32_t* classes_of_measure(kpi_measure m) const {
        return class_of[static_cast<std::size_t>(m)].data();
    }
    /// The class of a record of measure `m` and combo `combo`; -1: no quantity counts it.
    std::int32_t cls(kpi_measure m, std::size_t combo) const {
        return class_of[static_cast<std::size_t>(m)][combo];
    }
};

/// A definition's quantities in the plan, and whether the tables they read are present (else
/// its rows have no numerator or value).
struct planned_definition {
    std::uint32_t num;
    std::optional<std::uint32_t> den;
    bool present = true;
};

/// Add the numerators and denominators of `defs` to the plan (before compile()).
std::vector<planned_definition> add_definitions(plan& pl, const std::vector<kpi_definition>& defs,
                                                const dataset& ds);

/// The assessment frameworks of the dataset, sorted.
std::vector<std::string> frameworks_of(const dataset& ds);

/// The support domains offered in a school year the dataset reports, sorted: those the
/// per-domain templates are expanded for.
std::vector<std::string> offered_domains(const dataset& ds);

/// The definitions to evaluate: per-framework templates expanded for the dataset's frameworks
/// and per-domain ones for its offered domains (an explicit definition of the same id wins),
/// sorted by id.
std::vector<kpi_definition> expand(const catalog& cat, const std::vector<std::string>& frameworks,
                                   const std::vector<std::string>& domains = {});

} // namespace kpi_detail

PASSEND_NAMESPACE_END
