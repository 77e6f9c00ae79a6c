// SPDX-License-Identifier: EUPL-1.2
// Transitions: a pupil's enrolments turned into flows (docs/definitions.md, "Flows").
//
// Two consecutive enrolments a, b of a pupil form a direct transition on b.start when
// b.start - a.end <= 92 days; otherwise a ends in uitstroom and b begins with instroom. The first
// enrolment begins with instroom; an enrolment that ended without a direct successor ends in
// uitstroom with its exit reason. A transition belongs to the school year holding its day.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/enum_names.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

enum class transition_kind : std::uint8_t {
    instroom,       ///< outside -> setting
    overstap,       ///< same setting, other school
    verwijzing,     ///< referral into sbo, so, pro or vso
    terugplaatsing, ///< return to a lighter setting
    doorstroom,     ///< any PO setting -> any VO setting
    overig,         ///< VO -> PO
    voortzetting,   ///< re-enrolment at the same school: no move (passend's choice; not in
                    ///< docs/definitions.md)
    uitstroom,      ///< setting -> outside, with the exit reason
};
template <>
struct enum_names<transition_kind> {
    static constexpr std::array<std::string_view, 8> names{
        "instroom",   "overstap", "verwijzing",   "terugplaatsing",
        "doorstroom", "overig",   "voortzetting", "uitstroom"};
};
inline constexpr std::size_t transition_kind_count = enum_count<transition_kind>;

/// The kind of a direct transition between two enrolments (docs/definitions.md's table).
transition_kind classify(setting from, setting to, bool same_school) noexcept;

inline constexpr std::uint32_t no_enrolment = 0xFFFFFFFFu;
/// The most days between one enrolment's end and the next one's start for a direct transition.
inline constexpr int direct_transition_max_gap = 92;

struct transition {
    std::uint32_t from = no_enrolment; ///< enrolment row; no_enrolment for instroom
    std::uint32_t to = no_enrolment;   ///< enrolment row; no_enrolment for uitstroom
    day on;                            ///< to.start, or from.end for uitstroom
    transition_kind kind;
};

/// Call `f(const transition&)` for each transition of pupil `p`, in date order; no allocation.
template <class F>
void for_each_transition(const dataset& ds, pupil_idx p, F&& f) {
    const auto& en = ds.enrolments();
    const auto& kind = ds.schools().kind;
    const std::uint32_t begin = en.first[pos(p)], end = en.first[pos(p) + 1];
    for (std::uint32_t e = begin; e < end; ++e) {
        const bool direct = e > begin && en.end[e - 1] != open_end &&
                            (en.start[e] - en.end[e - 1]).count() <= direct_transition_max_gap;
        if (direct) {
            const auto a = pos(en.school[e - 1]), b = pos(en.school[e]);
            f(transition{e - 1, e, en.start[e], classify(kind[a], kind[b], a == b)});
        } else {
            if (e > begin && en.end[e - 1] != open_end)
                f(transition{e - 1, no_enrolment, en.end[e - 1], transition_kind::uitstroom});
            f(transition{no_enrolment, e, en.start[e], transition_kind::instroom});
        }
    }
    if (end > begin && en.end[end - 1] != open_end)
        f(transition{end - 1, no_enrolment, en.end[end - 1], transition_kind::uitstroom});
}

/// Every transition of every pupil, by pupil and date.
std::vector<transition> transitions(const dataset& ds);

PASSEND_NAMESPACE_END
