// SPDX-License-Identifier: EUPL-1.2
// The monitor for every partnership on the extract date against the peer: today's yearly
// catalog, publish() of every id for every unit and year (what `passend report` computes), on
// the same demo data in the same process, alternating, best of several rounds.
//
//   monitor_benchmark [regional|national|pupils] [rounds=3]   (default: the regional demo)
//
// Prints both times and the monitor's time as a ratio to the yearly catalog's (target: at most
// 1.5x): the monitor is one publish() on a day plus one pass over the TLVs and absences.
#include "passend/demo.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/monitor/monitor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace {

using namespace passend;

/// Wall and process CPU seconds of one call (CPU: all threads, steadier on a shared machine).
template <class F>
std::pair<double, double> timed(F&& work) {
    const auto wall = std::chrono::steady_clock::now();
    const auto cpu = std::clock();
    work();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(),
            static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC};
}

} // namespace

int main(int argc, char** argv) {
    const std::string size = argc > 1 ? argv[1] : "regional";
    const int rounds = argc > 2 ? std::max(1, std::stoi(argv[2])) : 3;
    demo_options o;
    if (size == "national")
        o = demo_options::national();
    else if (size != "regional")
        o.pupils = std::stoull(size);
    const auto ds = make_demo(o);
    std::printf("demo: %zu pupils, %zu enrolments, %zu TLVs, %zu absences, %zu partnerships; "
                "extract date %s\n",
                ds->pupils().size(), ds->enrolments().size(), ds->tlvs().size(),
                ds->absences().size(), ds->swvs().size(), format_day(ds->extract_date()).c_str());

    double yearly_wall = 1e300, yearly_cpu = 1e300, monitor_wall = 1e300, monitor_cpu = 1e300;
    std::size_t rows = 0, units = 0;
    for (int r = 0; r < rounds; ++r) {
        const auto [yw, yc] = timed([&] { rows = publish(*ds, catalog::builtin()).rows.size(); });
        const auto [mw, mc] = timed([&] { units = make_monitor(*ds).units.size(); });
        yearly_wall = std::min(yearly_wall, yw), yearly_cpu = std::min(yearly_cpu, yc);
        monitor_wall = std::min(monitor_wall, mw), monitor_cpu = std::min(monitor_cpu, mc);
    }
    std::printf("yearly catalog (publish, %zu rows) %8.3f s wall %8.3f s CPU\n", rows, yearly_wall,
                yearly_cpu);
    std::printf("monitor (%zu partnerships)           %8.3f s wall %8.3f s CPU\n", units,
                monitor_wall, monitor_cpu);
    std::printf("monitor / yearly catalog: %.2fx wall, %.2fx CPU (target <= 1.5x; best of %d)\n",
                monitor_wall / yearly_wall, monitor_cpu / yearly_cpu, rounds);
    return 0;
}
