// SPDX-License-Identifier: EUPL-1.2
// Generating the national-scale demo (demo_options::national(): 150 partnerships, about 2.5
// million pupils a year, ten school years) through dataset_builder's typed rows, against the peer
// of loading the very same dataset back from contract CSV with load_folder, in one run.
//
//   demo_generate_benchmark [pupils=2500000] [--no-load] [dir=/tmp/passend-demo-benchmark]
//
// Prints wall and CPU seconds per stage, rows per second and the peak resident memory. The
// machine may be shared: CPU seconds (user + system) are the steadier figure. The CSV folder is
// left in place (about 1 GB at national scale); delete it afterwards.
#include "passend/demo.hpp"
#include "passend/load.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

using clock_type = std::chrono::steady_clock;

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

/// Times one piece of work: wall and CPU seconds since construction.
struct stopwatch {
    clock_type::time_point wall = clock_type::now();
    double cpu = cpu_seconds();
    double wall_s() const {
        return std::chrono::duration<double>(clock_type::now() - wall).count();
    }
    double cpu_s() const { return cpu_seconds() - cpu; }
};

std::size_t rows(const passend::dataset& ds) {
    return ds.swvs().size() + ds.boards().size() + ds.schools().size() + ds.pupils().size() +
           ds.enrolments().size() + ds.tlvs().size() + ds.arrangements().size() + ds.opps().size() +
           ds.absences().size() + ds.funds().size() + ds.allocations().size() +
           ds.assessments().size();
}

} // namespace

int main(int argc, char** argv) {
    auto options = passend::demo_options::national();
    bool load = true;
    std::filesystem::path dir = "/tmp/passend-demo-benchmark";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--no-load")
            load = false;
        else if (!arg.empty() && arg.find_first_not_of("0123456789") == std::string_view::npos)
            options.pupils = std::strtoull(argv[i], nullptr, 10);
        else
            dir = arg;
    }
    std::printf("demo_generate_benchmark: %llu pupils a year, %d years, %d partnerships\n",
                static_cast<unsigned long long>(options.pupils), options.years,
                options.partnerships);

    stopwatch generate;
    double pupils_wall = 0, pupils_cpu = 0;
    bool in_pupils = true;
    const auto ds = passend::make_demo(options, [&](std::string_view stage, double) {
        if (in_pupils && stage != "pupils") {
            in_pupils = false;
            pupils_wall = generate.wall_s(), pupils_cpu = generate.cpu_s();
        }
    });
    const double gen_wall = generate.wall_s(), gen_cpu = generate.cpu_s();
    const auto n = rows(*ds);
    std::printf("  generate   %7.2f s wall %7.2f s cpu  (pupils pass %.2f s wall %.2f s cpu; "
                "rest: builder checks and layout)\n",
                gen_wall, gen_cpu, pupils_wall, pupils_cpu);
    std::printf("             %zu rows (%zu pupils, %zu enrolments, %zu schools): %.2f M rows/s "
                "cpu; peak %.0f MB\n",
                n, ds->pupils().size(), ds->enrolments().size(), ds->schools().size(),
                static_cast<double>(n) / gen_cpu / 1e6, peak_mb());
    if (!load) return 0;

    stopwatch write;
    passend::write_folder(*ds, dir);
    std::printf("  write CSV  %7.2f s wall %7.2f s cpu  -> %s\n", write.wall_s(), write.cpu_s(),
                dir.c_str());
    stopwatch read;
    const auto loaded = passend::load_folder(dir);
    const double load_wall = read.wall_s(), load_cpu = read.cpu_s();
    if (!loaded.ok() || loaded.data->enrolments().size() != ds->enrolments().size()) {
        std::printf("  load_folder did not give the same dataset back\n");
        return 1;
    }
    std::printf("  load CSV   %7.2f s wall %7.2f s cpu  (peer: load_folder of the same data)\n",
                load_wall, load_cpu);
    std::printf("  ratio      generate / load = %.2f (cpu)\n", gen_cpu / load_cpu);
    return 0;
}
