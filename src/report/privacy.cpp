// SPDX-License-Identifier: EUPL-1.2
// Small-count suppression of KPI results: the rows' numerators and denominators become cells of
// one cell_table, related by the catalog's own relations (kpi/relations.hpp) within each unit and
// year, and by the units of a level adding up to the national row and schools to their board.
// cell_table.cpp decides what is hidden; this file only says which numbers a reader can relate.
#include "passend/report/privacy.hpp"

#include "passend/report/cell_table.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <string_view>
#include <unordered_map>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::uint32_t none = 0xFFFFFFFFu;

bool counts_pupils(const kpi_info* info, kpi_field field) {
    if (!info) return false;
    return field == kpi_field::numerator     ? info->numerator_counts_pupils
           : field == kpi_field::denominator ? info->denominator_counts_pupils
                                             : false;
}

class kpi_cells {
public:
    kpi_cells(kpi_results& results, const suppress_options& options)
        : res_(results), opt_(options) {}

    suppress_summary run() {
        intern();
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            const auto& row = res_.rows[r];
            const kpi_info* info = info_[kpi_of_[r]];
            cell_[2 * r] = row.numerator ? table_.add(*row.numerator,
                                                      counts_pupils(info, kpi_field::numerator))
                                         : cell_table::absent;
            cell_[2 * r + 1] =
                row.denominator
                    ? table_.add(*row.denominator, counts_pupils(info, kpi_field::denominator))
                    : cell_table::absent;
        }
        // Rows of one unit and year (sorted by kpi): the catalog's relations.
        grouped(
            [&](std::uint32_t r) {
                return year_bits(r) << 52 | level_bits(r) << 49 | std::uint64_t{unit_of_[r]} << 21 |
                       kpi_of_[r];
            },
            21, [&](std::span<const std::uint32_t> g) { catalog_relations(g); });
        // Rows of one KPI and year (sorted by level): units sum to national, schools to boards.
        grouped(
            [&](std::uint32_t r) {
                return std::uint64_t{kpi_of_[r]} << 43 | year_bits(r) << 31 | level_bits(r) << 28 |
                       unit_of_[r];
            },
            31, [&](std::span<const std::uint32_t> g) { level_relations(g); });
        const auto summary = protect(table_, opt_.max_small);
        mark_rows();
        return summary;
    }

private:
    /// Rows' kpi ids and units as small integers, so that grouping sorts integers.
    void intern() {
        std::unordered_map<std::string_view, std::uint32_t> kpis, units;
        const auto n = res_.rows.size();
        kpi_of_.resize(n), unit_of_.resize(n), cell_.assign(2 * n, cell_table::absent);
        for (const auto& d : res_.definitions)
            if (kpis.try_emplace(d.id, static_cast<std::uint32_t>(kpis.size())).second)
                info_.push_back(&d);
        for (std::uint32_t r = 0; r < n; ++r) {
            const auto& row = res_.rows[r];
            const auto k = kpis.try_emplace(row.kpi, static_cast<std::uint32_t>(kpis.size()));
            if (k.second) info_.push_back(nullptr);
            kpi_of_[r] = k.first->second;
            const auto u = units.try_emplace(row.unit, static_cast<std::uint32_t>(units.size()));
            unit_of_[r] = u.first->second;
            if (u.second) unit_names_.push_back(row.unit);
        }
        board_of_unit_.assign(unit_names_.size(), none);
        for (std::uint32_t u = 0; u < unit_names_.size(); ++u) {
            const auto it = opt_.board_of_school.find(std::string(unit_names_[u]));
            if (it == opt_.board_of_school.end()) continue;
            if (const auto b = units.find(it->second); b != units.end())
                board_of_unit_[u] = b->second;
        }
        // The catalog's relations in interned ids.
        auto ref = [&](const kpi_cell& c) -> std::pair<std::uint32_t, bool> {
            const auto it = kpis.find(c.kpi);
            return {it == kpis.end() ? none : it->second, c.field == kpi_field::denominator};
        };
        for (const auto& rel : res_.relations) {
            interned_relation ir{rel.type, ref(rel.total), {}, rel.hide_total_first};
            for (const auto& p : rel.parts) ir.parts.push_back(ref(p));
            relations_.push_back(std::move(ir));
        }
        slot_.assign(kpis.size(), none);
    }

    template <class Key, class Each>
    void grouped(Key key, int group_shift, Each each) {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> order(res_.rows.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {key(i), i};
        std::sort(order.begin(), order.end());
        std::vector<std::uint32_t> group;
        for (std::size_t g = 0; g < order.size();) {
            std::size_t e = g;
            group.clear();
            while (e < order.size() &&
                   order[e].first >> group_shift == order[g].first >> group_shift)
                group.push_back(order[e++].second);
            each(std::span<const std::uint32_t>(group));
            g = e;
        }
    }
    // Key fields: year 12 bits, level 3, unit 28, kpi 21.
    std::uint64_t year_bits(std::uint32_t r) const {
        return static_cast<std::uint64_t>(res_.rows[r].year.start_year() - 1900) & 0xFFF;
    }
    std::uint64_t level_bits(std::uint32_t r) const {
        return static_cast<std::uint64_t>(res_.rows[r].level);
    }

    void catalog_relations(std::span<const std::uint32_t> group) {
        for (auto r : group) slot_[kpi_of_[r]] = r;
        auto cell = [&](std::pair<std::uint32_t, bool> ref) {
            if (ref.first == none || slot_[ref.first] == none) return cell_table::absent;
            return cell_[2 * slot_[ref.first] + ref.second];
        };
        std::vector<cell_table::cell_id> parts;
        for (const auto& rel : relations_) {
            const auto total = cell(rel.total);
            if (total == cell_table::absent) continue;
            parts.clear();
            for (const auto& p : rel.parts) parts.push_back(cell(p));
            if (rel.type == kpi_relation::kind::follows)
                for (auto p : parts) table_.follow(total, p);
            else
                table_.relate(std::span(&total, 1), parts, rel.hide_total_first);
        }
        for (auto r : group) slot_[kpi_of_[r]] = none;
    }

    void level_relations(std::span<const std::uint32_t> group) {
        const auto& rows = res_.rows;
        std::uint32_t national = none;
        for (auto r : group)
            if (rows[r].level == kpi_level::national) national = r;
        std::vector<std::uint32_t> parts;
        for (auto level :
             {kpi_level::swv, kpi_level::board, kpi_level::school, kpi_level::municipality}) {
            parts.clear();
            for (auto r : group)
                if (rows[r].level == level) parts.push_back(r);
            if (national != none) relation_over(national, parts);
        }
        if (opt_.board_of_school.empty()) return;
        std::unordered_map<std::uint32_t, std::uint32_t> board_row;
        std::map<std::uint32_t, std::vector<std::uint32_t>> schools_of;
        for (auto r : group) {
            if (rows[r].level == kpi_level::board) board_row[unit_of_[r]] = r;
            if (rows[r].level == kpi_level::school && board_of_unit_[unit_of_[r]] != none)
                schools_of[board_of_unit_[unit_of_[r]]].push_back(r);
        }
        for (const auto& [board, schools] : schools_of)
            if (const auto it = board_row.find(board); it != board_row.end())
                relation_over(it->second, schools);
    }

    void relation_over(std::uint32_t total_row, const std::vector<std::uint32_t>& part_rows) {
        if (part_rows.empty()) return;
        std::vector<cell_table::cell_id> parts;
        for (std::uint32_t side = 0; side < 2; ++side) {
            parts.clear();
            for (auto r : part_rows) parts.push_back(cell_[2 * r + side]);
            table_.relate(std::span(&cell_[2 * total_row + side], 1), parts);
        }
    }

    void mark_rows() {
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            auto& row = res_.rows[r];
            auto& s = row.suppressed;
            s.numerator = table_.hidden(cell_[2 * r]);
            s.denominator = table_.hidden(cell_[2 * r + 1]);
            s.numerator_unmarked = s.numerator && table_.shown(cell_[2 * r]) != cell_shown::small &&
                                   table_.small_count(cell_[2 * r]);
            s.denominator_unmarked = s.denominator &&
                                     table_.shown(cell_[2 * r + 1]) != cell_shown::small &&
                                     table_.small_count(cell_[2 * r + 1]);
            s.value = row.value && (s.numerator || s.denominator);
        }
        // A change is the difference of two values: hidden when either is. Rows of one KPI and
        // unit in year order, so the previous year's row is the one before.
        const auto& rows = res_.rows;
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(rows.size());
        for (std::uint32_t r = 0; r < rows.size(); ++r)
            keyed[r] = {std::uint64_t{kpi_of_[r]} << 43 | level_bits(r) << 40 |
                            std::uint64_t{unit_of_[r]} << 12 | year_bits(r),
                        r};
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            auto& row = res_.rows[keyed[i].second];
            if (!row.change) continue;
            // Without the previous year's row (results of selected years only) its value
            // cannot be checked: hide the change.
            bool prev_hidden = true;
            if (i > 0) {
                const auto& prev = rows[keyed[i - 1].second];
                if (prev.kpi == row.kpi && prev.level == row.level && prev.unit == row.unit &&
                    prev.year.next() == row.year)
                    prev_hidden = prev.suppressed.value;
            }
            // In a partial year a period count's change is against the same period a year
            // earlier, a count published nowhere: value minus change gives it, so a small one
            // hides the change.
            if (row.partial && row.value) {
                const double same_period = *row.value - *row.change;
                if (same_period >= 1 && same_period <= opt_.max_small &&
                    same_period == std::round(same_period) &&
                    counts_pupils(info_[kpi_of_[keyed[i].second]], kpi_field::numerator))
                    prev_hidden = true;
            }
            row.suppressed.change = row.suppressed.value || prev_hidden;
        }
    }

    struct interned_relation {
        kpi_relation::kind type;
        std::pair<std::uint32_t, bool> total; ///< (kpi, is denominator)
        std::vector<std::pair<std::uint32_t, bool>> parts;
        bool hide_total_first;
    };

    kpi_results& res_;
    const suppress_options& opt_;
    cell_table table_;
    std::vector<cell_table::cell_id> cell_; ///< per row: numerator, denominator
    std::vector<const kpi_info*> info_;     ///< per interned kpi
    std::vector<std::uint32_t> kpi_of_, unit_of_, board_of_unit_, slot_;
    std::vector<std::string_view> unit_names_;
    std::vector<interned_relation> relations_;
};

} // namespace

suppress_options suppress_options::for_dataset(const dataset& ds) {
    suppress_options o;
    const auto& schools = ds.schools();
    for (std::size_t i = 0; i < schools.size(); ++i)
        if (has(schools.board[i]))
            o.board_of_school[std::string(schools.id[i])] = ds.boards().id[pos(schools.board[i])];
    return o;
}

suppress_summary suppress(kpi_results& results, const suppress_options& options) {
    for (auto& row : results.rows) row.suppressed = {};
    if (!options.enabled) return {};
    return kpi_cells(results, options).run();
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
    // Only a small count itself shows as `<5`; whatever was hidden to protect it stays empty,
    // and so does a small count whose mark would give others away.
    auto small = [&](double x, kpi_field f) {
        if (f == kpi_field::numerator ? s.numerator_unmarked : s.denominator_unmarked) return false;
        return x >= 1 && x <= max_small && x == std::round(x) && counts_pupils(info, f);
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
