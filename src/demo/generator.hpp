// SPDX-License-Identifier: EUPL-1.2
// The demo generator's parts: the window of school years, the pupils' lives, and the records of
// schools and boards (arrangements for groups, assessments, money).
#pragma once

#include "passend/builder.hpp"
#include "passend/demo.hpp"

#include "region.hpp"

#include <cstdint>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace demo {

/// The school years the data speaks of: history before `first_day` is cut off (an enrolment
/// running then starts on that day in the data) and what runs on after `last_day` has no end.
struct window {
    int first_year = 0, last_year = 0; ///< start years of the first and last school year
    day first_day{}, last_day{};       ///< 1 August of the first, 31 July after the last
    /// The extract date: the data hold no enrolment, absence or OPP starting after it and no TLV
    /// decided after it; enrolment and absence ends after it are not known yet (open). The
    /// generator draws as if the data ran to last_day, so earlier records do not depend on it.
    day extract{};
    bool known(day start) const { return start <= extract; }
    day known_end(day end) const { return end == open_end || end > extract ? open_end : end; }
    int years() const { return last_year - first_year + 1; }
};

/// What the pupils' pass leaves for the schools' pass.
struct tallies {
    /// Enrolments covering each teldatum, per school: [school * years + year - first_year].
    std::vector<std::uint32_t> at_teldatum;
    std::uint64_t arrangements = 0; ///< serials of the last arrangement and TLV ids given
    std::uint64_t tlvs = 0;
};

/// Simulate the pupils' school careers and add pupils, enrolments, TLVs, OPPs, individual
/// arrangements and absences to `b`.
void add_pupils(const region& r, const window& w, const demo_options& o, dataset_builder& b,
                tallies& t, const progress_fn& progress);

/// Add the region (partnerships, boards, schools, regions), the group and target-group
/// arrangements, the assessments and the funds and allocations.
void add_region(const region& r, dataset_builder& b);
void add_school_records(const region& r, const window& w, const demo_options& o, dataset_builder& b,
                        tallies& t);

/// The support domain of an individual arrangement (coverage.cpp): a fixed rule by its level,
/// running number and the school's setting, drawing nothing.
std::string_view arrangement_domain(int level, std::uint64_t n, setting school);
/// support_offers.csv and finances.csv of the region (coverage.cpp), drawing nothing.
void support_offers(const region& r, const window& w, dataset_builder& b);
void finances(const region& r, const window& w, dataset_builder& b);

} // namespace demo
PASSEND_NAMESPACE_END
