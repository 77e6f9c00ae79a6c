// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/relations.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

PASSEND_NAMESPACE_BEGIN

namespace {

bool about_pupils(kpi_measure m) {
    // Places, money and covered municipalities are no pupil counts (offer_pupils is).
    return m != kpi_measure::funds && m != kpi_measure::allocations &&
           m != kpi_measure::assessments && m != kpi_measure::assessment_units &&
           m != kpi_measure::support_offers && m != kpi_measure::region_coverage &&
           m != kpi_measure::finances;
}

/// The number a side of a definition publishes: a mean's or median's denominator counts its
/// records, so it is that quantity counted.
kpi_quantity counted(kpi_quantity q) {
    q.aggregate = kpi_aggregate::count;
    q.field.clear();
    q.quantile = kpi_quantity{}.quantile;
    return q;
}

// The filter fields that split records into disjoint groups (a record has one setting, one
// kind, one level, ...), as sorted value lists; empty means every value.
constexpr std::size_t dim_count = 13;
using dims = std::array<std::vector<int>, dim_count>;

template <class E>
std::vector<int> values(const std::vector<E>& v) {
    std::vector<int> out;
    for (auto e : v) out.push_back(static_cast<int>(e));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
std::vector<int> values(const std::optional<bool>& b) {
    return b ? std::vector<int>{*b ? 1 : 0} : std::vector<int>{};
}

dims dims_of(const kpi_filter& f) {
    return {values(f.settings),
            values(f.from_settings),
            values(f.to_settings),
            values(f.kinds),
            values(f.exits),
            values(f.has_opp),
            values(f.levels),
            values(f.arrangement_kinds),
            values(f.outcomes),
            values(f.categories),
            values(f.has_request_date),
            values(f.within_term),
            values(f.has_term_start)};
}

/// The same records apart from the splitting fields.
bool same_kind(const kpi_quantity& a, const kpi_quantity& b) {
    return a.measure == b.measure && a.at == b.at && a.aggregate == b.aggregate &&
           a.field == b.field && a.filter.absence == b.filter.absence && a.quantile == b.quantile &&
           a.filter.direction == b.filter.direction && a.filter.framework == b.filter.framework &&
           a.filter.domain == b.filter.domain;
}

/// The fields in which `part` narrows `total` (a bit per field), or nothing when `part` is not
/// a subset of `total`.
std::optional<std::uint32_t> narrowing(const dims& part, const dims& total) {
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < dim_count; ++i) {
        if (part[i] == total[i]) continue;
        if (part[i].empty()) return std::nullopt; // every value: wider than total's
        if (!total[i].empty() &&
            !std::includes(total[i].begin(), total[i].end(), part[i].begin(), part[i].end()))
            return std::nullopt;
        mask |= 1u << i;
    }
    return mask;
}

bool disjoint(const dims& a, const dims& b) {
    for (std::size_t i = 0; i < dim_count; ++i) {
        if (a[i].empty() || b[i].empty()) continue;
        std::vector<int> both;
        std::set_intersection(a[i].begin(), a[i].end(), b[i].begin(), b[i].end(),
                              std::back_inserter(both));
        if (both.empty()) return true;
    }
    return false;
}

} // namespace

bool counts_pupils(const kpi_definition& d, kpi_field field) noexcept {
    const kpi_quantity* q = field == kpi_field::numerator     ? &d.numerator
                            : field == kpi_field::denominator ? &*d.denominator
                                                              : nullptr;
    if (field == kpi_field::denominator && !d.denominator)
        q = is_average(d.numerator) ? &d.numerator : nullptr;
    if (!q || !about_pupils(q->measure)) return false;
    if (field == kpi_field::numerator)
        return q->aggregate == kpi_aggregate::count ||
               q->aggregate == kpi_aggregate::distinct_pupils;
    return true; // a denominator counts records (an average's: the records it is over)
}

std::vector<kpi_relation> derive_relations(std::span<const kpi_definition> definitions) {
    // Every published number with the quantity it is; the first cell of a quantity stands for
    // every other cell of it.
    struct side {
        kpi_cell cell;
        kpi_quantity quantity;
        dims filter;
        bool numerator;
        std::size_t canonical;
    };
    std::vector<side> sides;
    std::vector<kpi_relation> out;
    auto add_side = [&](const std::string& id, kpi_field field, const kpi_quantity& q) {
        sides.push_back({{id, field}, q, dims_of(q.filter), field == kpi_field::numerator, 0});
    };
    for (const auto& d : definitions) {
        if (is_average(d.numerator)) {
            add_side(d.id, kpi_field::denominator, counted(d.numerator));
            // The sum of days or years behind a mean goes with the number of records.
            out.push_back({kpi_relation::kind::follows,
                           {d.id, kpi_field::denominator},
                           {{d.id, kpi_field::numerator}}});
            continue;
        }
        add_side(d.id, kpi_field::numerator, d.numerator);
        if (d.denominator) add_side(d.id, kpi_field::denominator, *d.denominator);
    }
    for (std::size_t i = 0; i < sides.size(); ++i) {
        sides[i].canonical = i;
        for (std::size_t j = 0; j < i; ++j)
            if (sides[j].quantity == sides[i].quantity) {
                sides[i].canonical = sides[j].canonical;
                out.push_back({kpi_relation::kind::sum, sides[j].cell, {sides[i].cell}});
                break;
            }
    }
    auto published_as_numerator = [&](std::size_t canonical) {
        return std::any_of(sides.begin(), sides.end(),
                           [&](const side& s) { return s.canonical == canonical && s.numerator; });
    };
    for (std::size_t t = 0; t < sides.size(); ++t) {
        const auto& total = sides[t];
        if (total.canonical != t) continue;
        // A sum over records (the cost of arrangements) goes with their count.
        if (total.quantity.aggregate == kpi_aggregate::sum && about_pupils(total.quantity.measure))
            for (std::size_t c = 0; c < sides.size(); ++c)
                if (sides[c].canonical == c && sides[c].quantity == counted(total.quantity))
                    out.push_back({kpi_relation::kind::follows, sides[c].cell, {total.cell}});
        // Means and medians do not add up. Distinct pupils of a year may be in two parts (a pupil
        // who moved): such a sum is checked on the numbers and, when it does not add up, only
        // asks for two hidden parts.
        if (is_average(total.quantity)) continue;
        // Refinements of the total, grouped by the fields in which they narrow it.
        std::vector<std::pair<std::uint32_t, std::size_t>> refinements;
        for (std::size_t p = 0; p < sides.size(); ++p) {
            if (p == t || sides[p].canonical != p || !same_kind(sides[p].quantity, total.quantity))
                continue;
            if (const auto mask = narrowing(sides[p].filter, total.filter); mask && *mask)
                refinements.emplace_back(*mask, p);
        }
        // Finest first (fewest values in the narrowed fields), so that a family of single
        // settings is chosen over a pair of settings that overlaps them; then in catalog order,
        // so that every standard library sorts alike (and suppresses the same cells).
        auto width = [&](std::size_t p) {
            std::size_t w = 0;
            for (const auto& d : sides[p].filter) w += d.size();
            return w;
        };
        std::sort(refinements.begin(), refinements.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            if (width(a.second) != width(b.second)) return width(a.second) < width(b.second);
            return a.second < b.second;
        });
        for (std::size_t g = 0; g < refinements.size();) {
            std::size_t e = g;
            while (e < refinements.size() && refinements[e].first == refinements[g].first) ++e;
            // The pairwise disjoint parts, finest first.
            std::vector<std::size_t> parts;
            for (std::size_t k = g; k < e; ++k) {
                const auto p = refinements[k].second;
                if (std::all_of(parts.begin(), parts.end(), [&](std::size_t q) {
                        return disjoint(sides[p].filter, sides[q].filter);
                    }))
                    parts.push_back(p);
            }
            if (parts.size() >= 2) {
                kpi_relation r{kpi_relation::kind::sum, total.cell, {}};
                for (auto p : parts) r.parts.push_back(sides[p].cell);
                r.hide_total_first = !published_as_numerator(t);
                out.push_back(std::move(r));
            }
            g = e;
        }
    }
    return out;
}

PASSEND_NAMESPACE_END
