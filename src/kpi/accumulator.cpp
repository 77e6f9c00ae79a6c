// SPDX-License-Identifier: EUPL-1.2
#include "kpi/accumulator.hpp"

#include <span>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

slot_layout::slot_layout(const dataset& ds)
    : swvs(static_cast<std::uint32_t>(ds.swvs().size())),
      boards(static_cast<std::uint32_t>(ds.boards().size())),
      schools(static_cast<std::uint32_t>(ds.schools().size())),
      municipalities(static_cast<std::uint32_t>(ds.municipalities().size())) {}

accumulator::accumulator(const dataset& ds, const plan& pl, const slot_layout& layout,
                         std::size_t years, std::size_t block_first, std::size_t block_years,
                         enrolment_counters counters)
    : ds_(ds), plan_(pl), layout_(layout), years_(years), count_(pl.classes.size() * years),
      sum_(count_.size()), values_(count_.size()), row_of_(pl.classes.size(), -1),
      counters_(counters), block_first_(block_first), block_years_(block_years) {
    for (std::size_t c = 0; c < pl.classes.size(); ++c) {
        const auto& info = pl.classes[c];
        if (info.values || !measure_specs()[static_cast<std::size_t>(info.measure)]->by_enrolment)
            continue;
        row_of_[c] = static_cast<std::int32_t>(classes_.size());
        classes_.push_back(static_cast<std::uint32_t>(c));
        fields_ |= info.field;
    }
    block_ = classes_.size() * block_years_;
    if (block_ == 0) return;
    if (counters.schools) by_school_.assign(std::size_t{layout.schools} * block_, 0);
    if (counters.municipalities)
        by_municipality_.assign((std::size_t{layout.municipalities} + 1) * block_, 0);
    by_swv_.assign((std::size_t{layout.swvs} + 1) * block_, 0);
    if (!fields_) return;
    sum_school_.assign(by_school_.size(), 0.0);
    sum_municipality_.assign(by_municipality_.size(), 0.0);
    sum_swv_.assign(by_swv_.size(), 0.0);
}

void accumulator::add(std::int32_t cls, std::size_t year, const unit_keys& k, double field) {
    const std::size_t i = static_cast<std::size_t>(cls) * years_ + year;
    // The national slot only takes records that count for no partnership: for the others
    // the national number is the sum of the partnership slots, onbekend included
    // (sum_classes), which saves a counter per record.
    std::array<std::uint32_t, 4> slots{};
    std::size_t n = 0;
    if (k.swv == not_counted) slots[n++] = 0;
    for (const auto& [level, unit] : {std::pair{kpi_level::swv, k.swv},
                                      {kpi_level::board, k.board},
                                      {kpi_level::school, k.school},
                                      {kpi_level::municipality, k.municipality}})
        if (unit != not_counted) slots[n++] = layout_.slot(level, unit);
    const std::span<const std::uint32_t> used(slots.data(), n);
    auto& count = lazy(count_[i]);
    for (auto s : used) ++count[s];
    const auto& info = plan_.classes[static_cast<std::size_t>(cls)];
    if (info.field) {
        auto& sum = lazy(sum_[i]);
        for (auto s : used) sum[s] += field;
    }
    if (info.values) {
        auto& values = values_[i];
        if (values.empty()) values.resize(layout_.total());
        if (k.swv != not_counted) values[0].push_back(field);
        for (auto s : used) values[s].push_back(field);
    }
}

void accumulator::fold(attribution_view view) {
    if (block_ == 0) return;
    auto fold_unit = [&](const auto& counts, const auto& sums, std::size_t unit,
                         std::initializer_list<std::uint32_t> slots) {
        for (std::size_t row = 0; row < classes_.size(); ++row) {
            for (std::size_t y = 0; y < block_years_; ++y) {
                const std::size_t at = unit * block_ + row * block_years_ + y;
                if (counts[at] == 0) continue;
                const std::size_t cy = classes_[row] * years_ + block_first_ + y;
                auto& count = lazy(count_[cy]);
                for (auto s : slots) count[s] += counts[at];
                if (!plan_.classes[classes_[row]].field) continue;
                auto& sum = lazy(sum_[cy]);
                for (auto s : slots) sum[s] += sums[at];
            }
        }
    };
    // Sums exist only for field rows (fields_), and only those read them.
    for (std::uint32_t s = 0; counters_.schools && s < layout_.schools; ++s) {
        const auto school = layout_.slot(kpi_level::school, s);
        const auto board = layout_.slot(kpi_level::board, board_of(ds_, s));
        if (own_swv(ds_, view, s))
            fold_unit(by_school_, sum_school_, s, {school, board});
        else
            fold_unit(by_school_, sum_school_, s,
                      {school, board, layout_.slot(kpi_level::swv, swv_of(ds_, s))});
    }
    for (std::uint32_t m = 0; counters_.municipalities && m <= layout_.municipalities; ++m)
        fold_unit(by_municipality_, sum_municipality_, m,
                  {layout_.slot(kpi_level::municipality, m == layout_.municipalities ? none : m)});
    for (std::uint32_t w = 0; w <= layout_.swvs; ++w)
        fold_unit(by_swv_, sum_swv_, w,
                  {layout_.slot(kpi_level::swv, w == layout_.swvs ? none : w)});
}

void accumulator::merge(accumulator&& other) {
    auto add_into = [](auto& into, auto& from) {
        if (from.empty()) return;
        if (into.empty()) {
            into.swap(from);
            return;
        }
        for (std::size_t s = 0; s < into.size(); ++s) into[s] += from[s];
    };
    for (std::size_t i = 0; i < count_.size(); ++i) {
        add_into(count_[i], other.count_[i]);
        add_into(sum_[i], other.sum_[i]);
        if (other.values_[i].empty()) continue;
        if (values_[i].empty()) values_[i].resize(layout_.total());
        for (std::size_t s = 0; s < values_[i].size(); ++s)
            values_[i][s].insert(values_[i][s].end(), other.values_[i][s].begin(),
                                 other.values_[i][s].end());
    }
    for (auto [into, from] : {std::pair{&by_school_, &other.by_school_},
                              {&by_municipality_, &other.by_municipality_},
                              {&by_swv_, &other.by_swv_}})
        add_into(*into, *from);
    for (auto [into, from] : {std::pair{&sum_school_, &other.sum_school_},
                              {&sum_municipality_, &other.sum_municipality_},
                              {&sum_swv_, &other.sum_swv_}})
        add_into(*into, *from);
}

void pupil_collector::add(std::size_t y, const unit_keys& k, pupil_idx p) {
    if (y != year || !has(p)) return;
    std::uint32_t u = 0;
    switch (level) {
    case kpi_level::national:
        u = unit;
        break;
    case kpi_level::swv:
        u = k.swv;
        break;
    case kpi_level::board:
        u = k.board;
        break;
    case kpi_level::school:
        u = k.school;
        break;
    case kpi_level::municipality:
        u = k.municipality;
        break;
    }
    if (u == unit) pupils.push_back(p);
}

} // namespace kpi_detail

PASSEND_NAMESPACE_END
