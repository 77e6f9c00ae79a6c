// SPDX-License-Identifier: EUPL-1.2
// Flows speed on the national-scale demo: transitions and flow tables against a plain loop over
// the enrolment columns (the peer: the least work that touches the same columns, with no
// classification, attribution or switch-day rule), all in one run, best of several rounds.
//
//   flows_benchmark [pupils=2500000] [rounds=3]
//
// Prints wall and CPU time per step, enrolments per second, and CPU per school year.
#include "passend/demo.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/transitions.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <numeric>
#include <string>
#include <utility>

using namespace passend;

namespace {
struct timing {
    double wall = 1e300, cpu = 1e300;
};

/// Best wall and CPU time (all threads) of `rounds` runs of f.
timing measure(int rounds, const std::function<std::uint64_t()>& f, std::uint64_t& checksum) {
    timing best;
    for (int r = 0; r < rounds; ++r) {
        const auto w0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        checksum = f();
        const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        if (wall < best.wall) best.wall = wall;
        if (cpu < best.cpu) best.cpu = cpu;
    }
    return best;
}

void report(const char* name, timing t, std::uint64_t enrolments, std::size_t years,
            std::uint64_t checksum, double peer_wall) {
    std::printf("%-44s %8.3f s wall %8.3f s cpu %7.1f M enrolments/s %7.3f s cpu/year  x%5.2f "
                "peer  (check %llu)\n",
                name, t.wall, t.cpu, static_cast<double>(enrolments) / t.wall / 1e6,
                t.cpu / static_cast<double>(years), t.wall / peer_wall,
                static_cast<unsigned long long>(checksum));
}
} // namespace

int main(int argc, char** argv) {
    demo_options o = demo_options::national();
    if (argc > 1) o.pupils = std::strtoull(argv[1], nullptr, 10);
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;

    const auto g0 = std::chrono::steady_clock::now();
    const auto ds = make_demo(o);
    const double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count();
    const auto& en = ds->enrolments();
    const auto years = ds->school_years();
    const std::uint64_t n = en.size();
    std::printf("national demo: %zu pupils, %zu schools, %zu partnerships, %llu enrolments, %zu "
                "school years (generated in %.1f s)\n\n",
                ds->pupils().size(), ds->schools().size(), ds->swvs().size(),
                static_cast<unsigned long long>(n), years.size(), gen);

    std::uint64_t check = 0;
    // Peer: one loop over school, start and end; count each enrolment's starting school year per
    // setting, and the stock per setting at each teldatum it covers.
    const auto peer = measure(
        rounds,
        [&] {
            const int first = years.front().start_year();
            const int ny = static_cast<int>(years.size());
            std::vector<std::uint64_t> counts(static_cast<std::size_t>(ny) * 2 * setting_count);
            const auto& kind = ds->schools().kind;
            for (std::uint64_t e = 0; e < n; ++e) {
                const auto s = index_of(kind[pos(en.school[e])]);
                const int y0 = school_year::containing(en.start[e]).start_year() - first;
                ++counts[static_cast<std::size_t>(y0) * 2 * setting_count + s];
                for (int y = y0; y < ny; ++y) {
                    const day t = school_year{first + y}.teldatum();
                    if (t < en.start[e]) continue;
                    if (t > en.end[e]) break;
                    ++counts[(static_cast<std::size_t>(y) * 2 + 1) * setting_count + s];
                }
            }
            return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
        },
        check);
    report("peer: plain loop over enrolment columns", peer, n, years.size(), check, peer.wall);

    const auto kinds = measure(
        rounds,
        [&] {
            std::array<std::uint64_t, transition_kind_count> k{};
            for (std::uint32_t p = 0; p < ds->pupils().size(); ++p)
                for_each_transition(*ds, pupil_idx{p},
                                    [&](const transition& t) { ++k[static_cast<int>(t.kind)]; });
            return std::accumulate(k.begin(), k.end(), std::uint64_t{0});
        },
        check);
    report("for_each_transition, counted by kind", kinds, n, years.size(), check, peer.wall);

    const auto all = measure(
        rounds, [&] { return static_cast<std::uint64_t>(transitions(*ds).size()); }, check);
    report("transitions(): every transition in a vector", all, n, years.size(), check, peer.wall);

    const auto tables = [&](flow_options fo) {
        return [&ds, fo] {
            const auto ft = compute_flows(*ds, fo);
            std::uint64_t sum = 0;
            for (auto y : ft.years()) sum += static_cast<std::uint64_t>(ft.flows({}, y).sum());
            return sum;
        };
    };
    const std::pair<const char*, flow_options> variants[] = {
        {"compute_flows: nation + swv, 1 thread",
         {.boards = false, .schools = false, .threads = 1}},
        {"compute_flows: nation + swv, 2 threads",
         {.boards = false, .schools = false, .threads = 2}},
        {"compute_flows: every level, 1 thread", {.threads = 1}},
        {"compute_flows: every level, 2 threads", {.threads = 2}}};
    for (const auto& [name, fo] : variants) {
        const auto t = measure(rounds, tables(fo), check);
        report(name, t, n, years.size(), check, peer.wall);
    }
    return 0;
}
