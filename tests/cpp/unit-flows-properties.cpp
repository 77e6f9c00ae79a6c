// SPDX-License-Identifier: EUPL-1.2
// Properties of the flow tables on random histories (and on the demo region when it exists):
// stocks add up in every unit and year, every transition is counted once, the nation is the sum
// of its units.
#include "unit-flows-data.hpp"

#include "passend/demo.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/stock.hpp"
#include "passend/transitions.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>

using namespace passend;

namespace {
constexpr std::array<flow_level, flow_level_count> all_levels{
    flow_level::national, flow_level::swv, flow_level::board, flow_level::school};

/// stock(T) = stock(T-1) + inflows - outflows for every setting, unit, level and year.
void check_stock_identity(const flow_tables& ft) {
    for (auto level : all_levels)
        for (std::uint32_t u = 0; u < ft.unit_count(level); ++u) {
            const flow_unit unit{level, u};
            stock_vector before = stock_vector::Zero();
            for (auto y : ft.years()) {
                const auto f = ft.flows(unit, y);
                const stock_vector in = f.leftCols<setting_count>().colwise().sum();
                const stock_vector out =
                    f.topRows<setting_count>().rowwise().sum().transpose().cast<std::int32_t>();
                const stock_vector expected = before + in - out;
                const stock_vector now = ft.stock(unit, y);
                if (expected != now) {
                    FAIL_CHECK("stock identity fails for " << to_string(level) << " " << u << " in "
                                                           << y.to_string());
                    return;
                }
                // The year-over-year matrix has the two stocks as its margins.
                const auto v = ft.verplaatsingen(unit, y);
                const stock_vector rows =
                    v.topRows<setting_count>().rowwise().sum().transpose().cast<std::int32_t>();
                const stock_vector cols = v.leftCols<setting_count>().colwise().sum();
                CHECK(rows == before);
                CHECK(cols == now);
                before = now;
            }
        }
}

/// Each level's units add up to the nation where a count has one unit (stocks, kinds,
/// instroom, uitstroom, onderweg); moves between units leave one and enter another.
void check_national_is_sum(const flow_tables& ft) {
    for (auto y : ft.years()) {
        const auto nf = ft.flows({}, y);
        for (auto level : all_levels) {
            stock_vector stock = stock_vector::Zero();
            kind_vector kinds = kind_vector::Zero();
            flow_matrix sum = flow_matrix::Zero();
            for (std::uint32_t u = 0; u < ft.unit_count(level); ++u) {
                stock += ft.stock({level, u}, y);
                kinds += ft.kinds({level, u}, y);
                sum += ft.flows({level, u}, y);
            }
            CHECK(stock == ft.stock({}, y));
            CHECK(kinds == ft.kinds({}, y));
            const int instroom = static_cast<int>(flow_row::instroom);
            const int onderweg_row = static_cast<int>(flow_row::onderweg);
            const int onderweg_col = static_cast<int>(flow_col::onderweg);
            const int elders_row = static_cast<int>(flow_row::elders);
            const int elders_col = static_cast<int>(flow_col::elders);
            const int uit = static_cast<int>(flow_col::uitstroom_first);
            CHECK(sum.row(instroom) == nf.row(instroom));
            CHECK(sum.row(onderweg_row) == nf.row(onderweg_row));
            CHECK(sum.col(onderweg_col) == nf.col(onderweg_col));
            CHECK(sum.rightCols<5>() == nf.rightCols<5>());
            CHECK(sum.col(elders_col).sum() == sum.row(elders_row).sum());
            CHECK(sum.block<setting_count, 1>(0, uit).sum() ==
                  nf.block<setting_count, 1>(0, uit).sum());
        }
    }
}

/// The national tables count each transition once: its kind once in the year of its day, and
/// once in the matrix (instroom row, uitstroom columns, a setting cell, or both halves of
/// `onderweg`; a voortzetting not at all unless it crosses a teldatum). Only what the data
/// report: a transition on a day after the extract date is a plan, and a window or year after
/// the last reported one is not there (each half of `onderweg` counts where its window is).
void check_each_transition_once(const dataset& ds, const flow_tables& ft) {
    const auto& en = ds.enrolments();
    const day extract = ds.extract_date();
    const auto reported = [&](school_year y) { return ft.has_year(y); };
    kind_vector kinds = kind_vector::Zero();
    std::int64_t instroom = 0, uitstroom = 0, moves = 0, split_out = 0, split_in = 0;
    for (std::uint32_t p = 0; p < ds.pupils().size(); ++p)
        for_each_transition(ds, pupil_idx{p}, [&](const transition& t) {
            if (t.on > extract) return;
            if (reported(school_year::containing(t.on))) ++kinds[static_cast<int>(t.kind)];
            if (t.kind == transition_kind::instroom) {
                instroom += reported(flow_window_of(en.start[t.to]));
                return;
            }
            if (t.kind == transition_kind::uitstroom) {
                uitstroom += reported(flow_window_of(en.end[t.from] + date::days{1}));
                return;
            }
            const day leave = std::min(en.end[t.from] + date::days{1}, en.start[t.to]);
            const auto out = flow_window_of(leave), in = flow_window_of(en.start[t.to]);
            if (out != in) {
                split_out += reported(out);
                split_in += reported(in);
            } else if (t.kind != transition_kind::voortzetting) {
                moves += reported(in);
            }
        });
    kind_vector counted = kind_vector::Zero();
    std::int64_t in = 0, out = 0, cells = 0, onderweg_out = 0, onderweg_in = 0;
    for (auto y : ft.years()) {
        counted += ft.kinds({}, y);
        const auto f = ft.flows({}, y);
        in += f.row(static_cast<int>(flow_row::instroom)).sum();
        out += f.rightCols<5>().sum();
        cells += f.topLeftCorner<setting_count, setting_count>().sum();
        onderweg_out += f.col(static_cast<int>(flow_col::onderweg)).sum();
        onderweg_in += f.row(static_cast<int>(flow_row::onderweg)).sum();
    }
    CHECK(counted == kinds);
    CHECK(in == instroom);
    CHECK(out == uitstroom);
    // A direct transition across a teldatum (even a voortzetting: the pupil was absent there)
    // is onderweg; any other is one cell, but a voortzetting is no move at all.
    CHECK(onderweg_out == split_out);
    CHECK(onderweg_in == split_in);
    CHECK(cells == moves);
}
} // namespace

TEST_CASE("flows properties: random histories") {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        const auto ds = flows_test::random_dataset(seed, 600);
        for (auto view : {attribution_view::paying, attribution_view::schoolgaand}) {
            const auto ft = compute_flows(*ds, {.view = view, .threads = 1});
            check_stock_identity(ft);
            check_national_is_sum(ft);
            check_each_transition_once(*ds, ft);
            // Two threads give the same tables as one.
            const auto two = compute_flows(*ds, {.view = view, .threads = 2});
            for (auto y : ft.years())
                for (std::uint32_t u = 0; u < ft.unit_count(flow_level::school); ++u) {
                    const flow_unit s{flow_level::school, u};
                    CHECK(two.flows(s, y) == ft.flows(s, y));
                    CHECK(two.verplaatsingen(s, y) == ft.verplaatsingen(s, y));
                }
        }
    }
}

TEST_CASE("flows properties: the demo region") {
    const auto ds = make_demo();
    const auto ft = compute_flows(*ds);
    check_stock_identity(ft);
    check_national_is_sum(ft);
    check_each_transition_once(*ds, ft);
    // The stocks are the ones the demo's own counter (stock.hpp) finds, per partnership.
    for (auto y : ds->school_years()) {
        const auto counted = count_pupils(*ds, y.teldatum());
        for (std::uint32_t s = 0; s < ds->swvs().size(); ++s)
            for (std::size_t x = 0; x < setting_count; ++x)
                CHECK(ft.stock({flow_level::swv, s}, y)[static_cast<int>(x)] ==
                      static_cast<std::int32_t>(counted.by_swv[s][x]));
    }
    // Real flows exist in every direction the demo makes: referrals, returns, doorstroom.
    const auto last = ds->school_years().back();
    const auto k = ft.kinds({}, last);
    CHECK(k[static_cast<int>(transition_kind::verwijzing)] > 0);
    CHECK(k[static_cast<int>(transition_kind::terugplaatsing)] > 0);
    CHECK(k[static_cast<int>(transition_kind::doorstroom)] > 0);
}
