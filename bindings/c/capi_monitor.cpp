// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: the partnership's monitor as passend-monitor JSON (the library's make_monitor()
// and monitor_json(), the same code as `passend monitor --format json`).
#include "capi.hpp"

#include "passend/monitor/monitor.hpp"

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

extern "C" {

passend_status passend_monitor_json(const passend_dataset* dataset,
                                    const passend_monitor_options* options, char** out_json) {
    if (out_json) *out_json = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_monitor_json";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_json) return null_argument(fn, "out_json");
        const passend_monitor_options defaults = PASSEND_MONITOR_OPTIONS_INIT;
        const auto& o = options ? *options : defaults;
        if (o.version != PASSEND_MONITOR_OPTIONS_VERSION)
            return capi::unknown_version(fn, "passend_monitor_options",
                                         "PASSEND_MONITOR_OPTIONS_INIT");
        auto misuse = [&](const std::string& what) {
            return capi::fail(PASSEND_INVALID_ARGUMENT, std::string(fn) + ": " + what);
        };
        if (o.threads > max_threads)
            return misuse("threads must be 0 (automatic) to " + std::to_string(max_threads) +
                          ", not " + std::to_string(o.threads));
        if (o.tlv_term_days < 0 || o.tlv_term_days > 3660)
            return misuse("tlv_term_days must be 0 (42) to 3660, not " +
                          std::to_string(o.tlv_term_days));
        monitor_options mo;
        if (o.day) {
            mo.on = parse_day(o.day);
            if (!mo.on)
                return misuse(std::string("day: expected a date like 2025-03-15, got '") + o.day +
                              "'");
        }
        mo.units = capi::split(o.units);
        mo.view = o.schoolgaand ? attribution_view::schoolgaand : attribution_view::paying;
        mo.suppress = o.suppress != 0;
        if (o.tlv_term_days) mo.tlv_term_days = o.tlv_term_days;
        mo.threads = o.threads;
        monitor_format_options fo;
        fo.subject = o.subject ? o.subject : "";
        try {
            *out_json = capi::caller_string(monitor_json(make_monitor(*dataset->data, mo), fo));
        } catch (const monitor_error& e) { // the same text as the command's
            return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": " + e.what());
        }
        return PASSEND_OK;
    });
}

} // extern "C"
