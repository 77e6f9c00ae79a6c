// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: one contract CSV file in a folder (passend::load_folder). The first byte picks
// the table, the rest is its file; a minimal valid schools/pupils/enrolments stands beside it
// (the fuzzed file replaces its own table). A load succeeds whole or leaves nothing.
#include "passend/load.hpp"
#include "passend/schema.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr std::string_view minimal_schools =
    "school_id,name,board_id,swv_id,setting,municipality\n01AA00,De Linde,B1,PO3104,bao,GM1883\n";
constexpr std::string_view minimal_pupils =
    "pupil_id,birth_date,municipality\np1,2015-03-01,GM1883\n";
constexpr std::string_view minimal_enrolments =
    "pupil_id,school_id,start_date,end_date,grade,exit\np1,01AA00,2019-08-01,,3,\n";

void write(const fs::path& file, std::string_view text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(text.data(), std::streamsize(text.size()));
}

/// A folder of this process's own, removed at exit.
struct scratch_folder {
    fs::path dir;
    scratch_folder() {
        // In memory when the system has it: rewriting files on a disk is 4x slower (ext4
        // flushes a file truncated and written again).
        std::error_code ec;
        const auto base =
            fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::string pattern = (base / "passend-fuzz-csv-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        dir = pattern;
    }
    ~scratch_folder() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const fs::path& folder() {
    static const scratch_folder scratch;
    return scratch.dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& ts = passend::all_tables()[data[0] % passend::table_count];
    const fs::path& dir = folder();
    write(dir / "schools.csv", minimal_schools);
    write(dir / "pupils.csv", minimal_pupils);
    write(dir / "enrolments.csv", minimal_enrolments);
    write(dir / ts.file, {reinterpret_cast<const char*>(data) + 1, size - 1});
    const auto result = passend::load_folder(dir);
    if (result.ok() != (result.error_count() == 0)) std::abort();
    if (!ts.required) fs::remove(dir / ts.file);
    return 0;
}
