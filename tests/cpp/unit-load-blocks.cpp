// SPDX-License-Identifier: EUPL-1.2
// The CSV folder read in blocks on worker threads: whatever the block size, the same dataset and
// the same diagnostics, line for line, as read whole (the default blocks are larger than every
// fixture). Tiny blocks put boundaries inside quoted fields, before and after bad records.
#include "io/csv_blocks.hpp"
#include "load_support.hpp"

#include "passend/table_row.hpp"

#include <doctest/doctest.h>

using namespace passend;
using passend::test::check_same;
using passend::test::messages;
using passend::test::temp_folder;

namespace {

void check_any_block_size(const std::filesystem::path& dir, const load_options& options = {}) {
    const auto whole = load_folder(dir, options);
    for (const unsigned threads : {0, 2}) // none: as built without threads
        for (const std::uint64_t bytes : {1, 2, 7, 64, 300}) {
            CAPTURE(threads);
            CAPTURE(bytes);
            const auto blocks = detail::load_folder_in_blocks(dir, options, {}, bytes, threads);
            CHECK(messages(blocks) == messages(whole));
            REQUIRE(blocks.ok() == whole.ok());
            if (whole.ok()) check_same(*blocks.data, *whole.data);
        }
}

} // namespace

TEST_CASE("blocks: every table's typed row has the contract's columns") {
    for (const auto& ts : all_tables())
        with_table(ts.id, [&](auto tag) {
            CHECK(std::tuple_size_v<decltype(table_row<decltype(tag)::value>::columns)> ==
                  ts.columns.size());
        });
}

TEST_CASE("blocks: valid and broken fixtures read alike at any block size") {
    for (const char* fixture :
         {"valid_small", "allowed_inputs", "broken_every_table", "broken_extract"}) {
        CAPTURE(fixture);
        const temp_folder dir(fixture);
        check_any_block_size(dir.path());
        load_options capped; // the error cap stops at the same record, whichever path read it
        capped.max_errors = 3;
        check_any_block_size(dir.path(), capped);
    }
}

TEST_CASE("blocks: a quoted line break across a boundary, bad records late in a file") {
    temp_folder dir("valid_small");
    // A quoted name over three lines, then a record whose date is malformed and one with a field
    // too many: their lines count every physical line before them.
    dir.append("boards.csv", "B_Q,\"Stichting\nmet, drie\n\"\"regels\"\"\"\n"
                             "B_R,plain\n");
    dir.append("pupils.csv", "P_BAD,2015-13-01,\nP_WIDE,2015-01-01,,extra\n");
    check_any_block_size(dir.path());
    const auto r = load_folder(dir.path());
    CHECK_FALSE(r.ok());
}
