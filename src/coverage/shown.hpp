// SPDX-License-Identifier: EUPL-1.2
// What the coverage documents share: a cell's shown texts (small pupil counts hidden), the gaps
// in words, the continuity line, money and calendar years.
#pragma once

#include "passend/coverage/coverage.hpp"

#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace coverage_detail {

/// Whether a cell's pupil count (and so its occupancy) is hidden: 1 to max_small pupils.
bool hidden(const coverage_cell& cell, const coverage_privacy& privacy);
/// The pupils as shown: `3`, `<5`.
std::string pupils_text(const coverage_cell& cell, const coverage_privacy& privacy);
/// The occupancy as shown: `150%`, `–` (no places, or hidden).
std::string occupancy_text(const coverage_cell& cell, const coverage_privacy& privacy);
/// The colour's words: Dutch and English.
std::string_view state_nl(cover_state s);
std::string_view state_en(cover_state s);
/// `€ 1.234,56` (whole euros without cents).
std::string euro_text(cents amount);

/// A gap or over-demand in words, Dutch and English.
struct finding {
    std::string nl, en;
};
/// The gaps (a domain without offer in a municipality) and the over-demanded cells of a
/// partnership, gaps first, each in domain and municipality order.
std::vector<finding> findings(const coverage& c, const partnership_coverage& p,
                              const coverage_privacy& privacy);
/// The continuity check in words: the rule that decided the signal value and what is above it.
finding continuity_words(const coverage_continuity& k);

/// The calendar years a school year's cost falls in: the one it starts in and the next.
inline int first_calendar_year(const coverage& c) {
    return c.year.start_year();
}

} // namespace coverage_detail
PASSEND_NAMESPACE_END
