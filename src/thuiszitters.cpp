#include "passend/thuiszitters.hpp"

#include "passend/attribution.hpp"

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

std::vector<verzuim_episode> verzuim_episodes(const dataset& ds, school_year y) {
    const auto& ab = ds.absences();
    const period year = y.days();
    std::vector<verzuim_episode> out;
    for (std::uint32_t a = 0; a < ab.size(); ++a) {
        const period span{ab.start[a], ab.end[a]};
        if (!span.overlaps(year)) continue;
        const bool open = ab.end[a] == open_end;
        const day last = open ? year.end : ab.end[a];
        const int length = (last - ab.start[a]).count() + 1;
        if (ab.kind[a] == absence_kind::relatief && length <= langdurig_min_days_exclusive)
            continue;
        out.push_back({a, ab.pupil[a], ab.kind[a], ab.start[a], last, open, length,
                       last > add_months(ab.start[a], 3),
                       attribute_absence(ds, ab.pupil[a], ab.start[a])});
    }
    return out; // absences are stored by pupil, then start
}

PASSEND_NAMESPACE_END
