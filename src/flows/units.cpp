// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/units.hpp"

#include <algorithm>
#include <array>

PASSEND_NAMESPACE_BEGIN

std::optional<flow_unit> find_flow_unit(const dataset& ds, std::string_view id) {
    if (id == "NL") return flow_unit{};
    if (const auto s = ds.find_swv(id)) return flow_unit{flow_level::swv, pos(*s)};
    if (const auto b = ds.find_board(id)) return flow_unit{flow_level::board, pos(*b)};
    if (const auto s = ds.find_school(id)) return flow_unit{flow_level::school, pos(*s)};
    return std::nullopt;
}

bool counts_for(const dataset& ds, flow_unit u, std::uint32_t e, day d, attribution_view view) {
    const auto school = ds.enrolments().school[e];
    switch (u.level) {
    case flow_level::national:
        return true;
    case flow_level::swv:
        return pos(attributed_swv(ds, e, d, view)) == u.index;
    case flow_level::board:
        return pos(ds.schools().board[pos(school)]) == u.index;
    case flow_level::school:
        return pos(school) == u.index;
    }
    return false;
}

std::string unit_id(const dataset& ds, flow_unit u) {
    switch (u.level) {
    case flow_level::national:
        return "NL";
    case flow_level::swv:
        return std::string(ds.swvs().id[u.index]);
    case flow_level::board:
        return std::string(ds.boards().id[u.index]);
    case flow_level::school:
        return std::string(ds.schools().id[u.index]);
    }
    return {};
}

PASSEND_NAMESPACE_END
