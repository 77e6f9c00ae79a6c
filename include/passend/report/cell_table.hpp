// SPDX-License-Identifier: EUPL-1.2
// The numbers of one publication and the linear relations between them: what small-count
// suppression works on. Every published table (KPI rows, flow tables, the accountability
// report's figures) is turned into a cell_table and protected by the same protect(), so one rule
// decides what a reader sees everywhere. docs/privacy.md explains the rule and proves it.
#pragma once

#include "passend/config.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// What protect() hid: small counts (shown `<5`), and cells hidden only so that no small count
/// can be recomputed from the rest (shown empty).
struct suppress_summary {
    std::size_t small = 0;
    std::size_t secondary = 0;
};

/// How a writer shows one published number.
enum class cell_shown : std::uint8_t {
    number, ///< the number itself
    small,  ///< `<5`: a small count
    hidden, ///< an empty field: absent, or hidden because it would reveal a small count
};

class cell_table {
public:
    using cell_id = std::uint32_t;
    /// An absent number: equations and follows leave it out.
    static constexpr cell_id absent = 0xFFFFFFFFu;

    /// A number to publish. `counts_pupils`: a count of pupils or of their records (TLVs,
    /// transitions, absences, arrangements), which is hidden when it is 1..max_small; any other
    /// number (a sum of days, money) is hidden only to protect a small count.
    cell_id add(double value, bool counts_pupils);

    /// A relation a reader knows: the sum of `lhs` equals the sum of `rhs` (a total and its parts,
    /// a stock and its flows). Absent cells are left out; a relation with an empty side is
    /// dropped. When the present numbers do not add up exactly (a pupil in two parts), the
    /// relation is approximate and only needs two hidden cells. `hide_lhs_first`: when a cell must
    /// be hidden, take a left-hand one before any other (a denominator that nothing else shows).
    void relate(std::span<const cell_id> lhs, std::span<const cell_id> rhs,
                bool hide_lhs_first = false);
    /// `follower` is hidden whenever `leader` is (a mean's sum with its count, the cost of a few
    /// arrangements with their number).
    void follow(cell_id leader, cell_id follower);
    /// Hide a cell whatever its value: it is hidden in another publication of the same number.
    void hide(cell_id c) {
        if (c != absent) cells_[c].forced = true;
    }

    std::size_t size() const noexcept { return cells_.size(); }
    double value(cell_id c) const noexcept { return cells_[c].value; }
    /// After protect(): hidden, and whether it shows as `<5` (a small count whose mark would
    /// pin others down shows as a plain hidden cell instead).
    bool hidden(cell_id c) const noexcept { return c != absent && cells_[c].hidden; }
    bool small(cell_id c) const noexcept { return c != absent && cells_[c].small; }
    /// A small count, whether it shows as `<5` or plainly hidden.
    bool small_count(cell_id c) const noexcept {
        return c != absent && (cells_[c].small || cells_[c].unmarked);
    }
    /// How a writer shows the cell (an absent one: hidden).
    cell_shown shown(cell_id c) const noexcept {
        return c == absent        ? cell_shown::hidden
               : cells_[c].small  ? cell_shown::small
               : cells_[c].hidden ? cell_shown::hidden
                                  : cell_shown::number;
    }

    /// Hide every small count and, relation by relation, enough other cells that none of them
    /// can be solved back (see docs/privacy.md). `max_small` 0 hides nothing.
    friend suppress_summary protect(cell_table& table, int max_small);

private:
    struct cell {
        double value = 0;
        bool counts_pupils = false;
        bool forced = false;
        bool small = false;
        bool unmarked = false; ///< a small count shown as a plain hidden cell
        bool hidden = false;
    };
    struct equation {
        std::uint32_t begin, mid, end; ///< members_[begin, mid) = lhs, [mid, end) = rhs
        bool hide_lhs_first = false;
        bool exact = false;
    };
    std::vector<cell> cells_;
    std::vector<equation> equations_;
    std::vector<cell_id> members_;
    std::vector<std::pair<cell_id, cell_id>> follows_;
    friend class protector;
};

suppress_summary protect(cell_table& table, int max_small = 4);

PASSEND_NAMESPACE_END
