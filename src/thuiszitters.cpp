// SPDX-License-Identifier: EUPL-1.2
#include "passend/thuiszitters.hpp"

#include "passend/attribution.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN

absence_unit attribute_absence(const dataset& ds, pupil_idx p, day start) {
    absence_unit u;
    u.municipality = ds.pupils().municipality[pos(p)];
    const auto& en = ds.enrolments();
    const auto& schools = ds.schools();
    const auto at_school = [&](std::uint32_t e, day d, absence_basis basis) {
        u.basis = basis;
        u.school = en.school[e];
        u.board = schools.board[pos(u.school)];
        u.swv = attributed_swv(ds, e, d);
    };
    if (const auto e = enrolment_on(ds, p, start)) {
        at_school(*e, start, absence_basis::enrolled);
        return u;
    }
    // The last enrolment that started before the absence has ended before it (none covers it).
    for (auto e = en.first[pos(p) + 1]; e-- > en.first[pos(p)];)
        if (en.start[e] < start) {
            at_school(e, en.end[e], absence_basis::last_school);
            return u;
        }
    const sector s = age_on(ds.pupils().birth_date[pos(p)], start) < 12 ? sector::po : sector::vo;
    if (const auto region = ds.municipalities().region_swv(u.municipality, s); has(region)) {
        u.basis = absence_basis::region;
        u.swv = region;
    }
    return u;
}

void append_verzuim_episodes(const dataset& ds, pupil_idx p, period counted, day as_of,
                             std::vector<verzuim_episode>& out) {
    const auto& ab = ds.absences();
    if (ab.first.empty()) return;
    for (auto a = ab.first[pos(p)]; a < ab.first[pos(p) + 1]; ++a) {
        const period span{ab.start[a], ab.end[a]};
        if (!span.overlaps(counted)) continue;
        const bool open = ab.end[a] == open_end || ab.end[a] > as_of;
        const day last = open ? counted.end : ab.end[a];
        const int length = (last - ab.start[a]).count() + 1;
        if (ab.kind[a] == absence_kind::relatief && length <= langdurig_min_days_exclusive)
            continue;
        out.push_back({a, p, ab.kind[a], ab.start[a], last, open, length,
                       last > add_months(ab.start[a], 3), attribute_absence(ds, p, ab.start[a])});
    }
}

void append_verzuim_episodes(const dataset& ds, pupil_idx p, school_year y,
                             std::vector<verzuim_episode>& out) {
    const day extract = ds.extract_date();
    append_verzuim_episodes(ds, p, {y.first_day(), std::min(y.last_day(), extract)}, extract, out);
}

std::vector<verzuim_episode> verzuim_episodes(const dataset& ds, school_year y) {
    std::vector<verzuim_episode> out;
    const auto& ab = ds.absences();
    if (ab.first.empty()) return out;
    // Absences are stored by pupil, then start: pupils in order give the documented order.
    for (std::uint32_t p = 0; p + 1 < ab.first.size(); ++p)
        if (ab.first[p] < ab.first[p + 1]) append_verzuim_episodes(ds, pupil_idx{p}, y, out);
    return out;
}

PASSEND_NAMESPACE_END
