// SPDX-License-Identifier: EUPL-1.2
// Wall and CPU clocks the benchmarks share.
#pragma once

#include <chrono>
#include <ctime>

namespace passend::bench {

using clock_type = std::chrono::steady_clock;

inline double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// CPU seconds of the whole process (all threads): on a machine shared with other work, the
/// ratio of CPU times is steadier than that of wall times.
inline double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// The best wall time of some runs, and the CPU time of that run.
struct timing {
    double wall = 1e300, cpu = 0;
};

/// `work()` run `rounds` times: the best wall time and its run's CPU time.
template <class F>
timing best_of(int rounds, F&& work) {
    timing best;
    for (int r = 0; r < rounds; ++r) {
        const auto t0 = clock_type::now();
        const double c0 = cpu_seconds();
        work();
        const double wall = seconds_since(t0);
        if (wall < best.wall) best = {wall, cpu_seconds() - c0};
    }
    return best;
}

} // namespace passend::bench
