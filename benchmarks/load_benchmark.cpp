// SPDX-License-Identifier: EUPL-1.2
// Load speed: load_folder on a folder of contract CSV files (the national demo), with its wall
// and CPU time, the process's peak memory and the bytes of the loaded columns (what a columnar
// reader of the same tables with the same types holds at least). The peer, polars reading the
// same tables, is benchmarks/polars_load.py; benchmarks/national_load.sh runs both in one go.
//
//   load_benchmark DIR
#include "passend/load.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace {

using namespace passend;

template <class T>
std::size_t bytes_of(const value_column<T>& v) {
    return v.size() * sizeof(T);
}
/// A text column: its offsets and its characters.
std::size_t bytes_of(const text_column& v) {
    return v.offsets().size_bytes() + v.chars().size();
}
template <class... Column>
std::size_t columns(const Column&... c) {
    return (bytes_of(c) + ... + 0);
}

std::size_t column_bytes(const dataset& d) {
    const auto& e = d.enrolments();
    const auto& t = d.tlvs();
    const auto& a = d.arrangements();
    const auto& o = d.opps();
    const auto& ab = d.absences();
    const auto& s = d.schools();
    const auto& p = d.pupils();
    const auto& as = d.assessments();
    const auto& f = d.funds();
    const auto& al = d.allocations();
    const auto& m = d.municipalities();
    return columns(p.id, p.birth_date, p.municipality) +
           columns(e.pupil, e.school, e.start, e.end, e.grade, e.exit, e.first) +
           columns(t.id, t.pupil, t.swv, t.admits, t.category, t.request_date, t.complete_date,
                   t.decision_date, t.outcome, t.start, t.end, t.objection, t.first) +
           columns(a.id, a.pupil, a.school, a.level, a.kind, a.start, a.end, a.cost, a.domain) +
           columns(o.pupil, o.school, o.start, o.end, o.first) +
           columns(ab.pupil, ab.kind, ab.start, ab.end, ab.article, ab.first) +
           columns(s.id, s.name, s.board, s.swv, s.kind, s.municipality) +
           columns(as.year, as.level, as.unit, as.framework, as.item, as.score) +
           columns(f.year, f.swv, f.board, f.stream, f.amount) +
           columns(al.year, al.board, al.purpose, al.amount, al.school, al.kpi_id) +
           columns(d.swvs().id, d.swvs().name, d.swvs().sector_of, d.boards().id, d.boards().name,
                   m.code, m.po_swv, m.vo_swv);
}

double cpu_seconds(const rusage& u) {
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: load_benchmark DIR\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto result = load_folder(argv[1]);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok()) {
        std::fprintf(stderr, "load_benchmark: %s does not load (%zu errors)\n", argv[1],
                     result.error_count());
        return 1;
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const double columns_mb = double(column_bytes(*result.data)) / 1e6;
    const double peak_mb = double(u.ru_maxrss) * 1024 / 1e6; // ru_maxrss is in KiB
    std::printf(
        "passend load_folder: wall %.2f s, cpu %.2f s, peak memory %.0f MB, columns %.0f MB "
        "(peak %.2fx the columns)\n",
        wall, cpu_seconds(u), peak_mb, columns_mb, peak_mb / columns_mb);
}
