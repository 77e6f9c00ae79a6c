// SPDX-License-Identifier: EUPL-1.2
// Measures of the tables not held per pupil: `arrangements` (for their school), `funds` and
// `allocations` (money per board and year), `assessments` (item scores) and `assessment_units`
// (assessed schools and boards and whether their mean meets the norm). All run on one thread, in
// table order, so that their sums of money and scores do not depend on the threads.
#include "kpi/scan.hpp"

#include <unordered_map>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// A board's own record (an assessment of the board itself) counts for that board only.
unit_keys board_keys(std::uint32_t board) {
    return unit_keys{not_counted, board, not_counted, not_counted};
}

std::size_t one_combo(const plan&) {
    return 1;
}
bool always(const kpi_quantity&, std::size_t, const plan&) {
    return true;
}

// ---- arrangements: support level and kind, for the arrangement's school ----

/// Support levels 1-5 (support_level starts at l1 = 1).
constexpr std::size_t support_level_count = 5;
static_assert(static_cast<std::size_t>(support_level::l5) == support_level_count,
              "a new support level: widen support_level_count");
using arrangement_space = combo_space<support_level_count, enum_count<arrangement_kind>>;

std::size_t arrangement_combos(const plan&) {
    return arrangement_space::count;
}

bool arrangement_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    return allows(q.filter.levels, static_cast<int>(arrangement_space::at<0>(c)) + 1) &&
           allows(q.filter.arrangement_kinds,
                  static_cast<arrangement_kind>(arrangement_space::at<1>(c)));
}

std::optional<table> arrangements_table(const kpi_quantity&) {
    return table::arrangements;
}

void scan_arrangements(const scan_context& cx, record_sink& sink) {
    const auto& ar = cx.ds.arrangements();
    for (std::size_t a = 0; a < ar.size(); ++a) {
        const auto c = cx.pl.cls(
            kpi_measure::arrangements,
            arrangement_space::encode(static_cast<std::size_t>(ar.level[a]) - 1, ar.kind[a]));
        if (c < 0) continue;
        const auto k = school_unit_keys(cx.ds, pos(ar.school[a]));
        const double cost = ar.cost[a] < 0 ? 0.0 : static_cast<double>(ar.cost[a]) / 100.0;
        const period span{ar.start[a], ar.end[a]};
        // A planned start after the extract date is not a fact yet.
        for (int y = 0; y < cx.end_year() - cx.years.first; ++y) {
            const auto yi = static_cast<std::size_t>(y);
            const period days = cx.counted(yi);
            if (span.overlaps(days)) sink.add(c, yi, k, ar.pupil[a], cost);
            if (cx.compared(yi) && span.overlaps({days.start, cx.compare_through}))
                sink.add(c, cx.compare_bucket, k, ar.pupil[a], cost);
        }
    }
}

// ---- funds and allocations: amounts per board (and partnership or school) and year ----

std::optional<table> funds_table(const kpi_quantity&) {
    return table::funds;
}

void scan_funds(const scan_context& cx, record_sink& sink) {
    const auto& fu = cx.ds.funds();
    const auto c = cx.pl.cls(kpi_measure::funds, 0);
    for (std::size_t i = 0; i < fu.size(); ++i)
        if (const auto y = cx.years.index(fu.year[i]))
            sink.add(c, *y, unit_keys{pos(fu.swv[i]), pos(fu.board[i]), not_counted, not_counted},
                     no_index<pupil_idx>, static_cast<double>(fu.amount[i]) / 100.0);
}

std::optional<table> allocations_table(const kpi_quantity&) {
    return table::allocations;
}

void scan_allocations(const scan_context& cx, record_sink& sink) {
    const auto& al = cx.ds.allocations();
    const auto c = cx.pl.cls(kpi_measure::allocations, 0);
    for (std::size_t i = 0; i < al.size(); ++i)
        if (const auto y = cx.years.index(al.year[i]))
            sink.add(c, *y,
                     unit_keys{not_counted, pos(al.board[i]),
                               has(al.school[i]) ? pos(al.school[i]) : not_counted, not_counted},
                     no_index<pupil_idx>, static_cast<double>(al.amount[i]) / 100.0);
}

// ---- assessments and assessment_units: one combo per framework of the dataset ----

std::size_t framework_combos(const plan& pl) {
    return pl.frameworks.size();
}

bool framework_matches(const kpi_quantity& q, std::size_t c, const plan& pl) {
    return q.filter.framework == pl.frameworks[c];
}

std::optional<table> assessments_table(const kpi_quantity&) {
    return table::assessments;
}

/// Both measures in one pass over the rows: item scores (`assessments`) and, per year,
/// framework and assessed unit, whether the mean item score meets the norm of the board reports,
/// "norm van 75%" (`assessment_units`).
void scan_assessments(const scan_context& cx, record_sink& sink) {
    const auto& pl = cx.pl;
    const auto& as = cx.ds.assessments();
    const bool items = pl.needs(kpi_measure::assessments);
    const bool units = pl.needs(kpi_measure::assessment_units);
    auto keys = [&](unit_level level, std::uint32_t unit) {
        return level == unit_level::school ? school_unit_keys(cx.ds, unit) : board_keys(unit);
    };
    // Per assessed unit: the sum and number of item scores; key: year, framework, level and
    // unit packed in 64 bits.
    std::unordered_map<std::uint64_t, std::pair<double, int>> per_unit;
    auto pack = [](std::size_t y, std::size_t fw, unit_level level, std::uint32_t unit) {
        return (std::uint64_t{y} << 49) | (std::uint64_t{fw} << 33) |
               (std::uint64_t{level == unit_level::board} << 32) | unit;
    };
    std::size_t fw = 0;
    for (std::size_t i = 0; i < as.size(); ++i) {
        const auto y = cx.years.index(as.year[i]);
        if (!y) continue;
        if (i == 0 || as.framework[i] != as.framework[i - 1])
            fw = static_cast<std::size_t>(
                std::lower_bound(pl.frameworks.begin(), pl.frameworks.end(), as.framework[i]) -
                pl.frameworks.begin());
        if (items) {
            const auto c = pl.cls(kpi_measure::assessments, fw);
            if (c >= 0)
                sink.add(c, *y, keys(as.level[i], as.unit[i]), no_index<pupil_idx>, as.score[i]);
        }
        if (!units) continue;
        auto& [sum, n] = per_unit[pack(*y, fw, as.level[i], as.unit[i])];
        sum += as.score[i];
        ++n;
    }
    for (const auto& [key, sn] : per_unit) {
        const auto y = static_cast<std::size_t>(key >> 49);
        const auto c =
            pl.cls(kpi_measure::assessment_units, static_cast<std::size_t>((key >> 33) & 0xFFFF));
        if (c < 0) continue;
        const auto level = (key >> 32) & 1 ? unit_level::board : unit_level::school;
        const bool meets = kpi_norm{kpi_norm::direction::at_least, 0.75}.judge(
                               sn.first / sn.second) == kpi_status::op_koers;
        sink.add(c, y, keys(level, static_cast<std::uint32_t>(key)), no_index<pupil_idx>,
                 meets ? 1 : 0);
    }
}

} // namespace

const measure_spec arrangements_measure{.measure = kpi_measure::arrangements,
                                        .combos = arrangement_combos,
                                        .matches = arrangement_matches,
                                        .needs_table = arrangements_table,
                                        .timing = measure_timing::period,
                                        .per_table = scan_arrangements};
const measure_spec funds_measure{.measure = kpi_measure::funds,
                                 .combos = one_combo,
                                 .matches = always,
                                 .needs_table = funds_table,
                                 .timing = measure_timing::school_year,
                                 .per_table = scan_funds};
const measure_spec allocations_measure{.measure = kpi_measure::allocations,
                                       .combos = one_combo,
                                       .matches = always,
                                       .needs_table = allocations_table,
                                       .timing = measure_timing::school_year,
                                       .per_table = scan_allocations};
const measure_spec assessments_measure{.measure = kpi_measure::assessments,
                                       .combos = framework_combos,
                                       .matches = framework_matches,
                                       .needs_table = assessments_table,
                                       .timing = measure_timing::school_year,
                                       .per_table = scan_assessments};
// Scanned with the assessments: one pass over the rows serves both.
const measure_spec assessment_units_measure{.measure = kpi_measure::assessment_units,
                                            .combos = framework_combos,
                                            .matches = framework_matches,
                                            .needs_table = assessments_table,
                                            .timing = measure_timing::school_year,
                                            .per_table = scan_assessments};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
