// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/thuiszitter_lengths.hpp"

#include <algorithm>
#include <vector>

PASSEND_NAMESPACE_BEGIN

namespace {
bool in_unit(const absence_unit& a, flow_unit u) noexcept {
    switch (u.level) {
    case flow_level::national:
        return true;
    case flow_level::swv:
        return has(a.swv) && pos(a.swv) == u.index;
    case flow_level::board:
        return has(a.board) && pos(a.board) == u.index;
    case flow_level::school:
        return has(a.school) && pos(a.school) == u.index;
    }
    return false;
}
} // namespace

std::string_view length_class_label(std::size_t c) noexcept {
    static constexpr std::array<std::string_view, length_class_count> names{
        "1-28", "29-91", "92-182", "183-365", "366+"};
    return names[c];
}

std::size_t length_class_of(int days) noexcept {
    if (days <= langdurig_min_days_exclusive) return 0;
    if (days <= 91) return 1;
    if (days <= 182) return 2;
    if (days <= 365) return 3;
    return 4;
}

thuiszitter_lengths summarize_thuiszitters(std::span<const verzuim_episode> episodes, flow_unit u) {
    thuiszitter_lengths out;
    std::vector<int> lengths;
    const verzuim_episode* first_of_pupil = nullptr;
    for (const auto& e : episodes) {
        if (!e.is_thuiszitter()) continue;
        // Episodes come by pupil, then start: the first one of a pupil decides its unit.
        if (!first_of_pupil || first_of_pupil->pupil != e.pupil) {
            first_of_pupil = &e;
            if (in_unit(e.unit, u)) ++out.pupils;
        }
        if (!in_unit(e.unit, u)) continue;
        ++out.episodes;
        ++(e.kind == absence_kind::relatief ? out.relatief : out.absoluut);
        out.open += e.open;
        out.longer_than_3_months += e.longer_than_3_months;
        ++out.by_length[length_class_of(e.length_days)];
        lengths.push_back(e.length_days);
    }
    if (lengths.empty()) return out;
    std::sort(lengths.begin(), lengths.end());
    double sum = 0;
    for (int l : lengths) sum += l;
    const auto n = lengths.size();
    out.mean_days = sum / static_cast<double>(n);
    out.median_days = n % 2 ? lengths[n / 2] : (lengths[n / 2 - 1] + lengths[n / 2]) / 2.0;
    out.max_days = lengths.back();
    return out;
}

PASSEND_NAMESPACE_END
