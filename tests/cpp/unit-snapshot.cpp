// SPDX-License-Identifier: EUPL-1.2
// Snapshots: what save_snapshot writes opens back to an equal dataset (every column, the extract
// date, the warnings); a damaged, truncated or other-version file is one error naming the file
// and what is wrong; load_path opens a snapshot wherever it opens a folder.
#include "load_support.hpp"

#include "passend/demo.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/report/report.hpp"
#include "passend/snapshot.hpp"
#include "passend/version.hpp"

#include <doctest/doctest.h>
#define XXH_INLINE_ALL // to reseal a crafted file's checksums as a writer would
#include <xxhash.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace passend;
using passend::test::temp_folder;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

const dataset& demo() {
    static const auto data = [] {
        demo_options o;
        o.pupils = 3000;
        o.years = 3;
        return make_demo(o);
    }();
    return *data;
}

/// A directory entry of a snapshot's bytes (docs/snapshot.md, "The format"), read and written in
/// place: a crafted file whose checksums are resealed, so that only the check under test fails.
struct entry_at {
    std::string& bytes;
    std::size_t at; // of the entry in the file

    std::uint64_t field(std::size_t offset) const {
        std::uint64_t v;
        std::memcpy(&v, bytes.data() + at + offset, sizeof v);
        return v;
    }
    void set(std::size_t offset, std::uint64_t v) {
        std::memcpy(bytes.data() + at + offset, &v, 8);
    }
    std::uint64_t rows() const { return field(56); }
    std::uint64_t offset() const { return field(64); }
    std::uint64_t size() const { return field(72); }
};

std::uint32_t column_count(const std::string& bytes) {
    std::uint32_t n;
    std::memcpy(&n, bytes.data() + 40, sizeof n);
    return n;
}

entry_at column(std::string& bytes, std::string_view name) {
    for (std::size_t i = 0; i < column_count(bytes); ++i) {
        const std::size_t at = 64 + 88 * i;
        if (std::string_view(bytes.data() + at) == name) return {bytes, at};
    }
    FAIL("no column " << name);
    return {bytes, 0};
}

/// The checksums of a column (after its bytes changed) and of the header and directory.
void reseal(entry_at e) {
    e.set(80, XXH3_64bits(e.bytes.data() + e.offset(), e.size()));
    const auto sealed = e.bytes.substr(0, 56) + e.bytes.substr(64, 88 * column_count(e.bytes));
    const auto sum = XXH3_64bits(sealed.data(), sealed.size());
    std::memcpy(e.bytes.data() + 56, &sum, sizeof sum);
}

/// The one diagnostic of a failed open: its rule and message.
diagnostic failure_of(const std::filesystem::path& file) {
    const auto r = load_snapshot(file);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].file == file.string());
    CHECK(r.diagnostics[0].level == severity::error);
    return r.diagnostics[0];
}

} // namespace

TEST_CASE("snapshot: a saved dataset opens back equal, column by column") {
    temp_folder dir;
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    CHECK(is_snapshot(file));
    CHECK_FALSE(is_snapshot(dir.path()));
    const auto back = open_snapshot(file);
    test::check_same(demo(), *back);
    CHECK(back->extract_date() == demo().extract_date());
    CHECK(back->extract_date_origin() == demo().extract_date_origin());
    CHECK(back->exported_by() == demo().exported_by());
    CHECK(back->school_years() == demo().school_years());
    CHECK(back->warnings() == demo().warnings());
    // the lookups work on the borrowed columns
    const auto& first_pupil = demo().pupils().id.front();
    CHECK(back->find_pupil(first_pupil) == pupil_idx{0});

    // every KPI of the catalog: the same rows
    const auto& catalog = catalog::builtin();
    const auto want = evaluate(demo(), catalog);
    const auto got = evaluate(*back, catalog);
    REQUIRE(got.rows.size() == want.rows.size());
    for (std::size_t i = 0; i < want.rows.size(); ++i) {
        CHECK(got.rows[i].kpi == want.rows[i].kpi);
        CHECK(got.rows[i].unit == want.rows[i].unit);
        CHECK(got.rows[i].value == want.rows[i].value);
    }
}

TEST_CASE("snapshot: the load's warnings travel with it") {
    temp_folder in;
    {
        std::ofstream(in.path() / "schools.csv")
            << "school_id,name,board_id,swv_id,setting,colour\nS1,De Linde,B1,PO3104,bao,blue\n";
        std::ofstream(in.path() / "pupils.csv") << "pupil_id,birth_date\np1,2015-03-14\n";
        std::ofstream(in.path() / "enrolments.csv")
            << "pupil_id,school_id,start_date,end_date\np1,S1,2021-08-01,\n";
    }
    const auto loaded = load_folder(in.path()).value();
    REQUIRE_FALSE(loaded->warnings().empty()); // the unknown column `colour`
    const auto file = in.path() / "small.snapshot";
    save_snapshot(*loaded, file);
    const auto back = load_snapshot(file);
    REQUIRE(back.ok());
    CHECK(back.diagnostics == loaded->warnings());
    CHECK(back.data->warnings() == loaded->warnings());
}

TEST_CASE("snapshot: damage, truncation and another version are clear errors") {
    temp_folder dir;
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    const auto good = slurp(file);
    REQUIRE(good.size() > 4096);

    SUBCASE("a flipped byte in a column") {
        auto bytes = good;
        bytes[bytes.size() / 2] ^= 0x01; // inside the columns (the end may be alignment padding)
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_checksum");
        CHECK(d.message.find("is damaged: the checksum of column") != std::string::npos);
    }
    SUBCASE("a flipped byte in the directory") {
        auto bytes = good;
        bytes[64 + 60] ^= 0x10; // the first column's row count
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_checksum");
        CHECK(d.message == "is damaged: the checksum of its header and directory differs");
    }
    SUBCASE("truncated") {
        spit(file, good.substr(0, good.size() / 2));
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_truncated");
        CHECK(d.message == "is truncated: it has " + std::to_string(good.size() / 2) +
                               " bytes, its header says " + std::to_string(good.size()));
        spit(file, good.substr(0, 10));
        CHECK(failure_of(file).message.find("is truncated: 10 bytes") == 0);
    }
    SUBCASE("another format version") {
        auto bytes = good;
        const std::uint32_t other = snapshot_format_version + 1;
        std::memcpy(bytes.data() + 12, &other, sizeof other);
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_version");
        CHECK(d.message.find("is a snapshot of format version 2 written by passend " +
                             std::string(version_string)) == 0);
    }
    SUBCASE("another passend version") {
        auto bytes = good;
        std::memcpy(bytes.data() + 16, "0.0.1\0\0\0", 8);
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_version");
        CHECK(d.message.find("written by passend 0.0.1; this is passend ") != std::string::npos);
    }
    SUBCASE("not a snapshot at all") {
        spit(file, "pupil_id,birth_date\np1,2015-03-14\n");
        CHECK_FALSE(is_snapshot(file));
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_magic");
    }
    SUBCASE("--as-of cannot move a snapshot's extract date") {
        load_options o;
        o.as_of = make_day(2023, 1, 1);
        const auto r = load_snapshot(file, o);
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics[0].rule == "snapshot_as_of");
    }
    SUBCASE("load_error names the file") {
        auto bytes = good;
        bytes[bytes.size() / 2] ^= 0x01; // inside the columns (the end may be alignment padding)
        spit(file, bytes);
        try {
            (void)open_snapshot(file);
            FAIL("no error");
        } catch (const load_error& e) {
            CHECK(std::string(e.what()).find(file.string()) != std::string::npos);
        }
    }
}

TEST_CASE("snapshot: load_path takes a snapshot wherever it takes a folder") {
    temp_folder dir;
    write_folder(demo(), dir.path() / "csv");
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    const auto from_folder = load_path(dir.path() / "csv");
    const auto from_snapshot = load_path(file);
    REQUIRE(from_folder.ok());
    REQUIRE(from_snapshot.ok());
    test::check_same(*from_folder.data, *from_snapshot.data);
}

TEST_CASE("snapshot: every figure of the catalog from a snapshot equals the folder's") {
    temp_folder dir;
    write_folder(demo(), dir.path() / "csv");
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(*load_folder(dir.path() / "csv").value(), file);
    const auto from_folder = load_folder(dir.path() / "csv").value();
    const auto from_snapshot = open_snapshot(file);
    const auto& catalog = catalog::builtin();
    const auto csv_of = [&](const dataset& d) {
        std::ostringstream out;
        write_csv(out, evaluate(d, catalog), {});
        return out.str();
    };
    const auto want = csv_of(*from_folder);
    CHECK(want.size() > 100000); // every KPI, level, unit and year of the demo
    CHECK(csv_of(*from_snapshot) == want);
}

TEST_CASE("snapshot: an opened dataset reads the file's mapping and outlives its path") {
    temp_folder dir;
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    auto opened = open_snapshot(file);
    // the columns are the mapping's bytes, not copies
    CHECK(opened->pupils().id.borrowed());
    CHECK(opened->enrolments().start.borrowed());
    CHECK(opened->enrolments().first.borrowed());
    CHECK(opened->pupils().id[0] == demo().pupils().id[0]);

    SUBCASE("the file renamed, then removed") {
        std::filesystem::rename(file, dir.path() / "moved.snapshot");
        std::filesystem::remove(dir.path() / "moved.snapshot");
    }
    SUBCASE("the file replaced by another snapshot (written beside it, renamed over it)") {
        demo_options o;
        o.pupils = 500;
        o.years = 2;
        save_snapshot(*make_demo(o), file);
        CHECK(open_snapshot(file)->pupils().size() < demo().pupils().size());
    }
    SUBCASE("the snapshot's other datasets gone, a copy of a table kept") {
        const auto pupils = opened->pupils(); // borrows too: holds the mapping
        opened.reset();
        std::filesystem::remove(file);
        REQUIRE(pupils.size() == demo().pupils().size());
        CHECK(pupils.id == demo().pupils().id);
        CHECK(pupils.birth_date == demo().pupils().birth_date);
        return;
    }
    test::check_same(demo(), *opened);
    const auto& catalog = catalog::builtin();
    CHECK(evaluate(*opened, catalog).rows.size() == evaluate(demo(), catalog).rows.size());
}

TEST_CASE("snapshot: a failed write leaves the earlier file whole") {
    temp_folder dir;
    CHECK_THROWS_AS(save_snapshot(demo(), dir.path() / "no-such-folder" / "x.snapshot"), error);
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "demo.snapshot.partial"));
    CHECK(open_snapshot(file) != nullptr);
}

TEST_CASE("snapshot: a crafted file whose checksums agree is still checked") {
    temp_folder dir;
    const auto file = dir.path() / "demo.snapshot";
    save_snapshot(demo(), file);
    const auto good = slurp(file);
    auto bytes = good;
    REQUIRE(load_snapshot(file).ok());

    SUBCASE("an enum code out of range is refused, naming the column and row") {
        auto e = column(bytes, "enrolments.exit");
        REQUIRE(e.rows() > 3);
        bytes[e.offset() + 3] = 5; // exit_reason has codes 0 (none) to 4 (overig)
        reseal(e);
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_damaged");
        CHECK(d.message == "is damaged: row 3 of column enrolments.exit holds code 5, not one of "
                           "its codes 0 to 4");
    }
    SUBCASE("support levels run from 1: a 0 is refused") {
        auto e = column(bytes, "arrangements.level");
        REQUIRE(e.rows() > 0);
        bytes[e.offset()] = 0;
        reseal(e);
        spit(file, bytes);
        CHECK(failure_of(file).message ==
              "is damaged: row 0 of column arrangements.level holds code 0, not one of its codes "
              "1 to 5");
    }
    SUBCASE("a row count whose size in bytes wraps around 2^64") {
        // 2^61 rows of a text column: (rows + 1) offsets of 8 bytes are 2^64 + 8 bytes, which a
        // product would wrap to 8, inside any column.
        auto e = column(bytes, "pupils.id");
        e.set(56, std::uint64_t{1} << 61);
        reseal(e);
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_damaged");
        CHECK(d.message == "is damaged: column pupils.id lies outside it");

        // The same for a fixed-width column: 2^62 days of 4 bytes wrap to 0.
        bytes = good;
        auto start = column(bytes, "enrolments.start");
        start.set(56, std::uint64_t{1} << 62);
        reseal(start);
        spit(file, bytes);
        CHECK(failure_of(file).rule == "snapshot_column_type");
    }
    SUBCASE("a flipped byte in the padding between columns") {
        // The first column whose bytes end short of a multiple of 64 is followed by padding.
        std::size_t pad = 0;
        for (std::size_t i = 0; i < column_count(bytes) && !pad; ++i) {
            const entry_at e{bytes, 64 + 88 * i};
            if ((e.offset() + e.size()) % 64 != 0) pad = e.offset() + e.size();
        }
        REQUIRE(pad > 0);
        bytes[pad] = 'x';
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_damaged");
        CHECK(d.message.find("is damaged: the padding before column ") == 0);
        CHECK(d.message.find(") is not zero") != std::string::npos);
    }
    SUBCASE("bytes after the last column") {
        bytes += std::string(64, '\0');
        std::uint64_t size = bytes.size();
        std::memcpy(bytes.data() + 48, &size, sizeof size);
        reseal(column(bytes, "meta.present"));
        spit(file, bytes);
        CHECK(failure_of(file).message == "is damaged: 64 bytes follow its last column");
    }
    SUBCASE("a row index past its table is refused, naming the column and row") {
        // Read directly (an enrolment's pupil), it would read past the pupils' columns.
        auto e = column(bytes, "enrolments.pupil");
        const auto pupils = static_cast<std::uint32_t>(demo().pupils().size());
        std::memcpy(bytes.data() + e.offset() + 4 * 2, &pupils, sizeof pupils);
        reseal(e);
        spit(file, bytes);
        const auto d = failure_of(file);
        CHECK(d.rule == "snapshot_damaged");
        CHECK(d.message == "is damaged: row 2 of column enrolments.pupil points to row " +
                               std::to_string(pupils) + " of a table of " + std::to_string(pupils) +
                               " rows");
    }
    SUBCASE("the absent value only where a reference is optional") {
        const std::uint32_t absent = 0xFFFFFFFFu;
        auto school = column(bytes, "enrolments.school");
        std::memcpy(bytes.data() + school.offset(), &absent, sizeof absent);
        reseal(school);
        spit(file, bytes);
        CHECK(failure_of(file).message.find("row 0 of column enrolments.school points to row "
                                            "4294967295") != std::string::npos);
        // A pupil's municipality of residence may be absent: the file opens.
        bytes = good;
        auto home = column(bytes, "pupils.municipality");
        std::memcpy(bytes.data() + home.offset(), &absent, sizeof absent);
        reseal(home);
        spit(file, bytes);
        CHECK(load_snapshot(file).ok());
    }
    SUBCASE("per-pupil offsets that do not end at their table's last row") {
        auto e = column(bytes, "tlvs.first");
        const std::uint32_t past = static_cast<std::uint32_t>(demo().tlvs().size()) + 7;
        std::memcpy(bytes.data() + e.offset() + e.size() - 4, &past, sizeof past);
        reseal(e);
        spit(file, bytes);
        CHECK(failure_of(file).message ==
              "is damaged: column tlvs.first does not run from 0 to the " +
                  std::to_string(demo().tlvs().size()) +
                  " rows of its table, one offset per pupil");
    }
    SUBCASE("a column moved away from where the one before it ends") {
        auto e = column(bytes, "meta.extract_date");
        e.set(64, e.offset() + 64);
        reseal(e);
        spit(file, bytes);
        CHECK(failure_of(file).message ==
              "is damaged: column meta.extract_date is not where the column before it ends");
    }
}
