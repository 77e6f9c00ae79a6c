// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/flow_tables.hpp"

#include "passend/error.hpp"

#include "parallel.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN

namespace {
constexpr std::size_t flow_cells = flow_row_count * flow_col_count;
constexpr std::size_t yoy_cells = yoy_size * yoy_size;
constexpr std::size_t stock_cells = setting_count;
constexpr std::size_t kind_cells = transition_kind_count;
constexpr std::uint32_t no_unit = 0xFFFFFFFFu;

constexpr std::array<std::string_view, flow_row_count> row_labels{
    "bao", "sbo", "so", "vo", "pro", "vso", "instroom", "elders", "onderweg"};
constexpr std::array<std::string_view, flow_col_count> col_labels{"bao",
                                                                  "sbo",
                                                                  "so",
                                                                  "vo",
                                                                  "pro",
                                                                  "vso",
                                                                  "elders",
                                                                  "onderweg",
                                                                  "uitstroom_diploma",
                                                                  "uitstroom_zonder_diploma",
                                                                  "uitstroom_verhuisd",
                                                                  "uitstroom_overig",
                                                                  "uitstroom_onbekend"};
constexpr std::array<std::string_view, yoy_size> yoy_labels{"bao", "sbo", "so",     "vo",
                                                            "pro", "vso", "elders", "buiten"};

/// Where a pupil is: a school and the partnership it counts for (board follows the school).
struct place {
    school_idx school = no_index<school_idx>;
    swv_idx swv = no_index<swv_idx>;
    bool present() const noexcept { return has(school); }
};
} // namespace

std::string_view flow_row_label(int row) noexcept {
    return row_labels[static_cast<std::size_t>(row)];
}
std::string_view flow_col_label(int col) noexcept {
    return col_labels[static_cast<std::size_t>(col)];
}
std::string_view yoy_label(int i) noexcept {
    return yoy_labels[static_cast<std::size_t>(i)];
}

school_year flow_window_of(day d) noexcept {
    const int y = static_cast<int>(date::year_month_day{d}.year());
    return d <= make_day(y, 10, 1) ? school_year{y} : school_year{y + 1};
}

/// One thread's counts, and the per-pupil work that fills them.
struct flow_accumulator {
    const dataset& ds;
    flow_options options;
    int first_year;
    int nyears;
    std::vector<day> teldata; ///< T(first) .. T(last)
    std::array<flow_tables::level_tables, flow_level_count> levels;
    std::array<bool, flow_level_count> enabled{};
    /// The pupil's place at each teldatum and setting (-1 outside); reused for every pupil.
    std::vector<place> at_teldatum;
    std::vector<std::int8_t> setting_at;

    flow_accumulator(const dataset& d, const flow_options& o, const std::vector<school_year>& years)
        : ds(d), options(o), first_year(years.front().start_year()),
          nyears(static_cast<int>(years.size())) {
        for (auto y : years) teldata.push_back(y.teldatum());
        const std::array<std::uint32_t, flow_level_count> units{
            1, static_cast<std::uint32_t>(ds.swvs().size()),
            static_cast<std::uint32_t>(ds.boards().size()),
            static_cast<std::uint32_t>(ds.schools().size())};
        const std::array<bool, flow_level_count> on{true, true, o.boards, o.schools};
        for (std::size_t l = 0; l < flow_level_count; ++l) {
            enabled[l] = on[l];
            if (!on[l]) continue;
            auto& t = levels[l];
            t.units = units[l];
            const std::size_t slots = std::size_t{t.units} * static_cast<std::size_t>(nyears);
            t.flows.assign(slots * flow_cells, 0);
            t.yoy.assign(slots * yoy_cells, 0);
            t.stock.assign(slots * stock_cells, 0);
            t.kinds.assign(slots * kind_cells, 0);
        }
        at_teldatum.resize(static_cast<std::size_t>(nyears));
        setting_at.resize(static_cast<std::size_t>(nyears));
    }

    std::uint32_t unit_of(std::size_t level, const place& p) const noexcept {
        if (!p.present()) return no_unit;
        switch (static_cast<flow_level>(level)) {
        case flow_level::national:
            return 0;
        case flow_level::swv:
            return pos(p.swv);
        case flow_level::board:
            return pos(ds.schools().board[pos(p.school)]);
        case flow_level::school:
            return pos(p.school);
        }
        return no_unit;
    }
    std::size_t slot(std::size_t unit, int w) const noexcept {
        return unit * static_cast<std::size_t>(nyears) + static_cast<std::size_t>(w);
    }
    /// Index of the window holding day d (the first teldatum on or after it); nyears if none.
    int window(day d) const noexcept {
        return static_cast<int>(std::lower_bound(teldata.begin(), teldata.end(), d) -
                                teldata.begin());
    }
    place place_of(std::uint32_t e, day d) const {
        return {ds.enrolments().school[e], attributed_swv(ds, e, d, options.view)};
    }
    int setting_of(std::uint32_t e) const noexcept {
        return static_cast<int>(ds.schools().kind[pos(ds.enrolments().school[e])]);
    }

    /// One change of state in window w from row r at `from` to column c at `to` (an absent
    /// place is outside). `same_school`: the pupil stayed at its school (only the partnership
    /// may differ), which is no move at a level where the unit is the same.
    void flow(int w, int r, int c, const place& from, const place& to, bool same_school) {
        if (w < 0 || w >= nyears) return;
        for (std::size_t l = 0; l < flow_level_count; ++l) {
            if (!enabled[l]) continue;
            auto& cells = levels[l].flows;
            const auto uf = unit_of(l, from), ut = unit_of(l, to);
            const auto at = [&](std::uint32_t u, int row, int col) -> std::int32_t& {
                return cells[slot(u, w) * flow_cells +
                             static_cast<std::size_t>(row * flow_col_count + col)];
            };
            if (uf != no_unit && ut != no_unit) {
                if (uf == ut) {
                    if (!same_school) ++at(uf, r, c);
                } else {
                    ++at(uf, r, static_cast<int>(flow_col::elders));
                    ++at(ut, static_cast<int>(flow_row::elders), c);
                }
            } else if (uf != no_unit) {
                ++at(uf, r, c);
            } else if (ut != no_unit) {
                ++at(ut, r, c);
            }
        }
    }

    void count_kind(school_year y, transition_kind k, const place& p) {
        const int w = y.start_year() - first_year;
        if (w < 0 || w >= nyears) return;
        for (std::size_t l = 0; l < flow_level_count; ++l)
            if (enabled[l])
                ++levels[l]
                      .kinds[slot(unit_of(l, p), w) * kind_cells + static_cast<std::size_t>(k)];
    }

    void add_transition(const transition& t) {
        const auto& en = ds.enrolments();
        if (t.on > ds.extract_date()) return; // a planned end: not a fact yet
        if (t.kind == transition_kind::instroom) {
            const place to = place_of(t.to, en.start[t.to]);
            count_kind(school_year::containing(t.on), t.kind, to);
            flow(window(en.start[t.to]), static_cast<int>(flow_row::instroom), setting_of(t.to), {},
                 to, false);
            return;
        }
        const place from = place_of(t.from, en.end[t.from]);
        count_kind(school_year::containing(t.on), t.kind, from);
        if (t.kind == transition_kind::uitstroom) {
            flow(window(en.end[t.from] + date::days{1}), setting_of(t.from),
                 uitstroom_col(en.exit[t.from]), from, {}, false);
            return;
        }
        // A direct transition: the pupil leaves a on the day after its end (on a switch day, the
        // day itself) and arrives in b on its start.
        const place to = place_of(t.to, en.start[t.to]);
        const day leave = std::min(en.end[t.from] + date::days{1}, en.start[t.to]);
        const int wl = window(leave), wa = window(en.start[t.to]);
        const bool same_school = en.school[t.from] == en.school[t.to];
        if (wl == wa) {
            flow(wa, setting_of(t.from), setting_of(t.to), from, to, same_school);
        } else {
            flow(wl, setting_of(t.from), static_cast<int>(flow_col::onderweg), from, {}, false);
            flow(wa, static_cast<int>(flow_row::onderweg), setting_of(t.to), {}, to, false);
        }
    }

    /// The teldata an enrolment holds, its place there, and changes of its partnership between
    /// its first day, those teldata and its last day (a TLV of another partnership taking over).
    void walk_enrolment(std::uint32_t e, day last_in_state) {
        const auto& en = ds.enrolments();
        const int s = setting_of(e);
        const bool paid_by_tlv = is_paid_by_tlv(static_cast<setting>(s));
        place current = place_of(e, en.start[e]);
        const auto sample = [&](day d, int w) {
            if (!paid_by_tlv) return current;
            const place p = place_of(e, d);
            if (p.swv != current.swv) flow(w, s, s, current, p, true);
            current = p;
            return p;
        };
        for (int w = window(en.start[e]); w < nyears && teldata[w] <= last_in_state; ++w) {
            at_teldatum[w] = sample(teldata[w], w);
            setting_at[w] = static_cast<std::int8_t>(s);
        }
        if (en.end[e] != open_end && en.end[e] <= ds.extract_date())
            sample(en.end[e], window(en.end[e]));
    }

    void add_pupil(pupil_idx p) {
        const auto& en = ds.enrolments();
        const std::uint32_t begin = en.first[pos(p)], end = en.first[pos(p) + 1];
        if (begin == end) return;
        std::fill(setting_at.begin(), setting_at.end(), std::int8_t{-1});
        for (std::uint32_t e = begin; e < end; ++e) {
            // On a switch day the pupil is in the next enrolment already.
            const bool switch_day = e + 1 < end && en.start[e + 1] == en.end[e];
            walk_enrolment(e, switch_day ? en.end[e] - date::days{1} : en.end[e]);
        }
        for_each_transition(ds, p, [this](const transition& t) { add_transition(t); });
        for (int w = 0; w < nyears; ++w) add_teldatum(w);
    }

    void add_teldatum(int w) {
        const int now = setting_at[w];
        const int before = w > 0 ? setting_at[w - 1] : -1;
        if (now < 0 && before < 0) return;
        const place none{};
        const place& a = before >= 0 ? at_teldatum[w - 1] : none;
        const place& b = now >= 0 ? at_teldatum[w] : none;
        for (std::size_t l = 0; l < flow_level_count; ++l) {
            if (!enabled[l]) continue;
            auto& t = levels[l];
            const auto ua = unit_of(l, a), ub = unit_of(l, b);
            if (ub != no_unit) ++t.stock[slot(ub, w) * stock_cells + static_cast<std::size_t>(now)];
            const auto cell = [&](std::uint32_t u, int r, int c) -> std::int32_t& {
                return t.yoy[slot(u, w) * yoy_cells + static_cast<std::size_t>(r * yoy_size + c)];
            };
            if (ua != no_unit && ub != no_unit && ua == ub) {
                ++cell(ua, before, now);
            } else {
                if (ua != no_unit) ++cell(ua, before, ub != no_unit ? yoy_elders : yoy_buiten);
                if (ub != no_unit) ++cell(ub, ua != no_unit ? yoy_elders : yoy_buiten, now);
            }
        }
    }

    void add(const flow_accumulator& other) {
        for (std::size_t l = 0; l < flow_level_count; ++l) {
            const auto sum = [](std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b) {
                for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
            };
            sum(levels[l].flows, other.levels[l].flows);
            sum(levels[l].yoy, other.levels[l].yoy);
            sum(levels[l].stock, other.levels[l].stock);
            sum(levels[l].kinds, other.levels[l].kinds);
        }
    }
};

flow_tables compute_flows(const dataset& ds, const flow_options& options) {
    flow_tables out;
    out.years_ = ds.school_years();
    out.horizon_ = ds.extract_date();
    if (out.years_.empty()) return out;

    const auto& en = ds.enrolments();
    const auto pupils = static_cast<std::uint32_t>(ds.pupils().size());
    // A second thread costs a second set of tables (zeroed and summed): it pays from a few
    // hundred thousand enrolments on.
    unsigned threads = options.threads;
    if (threads == 0) threads = en.size() >= 400'000 && detail::hardware_threads() >= 2 ? 2 : 1;
    threads = std::max(1u, std::min(threads, std::max(1u, pupils)));

    std::vector<flow_accumulator> parts;
    parts.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) parts.emplace_back(ds, options, out.years_);
    // Split the pupils where the enrolments split evenly.
    std::vector<std::uint32_t> bounds{0};
    for (unsigned i = 1; i < threads; ++i) {
        const auto target = en.size() * i / threads;
        const auto it = std::lower_bound(en.first.begin(), en.first.end(), target);
        bounds.push_back(static_cast<std::uint32_t>(it - en.first.begin()));
    }
    bounds.push_back(pupils);
    const auto run = [&](unsigned i) {
        for (auto p = bounds[i]; p < bounds[i + 1]; ++p) parts[i].add_pupil(pupil_idx{p});
    };
    detail::run_parallel(threads, run);
    for (unsigned i = 1; i < threads; ++i) parts[0].add(parts[i]);
    out.levels_ = std::move(parts[0].levels);
    return out;
}

bool flow_tables::observed(school_year y) const noexcept {
    return has_year(y) && y.teldatum() <= horizon_;
}
bool flow_tables::has_year(school_year y) const noexcept {
    return std::binary_search(years_.begin(), years_.end(), y);
}
bool flow_tables::has_level(flow_level l) const noexcept {
    return !levels_[static_cast<std::size_t>(l)].flows.empty();
}
std::uint32_t flow_tables::unit_count(flow_level l) const noexcept {
    return levels_[static_cast<std::size_t>(l)].units;
}

std::size_t flow_tables::slot(flow_unit u, school_year y) const {
    const auto& t = levels_[static_cast<std::size_t>(u.level)];
    if (t.flows.empty())
        throw error("flow tables: level " + std::string(to_string(u.level)) + " was not computed");
    if (u.index >= t.units) throw error("flow tables: no such unit");
    if (!has_year(y)) throw error("flow tables: no school year " + y.to_string() + " in the data");
    return std::size_t{u.index} * years_.size() +
           static_cast<std::size_t>(y.start_year() - years_.front().start_year());
}

Eigen::Map<const flow_matrix> flow_tables::flows(flow_unit u, school_year y) const {
    return Eigen::Map<const flow_matrix>(levels_[static_cast<std::size_t>(u.level)].flows.data() +
                                         slot(u, y) * flow_cells);
}
Eigen::Map<const stock_vector> flow_tables::stock(flow_unit u, school_year y) const {
    return Eigen::Map<const stock_vector>(levels_[static_cast<std::size_t>(u.level)].stock.data() +
                                          slot(u, y) * stock_cells);
}
Eigen::Map<const yoy_matrix> flow_tables::verplaatsingen(flow_unit u, school_year y) const {
    return Eigen::Map<const yoy_matrix>(levels_[static_cast<std::size_t>(u.level)].yoy.data() +
                                        slot(u, y) * yoy_cells);
}
Eigen::Map<const kind_vector> flow_tables::kinds(flow_unit u, school_year y) const {
    return Eigen::Map<const kind_vector>(levels_[static_cast<std::size_t>(u.level)].kinds.data() +
                                         slot(u, y) * kind_cells);
}

PASSEND_NAMESPACE_END
