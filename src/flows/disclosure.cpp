// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/disclosure.hpp"

#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace {
constexpr int settings = static_cast<int>(setting_count);
constexpr int kinds = static_cast<int>(transition_kind_count);
} // namespace

cell_table::cell_id flow_disclosure::cell(flow_unit u, school_year y, int offset) const {
    if (!tables_.has_year(y) || !tables_.has_level(u.level)) return cell_table::absent;
    const auto years = tables_.years().size();
    const auto yi = static_cast<std::size_t>(y.start_year() - tables_.years().front().start_year());
    return base_[static_cast<std::size_t>(u.level)] +
           static_cast<cell_table::cell_id>((u.index * years + yi) * block + offset);
}

flow_disclosure::flow_disclosure(const dataset& ds, const flow_tables& t, int max_small)
    : tables_(t) {
    using id = cell_table::cell_id;
    // Every count of every unit and year, in the order cell() computes.
    std::vector<flow_unit> units;
    for (std::size_t l = 0; l < flow_level_count; ++l) {
        const auto level = static_cast<flow_level>(l);
        base_[l] = static_cast<id>(table_.size());
        if (!t.has_level(level)) continue;
        for (std::uint32_t u = 0; u < t.unit_count(level); ++u) {
            units.push_back({level, u});
            for (auto y : t.years()) {
                const flow_unit fu{level, u};
                for (int s = 0; s < settings; ++s) table_.add(t.stock(fu, y)[s], true);
                const auto f = t.flows(fu, y);
                for (int r = 0; r < flow_row_count; ++r)
                    for (int c = 0; c < flow_col_count; ++c) table_.add(f(r, c), true);
                const auto v = t.verplaatsingen(fu, y);
                for (int r = 0; r < yoy_size; ++r)
                    for (int c = 0; c < yoy_size; ++c) table_.add(v(r, c), true);
                const auto k = t.kinds(fu, y);
                for (int i = 0; i < kinds; ++i) table_.add(k[i], true);
            }
        }
    }
    std::vector<id> lhs, rhs;
    auto at = [&](flow_unit u, school_year y, int offset) { return cell(u, y, offset); };
    // Within a unit and year.
    for (const auto u : units)
        for (auto y : t.years()) {
            for (int s = 0; s < settings; ++s) {
                lhs = {at(u, y, stock_at + s)};
                rhs = {at(u, y.prev(), stock_at + s)};
                for (int c = 0; c < flow_col_count; ++c)
                    if (c != s) lhs.push_back(at(u, y, flows_at + s * flow_col_count + c));
                for (int r = 0; r < flow_row_count; ++r)
                    if (r != s) rhs.push_back(at(u, y, flows_at + r * flow_col_count + s));
                table_.relate(lhs, rhs);
                // The year-over-year matrix's margins are the stocks.
                lhs = {at(u, y.prev(), stock_at + s)};
                rhs.clear();
                for (int c = 0; c < yoy_size; ++c)
                    rhs.push_back(at(u, y, yoy_at + s * yoy_size + c));
                table_.relate(lhs, rhs);
                lhs = {at(u, y, stock_at + s)};
                rhs.clear();
                for (int r = 0; r < yoy_size; ++r)
                    rhs.push_back(at(u, y, yoy_at + r * yoy_size + s));
                table_.relate(lhs, rhs);
            }
        }
    // Across units: stocks and transitions by kind add up.
    auto additive = [&](flow_unit total, const std::vector<flow_unit>& parts) {
        if (parts.empty()) return;
        for (auto y : t.years()) {
            auto sum_of = [&](int offset) {
                lhs = {at(total, y, offset)};
                rhs.clear();
                for (auto p : parts) rhs.push_back(at(p, y, offset));
                table_.relate(lhs, rhs);
            };
            for (int s = 0; s < settings; ++s) sum_of(stock_at + s);
            for (int k = 0; k < kinds; ++k) sum_of(kinds_at + k);
        }
    };
    for (auto level : {flow_level::swv, flow_level::board, flow_level::school}) {
        if (!t.has_level(level)) continue;
        std::vector<flow_unit> parts;
        for (std::uint32_t u = 0; u < t.unit_count(level); ++u) parts.push_back({level, u});
        additive({flow_level::national, 0}, parts);
    }
    if (t.has_level(flow_level::board) && t.has_level(flow_level::school)) {
        std::vector<std::vector<flow_unit>> schools_of(t.unit_count(flow_level::board));
        const auto& schools = ds.schools();
        for (std::uint32_t i = 0; i < schools.size() && i < t.unit_count(flow_level::school); ++i)
            if (has(schools.board[i]) && pos(schools.board[i]) < schools_of.size())
                schools_of[pos(schools.board[i])].push_back({flow_level::school, i});
        for (std::uint32_t b = 0; b < schools_of.size(); ++b)
            additive({flow_level::board, b}, schools_of[b]);
    }
    summary_ = protect(table_, max_small);
}

cell_shown flow_disclosure::flow(flow_unit u, school_year y, int row, int col) const {
    return table_.shown(cell(u, y, flows_at + row * flow_col_count + col));
}
cell_shown flow_disclosure::stock(flow_unit u, school_year y, int setting) const {
    const auto c = cell(u, y, stock_at + setting);
    return c == cell_table::absent ? cell_shown::number : table_.shown(c);
}
cell_shown flow_disclosure::verplaatsing(flow_unit u, school_year y, int row, int col) const {
    return table_.shown(cell(u, y, yoy_at + row * yoy_size + col));
}
cell_shown flow_disclosure::kind(flow_unit u, school_year y, int k) const {
    return table_.shown(cell(u, y, kinds_at + k));
}

std::unique_ptr<const published_flows> publish_flows(const dataset& ds, attribution_view view,
                                                     bool suppress) {
    flow_options o;
    o.view = view;
    auto p = std::make_unique<published_flows>(published_flows{compute_flows(ds, o), {}});
    if (suppress) p->disclosure.emplace(ds, p->tables);
    return p;
}

PASSEND_NAMESPACE_END
