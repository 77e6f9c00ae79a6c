// SPDX-License-Identifier: EUPL-1.2
// What publication costs beside evaluation: the whole built-in catalog evaluated, then suppressed
// (report/privacy.hpp), and the flow tables of every unit and year protected
// (flows/disclosure.hpp), on the demo of the given size (`national`: the national-scale demo).
//
//   publish_benchmark [pupils=200000|national] [partnerships=0 (Zuid-Limburg)]
//
// Prints each step's wall and CPU seconds, the cells hidden, and suppression's time as a ratio
// to evaluation's (the peer: publishing must not cost more than computing).
#include "passend/demo.hpp"
#include "passend/flows/disclosure.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/report/privacy.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace {

using namespace passend;
using clock_type = std::chrono::steady_clock;

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct timer {
    clock_type::time_point wall = clock_type::now();
    double cpu = cpu_seconds();
    void report(const char* what) const {
        std::printf("%-28s %8.2f s wall %8.2f s CPU\n", what,
                    std::chrono::duration<double>(clock_type::now() - wall).count(),
                    cpu_seconds() - cpu);
    }
    double cpu_elapsed() const { return cpu_seconds() - cpu; }
};

} // namespace

int main(int argc, char** argv) {
    const std::string size = argc > 1 ? argv[1] : "200000";
    demo_options o;
    if (size == "national")
        o = demo_options::national();
    else
        o.pupils = std::stoull(size);
    if (argc > 2) o.partnerships = std::stoi(argv[2]);
    timer t0;
    const auto ds = make_demo(o);
    t0.report("demo generated");

    timer t1;
    auto results = evaluate(*ds, catalog::builtin());
    t1.report("evaluate (whole catalog)");
    const double evaluate_cpu = t1.cpu_elapsed();

    timer t2;
    const auto s = suppress(results, suppress_options::for_dataset(*ds));
    t2.report("suppress");
    std::printf("rows %zu, cells hidden: %zu small, %zu to protect them; suppress/evaluate CPU "
                "%.2fx\n",
                results.rows.size(), s.small, s.secondary, t2.cpu_elapsed() / evaluate_cpu);

    timer t3;
    const auto flows = publish_flows(*ds, attribution_view::paying);
    t3.report("flows computed and protected");
    const auto& f = flows->shown()->summary();
    std::printf("flow cells hidden: %zu small, %zu to protect them\n", f.small, f.secondary);
    return 0;
}
