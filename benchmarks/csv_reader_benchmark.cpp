// SPDX-License-Identifier: EUPL-1.2
// CSV reading speed: passend's streaming RFC 4180 reader against a plain std::getline +
// split-on-comma loop (the peer: what one writes without a CSV library; it handles no quoting),
// with raw fread throughput as the ceiling. All three read the same enrolments-like file in one
// run, alternating, best of several rounds.
//
//   csv_reader_benchmark [MB=500] [file=/tmp/passend-csv-benchmark.csv]
//
// The file is generated (deterministically) when it is missing or has another size, and is left
// in place for the next run; delete it afterwards.
#include "io/csv_reader.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

/// An enrolments.csv-like file of about `bytes`: ids, dates, optional end date and exit code.
/// No quoted fields, so the getline peer (which cannot handle them) reads it correctly too.
void generate(const std::filesystem::path& path, std::uint64_t bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::perror("cannot write the benchmark file");
        std::exit(2);
    }
    std::string out = "pupil_id,school_id,start_date,end_date,grade,exit\n";
    std::uint64_t written = 0, x = 88172645463325252ull;
    const char* exits[] = {"", "", "", "diploma", "verhuisd", "zonder_diploma", "overig"};
    for (std::uint64_t row = 0; written + out.size() < bytes; ++row) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17; // xorshift: same file on every machine
        const unsigned y = 2010 + static_cast<unsigned>(x % 15), m = 1 + (x >> 8) % 12,
                       d = 1 + (x >> 16) % 28;
        char buf[160];
        const int n = std::snprintf(
            buf, sizeof buf, "P%09llu,%02uAB%02u,%u-%02u-%02u,%s,%u,%s\n",
            static_cast<unsigned long long>(row / 3), static_cast<unsigned>((x >> 24) % 100),
            static_cast<unsigned>((x >> 32) % 100), y, m, d, (x >> 40) % 4 ? "2024-07-31" : "",
            static_cast<unsigned>(1 + (x >> 44) % 8), exits[(x >> 50) % 7]);
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > (1u << 20)) {
            written += std::fwrite(out.data(), 1, out.size(), f);
            out.clear();
        }
    }
    written += std::fwrite(out.data(), 1, out.size(), f);
    std::fclose(f);
}

struct outcome {
    double seconds;
    std::uint64_t records, checksum;
};

template <class F>
outcome timed(F&& f) {
    const auto t0 = clock_type::now();
    auto [records, checksum] = f();
    const std::chrono::duration<double> dt = clock_type::now() - t0;
    return {dt.count(), records, checksum};
}

struct counts {
    std::uint64_t records, checksum;
};

counts raw_fread(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    std::vector<char> buf(std::size_t{1} << 20);
    std::uint64_t bytes = 0, sum = 0;
    while (const auto n = std::fread(buf.data(), 1, buf.size(), f)) {
        bytes += n;
        sum += static_cast<unsigned char>(buf[n - 1]); // touch the data
    }
    std::fclose(f);
    return {bytes, sum};
}

counts passend_reader(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    passend::detail::csv_reader reader(f);
    std::uint64_t records = 0, sum = 0;
    using status = passend::detail::csv_reader::status;
    for (status s; (s = reader.next()) != status::end;) {
        if (s != status::record) continue;
        ++records;
        for (auto field : reader.fields()) sum += field.size();
    }
    std::fclose(f);
    return {records, sum};
}

counts getline_split(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::vector<std::string_view> fields;
    std::uint64_t records = 0, sum = 0;
    while (std::getline(in, line)) {
        fields.clear();
        std::string_view rest = line;
        for (;;) {
            const auto comma = rest.find(',');
            fields.push_back(rest.substr(0, comma));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        ++records;
        for (auto field : fields) sum += field.size();
    }
    return {records, sum};
}

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t mb = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 500;
    const std::filesystem::path path = argc > 2 ? argv[2] : "/tmp/passend-csv-benchmark.csv";
    const std::uint64_t want = mb << 20;
    std::error_code ec;
    const auto have = std::filesystem::file_size(path, ec);
    if (ec || have + (1u << 20) < want || have > want + (1u << 20)) {
        std::printf("generating %s (%llu MB) ...\n", path.c_str(),
                    static_cast<unsigned long long>(mb));
        generate(path, want);
    }
    const double size_mb = double(std::filesystem::file_size(path)) / double(1 << 20);
    raw_fread(path); // warm the page cache

    outcome best[3] = {{1e99, 0, 0}, {1e99, 0, 0}, {1e99, 0, 0}};
    const int rounds = 3;
    for (int r = 0; r < rounds; ++r) {
        const outcome o[3] = {timed([&] { return raw_fread(path); }),
                              timed([&] { return passend_reader(path); }),
                              timed([&] { return getline_split(path); })};
        for (int i = 0; i < 3; ++i)
            if (o[i].seconds < best[i].seconds) best[i] = o[i];
    }
    const char* names[3] = {"fread (ceiling)", "passend csv_reader", "getline + split (peer)"};
    std::printf("%.0f MB, %llu records; best of %d rounds\n", size_mb,
                static_cast<unsigned long long>(best[1].records), rounds);
    for (int i = 0; i < 3; ++i)
        std::printf("  %-24s %8.3f s %9.1f MB/s\n", names[i], best[i].seconds,
                    size_mb / best[i].seconds);
    std::printf("  passend / peer      = %.2fx faster\n", best[2].seconds / best[1].seconds);
    std::printf("  passend / ceiling   = %.0f%% of fread\n",
                100.0 * best[0].seconds / best[1].seconds);
    if (best[1].records != best[2].records || best[1].checksum != best[2].checksum) {
        std::printf("  ERROR: the readers disagree (%llu vs %llu records)\n",
                    static_cast<unsigned long long>(best[1].records),
                    static_cast<unsigned long long>(best[2].records));
        return 1;
    }
    return 0;
}
