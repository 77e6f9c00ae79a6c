// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: Arrow C stream import, the C face of passend::append_arrow
// (passend/io/arrow.hpp), which maps the stream's fields to contract columns and reports every
// problem to the appender's builder.
#include "capi.hpp"

#include "passend/io/arrow.hpp"

#include <cctype>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

extern "C" passend_status passend_appender_append_arrow(passend_appender* appender,
                                                        const char* table_name,
                                                        ArrowArrayStream* stream) {
    constexpr auto fn = "passend_appender_append_arrow";
    const auto status = guard([&] {
        if (!stream) return null_argument(fn, "stream");
        if (!stream->release)
            return capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": the stream is already released");
        // Released on every path that does not hand it to append_arrow, which releases it.
        const auto release = [&] {
            if (stream->release) stream->release(stream);
        };
        if (!appender) return release(), null_argument(fn, "appender");
        if (!table_name) return release(), null_argument(fn, "table");
        auto& a = *appender;
        if (a.row_open())
            return release(),
                   capi::fail(PASSEND_INVALID_ARGUMENT,
                              std::string(fn) + ": a row of " + std::string(spec(a.current).name) +
                                  " is still open (call passend_appender_end_row)");
        std::string name(table_name);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto t = find_table(name);
        if (!t)
            return release(),
                   capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": the contract has no table '" + table_name + "'");
        a.begun = false; // the next row-wise append needs begin_table again

        const auto errors = a.builder.error_count();
        std::string first_bad;
        try {
            first_bad = append_arrow(a.builder, *t, *stream, a.rows[static_cast<std::size_t>(*t)]);
        } catch (const arrow_stream_error& e) {
            return capi::fail(PASSEND_ERROR, std::string(fn) + ": " + e.what());
        } catch (const invalid_argument& e) {
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": " + e.what());
        }
        if (!first_bad.empty()) return capi::fail(PASSEND_INVALID_DATA, first_bad);
        if (a.builder.error_count() == errors) return PASSEND_OK;
        return capi::fail(PASSEND_INVALID_DATA,
                          std::string(fn) + ": rows of " + std::string(spec(*t).name) +
                              " break rules; passend_appender_finish lists every diagnostic");
    });
    if (appender) {
        try {
            appender->error = passend_last_error();
        } catch (...) {
            appender->error.clear();
        }
    }
    return status;
}
