// SPDX-License-Identifier: EUPL-1.2
// The one suppression mechanism on hand-computed tables (docs/privacy.md, "The rule").
#include "passend/report/cell_table.hpp"

#include <doctest/doctest.h>

#include <array>
#include <set>
#include <vector>

using namespace passend;

namespace {
using id = cell_table::cell_id;
void sum(cell_table& t, id total, std::initializer_list<id> parts) {
    const std::array lhs{total};
    const std::vector<id> rhs(parts);
    t.relate(lhs, rhs);
}
} // namespace

TEST_CASE("cell table: a lone <5 beside shown parts hides the smallest other part") {
    // 20 = 3 + 10 + 7: 20 - 10 - 7 gives the 3; hiding the 7 leaves 3 + x = 10, x in {0} or
    // 5.., so the <5 can be 1..4 (x 9..6): four values.
    cell_table t;
    const id total = t.add(20, true), a = t.add(3, true), b = t.add(10, true), c = t.add(7, true);
    sum(t, total, {a, b, c});
    const auto s = protect(t, 4);
    CHECK(t.shown(a) == cell_shown::small);
    CHECK(t.shown(c) == cell_shown::hidden);
    CHECK(t.shown(b) == cell_shown::number);
    CHECK(t.shown(total) == cell_shown::number);
    CHECK(s.small == 1);
    CHECK(s.secondary == 1);
}

TEST_CASE("cell table: four <5 adding up to a <5 are all 1: the total loses its mark") {
    // 4 = 1 + 1 + 1 + 1, every cell small: the marks alone say each part is 1. With the total
    // shown as a plain hidden cell the parts are 1..4 again.
    cell_table t;
    const id total = t.add(4, true);
    std::array<id, 4> parts{};
    for (auto& p : parts) p = t.add(1, true);
    t.relate(std::array{total}, parts);
    const auto s = protect(t, 4);
    CHECK(t.shown(total) == cell_shown::hidden);
    CHECK(t.small_count(total));
    for (auto p : parts) CHECK(t.shown(p) == cell_shown::small);
    CHECK(s.small == 5); // the unmarked total is still a small count
    CHECK(s.secondary == 0);
}

/// Brute force for tiny tables: every assignment a reader cannot rule out (a `<5` in 1..4, any
/// other hidden count 0..limit, shown cells as shown) that satisfies `holds`; whether each
/// small count keeps at least two possible values.
template <class Holds>
bool no_small_count_pinned(const cell_table& t, int limit, Holds holds) {
    const auto n = t.size();
    std::vector<int> v(n), lo(n), hi(n);
    for (id c = 0; c < n; ++c) {
        const bool hidden = t.shown(c) != cell_shown::number;
        lo[c] = !hidden ? static_cast<int>(t.value(c)) : t.shown(c) == cell_shown::small ? 1 : 0;
        hi[c] = !hidden ? lo[c] : t.shown(c) == cell_shown::small ? 4 : limit;
    }
    std::vector<std::set<int>> seen(n);
    auto visit = [&](auto&& self, id c) -> void {
        if (c == n) {
            if (holds(v))
                for (id k = 0; k < n; ++k) seen[k].insert(v[k]);
            return;
        }
        for (v[c] = lo[c]; v[c] <= hi[c]; ++v[c]) self(self, c + 1);
    };
    visit(visit, 0);
    for (id c = 0; c < n; ++c)
        if (t.small_count(c) && seen[c].size() < 2) return false;
    return true;
}

TEST_CASE("cell table: relations that pin a <5 only together are protected together") {
    // National 12 = board d 2 + board 9 + board e 1, and d = school 1 + school 1. Each relation
    // on its own leaves d two values; together d >= 2 (its schools) and d <= 2 (12 - 9 - e).
    cell_table t;
    const id national = t.add(12, true), d = t.add(2, true), nine = t.add(9, true),
             e = t.add(1, true), s1 = t.add(1, true), s2 = t.add(1, true);
    sum(t, national, {d, nine, e});
    sum(t, d, {s1, s2});
    auto holds = [&](const std::vector<int>& v) {
        return v[national] == v[d] + v[nine] + v[e] && v[d] == v[s1] + v[s2];
    };
    // The same numbers with only their small counts marked: the brute force pins d, so it bites.
    cell_table marked_only;
    for (id c = 0; c < t.size(); ++c) marked_only.add(t.value(c), true);
    protect(marked_only, 4);
    CHECK_FALSE(no_small_count_pinned(marked_only, 12, holds));
    const auto s = protect(t, 4);
    CHECK(no_small_count_pinned(t, 12, holds));
    CHECK(t.shown(national) == cell_shown::number); // the total survives
    for (auto c : {d, e, s1, s2}) CHECK(t.hidden(c));
    CHECK(s.small == 4);
}

TEST_CASE("cell table: a relation that does not add up asks only for two hidden cells") {
    // 10 >= 3 + 6 (a pupil counted in neither part): the 3 alone hidden gives no exact value,
    // but one hidden cell in a relation is never left alone.
    cell_table t;
    const id total = t.add(10, true), a = t.add(3, true), b = t.add(6, true);
    sum(t, total, {a, b});
    protect(t, 4);
    CHECK(t.shown(a) == cell_shown::small);
    CHECK(t.shown(b) == cell_shown::hidden);
    CHECK(t.shown(total) == cell_shown::number);
}

TEST_CASE("cell table: max_small 0 hides nothing; a forced cell stays hidden") {
    cell_table t;
    const id a = t.add(2, true), b = t.add(40, false);
    t.hide(b);
    const auto s = protect(t, 0);
    CHECK(t.shown(a) == cell_shown::number);
    CHECK(t.shown(b) == cell_shown::hidden);
    CHECK(s.small == 0);
}
