// SPDX-License-Identifier: EUPL-1.2
// Running parts of a computation side by side: on threads natively, one after another in a build
// without threads (PASSEND_NO_THREADS, e.g. single-threaded WebAssembly).
#pragma once

#include "passend/config.hpp"

#include <algorithm>
#include <vector>
#ifndef PASSEND_NO_THREADS
#include <thread>
#endif

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// The threads this machine runs at once: 1 without threads.
inline unsigned hardware_threads() noexcept {
#ifdef PASSEND_NO_THREADS
    return 1;
#else
    return std::max(1u, std::thread::hardware_concurrency());
#endif
}

/// Run `part(i)` for i in [0, parts): part 0 on the calling thread, the others each on a thread
/// of their own (in order on the calling thread without threads); returns when all are done.
template <class Part>
void run_parallel(unsigned parts, Part&& part) {
#ifdef PASSEND_NO_THREADS
    for (unsigned i = 0; i < parts; ++i) part(i);
#else
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < parts; ++i) workers.emplace_back([&part, i] { part(i); });
    if (parts > 0) part(0);
    for (auto& w : workers) w.join();
#endif
}

} // namespace detail
PASSEND_NAMESPACE_END
