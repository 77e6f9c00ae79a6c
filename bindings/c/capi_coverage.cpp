// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: the covering network as JSON (the library's make_coverage() and coverage_json(),
// the same code as `passend coverage --format json`).
#include "capi.hpp"

#include "passend/coverage/coverage.hpp"

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

extern "C" {

passend_status passend_coverage_json(const passend_dataset* dataset,
                                     const passend_coverage_options* options, char** out_json) {
    if (out_json) *out_json = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_coverage_json";
        if (!dataset) return null_argument(fn, "dataset");
        if (!out_json) return null_argument(fn, "out_json");
        const passend_coverage_options defaults = PASSEND_COVERAGE_OPTIONS_INIT;
        const auto& o = options ? *options : defaults;
        if (o.version != PASSEND_COVERAGE_OPTIONS_VERSION)
            return capi::unknown_version(fn, "passend_coverage_options",
                                         "PASSEND_COVERAGE_OPTIONS_INIT");
        const auto& ds = *dataset->data;
        coverage_options co;
        if (o.year) {
            co.year = school_year::parse_option(o.year);
            if (!co.year)
                return capi::fail(PASSEND_INVALID_ARGUMENT,
                                  std::string(fn) +
                                      ": year: expected a school year like "
                                      "2024-2025, got '" +
                                      o.year + "'");
            if (!ds.is_reported(*co.year))
                return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": school year " +
                                                         co.year->to_string() +
                                                         " is not reported by the data");
        }
        if (o.unit) {
            co.unit = o.unit;
            if (!ds.find_swv(co.unit))
                return capi::fail(PASSEND_NOT_FOUND, std::string(fn) + ": no partnership '" +
                                                         co.unit + "' in the data");
        }
        coverage_privacy privacy;
        privacy.suppress = o.suppress != 0;
        *out_json = capi::caller_string(coverage_json(make_coverage(ds, co), privacy));
        return PASSEND_OK;
    });
}

} // extern "C"
