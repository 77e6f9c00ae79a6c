// SPDX-License-Identifier: EUPL-1.2
// Small-count suppression over any table of published numbers and its linear relations.
//
// A relation Σ lhs = Σ rhs with h hidden cells is safe when h = 0, never when h = 1 (the one
// hidden cell is the difference of the shown ones), and with h ≥ 2 when no small hidden count in
// it is pinned to a single value: a reader knows a `<5` lies in 1..max_small and that a count
// hidden without mark is 0 or above max_small, so the shown numbers leave each hidden count a set
// of possible values, and every small one must keep at least two. Cells are hidden one at a time
// and the relations they are in re-checked until all are safe; each step hides one more cell, so
// it stops.
#include "passend/report/cell_table.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <vector>

PASSEND_NAMESPACE_BEGIN

cell_table::cell_id cell_table::add(double value, bool counts_pupils) {
    cells_.push_back({value, counts_pupils});
    return static_cast<cell_id>(cells_.size() - 1);
}

void cell_table::relate(std::span<const cell_id> lhs, std::span<const cell_id> rhs,
                        bool hide_lhs_first) {
    const auto begin = static_cast<std::uint32_t>(members_.size());
    double sum = 0;
    for (auto c : lhs)
        if (c != absent) members_.push_back(c), sum += cells_[c].value;
    const auto mid = static_cast<std::uint32_t>(members_.size());
    for (auto c : rhs)
        if (c != absent) members_.push_back(c), sum -= cells_[c].value;
    const auto end = static_cast<std::uint32_t>(members_.size());
    if (mid == begin || end == mid) {
        members_.resize(begin);
        return;
    }
    equations_.push_back({begin, mid, end, hide_lhs_first, std::abs(sum) < 1e-6});
}

void cell_table::follow(cell_id leader, cell_id follower) {
    if (leader != absent && follower != absent) follows_.emplace_back(leader, follower);
}

namespace {

/// A set of integers as sorted, disjoint intervals; ±unbounded ends as ±inf.
struct int_set {
    static constexpr long long inf = 1LL << 50;
    std::vector<std::pair<long long, long long>> parts;

    static int_set of(long long lo, long long hi) { return {{{lo, hi}}}; }
    bool contains(long long x) const {
        for (const auto& [lo, hi] : parts)
            if (lo <= x && x <= hi) return true;
        return false;
    }
    /// {a + b : a in this, b in other}
    int_set plus(const int_set& other) const {
        int_set s;
        for (const auto& [a, b] : parts)
            for (const auto& [c, d] : other.parts)
                s.parts.emplace_back(std::max(a + c, -inf), std::min(b + d, inf));
        std::sort(s.parts.begin(), s.parts.end());
        std::vector<std::pair<long long, long long>> merged;
        for (const auto& p : s.parts) {
            if (!merged.empty() && p.first <= merged.back().second + 1)
                merged.back().second = std::max(merged.back().second, p.second);
            else
                merged.push_back(p);
        }
        s.parts = std::move(merged);
        return s;
    }
};

} // namespace

class protector {
public:
    protector(cell_table& t, int max_small) : t_(t), top_(max_small), state_(t.equations_.size()) {}

    suppress_summary run() {
        index();
        for (std::uint32_t e = 0; e < t_.equations_.size(); ++e) {
            const auto& eq = t_.equations_[e];
            for (auto m = eq.begin; m < eq.end; ++m)
                state_[e].shown_balance += sign(eq, m) * t_.cells_[t_.members_[m]].value;
        }
        for (cell_table::cell_id c = 0; c < t_.cells_.size(); ++c) {
            auto& cell = t_.cells_[c];
            const double v = cell.value;
            cell.small = cell.counts_pupils && v >= 1 - 1e-9 && v <= top_ + 1e-9 &&
                         std::abs(v - std::round(v)) < 1e-9;
        }
        for (cell_table::cell_id c = 0; c < t_.cells_.size(); ++c)
            if (t_.cells_[c].small || t_.cells_[c].forced) hide(c);
        settle();
        // Relations checked one at a time can still pin a count together (a board's `<5` that is
        // at least 2 by its schools and at most 2 by the national sum): narrow every hidden
        // number's bounds over all relations at once, and protect what that pins, until nothing
        // is pinned.
        for (int round = 0; round < 10'000; ++round) {
            std::size_t acted = 0;
            // Hide a shown number beside a pinned `<5`; where none is left, drop its mark; where
            // only zeros are, hide a zero.
            for (auto c : pinned_smalls()) {
                // Marks alone pin it (a `<5` board of three `<5` schools: each is 1): drop the
                // mark of that relation's total.
                if (round >= patient_rounds) {
                    // A chain that one cell a round would take long to break: hide more at once.
                    acted += clear_around(c);
                } else if (const auto s = marks_only(c); s != cell_table::absent) {
                    unmark(s), ++acted;
                } else if (const auto n = hide_beside(c); n > 0)
                    acted += n;
                else if (t_.cells_[c].small)
                    unmark(c), ++acted;
                else if (const auto z = shown_neighbour(c, true); z != cell_table::absent)
                    hide(z), ++acted;
            }
            if (acted == 0) break;
            settle();
        }
        suppress_summary s;
        for (const auto& c : t_.cells_)
            if (c.small || c.unmarked)
                ++s.small;
            else if (c.hidden)
                ++s.secondary;
        return s;
    }

private:
    /// Hide cells, relation by relation, until each queued relation is safe on its own.
    void settle() {
        while (!queue_.empty()) {
            const auto e = queue_.front();
            queue_.pop_front();
            queued_[e] = 0;
            while (!safe(e)) {
                if (const auto c = pick(e); c != cell_table::absent)
                    hide(c);
                else if (const auto s = pick_small(e); s != cell_table::absent)
                    unmark(s);
                else
                    break;
            }
        }
    }

    /// The `<5` cells whose bounds, narrowed over every exact relation together, leave one value.
    /// A reader's bounds: `<5` in 1..max_small, another hidden count at least 0, any other
    /// number anything; shown numbers are known.
    std::vector<cell_table::cell_id> pinned_smalls() const {
        constexpr double inf = std::numeric_limits<double>::infinity();
        const auto n = t_.cells_.size();
        std::vector<double> lo(n), hi(n);
        for (std::size_t c = 0; c < n; ++c) {
            const auto& cell = t_.cells_[c];
            if (!cell.hidden)
                lo[c] = hi[c] = cell.value;
            else if (cell.small)
                lo[c] = 1, hi[c] = static_cast<double>(top_);
            else if (cell.counts_pupils)
                lo[c] = 0, hi[c] = inf;
            else
                lo[c] = -inf, hi[c] = inf;
        }
        std::deque<std::uint32_t> work;
        std::vector<char> queued(t_.equations_.size(), 0);
        for (std::uint32_t e = 0; e < t_.equations_.size(); ++e)
            if (t_.equations_[e].exact && state_[e].hidden > 0) work.push_back(e), queued[e] = 1;
        std::size_t steps = 0;
        while (!work.empty() && steps++ < 50 * t_.equations_.size() + 1000) {
            const auto e = work.front();
            work.pop_front();
            queued[e] = 0;
            const auto& eq = t_.equations_[e];
            // Σ sign·x = 0: each hidden x lies within −(Σ of the others' bounds)·sign.
            double sum_lo = 0, sum_hi = 0;
            int lo_inf = 0, hi_inf = 0; // terms with an unbounded end
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto c = t_.members_[m];
                const double a = sign(eq, m) > 0 ? lo[c] : -hi[c];
                const double b = sign(eq, m) > 0 ? hi[c] : -lo[c];
                std::isinf(a) ? ++lo_inf : (sum_lo += a, 0);
                std::isinf(b) ? ++hi_inf : (sum_hi += b, 0);
            }
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto c = t_.members_[m];
                if (!t_.cells_[c].hidden) continue;
                const double a = sign(eq, m) > 0 ? lo[c] : -hi[c];
                const double b = sign(eq, m) > 0 ? hi[c] : -lo[c];
                // the others' sum lies in [others_lo, others_hi]; this term = −others
                const double others_lo =
                    lo_inf - std::isinf(a) > 0 ? -inf : sum_lo - (std::isinf(a) ? 0 : a);
                const double others_hi =
                    hi_inf - std::isinf(b) > 0 ? inf : sum_hi - (std::isinf(b) ? 0 : b);
                double new_lo = -others_hi, new_hi = -others_lo; // bounds of sign·x
                if (sign(eq, m) < 0) std::swap(new_lo, new_hi), new_lo = -new_lo, new_hi = -new_hi;
                new_lo = std::ceil(new_lo - 1e-7), new_hi = std::floor(new_hi + 1e-7);
                bool narrowed = false;
                if (new_lo > lo[c] + 0.5) lo[c] = new_lo, narrowed = true;
                if (new_hi < hi[c] - 0.5) hi[c] = new_hi, narrowed = true;
                if (!narrowed) continue;
                for (auto i = first_[c]; i < first_[c + 1]; ++i) {
                    const auto other = in_[i].first;
                    if (!queued[other] && t_.equations_[other].exact)
                        queued[other] = 1, work.push_back(other);
                }
            }
        }
        std::vector<cell_table::cell_id> out;
        for (std::size_t c = 0; c < n; ++c)
            if (t_.cells_[c].hidden && t_.cells_[c].counts_pupils && hi[c] - lo[c] < 0.5 &&
                (t_.cells_[c].small || t_.cells_[c].unmarked))
                out.push_back(static_cast<cell_table::cell_id>(c));
        return out;
    }

    /// A `<5` to show plainly in an exact relation holding `c` whose shown cells are all 0, so
    /// that only the marks bound it; none when every such relation shows a number.
    cell_table::cell_id marks_only(cell_table::cell_id c) const {
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto e = in_[i].first;
            const auto& eq = t_.equations_[e];
            if (!eq.exact) continue;
            bool shows = false;
            for (auto m = eq.begin; m < eq.end && !shows; ++m) {
                const auto& cell = t_.cells_[t_.members_[m]];
                shows = !cell.hidden && cell.value != 0;
            }
            if (shows) continue;
            if (const auto s = pick_small(e); s != cell_table::absent) return s;
        }
        return cell_table::absent;
    }

    /// Rounds that hide as little as they can; after them, clear_around().
    static constexpr int patient_rounds = 6;

    /// Drop the pinned `c`'s mark and hide the shown cells of its exact relations (of a long one,
    /// the smallest non-zero and a zero): the pin cannot survive it.
    std::size_t clear_around(cell_table::cell_id c) {
        std::size_t n = 0;
        if (t_.cells_[c].small) unmark(c), ++n;
        std::vector<cell_table::cell_id> picks;
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto& eq = t_.equations_[in_[i].first];
            if (!eq.exact) continue;
            cell_table::cell_id smallest = cell_table::absent, zero = cell_table::absent;
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto o = t_.members_[m];
                const auto& cell = t_.cells_[o];
                if (cell.hidden) continue;
                if (eq.end - eq.begin <= 64)
                    picks.push_back(o);
                else if (cell.value == 0)
                    zero = o;
                else if (smallest == cell_table::absent || cell.value < t_.cells_[smallest].value)
                    smallest = o;
            }
            for (auto o : {smallest, zero})
                if (o != cell_table::absent) picks.push_back(o);
        }
        for (auto p : picks)
            if (!t_.cells_[p].hidden) hide(p), ++n;
        return n;
    }

    /// In every exact relation that holds the pinned `c`, hide its smallest non-zero shown cell:
    /// which relation pins it is not known, and doing one at a time costs a round each.
    std::size_t hide_beside(cell_table::cell_id c) {
        std::vector<cell_table::cell_id> picks;
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto& eq = t_.equations_[in_[i].first];
            if (!eq.exact) continue;
            cell_table::cell_id best = cell_table::absent;
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto o = t_.members_[m];
                const auto& cell = t_.cells_[o];
                if (cell.hidden || cell.value == 0) continue;
                if (best == cell_table::absent || cell.value < t_.cells_[best].value) best = o;
            }
            if (best != cell_table::absent) picks.push_back(best);
        }
        for (auto p : picks) hide(p);
        return picks.size();
    }

    /// The smallest shown cell of an exact relation that holds `c`: a non-zero one, or a 0.
    cell_table::cell_id shown_neighbour(cell_table::cell_id c, bool zero) const {
        cell_table::cell_id best = cell_table::absent;
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto& eq = t_.equations_[in_[i].first];
            if (!eq.exact) continue;
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto o = t_.members_[m];
                const auto& cell = t_.cells_[o];
                if (cell.hidden || (cell.value == 0) != zero) continue;
                if (best == cell_table::absent || cell.value < t_.cells_[best].value) best = o;
            }
        }
        return best;
    }

    /// What is known of an equation's hidden cells, kept up to date as cells are hidden.
    struct eq_state {
        double shown_balance = 0; ///< Σ shown lhs − Σ shown rhs
        std::uint32_t hidden = 0;
        std::uint32_t smalls[2] = {0, 0}; ///< small counts on the lhs, on the rhs
        std::uint32_t counts[2] = {0, 0}; ///< other counts of pupils (0 or above max_small)
        std::uint32_t others = 0;         ///< numbers that could be anything
    };

    static int sign(const cell_table::equation& eq, std::uint32_t member) {
        return member < eq.mid ? 1 : -1;
    }

    void index() {
        const auto& eqs = t_.equations_;
        first_.assign(t_.cells_.size() + 1, 0);
        for (const auto& eq : eqs)
            for (auto m = eq.begin; m < eq.end; ++m) ++first_[t_.members_[m] + 1];
        for (std::size_t c = 0; c < t_.cells_.size(); ++c) first_[c + 1] += first_[c];
        in_.resize(first_.back());
        auto fill = first_;
        for (std::uint32_t e = 0; e < eqs.size(); ++e)
            for (auto m = eqs[e].begin; m < eqs[e].end; ++m) in_[fill[t_.members_[m]]++] = {e, m};
        std::sort(t_.follows_.begin(), t_.follows_.end());
        queued_.assign(eqs.size(), 0);
    }

    void hide(cell_table::cell_id c) {
        auto& cell = t_.cells_[c];
        if (cell.hidden) return;
        cell.hidden = true;
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto [e, m] = in_[i];
            auto& s = state_[e];
            const int side = sign(t_.equations_[e], m) > 0 ? 0 : 1;
            s.shown_balance -= sign(t_.equations_[e], m) * cell.value;
            ++s.hidden;
            if (cell.small)
                ++s.smalls[side];
            else if (cell.counts_pupils)
                ++s.counts[side];
            else
                ++s.others;
            if (!queued_[e]) queued_[e] = 1, queue_.push_back(e);
        }
        auto it = std::lower_bound(t_.follows_.begin(), t_.follows_.end(),
                                   std::pair<cell_table::cell_id, cell_table::cell_id>(c, 0));
        for (; it != t_.follows_.end() && it->first == c; ++it) hide(it->second);
    }

    /// The values Σ lhs hidden − Σ rhs hidden can take, leaving out one small cell on `side`.
    int_set reachable(const eq_state& s, int side) const {
        const long long top = top_;
        const long long a = s.smalls[0] - (side == 0), b = s.smalls[1] - (side == 1);
        int_set r = int_set::of(a - b * top, a * top - b);
        if (s.counts[0] > 0) r = r.plus({{{0, 0}, {top + 1, int_set::inf}}});
        if (s.counts[1] > 0) r = r.plus({{{-int_set::inf, -top - 1}, {0, 0}}});
        return r;
    }

    bool safe(std::uint32_t e) const {
        const auto& s = state_[e];
        const auto& eq = t_.equations_[e];
        if (s.hidden == 0) return true;
        if (s.hidden == 1) return false;
        if (!eq.exact || s.others > 0) return true;
        // Σ lhs hidden − Σ rhs hidden = −shown_balance; a small v on side σ leaves the rest
        // −shown_balance − σ·v, which must be reachable for at least two values of v.
        const long long k = std::llround(-s.shown_balance);
        for (int side = 0; side < 2; ++side) {
            if (s.smalls[side] == 0) continue;
            const auto rest = reachable(s, side);
            int feasible = 0;
            for (long long v = 1; v <= top_; ++v)
                feasible += rest.contains(side == 0 ? k - v : k + v);
            if (feasible < 2) return false;
        }
        return true;
    }

    /// When every cell of an unsafe equation is hidden, its `<5` marks still bound it (four `<5`
    /// adding up to a `<5` total are all 1): show one of them as a plain hidden cell instead, the
    /// left-hand total first, else the largest. A reader then knows nothing of it.
    cell_table::cell_id pick_small(std::uint32_t e) const {
        const auto& eq = t_.equations_[e];
        cell_table::cell_id best = cell_table::absent;
        for (auto m = eq.begin; m < eq.end; ++m) {
            const auto c = t_.members_[m];
            if (!t_.cells_[c].small) continue;
            if (m < eq.mid) return c;
            if (best == cell_table::absent || t_.cells_[c].value > t_.cells_[best].value) best = c;
        }
        return best;
    }

    /// Show a `<5` as a plain hidden cell, and so every cell that is the same number (a relation
    /// of one cell to one cell), or the other would tell.
    void unmark(cell_table::cell_id c) {
        auto& cell = t_.cells_[c];
        if (!cell.small) return;
        cell.small = false;
        cell.unmarked = true;
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto [e, m] = in_[i];
            const int side = sign(t_.equations_[e], m) > 0 ? 0 : 1;
            --state_[e].smalls[side];
            ++state_[e].counts[side];
            if (!queued_[e]) queued_[e] = 1, queue_.push_back(e);
        }
        // The same number: an exact relation of c and one other cell, beside shown zeros.
        for (auto i = first_[c]; i < first_[c + 1]; ++i) {
            const auto& eq = t_.equations_[in_[i].first];
            if (!eq.exact) continue;
            cell_table::cell_id other = cell_table::absent;
            int rest = 0;
            for (auto m = eq.begin; m < eq.end; ++m) {
                const auto o = t_.members_[m];
                if (o == c || (!t_.cells_[o].hidden && t_.cells_[o].value == 0)) continue;
                other = o, ++rest;
            }
            if (rest == 1) unmark(other);
        }
    }

    /// The next cell to hide in an unsafe equation: a left-hand one when asked to, else the
    /// smallest non-zero shown right-hand cell (a part rather than its total), else the smallest
    /// non-zero left-hand one, else a zero.
    cell_table::cell_id pick(std::uint32_t e) const {
        const auto& eq = t_.equations_[e];
        auto best_in = [&](std::uint32_t from, std::uint32_t to, bool zero) {
            cell_table::cell_id best = cell_table::absent;
            for (auto m = from; m < to; ++m) {
                const auto c = t_.members_[m];
                const auto& cell = t_.cells_[c];
                if (cell.hidden || (cell.value == 0) != zero) continue;
                if (best == cell_table::absent || cell.value < t_.cells_[best].value ||
                    (cell.value == t_.cells_[best].value && c < best))
                    best = c;
            }
            return best;
        };
        if (eq.hide_lhs_first)
            if (auto c = best_in(eq.begin, eq.mid, false); c != cell_table::absent) return c;
        for (bool zero : {false, true}) {
            if (auto c = best_in(eq.mid, eq.end, zero); c != cell_table::absent) return c;
            if (auto c = best_in(eq.begin, eq.mid, zero); c != cell_table::absent) return c;
        }
        return cell_table::absent;
    }

    cell_table& t_;
    long long top_;
    std::vector<eq_state> state_;
    std::vector<std::uint32_t> first_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> in_; ///< (equation, member) per cell
    std::deque<std::uint32_t> queue_;
    std::vector<char> queued_;
};

suppress_summary protect(cell_table& table, int max_small) {
    for (auto& c : table.cells_) c.small = c.unmarked = c.hidden = false;
    if (max_small <= 0) {
        for (auto& c : table.cells_) c.hidden = c.forced;
        return {};
    }
    return protector(table, max_small).run();
}

PASSEND_NAMESPACE_END
