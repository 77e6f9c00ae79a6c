// SPDX-License-Identifier: EUPL-1.2
// The pupils of the demo: one school career per pupil, simulated year by year from the first day
// at school, then cut to the window and added to the builder.
//
// Every pupil draws from its own random stream (seed, pupil number), so a career never depends on
// another one. Rates are per 100,000 pupils a year; they are tuned so that the stocks at the
// teldatum look like the national dashboard's (sbo ~2% and so ~1.5% of PO, pro ~3% and vso ~3.5%
// of VO), see docs/demo-region.md.
#include "generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

PASSEND_NAMESPACE_BEGIN
namespace demo {

namespace {

using date::days;

/// A change during a school year (one at most per pupil and year).
enum class event : std::uint8_t {
    none,
    to_sbo,
    to_so,
    to_pro,
    to_vso,
    to_bao,
    to_vo,
    move,    ///< overstap: same setting, another school
    leave,   ///< moves out of the region: exit verhuisd
    dropout, ///< leaves without diploma
    exempt,  ///< vrijstelling: leaves school, exit overig
};

struct chance_of {
    event what;
    std::uint32_t per_100k;
    int min_age = 0, max_age = 99; ///< age on the teldatum
};

// Yearly chances per setting (per 100,000 pupils).
constexpr chance_of bao_events[] = {{event::to_sbo, 680, 5, 10},
                                    {event::to_so, 265, 4, 10},
                                    {event::move, 2200},
                                    {event::leave, 1100},
                                    {event::exempt, 30}};
constexpr chance_of sbo_events[] = {{event::to_so, 1100},
                                    {event::to_bao, 1600},
                                    {event::move, 400},
                                    {event::leave, 800},
                                    {event::exempt, 150}};
constexpr chance_of so_events[] = {{event::to_sbo, 800},
                                   {event::to_bao, 350},
                                   {event::move, 400},
                                   {event::leave, 700},
                                   {event::exempt, 900}};
constexpr chance_of vo_events[] = {{event::to_pro, 250, 12, 13}, {event::to_vso, 160, 12, 16},
                                   {event::move, 1800},          {event::leave, 900},
                                   {event::dropout, 2200, 16},   {event::exempt, 20}};
constexpr chance_of pro_events[] = {{event::to_vo, 1000},
                                    {event::to_vso, 400},
                                    {event::move, 300},
                                    {event::leave, 700},
                                    {event::dropout, 2500, 16}};
constexpr chance_of vso_events[] = {{event::to_vo, 900},   {event::to_pro, 1100},
                                    {event::move, 500},    {event::leave, 600},
                                    {event::exempt, 1200}, {event::dropout, 1500, 16}};

std::span<const chance_of> events_of(setting s) {
    switch (s) {
    case setting::bao:
        return bao_events;
    case setting::sbo:
        return sbo_events;
    case setting::so:
        return so_events;
    case setting::vo:
        return vo_events;
    case setting::pro:
        return pro_events;
    case setting::vso:
        return vso_events;
    }
    return {};
}

// Relatief verzuim: yearly chance of a long absence (more than 28 days) and of a short one.
constexpr std::array<std::uint32_t, setting_count> long_absence{55, 500, 800, 180, 700, 1600};
constexpr std::array<std::uint32_t, setting_count> short_absence{150, 900, 900, 500, 1200, 1800};
// A new OPP in a year at a regular school (specialised settings always have one).
constexpr std::array<std::uint32_t, setting_count> opp_start{1500, 0, 0, 1000, 0, 0};

/// Where a pupil leaving PO goes, per mille: vo, pro, vso.
constexpr std::array<std::array<std::uint32_t, 3>, 3> to_vo_from{
    {{982, 13, 5}, {450, 420, 130}, {70, 80, 850}}};

struct stay {
    std::uint32_t school;
    setting kind;
    day start, end = open_end;
    exit_reason exit = exit_reason::none;
    std::uint32_t municipality;
    int grade;
};

struct later_absence {
    absence_kind kind;
    day start, end;
    std::string_view article;
};

day year_day(int year, int offset) {
    return make_day(year, 8, 1) + days{offset};
}

/// One pupil's career and the rows it makes.
class career {
public:
    career(const region& r, const window& w, dataset_builder& b, tallies& t)
        : r_(r), w_(w), b_(b), t_(t), g_(0) {
        for (std::uint32_t s = 0; s < r.swvs.size(); ++s)
            (r.swvs[s].sector_of == sector::po ? po_swvs_ : vo_swvs_).push_back(s);
    }

    void run(std::uint64_t seed, std::uint64_t serial, int birth_year) {
        g_ = rng(stream_seed(seed, serial));
        seed_ = seed;
        stays_.clear();
        absences_.clear();
        serial_ = serial;
        plan(birth_year);
        if (!live()) return;
        emit();
    }

private:
    // ---- the plan of a life -------------------------------------------------------------------

    void plan(int birth_year) {
        const int year_days = date::year{birth_year}.is_leap() ? 366 : 365;
        birth_ = make_day(birth_year, 1, 1) + days{g_.below(static_cast<std::uint32_t>(year_days))};
        birth_year_ = birth_year;
        after_teldatum_ = birth_ > make_day(birth_year, 10, 1);
        // Groep 8 in the year the pupil is 11 on the teldatum, later after a repeated year.
        const int r = g_.between(0, 99);
        delay_ = r < 1 ? -1 : r < 79 ? 0 : r < 99 ? 1 : 2;
        y8_ = birth_year + 11 + (after_teldatum_ ? 1 : 0) + delay_;
        repeat_year_ = y8_ - g_.between(1, 6);
        vo_year_ = y8_ + 1;
        const int t = g_.between(0, 99);
        track_ = t < 50 ? 4 : t < 78 ? 5 : 6; // vmbo, havo, vwo
        vo_repeat_ = g_.chance(15'000) ? vo_year_ + g_.between(0, track_ - 2) : -9999;
        vso_leave_age_ = g_.between(17, 19);
        municipality_ = static_cast<std::uint32_t>(g_.pick(r_.people_cumulative));
    }

    /// Age on 1 October of `year`, in integers (the same as age_on, many times cheaper).
    int age_at_teldatum(int year) const { return year - birth_year_ - (after_teldatum_ ? 1 : 0); }
    int po_grade(int year) const {
        const int g = 8 - (y8_ - year) + (year < repeat_year_ ? delay_ : 0);
        return std::clamp(g, 1, 8);
    }
    int vo_grade(int year) const {
        return std::clamp(year - vo_year_ + 1 - (year > vo_repeat_ ? 1 : 0), 1, 6);
    }
    int grade(setting s, int year) const {
        switch (s) {
        case setting::bao:
        case setting::sbo:
            return po_grade(year);
        case setting::vo:
        case setting::pro:
            return vo_grade(year);
        default:
            return 0; // so and vso register no groep or leerjaar here
        }
    }

    /// A school of setting s for a pupil living in municipality m; so and vso pupils go to a
    /// neighbouring partnership's school now and then, sbo pupils rarely (their TLV stays with
    /// the home one). Whether an sbo pupil crosses is drawn from a stream of its own, so that
    /// the pupil's other draws stay as they were before sbo pupils crossed.
    std::uint32_t choose_school(setting s, std::uint32_t m) {
        if (s == setting::bao) return g_.one_of(r_.schools_in_municipality(m, s));
        if (s == setting::vo && !r_.schools_in_municipality(m, s).empty() && g_.chance(60'000))
            return g_.one_of(r_.schools_in_municipality(m, s));
        std::uint32_t w = r_.swv_of(m, s);
        rng sbo(stream_seed(seed_ ^ 0x5B0C2055ull, serial_ * 64 + stays_.size()));
        const bool sbo_crosses = s == setting::sbo && sbo.chance(6'000);
        if (sbo_crosses || ((s == setting::so || s == setting::vso) && g_.chance(25'000))) {
            const auto& same = sector_of(s) == sector::po ? po_swvs_ : vo_swvs_;
            const auto at = std::find(same.begin(), same.end(), w) - same.begin();
            const auto step = (sbo_crosses ? sbo : g_).chance(50'000) ? 1 : same.size() - 1;
            w = same[(static_cast<std::size_t>(at) + step) % same.size()];
        }
        if (r_.schools_in_swv(w, s).empty()) w = r_.swv_of(m, s);
        return g_.one_of(r_.schools_in_swv(w, s));
    }

    stay& current() { return stays_.back(); }

    void begin(setting s, day start, int year) {
        const auto school = choose_school(s, municipality_);
        stays_.push_back(
            {school, s, start, open_end, exit_reason::none, municipality_, grade(s, year)});
    }
    /// Leave the current school on day d for setting s (a switch on the same day, or the next).
    void change(setting s, day d, int year) {
        const bool same_day = g_.chance(30'000);
        current().end = same_day ? d : d - days{1};
        begin(s, d, year);
    }
    void finish(day d, exit_reason why) {
        current().end = d;
        current().exit = why;
    }

    bool live() {
        // First day at school: the fourth birthday, or later for pupils who move into the region.
        day entry = add_months(birth_, 48);
        if (!g_.chance(88'000)) {
            const int age = g_.between(5, 15);
            entry = make_day(static_cast<int>(date::year_month_day{birth_}.year()) + age, 9, 1) +
                    days{g_.below(300)};
        }
        if (entry > w_.last_day) return false;
        int year = school_year::containing(entry).start_year();
        if (year < vo_year_)
            begin(g_.chance(450) &&
                          year == school_year::containing(add_months(birth_, 48)).start_year()
                      ? setting::so
                      : setting::bao,
                  entry, year);
        else
            begin(g_.chance(3'000)   ? setting::pro
                  : g_.chance(2'000) ? setting::vso
                                     : setting::vo,
                  entry, year);

        for (; year <= w_.last_year; ++year) {
            if (!during_year(year)) break;
            if (!end_of_year(year)) break;
        }
        return true;
    }

    /// At most one event in the year; false when the pupil's career ends.
    bool during_year(int year) {
        const setting s = current().kind;
        const int age = age_at_teldatum(year);
        std::uint32_t u = g_.below(100'000);
        event what = event::none;
        for (const auto& c : events_of(s)) {
            if (age < c.min_age || age > c.max_age) continue;
            if (u < c.per_100k) {
                what = c.what;
                break;
            }
            u -= c.per_100k;
        }
        if (what == event::none) return true;
        // Referrals often start with the school year; everything else on a school day.
        const bool at_start = (what == event::to_sbo || what == event::to_so ||
                               what == event::to_pro || what == event::to_vso) &&
                              g_.chance(35'000) && current().start < year_day(year, 0);
        const day d = at_start ? year_day(year, 0) : year_day(year, 31 + g_.between(0, 302));
        if (d <= current().start + days{7}) return true;

        switch (what) {
        case event::to_sbo:
            change(setting::sbo, d, year);
            return true;
        case event::to_so:
            change(setting::so, d, year);
            return true;
        case event::to_pro:
            change(setting::pro, d, year);
            return true;
        case event::to_vso:
            change(setting::vso, d, year);
            return true;
        case event::to_bao:
            change(setting::bao, d, year);
            return true;
        case event::to_vo:
            change(setting::vo, d, year);
            return true;
        case event::move:
            return move(d, year);
        case event::leave:
            finish(d, exit_reason::verhuisd);
            return false;
        case event::dropout:
            finish(d, exit_reason::zonder_diploma);
            if (age < 18 && g_.chance(20'000)) absent_after(d);
            return false;
        case event::exempt:
            exempt(d, s);
            return false;
        case event::none:
            break;
        }
        return true;
    }

    /// Overstap: another school of the same setting, now and then after moving house, rarely
    /// with weeks out of school in between (absoluut verzuim).
    bool move(day d, int year) {
        const auto before = current().school;
        const auto m = municipality_;
        if (g_.chance(40'000))
            municipality_ = static_cast<std::uint32_t>(g_.pick(r_.people_cumulative));
        const auto school = choose_school(current().kind, municipality_);
        if (school == before) {
            municipality_ = m;
            return true;
        }
        const day year_last = make_day(year + 1, 7, 31);
        if (g_.chance(6'000) && d + days{35} < year_last) { // weeks without a school
            const int gap = g_.between(21, 150);
            const day back = std::min(d + days{gap}, year_last - days{14});
            current().end = d - days{1};
            absences_.push_back({absence_kind::absoluut, d, back - days{1}, {}});
            stays_.push_back({school, current().kind, back, open_end, exit_reason::none,
                              municipality_, grade(current().kind, year)});
            return true;
        }
        const bool same_day = g_.chance(30'000);
        current().end = same_day ? d : d - days{1};
        stays_.push_back({school, current().kind, d, open_end, exit_reason::none, municipality_,
                          grade(current().kind, year)});
        return true;
    }

    /// Of compulsory school age and enrolled nowhere for a while (or still, at the end).
    void absent_after(day d) {
        const day start = d + days{1};
        const day end = g_.chance(8'000) ? open_end : start + days{g_.between(20, 300)};
        absences_.push_back({absence_kind::absoluut, start, end, {}});
    }

    /// Vrijstelling (Leerplichtwet art. 5a unfit for school, 5b objection to every school's
    /// denomination, 15 schooling abroad): the pupil leaves school.
    void exempt(day d, setting s) {
        finish(d, exit_reason::overig);
        std::string_view article = "5a";
        if (is_regular(s)) {
            const int r = g_.between(0, 9);
            article = r < 4 ? "5a" : r < 8 ? "5b" : "15";
        }
        const day start = d + days{1};
        const day end = g_.chance(50'000) ? open_end : start + days{g_.between(90, 700)};
        absences_.push_back({absence_kind::vrijstelling, start, end, article});
    }

    /// Promotion, doorstroom to VO, diploma or leaving at 31 July; false when the career ends or
    /// runs on past the window.
    bool end_of_year(int year) {
        const setting s = current().kind;
        const day last = make_day(year + 1, 7, 31);
        const int age = age_at_teldatum(year);
        if (sector_of(s) == sector::po) {
            if (year < y8_) return true;
            if (year == w_.last_year) return false; // doorstroom after the window: still open
            const auto& to = to_vo_from[index_of(s)];
            const auto r = g_.below(1000);
            const setting next = r < to[0]           ? setting::vo
                                 : r < to[0] + to[1] ? setting::pro
                                                     : setting::vso;
            current().end = last;
            begin(next, last + days{1}, year + 1);
            return true;
        }
        if (s == setting::vo && vo_grade(year) >= track_) {
            finish(last, g_.chance(93'000) ? exit_reason::diploma : exit_reason::zonder_diploma);
            return false;
        }
        if (s == setting::vo && year < w_.last_year) {
            // Into the upper years (bovenbouw: vmbo 3, havo and vwo 4) the school registers a new
            // enrolment, as BRON does for a new programme: a re-enrolment at the same school.
            const int upper = track_ == 4 ? 3 : 4;
            if (vo_grade(year) == upper - 1 && vo_grade(year + 1) == upper) {
                const auto school = current().school;
                current().end = last;
                stays_.push_back(
                    {school, s, last + days{1}, open_end, exit_reason::none, municipality_, upper});
            }
            return true;
        }
        if (s == setting::pro && age >= 17) {
            const int r = g_.between(0, 99);
            finish(last, r < 55   ? exit_reason::diploma
                         : r < 75 ? exit_reason::zonder_diploma
                                  : exit_reason::overig);
            return false;
        }
        if (s == setting::vso && age >= vso_leave_age_) {
            const int r = g_.between(0, 99);
            finish(last, r < 30   ? exit_reason::diploma
                         : r < 80 ? exit_reason::overig
                                  : exit_reason::zonder_diploma);
            return false;
        }
        return true;
    }

    // ---- rows ---------------------------------------------------------------------------------

    bool in_window(day start, day end) const {
        return start <= w_.last_day && (end == open_end || end >= w_.first_day);
    }
    day clip_start(day d) const { return std::max(d, w_.first_day); }
    day clip_end(day d) const { return d == open_end || d > w_.last_day ? open_end : d; }

    void emit() {
        const auto id = pupil_id();
        bool any = false;
        std::array<day, setting_count> tlv_until;
        tlv_until.fill(no_day);
        for (std::size_t i = 0; i < stays_.size(); ++i) {
            const auto& st = stays_[i];
            // TLVs of stays before the window still set the validity that later stays rely on.
            quiet_ = !in_window(st.start, st.end);
            any |= emit_tlvs(id, st, i, tlv_until);
            if (quiet_) continue;
            any = true;
            const day start = clip_start(st.start);
            const int g = start == st.start ? st.grade : grade(st.kind, w_.first_year);
            if (w_.known(start)) {
                const day end = w_.known_end(clip_end(st.end));
                b_.add(enrolment_row{id, r_.schools[st.school].id, start, end, g,
                                     end == open_end ? exit_reason::none : st.exit});
            }
            count_teldatum(st, start);
            emit_support(id, st);
        }
        for (const auto& a : absences_) {
            if (!in_window(a.start, a.end)) continue;
            any = true;
            if (w_.known(clip_start(a.start)))
                b_.add(absence_row{id, a.kind, clip_start(a.start), w_.known_end(clip_end(a.end)),
                                   a.article});
        }
        if (any) b_.add(pupil_row{id, birth_, r_.municipalities[municipality_].code});
    }

    std::string_view pupil_id() {
        // The pupil number and a random digit: ids look like pseudonyms, never collide, and
        // sort in the order the pupils are made: the builder's checks and layout then take about
        // half the time they take with scrambled ids (demo_generate_benchmark, 500,000 pupils).
        // Unique below 2^28 pupil numbers, which make_demo's cap on pupils keeps.
        const auto x = static_cast<std::uint32_t>((serial_ << 4) | (g_.next() >> 60));
        const auto end = fmt::format_to(id_, "L{:08X}", x);
        return {id_, static_cast<std::size_t>(end - id_)};
    }

    void count_teldatum(const stay& st, day start) {
        const auto years = static_cast<std::size_t>(w_.years());
        for (int y = w_.first_year; y <= w_.last_year; ++y) {
            const day t = make_day(y, 10, 1);
            if (start <= t && t <= st.end)
                ++t_.at_teldatum[st.school * years + static_cast<std::size_t>(y - w_.first_year)];
        }
    }

    /// OPPs, individual arrangements and relatief verzuim during a stay, year by year.
    void emit_support(std::string_view id, const stay& st) {
        const auto& school = r_.schools[st.school].id;
        const day stay_last = st.end == open_end ? w_.last_day : std::min(st.end, w_.last_day);
        const bool special = !is_regular(st.kind);
        day opp_until = no_day;
        if (special) { // an OPP for everyone in a specialised setting, from the first weeks
            const day start = std::min(st.start + days{g_.between(0, 42)}, stay_last);
            opp_until = st.end;
            if (in_window(start, st.end) && w_.known(clip_start(start)))
                b_.add(opp_row{id, school, clip_start(start), clip_end(st.end)});
        }
        for (int y = school_year::containing(clip_start(st.start)).start_year(); y <= w_.last_year;
             ++y) {
            const day first = std::max(make_day(y, 8, 1), clip_start(st.start));
            const day last = std::min(make_day(y + 1, 7, 31), stay_last);
            if (first > last) break;
            const auto span = static_cast<std::uint32_t>((last - first).count() + 1);
            const auto some_day = [&] { return first + days{g_.below(span)}; };
            const bool has_opp =
                opp_until != no_day && (opp_until == open_end || opp_until >= first);
            if (!special && !has_opp && g_.chance(opp_start[index_of(st.kind)])) {
                const day start = some_day();
                opp_until = g_.chance(70'000)
                                ? st.end
                                : std::min(st.end, start + days{g_.between(150, 600)});
                if (w_.known(start)) b_.add(opp_row{id, school, start, clip_end(opp_until)});
            }
            const bool supported =
                opp_until != no_day && (opp_until == open_end || opp_until >= first);
            int level = 0;
            if (special ? g_.chance(12'000) : supported ? g_.chance(65'000) : false) {
                const int r = g_.between(0, 99);
                level = special ? 5 : r < 55 ? 3 : r < 88 ? 4 : 5;
            } else if (!special && g_.chance(1'500)) {
                level = 2;
            }
            if (level) individual_arrangement(id, school, st.kind, level, first, last);
            relatief(id, st, first, last, long_absence[index_of(st.kind)], true);
            relatief(id, st, first, last, short_absence[index_of(st.kind)], false);
        }
    }

    void individual_arrangement(std::string_view id, std::string_view school, setting kind,
                                int level, day first, day last) {
        const day start = std::min(last, first + days{g_.between(14, 100)});
        const day end = std::min(last, start + days{g_.between(60, 300)});
        static constexpr std::array<std::array<int, 2>, 6> euro{
            {{0, 0}, {0, 0}, {200, 900}, {800, 3'000}, {2'500, 8'000}, {4'000, 15'000}}};
        const cents cost = cents{g_.between(euro[level][0], euro[level][1])} * 100;
        char aid[16];
        const auto n = fmt::format_to(aid, "A{:08}", ++t_.arrangements);
        b_.add(arrangement_row{{aid, static_cast<std::size_t>(n - aid)},
                               id,
                               school,
                               level,
                               arrangement_kind::individueel,
                               start,
                               clip_end(end),
                               cost,
                               arrangement_domain(level, t_.arrangements, kind)});
    }

    /// Unauthorised absence during a stay: long ones (more than 28 days: thuiszitters) and short
    /// ones, so that the 28-day threshold matters; a long one late in the last year stays open.
    void relatief(std::string_view id, const stay& st, day first, day last, std::uint32_t chance,
                  bool long_one) {
        if (!g_.chance(chance)) return;
        const auto span = static_cast<std::uint32_t>((last - first).count() + 1);
        const day start = first + days{g_.below(span)};
        const int length =
            long_one ? 29 + g_.between(0, 60) + g_.between(0, 120) : g_.between(3, 28);
        day end = start + days{length - 1};
        if (st.end != open_end && end > st.end) end = st.end;
        if (w_.known(start))
            b_.add(absence_row{id, absence_kind::relatief, start, w_.known_end(clip_end(end)), {}});
    }

    // ---- TLVs ---------------------------------------------------------------------------------

    /// Days from request to decision: two to ten weeks, mostly five to seven.
    int lead_days() { return 7 + g_.between(0, 20) + g_.between(0, 20) + g_.between(0, 27); }

    /// Add a TLV when the window knows it: decided in the window, or valid in it. A request
    /// received by the extract date and decided after it is an open request on the extract date.
    bool emit_tlv(std::string_view pupil, const tlv_row& t) {
        if (quiet_ || t.decision_date > w_.last_day) return false;
        const bool valid_in_window =
            t.outcome == tlv_outcome::toegekend && in_window(t.start_date, t.end_date);
        if (t.decision_date < w_.first_day && !valid_in_window) return false;
        char tid[16];
        const auto n = fmt::format_to(tid, "T{:08}", ++t_.tlvs);
        tlv_row row = t;
        row.tlv_id = {tid, static_cast<std::size_t>(n - tid)};
        row.pupil_id = pupil;
        if (row.end_date != open_end && row.end_date > w_.last_day) row.end_date = open_end;
        request_days(row);
        if (!w_.known(row.decision_date)) {
            if (row.request_date == no_day || !w_.known(row.request_date))
                return false;           // requested after the extract (id kept)
            row.decision_date = no_day; // open on the extract date
            row.outcome = tlv_outcome::open;
            row.start_date = no_day;
            row.end_date = open_end;
            row.objection = -1;
            if (!w_.known(row.complete_date)) row.complete_date = no_day; // not complete yet
        }
        b_.add(row);
        return true;
    }

    /// The days of a request between its receipt and its decision, drawn from the TLV's own
    /// stream (by its id), so that the pupil's draws and every other record stay as they were,
    /// whatever the extract date: one request in seven waited 30 to 90 days (a quarter of them
    /// up to 150) for a report
    /// before it was handled (received that much earlier); most requests were complete within
    /// three weeks of their receipt, and never after the decision.
    void request_days(tlv_row& row) const {
        if (row.request_date == no_day) return;
        rng g(stream_seed(seed_ ^ 0xC0A1E7Eull, t_.tlvs));
        if (g.chance(15'000)) row.request_date -= days{g.between(30, g.chance(25'000) ? 150 : 90)};
        if (!g.chance(85'000)) return;
        row.complete_date = std::min(row.request_date + days{g.between(0, 21)}, row.decision_date);
    }

    /// The TLVs that admit a pupil to a specialised stay: a first one decided weeks before the
    /// start, renewals before each 31 July on which it would end; now and then a refused or
    /// withdrawn request first, and refused requests for pupils who stay in a regular school.
    bool emit_tlvs(std::string_view id, const stay& st, std::size_t i,
                   std::array<day, setting_count>& until) {
        bool any = false;
        if (is_regular(st.kind)) {
            if (g_.chance(200)) {
                const day decision = st.start + days{g_.between(40, 300)};
                if (st.end != open_end && decision > st.end) return false;
                tlv_row t;
                t.swv_id = r_.swvs[r_.swv_of(st.municipality, st.kind)].id;
                t.admits = st.kind == setting::bao
                               ? (g_.chance(60'000) ? setting::sbo : setting::so)
                               : (g_.chance(60'000) ? setting::pro : setting::vso);
                t.decision_date = decision;
                t.request_date = decision - days{lead_days()};
                t.outcome = tlv_outcome::afgewezen;
                t.start_date = no_day;
                t.objection = g_.chance(25'000) ? 1 : 0;
                any |= emit_tlv(id, t);
            }
            return any;
        }
        if ((st.kind == setting::so || st.kind == setting::vso) && g_.chance(2'500))
            return false; // no TLV on record: the region of the pupil's municipality pays
        const auto k = index_of(st.kind);
        // so and vso: the paying partnership; sbo: the home partnership that referred the pupil
        // (the school's unless the pupil crossed); pro: the school's.
        const std::uint32_t swv = is_paid_by_tlv(st.kind) || st.kind == setting::sbo
                                      ? r_.swv_of(st.municipality, st.kind)
                                      : r_.schools[st.school].swv;
        const funding_category category = !is_paid_by_tlv(st.kind) ? funding_category::none
                                          : g_.chance(68'000)      ? funding_category::laag
                                          : g_.chance(44'000)      ? funding_category::midden
                                                                   : funding_category::hoog;
        const auto valid_to = [&](day start) {
            const int on = g_.chance(50'000) ? 1 : g_.chance(70'000) ? 2 : 3;
            return school_year::containing(start).start_year() + on;
        };
        tlv_row t;
        t.swv_id = r_.swvs[swv].id;
        t.admits = st.kind;
        t.category = category;
        if (until[k] == no_day || until[k] < st.start) {
            const day decision = st.start - days{g_.between(1, 45)};
            if (i > 0 && g_.chance(12'000)) { // an earlier request refused or withdrawn
                tlv_row before = t;
                before.decision_date = decision - days{g_.between(90, 240)};
                before.request_date = before.decision_date - days{lead_days()};
                before.outcome =
                    g_.chance(80'000) ? tlv_outcome::afgewezen : tlv_outcome::ingetrokken;
                before.start_date = no_day;
                before.objection = before.outcome == tlv_outcome::afgewezen && g_.chance(30'000);
                any |= emit_tlv(id, before);
            }
            t.decision_date = decision;
            t.request_date = g_.chance(5'000) ? no_day : decision - days{lead_days()};
            t.start_date = st.start;
            t.end_date = make_day(valid_to(st.start) + 1, 7, 31);
            t.objection = g_.chance(1'000) ? 1 : 0;
            any |= emit_tlv(id, t);
            until[k] = t.end_date;
        }
        const day need = st.end == open_end ? w_.last_day : std::min(st.end, w_.last_day);
        while (until[k] < need) { // herbeoordeling before the TLV ends
            t.request_date = until[k] - days{g_.between(80, 150)};
            t.decision_date = t.request_date + days{lead_days()};
            t.start_date = until[k] + days{1};
            t.end_date = make_day(valid_to(t.start_date), 7, 31);
            t.objection = 0;
            any |= emit_tlv(id, t);
            until[k] = t.end_date;
        }
        return any;
    }

    const region& r_;
    const window& w_;
    dataset_builder& b_;
    tallies& t_;
    rng g_;
    std::vector<std::uint32_t> po_swvs_, vo_swvs_;
    std::vector<stay> stays_;
    std::vector<later_absence> absences_;
    std::uint64_t serial_ = 0;
    std::uint64_t seed_ = 0;
    bool quiet_ = false;
    day birth_{};
    int birth_year_ = 0;
    bool after_teldatum_ = false;
    int delay_ = 0, y8_ = 0, repeat_year_ = 0, vo_year_ = 0, track_ = 4, vo_repeat_ = 0;
    int vso_leave_age_ = 18;
    std::uint32_t municipality_ = 0;
    char id_[16] = {};
};

} // namespace

void add_pupils(const region& r, const window& w, const demo_options& o, dataset_builder& b,
                tallies& t, const progress_fn& progress) {
    t.at_teldatum.assign(r.schools.size() * static_cast<std::size_t>(w.years()), 0);
    career c(r, w, b, t);
    // Birth cohorts old enough to be in vso at the start of the window down to the four-year-olds
    // of its last year (born before August, they start by its end). Zuid-Limburg's cohorts
    // shrink by 1.2% a year (krimp), the synthetic country's do not; pupils at a teldatum come to
    // about 12.7 (Zuid-Limburg) or 12.2 (flat) cohorts, measured.
    const int oldest = w.first_year - 21, youngest = w.last_year - 3;
    const std::uint64_t base = o.pupils * 1000 / (o.partnerships == 0 ? 12'700 : 12'200);
    const int shrink = o.partnerships == 0 ? 12 : 0; // per mille a year
    std::uint64_t serial = 0;
    for (int year = oldest; year <= youngest; ++year) {
        const auto size = static_cast<std::uint64_t>(
            static_cast<std::int64_t>(base) * (1000 - shrink * (year - (w.last_year - 10))) / 1000);
        for (std::uint64_t k = 0; k < size; ++k) c.run(o.seed, serial++, year);
        if (progress)
            progress("pupils", static_cast<double>(year - oldest + 1) / (youngest - oldest + 1));
    }
}

} // namespace demo
PASSEND_NAMESPACE_END
