// SPDX-License-Identifier: EUPL-1.2
// The whole built-in KPI catalog, all school years, on the national-scale demo dataset, against
// the peer: one plain loop over the same enrolment columns (pupil offsets, school, start, end and
// the school's setting) counting pupils per school year and setting at teldatum, the least any
// KPI computation must do. Both run in the same process, alternating, best of several rounds.
//
//   kpi_catalog_benchmark [pupils=national] [rounds=3] [catalog.json]
//
// With a catalog file, that catalog instead of the built-in one: the same ids before and after a
// change that also added KPIs (`git show REV:catalog/kpis.json > old.json`).
//
// Prints the number of passes the evaluation made over the enrolments, its time, and the ratio
// to the plain loop (target: within 5x).
#include "passend/demo.hpp"
#include "passend/kpi/evaluate.hpp"
#include "timing.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using namespace passend;
using namespace passend::bench;

/// The peer: pupils per school year and setting at teldatum, one loop over the enrolments.
std::uint64_t plain_loop(const dataset& ds, const std::vector<school_year>& years) {
    const auto& en = ds.enrolments();
    const auto& kind = ds.schools().kind;
    std::vector<std::array<std::uint64_t, setting_count>> count(years.size());
    for (std::size_t e = 0; e < en.size(); ++e) {
        const day start = en.start[e], end = en.end[e];
        for (std::size_t y = 0; y < years.size(); ++y) {
            const day t = years[y].teldatum();
            if (start <= t && t <= end) ++count[y][index_of(kind[pos(en.school[e])])];
        }
    }
    std::uint64_t checksum = 0;
    for (const auto& c : count)
        for (auto n : c) checksum = checksum * 31 + n;
    return checksum;
}

} // namespace

int main(int argc, char** argv) {
    demo_options options = demo_options::national();
    if (argc > 1 && std::string(argv[1]) != "national") options.pupils = std::stoull(argv[1]);
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;

    auto t0 = clock_type::now();
    const auto ds = make_demo(options);
    std::printf("dataset: %zu pupils, %zu enrolments, %zu schools, %zu partnerships, %zu TLVs, "
                "%zu absences (generated in %.1f s)\n",
                ds->pupils().size(), ds->enrolments().size(), ds->schools().size(),
                ds->swvs().size(), ds->tlvs().size(), ds->absences().size(), seconds_since(t0));
    const auto years = ds->school_years();
    const auto cat = argc > 3 ? catalog::from_file(argv[3]) : catalog::builtin();

    double best_plain = 1e300, best_eval = 1e300, best_eval1 = 1e300;
    double cpu_plain = 1e300, cpu_eval = 1e300, cpu_eval1 = 1e300;
    std::uint64_t checksum = 0;
    evaluate_stats stats, stats1;
    std::size_t rows = 0, definitions = 0;
    for (int r = 0; r < rounds; ++r) {
        t0 = clock_type::now();
        double c0 = cpu_seconds();
        checksum += plain_loop(*ds, years);
        best_plain = std::min(best_plain, seconds_since(t0));
        cpu_plain = std::min(cpu_plain, cpu_seconds() - c0);

        t0 = clock_type::now();
        c0 = cpu_seconds();
        const auto results = evaluate(*ds, cat, {}, &stats);
        best_eval = std::min(best_eval, seconds_since(t0));
        cpu_eval = std::min(cpu_eval, cpu_seconds() - c0);
        rows = results.rows.size();
        definitions = results.definitions.size();

        evaluate_options one;
        one.threads = 1;
        t0 = clock_type::now();
        c0 = cpu_seconds();
        (void)evaluate(*ds, cat, one, &stats1);
        best_eval1 = std::min(best_eval1, seconds_since(t0));
        cpu_eval1 = std::min(cpu_eval1, cpu_seconds() - c0);
    }
    std::printf("catalog: %zu definitions, %zu distinct quantities in %zu classes of records, %zu "
                "school years, %zu rows\n",
                definitions, stats.quantities, stats.classes, years.size(), rows);
    std::printf("%-52s %8s %8s %12s %12s\n", "", "wall s", "cpu s", "wall ratio", "cpu ratio");
    std::printf("%-52s %8.3f %8.3f %12s %12s\n", "plain loop over the enrolment columns (peer)",
                best_plain, cpu_plain, "1.00x", "1.00x");
    std::printf("%-52s %8.3f %8.3f %11.2fx %11.2fx\n",
                ("evaluate, " + std::to_string(stats.threads) + " threads, " +
                 std::to_string(stats.enrolment_passes) + " pass over the enrolments")
                    .c_str(),
                best_eval, cpu_eval, best_eval / best_plain, cpu_eval / cpu_plain);
    std::printf("%-52s %8.3f %8.3f %11.2fx %11.2fx\n",
                ("evaluate, 1 thread, " + std::to_string(stats1.enrolment_passes) +
                 " pass over the enrolments")
                    .c_str(),
                best_eval1, cpu_eval1, best_eval1 / best_plain, cpu_eval1 / cpu_plain);
    std::printf("phases of the last 2-thread run: scan %.3f s (of which the tables other than the "
                "pupils' %.3f s on one thread), rows %.3f s\n",
                stats.scan_seconds, stats.tables_seconds, stats.rows_seconds);
    return 0;
}
