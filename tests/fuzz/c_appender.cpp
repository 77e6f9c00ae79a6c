// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the C appender (passend_appender_*) driven by a program read from the input:
// each byte picks a call (begin a table with some of its columns, append a value of each kind,
// end a row, finish), the bytes after it the arguments. Misuse must give a status, never a crash,
// and every dataset and diagnostics list handed out is freed.
#include "fuzz_input.hpp"

#include "passend/passend.h"
#include "passend/schema.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using passend_fuzz::fuzz_input;

namespace {

/// A table name: a contract table (by name or file name) or some text.
std::string table_name(fuzz_input& in) {
    const auto tables = passend::all_tables();
    const std::size_t pick = in.below(tables.size() * 2 + 1);
    if (pick == tables.size() * 2) return in.text(16);
    const auto& ts = tables[pick % tables.size()];
    return std::string(pick < tables.size() ? ts.name : ts.file);
}

/// Column names for begin_table: mostly the table's own, some repeated or unknown.
std::vector<std::string> column_names(fuzz_input& in, std::string_view table) {
    const auto t = passend::find_table(table);
    std::vector<std::string> names(in.below(12));
    for (auto& n : names) {
        if (t && in.below(4) != 0) {
            const auto& cols = passend::spec(*t).columns;
            n = cols[in.below(cols.size())].name;
        } else {
            n = in.text(12);
        }
    }
    return names;
}

void finish(passend_appender* app) {
    passend_dataset* ds = nullptr;
    passend_diagnostics* diags = nullptr;
    const auto status = passend_appender_finish(app, &ds, &diags);
    if ((status == PASSEND_OK) != (ds != nullptr)) std::abort();
    passend_dataset_free(&ds);
    passend_diagnostics_free(&diags);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz_input in(data, size);
    passend_appender* app = nullptr;
    if (passend_appender_create(nullptr, &app) != PASSEND_OK) std::abort();
    for (int step = 0; step < 4096 && !in.empty(); ++step) {
        switch (in.below(8)) {
        case 0: {
            const auto table = table_name(in);
            if (in.flag()) {
                passend_appender_begin_table(app, table.c_str(), nullptr, 0);
                break;
            }
            const auto names = column_names(in, table);
            std::vector<const char*> pointers;
            for (const auto& n : names) pointers.push_back(n.c_str());
            passend_appender_begin_table(app, table.c_str(), pointers.data(), pointers.size());
            break;
        }
        case 1: {
            const auto text = in.text(32);
            passend_appender_append_text(app, in.flag() ? nullptr : text.c_str());
            break;
        }
        case 2:
            passend_appender_append_null(app);
            break;
        case 3:
            passend_appender_append_int64(app, in.value<std::int64_t>());
            break;
        case 4:
            passend_appender_append_double(app, in.value<double>());
            break;
        case 5:
            passend_appender_append_date(app, in.value<std::int32_t>(), in.value<std::int32_t>(),
                                         in.value<std::int32_t>());
            break;
        case 6:
            passend_appender_end_row(app);
            break;
        default:
            finish(app);
            break;
        }
        (void)passend_appender_error(app);
    }
    finish(app);
    passend_appender_free(&app);
    if (app) std::abort();
    return 0;
}
