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

} // namespace passend::bench
