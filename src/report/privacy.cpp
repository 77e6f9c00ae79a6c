// Small-count suppression with secondary suppression over this catalog's additive relations.
//
// A cell is one number of one row: its numerator or its denominator (values and changes follow
// from those). Primary cells are counts of pupils or records from 1 to max_small. A relation is
// total = sum of parts (an identity link is a relation with one part); a relation whose total
// is shown must have no hidden part or at least two, and when its numbers add up exactly no
// small count in it may be pinned to one value by the sum. Cells are hidden one at a time, the
// relations they are in re-checked, until every relation holds. docs/privacy.md explains why.
#include "passend/report/privacy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <span>
#include <string_view>
#include <tuple>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::array<std::string_view, 6> settings{"bao", "sbo", "so", "vo", "pro", "vso"};

/// How a row's value is made from its cells.
enum class row_role : std::uint8_t {
    count,      ///< no denominator: value = numerator
    ratio,      ///< a percentage: numerator and denominator both counts
    difference, ///< value = numerator - denominator (groei: two counts; saldo: money)
    mean,       ///< mean or median over the denominator's records
};

row_role role_of(const kpi_row& row, const kpi_info* info) {
    if (!row.denominator) return row_role::count;
    if (info && info->unit == kpi_unit::percent) return row_role::ratio;
    if (row.kpi.starts_with("groei_") || row.kpi == "middelen_saldo") return row_role::difference;
    return row_role::mean;
}

/// Whether the KPI's counts are of pupils or their records (TLVs, absences, arrangements), the
/// numbers that can single a child out; money and assessments of schools are not.
bool about_pupils(const kpi_info* info, std::string_view id) {
    if (info && (info->unit == kpi_unit::euro || info->unit == kpi_unit::score)) return false;
    if (id.starts_with("middelen_") || id.ends_with("_score") || id.ends_with("_norm"))
        return false;
    return true;
}

/// Whether a numerator or denominator counts pupils or their records; a mean's or median's
/// numerator is a sum of days or years instead.
bool counts_pupils(const kpi_row& row, const kpi_info* info, kpi_field field) {
    if (!about_pupils(info, row.kpi)) return false;
    return field == kpi_field::denominator || role_of(row, info) != row_role::mean;
}

constexpr std::uint32_t none = 0xFFFFFFFFu;

struct relation {
    std::uint32_t total;       ///< a cell
    std::uint32_t begin, end;  ///< its parts: members[begin, end)
    bool prefer_total = false; ///< hide the total before another part (a denominator)
};

class solver {
public:
    solver(kpi_results& results, const suppress_options& options)
        : res_(results), opt_(options), cells_(results.rows.size() * 2) {}

    suppress_summary run() {
        classify();
        build_relations();
        index_relations();
        propagate();
        mark_rows();
        suppress_summary s;
        for (const auto& c : cells_) {
            if (c.small)
                ++s.small;
            else if (c.hidden)
                ++s.secondary;
        }
        return s;
    }

private:
    struct cell_state {
        bool present = false;  ///< the row has this number
        bool eligible = false; ///< a count of pupils or records: small ones are hidden
        bool small = false;
        bool hidden = false;
    };

    static std::uint32_t num(std::uint32_t row) { return row * 2; }
    static std::uint32_t den(std::uint32_t row) { return row * 2 + 1; }
    std::optional<double> number(std::uint32_t cell) const {
        const auto& row = res_.rows[cell / 2];
        return cell % 2 ? row.denominator : row.numerator;
    }

    bool is_small(double v) const {
        return v >= 1 - 1e-9 && v <= opt_.max_small + 1e-9 && std::abs(v - std::round(v)) < 1e-9;
    }

    void classify() {
        roles_.resize(res_.rows.size());
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            const auto& row = res_.rows[r];
            const kpi_info* info = res_.find(row.kpi);
            roles_[r] = role_of(row, info);
            auto& n = cells_[num(r)];
            auto& d = cells_[den(r)];
            n.present = row.numerator.has_value();
            d.present = row.denominator.has_value();
            n.eligible = n.present && counts_pupils(row, info, kpi_field::numerator);
            d.eligible = d.present && counts_pupils(row, info, kpi_field::denominator);
            for (auto* c : {&n, &d})
                if (c->eligible && is_small(*number(c == &n ? num(r) : den(r))))
                    c->small = c->hidden = true;
        }
    }

    // --- relations ---------------------------------------------------------------------------

    void add(std::uint32_t total, const std::vector<std::uint32_t>& parts, bool prefer_total) {
        if (total == none || !cells_[total].present) return;
        const auto begin = static_cast<std::uint32_t>(members_.size());
        for (auto p : parts)
            if (p != none && cells_[p].present) members_.push_back(p);
        const auto end = static_cast<std::uint32_t>(members_.size());
        if (end == begin) {
            members_.resize(begin);
            return;
        }
        rels_.push_back({total, begin, end, prefer_total});
    }
    void follow(std::uint32_t leader, std::uint32_t follower) {
        if (leader != none && follower != none && cells_[leader].present &&
            cells_[follower].present)
            follows_.emplace_back(leader, follower);
    }

    void build_relations() {
        // Rows by (year, level, unit), each group sorted by kpi id for lookups.
        std::vector<std::uint32_t> order(res_.rows.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        const auto& rows = res_.rows;
        auto unit_key = [&](std::uint32_t i) {
            const auto& r = rows[i];
            return std::tuple(r.year.start_year(), r.level, std::string_view(r.unit));
        };
        std::sort(order.begin(), order.end(), [&](auto a, auto b) {
            const auto ka = unit_key(a), kb = unit_key(b);
            if (ka != kb) return ka < kb;
            return rows[a].kpi < rows[b].kpi;
        });
        for (std::size_t g = 0; g < order.size();) {
            std::size_t e = g + 1;
            while (e < order.size() && unit_key(order[e]) == unit_key(order[g])) ++e;
            unit_relations({order.data() + g, order.data() + e});
            g = e;
        }

        // Rows by (kpi, year): a unit's cells sum to the national cell, at every level; a
        // board's to its schools'.
        std::sort(order.begin(), order.end(), [&](auto a, auto b) {
            const auto ka = std::tuple(std::string_view(rows[a].kpi), rows[a].year.start_year(),
                                       rows[a].level, std::string_view(rows[a].unit));
            const auto kb = std::tuple(std::string_view(rows[b].kpi), rows[b].year.start_year(),
                                       rows[b].level, std::string_view(rows[b].unit));
            return ka < kb;
        });
        for (std::size_t g = 0; g < order.size();) {
            std::size_t e = g + 1;
            while (e < order.size() && rows[order[e]].kpi == rows[order[g]].kpi &&
                   rows[order[e]].year == rows[order[g]].year)
                ++e;
            level_relations({order.data() + g, order.data() + e});
            g = e;
        }
    }

    /// Within one unit and year: breakdowns and links between ids of the catalog.
    void unit_relations(std::span<const std::uint32_t> group) {
        const auto& rows = res_.rows;
        auto row_of = [&](std::string_view id) -> std::uint32_t {
            const auto it =
                std::lower_bound(group.begin(), group.end(), id,
                                 [&](auto r, std::string_view k) { return rows[r].kpi < k; });
            return it != group.end() && rows[*it].kpi == id ? *it : none;
        };
        auto n = [&](std::string_view id) {
            const auto r = row_of(id);
            return r == none ? none : num(r);
        };
        auto d = [&](std::string_view id) {
            const auto r = row_of(id);
            return r == none ? none : den(r);
        };
        auto with = [](std::string_view a, std::string_view b) {
            return fmt::format("{}{}", a, b);
        };

        // leerlingen_totaal = the sum over settings.
        std::vector<std::uint32_t> parts;
        for (auto s : settings) parts.push_back(n(with("leerlingen_", s)));
        add(n("leerlingen_totaal"), parts, false);
        // terugplaatsingen = the sum over its pairs; tlv_toegekend over settings and categories;
        // arrangementen over levels and over kinds; thuiszitters over its two kinds (nearly: a
        // pupil in both counts once).
        parts.clear();
        for (auto r : group)
            if (rows[r].kpi.starts_with("terugplaatsingen_")) parts.push_back(num(r));
        add(n("terugplaatsingen"), parts, false);
        parts.clear();
        for (auto s : settings) {
            const auto id = with("tlv_toegekend_", s);
            parts.push_back(n(id));
            std::vector<std::uint32_t> cats;
            for (auto c : {"_laag", "_midden", "_hoog"}) cats.push_back(n(with(id, c)));
            add(n(id), cats, false);
        }
        add(n("tlv_toegekend"), parts, false);
        parts.clear();
        for (int level = 1; level <= 5; ++level)
            parts.push_back(n(fmt::format("arrangementen_niveau_{}", level)));
        add(n("arrangementen"), parts, false);
        add(n("arrangementen"),
            {n("arrangementen_individueel"), n("arrangementen_groep"),
             n("arrangementen_doelgroep")},
            false);
        add(n("thuiszitters"), {n("langdurig_relatief_verzuim"), n("absoluut_verzuim")}, false);

        // The same count under two ids.
        for (auto s : settings) {
            const auto pupils = n(with("leerlingen_", s));
            add(n(with("deelname_", s)), {pupils}, false);
            add(d(with("groei_", s)), {pupils}, false);
            add(d(with("verblijfsduur_", s)), {pupils}, false);
            add(n(with("verwijzingspercentage_", s)), {n(with("verwijzingen_", s))}, false);
            const bool po = s == "bao" || s == "sbo" || s == "so";
            add(d(with("verwijzingspercentage_", s)), {n(po ? "leerlingen_bao" : "leerlingen_vo")},
                false);
            // Denominators that are sums of published counts: hide the denominator first.
            add(d(with("deelname_", s)),
                {n(po ? "leerlingen_bao" : "leerlingen_vo"),
                 n(po ? "leerlingen_sbo" : "leerlingen_pro")},
                true);
        }
        add(n("doorstroom_vso_vo"), {n("terugplaatsingen_vso_vo")}, false);
        add(d("opp_percentage"), {n("leerlingen_bao"), n("leerlingen_vo")}, true);

        // The cost of a few arrangements is theirs alone.
        follow(n("arrangementen"), n("arrangementen_kosten"));
        // A mean over few pupils: its sum goes with its count.
        for (auto r : group)
            if (roles_[r] == row_role::mean) follow(den(r), num(r));
    }

    /// One KPI and year: every level's units sum to the national row; boards to their schools.
    void level_relations(std::span<const std::uint32_t> group) {
        const auto& rows = res_.rows;
        std::uint32_t national = none;
        for (auto r : group)
            if (rows[r].level == kpi_level::national) national = r;
        std::map<std::string_view, std::uint32_t> boards;
        std::map<std::string_view, std::vector<std::uint32_t>> schools_of;
        std::vector<std::uint32_t> parts;
        for (auto level :
             {kpi_level::swv, kpi_level::board, kpi_level::school, kpi_level::municipality}) {
            parts.clear();
            for (auto r : group)
                if (rows[r].level == level) parts.push_back(r);
            if (national != none) relation_over(national, parts);
        }
        if (opt_.board_of_school.empty()) return;
        for (auto r : group) {
            if (rows[r].level == kpi_level::board) boards[rows[r].unit] = r;
            if (rows[r].level != kpi_level::school) continue;
            const auto it = opt_.board_of_school.find(rows[r].unit);
            if (it != opt_.board_of_school.end()) schools_of[it->second].push_back(r);
        }
        for (const auto& [board, schools] : schools_of)
            if (const auto it = boards.find(board); it != boards.end())
                relation_over(it->second, schools);
    }

    void relation_over(std::uint32_t total_row, const std::vector<std::uint32_t>& part_rows) {
        if (part_rows.empty()) return;
        for (auto cell_of : {&solver::num, &solver::den}) {
            std::vector<std::uint32_t> parts;
            for (auto r : part_rows) parts.push_back(cell_of(r));
            add(cell_of(total_row), parts, false);
        }
    }

    void index_relations() {
        rel_first_.assign(cells_.size() + 1, 0);
        auto each_cell = [&](auto&& fn) {
            for (std::uint32_t i = 0; i < rels_.size(); ++i) {
                fn(rels_[i].total, i);
                for (auto m = rels_[i].begin; m < rels_[i].end; ++m) fn(members_[m], i);
            }
        };
        each_cell([&](std::uint32_t c, std::uint32_t) { ++rel_first_[c + 1]; });
        for (std::size_t c = 0; c < cells_.size(); ++c) rel_first_[c + 1] += rel_first_[c];
        rel_of_.resize(rel_first_.back());
        auto fill = rel_first_;
        each_cell([&](std::uint32_t c, std::uint32_t i) { rel_of_[fill[c]++] = i; });
        std::sort(follows_.begin(), follows_.end());
    }

    // --- propagation -------------------------------------------------------------------------

    /// Whether the sum pins a small hidden part to one value. Hidden parts that are counts of
    /// pupils are known to lie in 1..max_small (shown `<5`) or in {0} or above max_small
    /// (hidden without mark); any other hidden number could be anything.
    bool pins_a_small_count(double known_sum, const std::vector<std::uint32_t>& hidden) const {
        // For any one small part, the others are the same kinds of cells: m small ones, q other
        // counts, and `free` numbers that could be anything.
        long smalls = 0, q = 0, free = 0;
        for (auto c : hidden) {
            if (cells_[c].small)
                ++smalls;
            else if (cells_[c].eligible)
                ++q;
            else
                ++free;
        }
        if (smalls == 0 || free > 0) return false;
        const long k = std::lround(known_sum), top = opt_.max_small, m = smalls - 1;
        int feasible = 0;
        for (long v = 1; v <= top; ++v) {
            const long x = k - v; // what the other hidden parts must sum to
            if ((x >= m && x <= top * m) || (q > 0 && x >= m + top + 1)) ++feasible;
        }
        return feasible < 2;
    }

    bool protected_(const relation& rel) const {
        std::vector<std::uint32_t> hidden;
        double shown_sum = 0, all_sum = 0;
        for (auto m = rel.begin; m < rel.end; ++m) {
            const auto c = members_[m];
            all_sum += *number(c);
            if (cells_[c].hidden)
                hidden.push_back(c);
            else
                shown_sum += *number(c);
        }
        if (cells_[rel.total].hidden) return !hidden.empty();
        if (hidden.empty()) return true;
        if (hidden.size() == 1) return false;
        const double total = *number(rel.total);
        if (std::abs(total - all_sum) > 1e-6) return true; // an approximate relation
        return !pins_a_small_count(total - shown_sum, hidden);
    }

    /// The next cell to hide in an unprotected relation; none when every cell is hidden.
    std::uint32_t pick(const relation& rel) const {
        const bool total_free = !cells_[rel.total].hidden;
        if (rel.prefer_total && total_free) return rel.total;
        std::uint32_t best = none, zero = none;
        for (auto m = rel.begin; m < rel.end; ++m) {
            const auto c = members_[m];
            if (cells_[c].hidden) continue;
            const double v = *number(c);
            if (v == 0) {
                if (zero == none) zero = c;
            } else if (best == none || v < *number(best) || (v == *number(best) && c < best)) {
                best = c;
            }
        }
        if (best != none) return best;
        if (total_free) return rel.total;
        return zero;
    }

    void propagate() {
        std::deque<std::uint32_t> queue;
        std::vector<char> queued(rels_.size(), 0);
        auto hide = [&](std::uint32_t c, auto&& self) -> void {
            if (c == none || cells_[c].hidden) return;
            cells_[c].hidden = true;
            for (auto i = rel_first_[c]; i < rel_first_[c + 1]; ++i)
                if (!queued[rel_of_[i]]) {
                    queued[rel_of_[i]] = 1;
                    queue.push_back(rel_of_[i]);
                }
            auto it = std::lower_bound(follows_.begin(), follows_.end(), std::pair(c, 0u));
            for (; it != follows_.end() && it->first == c; ++it) self(it->second, self);
        };
        // Start from the small counts (and what follows them).
        for (std::uint32_t c = 0; c < cells_.size(); ++c)
            if (cells_[c].small) {
                cells_[c].hidden = false;
                hide(c, hide);
            }
        while (!queue.empty()) {
            const auto i = queue.front();
            queue.pop_front();
            queued[i] = 0;
            while (!protected_(rels_[i])) {
                const auto c = pick(rels_[i]);
                if (c == none) break;
                hide(c, hide);
            }
        }
    }

    void mark_rows() {
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            auto& row = res_.rows[r];
            auto& s = row.suppressed;
            s.numerator = cells_[num(r)].hidden;
            s.denominator = cells_[den(r)].hidden;
            s.value = row.value && (s.numerator || s.denominator);
        }
        // A change is the difference of two values: hidden when either is. Rows of one KPI and
        // unit in year order, so the previous year's row is the one before.
        const auto& rows = res_.rows;
        std::vector<std::uint32_t> order(rows.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        auto key = [&](std::uint32_t i) {
            return std::tuple(std::string_view(rows[i].kpi), rows[i].level,
                              std::string_view(rows[i].unit), rows[i].year.start_year());
        };
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return key(a) < key(b); });
        for (std::size_t i = 0; i < order.size(); ++i) {
            auto& row = res_.rows[order[i]];
            if (!row.change) continue;
            // Without the previous year's row (results of selected years only) its value
            // cannot be checked: hide the change.
            bool prev_hidden = true;
            if (i > 0) {
                const auto& prev = rows[order[i - 1]];
                if (prev.kpi == row.kpi && prev.level == row.level && prev.unit == row.unit &&
                    prev.year.next() == row.year)
                    prev_hidden = prev.suppressed.value;
            }
            row.suppressed.change = row.suppressed.value || prev_hidden;
        }
    }

    kpi_results& res_;
    const suppress_options& opt_;
    std::vector<cell_state> cells_;
    std::vector<row_role> roles_;
    std::vector<relation> rels_;
    std::vector<std::uint32_t> members_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> follows_;
    std::vector<std::uint32_t> rel_first_, rel_of_;
};

} // namespace

suppress_options suppress_options::for_dataset(const dataset& ds) {
    suppress_options o;
    const auto& schools = ds.schools();
    for (std::size_t i = 0; i < schools.size(); ++i)
        if (has(schools.board[i]))
            o.board_of_school[schools.id[i]] = ds.boards().id[pos(schools.board[i])];
    return o;
}

suppress_summary suppress(kpi_results& results, const suppress_options& options) {
    for (auto& row : results.rows) row.suppressed = {};
    if (!options.enabled) return {};
    return solver(results, options).run();
}

std::optional<double> field_value(const kpi_row& row, kpi_field field) noexcept {
    switch (field) {
    case kpi_field::numerator:
        return row.numerator;
    case kpi_field::denominator:
        return row.denominator;
    case kpi_field::value:
        return row.value;
    case kpi_field::change:
        return row.change;
    }
    return std::nullopt;
}

cell_shown shown(const kpi_row& row, kpi_field field, const kpi_info* info,
                 int max_small) noexcept {
    const auto v = field_value(row, field);
    if (!v) return cell_shown::hidden;
    const auto& s = row.suppressed;
    const bool hidden = field == kpi_field::numerator     ? s.numerator
                        : field == kpi_field::denominator ? s.denominator
                        : field == kpi_field::value       ? s.value
                                                          : s.change;
    if (!hidden) return cell_shown::number;
    // Only a small count itself shows as `<5`; whatever was hidden to protect it stays empty.
    auto small = [&](double x, kpi_field f) {
        return x >= 1 && x <= max_small && x == std::round(x) && counts_pupils(row, info, f);
    };
    switch (field) {
    case kpi_field::numerator:
    case kpi_field::denominator:
        return small(*v, field) ? cell_shown::small : cell_shown::hidden;
    case kpi_field::value: // a plain count is its numerator
        return !row.denominator && row.numerator && *row.numerator == *v &&
                       small(*v, kpi_field::numerator)
                   ? cell_shown::small
                   : cell_shown::hidden;
    case kpi_field::change:
        return cell_shown::hidden;
    }
    return cell_shown::hidden;
}

PASSEND_NAMESPACE_END
