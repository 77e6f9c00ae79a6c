// SPDX-License-Identifier: EUPL-1.2
// Private: one history per pupil out of the rows of every export.
#include "import/records.hpp"

#include <algorithm>
#include <map>
#include <tuple>

PASSEND_NAMESPACE_BEGIN
namespace detail {
namespace {

diagnostic conflict(const origin& at, std::string rule, std::string message) {
    return {severity::error, at.file, at.line, at.column, std::move(rule), std::move(message)};
}

std::string period(day start, day end) {
    return format_day(start) + " to " + (end == open_end ? std::string("open") : format_day(end));
}

/// The day after `d` (an open end stays open).
day next_day(day d) {
    return d == open_end ? d : d + date::days{1};
}

/// Rows at one school continue each other when they overlap, touch, or only the summer holiday
/// lies between them: the first ends in the last six weeks of a school year, the second starts
/// in the first six weeks of the next.
bool continues(const enrolment_record& last, const enrolment_record& next) {
    if (next.start <= next_day(last.end)) return true;
    const auto year = school_year::containing(last.end);
    return last.end + date::days{42} >= year.last_day() &&
           school_year::containing(next.start) == year.next() &&
           next.start <= year.next().first_day() + date::days{42};
}

/// The end of two rows of one enrolment: the later, except that an open end (enrolled when its
/// export was made) gives way to an end told by a later export.
day merged_end(const enrolment_record& a, const enrolment_record& b) {
    if ((a.end == open_end) == (b.end == open_end)) return std::max(a.end, b.end);
    const auto& open = a.end == open_end ? a : b;
    const auto& closed = a.end == open_end ? b : a;
    return closed.known_until > open.known_until && closed.end >= open.known_until ? closed.end
                                                                                   : open_end;
}

void merge_pupils(std::vector<pupil_record>& pupils, std::vector<diagnostic>& out) {
    std::stable_sort(pupils.begin(), pupils.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; });
    std::vector<pupil_record> kept;
    for (auto& p : pupils) {
        if (!kept.empty() && kept.back().id == p.id) {
            if (kept.back().birth != p.birth)
                out.push_back(conflict(p.where, "conflicting_birth_date",
                                       "pupil " + p.id + ": birth date " + format_day(p.birth) +
                                           " here, " + format_day(kept.back().birth) + " at " +
                                           kept.back().where.text()));
            continue;
        }
        kept.push_back(std::move(p));
    }
    pupils = std::move(kept);
}

void merge_enrolments(std::vector<enrolment_record>& rows, std::vector<diagnostic>& out) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(a.pupil, a.start, a.end) < std::tie(b.pupil, b.start, b.end);
    });
    std::vector<enrolment_record> kept;
    for (auto& r : rows) {
        if (kept.empty() || kept.back().pupil != r.pupil) {
            kept.push_back(std::move(r));
            continue;
        }
        auto& last = kept.back();
        if (last.school == r.school && continues(last, r)) {
            // One enrolment told in several rows (school years, groups, exports).
            const day end = merged_end(last, r);
            // An open end is known up to the latest export that left it open.
            day known = std::max(last.known_until, r.known_until);
            if (end == open_end && (last.end == open_end) != (r.end == open_end))
                known = last.end == open_end ? last.known_until : r.known_until;
            last.end = end;
            last.known_until = known;
            if (r.grade) last.grade = r.grade;
            continue;
        }
        if (r.start <= last.end && r.start != last.end) {
            if (last.end == open_end && r.start > last.known_until) {
                // The export that left it open knew nothing after its own day.
                last.end = r.start - date::days{1};
            } else {
                out.push_back(conflict(r.where, "conflicting_enrolments",
                                       "pupil " + r.pupil + " is enrolled at " + r.school +
                                           " from " + period(r.start, r.end) + " here and at " +
                                           last.school + " from " + period(last.start, last.end) +
                                           " at " + last.where.text() +
                                           ": two schools on the same days"));
                continue;
            }
        }
        kept.push_back(std::move(r));
    }
    rows = std::move(kept);
}

/// Keep the first of rows with the same key; a differing duplicate is a conflict.
template <typename Row, typename Key, typename Same>
void keep_once(std::vector<Row>& rows, Key key, Same same, std::string_view what,
               std::vector<diagnostic>& out) {
    std::map<decltype(key(rows.front())), std::size_t> seen;
    std::vector<Row> kept;
    for (auto& r : rows) {
        const auto [it, fresh] = seen.emplace(key(r), kept.size());
        if (fresh) {
            kept.push_back(std::move(r));
        } else if (!same(kept[it->second], r)) {
            out.push_back(conflict(r.where, "conflicting_" + std::string(what),
                                   "this " + std::string(what) + " of pupil " + r.pupil +
                                       " differs from the one with the same number read at " +
                                       kept[it->second].where.text()));
        }
    }
    rows = std::move(kept);
}

} // namespace

void merge_histories(import_records& records, std::vector<diagnostic>& diagnostics) {
    merge_pupils(records.pupils, diagnostics);
    merge_enrolments(records.enrolments, diagnostics);
    if (!records.tlvs.empty())
        keep_once(
            records.tlvs, [](const tlv_record& t) { return t.id; },
            [](const tlv_record& a, const tlv_record& b) {
                return std::tie(a.pupil, a.swv, a.admits, a.category, a.start, a.end) ==
                       std::tie(b.pupil, b.swv, b.admits, b.category, b.start, b.end);
            },
            "tlv", diagnostics);
    if (!records.opps.empty())
        keep_once(
            records.opps,
            [](const opp_record& o) { return std::make_tuple(o.pupil, o.school, o.start); },
            [](const opp_record& a, const opp_record& b) { return a.end == b.end; }, "opp",
            diagnostics);
    if (!records.arrangements.empty())
        keep_once(
            records.arrangements, [](const arrangement_record& a) { return a.id; },
            [](const arrangement_record& a, const arrangement_record& b) {
                return std::tie(a.pupil, a.school, a.start, a.end) ==
                       std::tie(b.pupil, b.school, b.start, b.end);
            },
            "arrangement", diagnostics);
}

} // namespace detail
PASSEND_NAMESPACE_END
