// SPDX-License-Identifier: EUPL-1.2
// Verzuim episodes: the absences behind the thuiszitter KPIs (docs/definitions.md, the rows
// langdurig_relatief_verzuim, absoluut_verzuim, thuiszitters, thuiszitters_langer_dan_3_maanden,
// vrijstellingen and their attribution).
//
// For a school year, an absence qualifies when it overlaps the year and is
// - relatief and lasts more than 28 days (start to end inclusive; still open: up to the year's
//   last day) -> langdurig relatief verzuim;
// - absoluut (any length) -> absoluut verzuim;
// - a vrijstelling (any length), counted apart.
// Each qualifying absence is attributed to the school enrolled at on its start, else the pupil's
// last school before it, else the partnership whose region holds the pupil's municipality (PO
// under age 12 on the start, VO from 12), else `onbekend`.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"

#include <cstdint>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// A relatief absence must last more than this many days to be langdurig relatief verzuim.
inline constexpr int langdurig_min_days_exclusive = 28;

/// How an absence was attributed.
enum class absence_basis : std::uint8_t { enrolled, last_school, region, onbekend };

/// The units an absence counts for. school and board are set for `enrolled` and `last_school`;
/// swv also for `region`; everything is absent for `onbekend` (then it counts for unit onbekend).
struct absence_unit {
    absence_basis basis = absence_basis::onbekend;
    school_idx school = no_index<school_idx>;
    board_idx board = no_index<board_idx>;
    /// The partnership: for a school, the enrolment's attributed (paying) partnership on the day,
    /// as everywhere in passend; for `region`, the region's partnership.
    swv_idx swv = no_index<swv_idx>;
    /// The pupil's municipality of residence (municipality grouping), if known.
    municipality_idx municipality = no_index<municipality_idx>;
};

/// Attribute an absence of pupil `p` that starts on `start`.
absence_unit attribute_absence(const dataset& ds, pupil_idx p, day start);

struct verzuim_episode {
    std::uint32_t absence; ///< row in dataset::absences()
    pupil_idx pupil;
    absence_kind kind;
    day start;
    /// The absence's last day, or the last counted day of the year when it is still open (an end
    /// after the extract date is a plan: open).
    day last;
    bool open;       ///< end_date absent
    int length_days; ///< last - start + 1
    /// last is after the same day three calendar months after start (docs/definitions.md).
    bool longer_than_3_months;
    absence_unit unit;

    /// Langdurig relatief verzuim or absoluut verzuim: the thuiszitter umbrella.
    bool is_thuiszitter() const noexcept { return kind != absence_kind::vrijstelling; }
};

/// The qualifying episodes that overlap school year `y`, sorted by pupil, then start (so the first
/// matching episode of a pupil is the earliest one, which decides its unit).
std::vector<verzuim_episode> verzuim_episodes(const dataset& ds, school_year y);

/// The qualifying episodes of pupil `p` that overlap school year `y`, by start, appended to `out`
/// (the per-pupil part of verzuim_episodes, for passes that already go pupil by pupil).
void append_verzuim_episodes(const dataset& ds, pupil_idx p, school_year y,
                             std::vector<verzuim_episode>& out);
/// The same over the days `counted` as the data stood on `as_of` (an end after it is open, and
/// an open absence lasts to counted.end): a partial year's days, or the same period last year.
void append_verzuim_episodes(const dataset& ds, pupil_idx p, period counted, day as_of,
                             std::vector<verzuim_episode>& out);

PASSEND_NAMESPACE_END
