// SPDX-License-Identifier: EUPL-1.2
// Opening a snapshot against loading its CSV folder (the peer), and open plus the whole KPI
// catalog (docs/snapshot.md: targets 0.2 s and 1.5 s on the national demo).
//
//   snapshot_benchmark DIR FILE [rounds=3]
//
// Writes FILE from DIR when it does not exist (timing the load and the write once), then opens
// FILE `rounds` times and prints the best wall time with its CPU time, the open's share spent
// checking checksums (a second pass over the mapped bytes), and open + evaluate(builtin catalog).
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/load.hpp"
#include "passend/snapshot.hpp"
#include "timing.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

namespace {

using namespace passend;
using namespace passend::bench;

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: snapshot_benchmark DIR FILE [rounds=3]\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1], file = argv[2];
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    if (!std::filesystem::exists(file)) {
        dataset_ptr data;
        const auto load = best_of(1, [&] { data = load_folder(dir).value(); });
        const auto save = best_of(1, [&] { save_snapshot(*data, file); });
        std::printf("load_folder        %7.3f s wall, %7.3f s cpu (the peer)\n", load.wall,
                    load.cpu);
        std::printf("save_snapshot      %7.3f s wall, %7.3f s cpu, %.0f MB\n", save.wall, save.cpu,
                    static_cast<double>(std::filesystem::file_size(file)) / 1e6);
    }
    dataset_ptr data;
    const auto open = best_of(rounds, [&] { data = open_snapshot(file); });
    std::printf("open_snapshot      %7.3f s wall, %7.3f s cpu (best of %d; target 0.2 s)\n",
                open.wall, open.cpu, rounds);
    const auto& catalog = catalog::builtin();
    std::size_t rows = 0;
    const auto whole = best_of(rounds, [&] {
        const auto opened = open_snapshot(file);
        rows = evaluate(*opened, catalog).rows.size();
    });
    std::printf(
        "open + catalog     %7.3f s wall, %7.3f s cpu (best of %d; target 1.5 s; %zu rows)\n",
        whole.wall, whole.cpu, rounds, rows);
    return 0;
}
