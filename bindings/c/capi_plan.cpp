// SPDX-License-Identifier: EUPL-1.2
// libpassend_c: a focus plan evaluated on a dataset, as passend-plan-1 JSON (the library's
// evaluate_plan() and plan_json(), the same code as `passend plan --format json`).
#include "capi.hpp"

#include "passend/cycle/plan.hpp"
#include "passend/cycle/plan_report.hpp"

#include <cstdlib>
#include <cstring>

using namespace passend;
using passend::capi::guard;
using passend::capi::null_argument;

namespace {

/// Every error of an invalid plan, one per line, as `passend plan` prints them.
std::string plan_errors(const std::vector<diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        if (d.level != severity::error) continue;
        if (!out.empty()) out += '\n';
        out += to_string(d);
    }
    return out;
}

} // namespace

char* passend::capi::caller_string(const std::string& text) {
    auto* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

extern "C" {

passend_status passend_plan_evaluate(const passend_dataset* dataset, const char* plan_json,
                                     const char* source_name, const passend_plan_options* options,
                                     char** out_json, passend_diagnostics** out_diagnostics) {
    if (out_json) *out_json = nullptr;
    if (out_diagnostics) *out_diagnostics = nullptr;
    return guard([&] {
        constexpr auto fn = "passend_plan_evaluate";
        if (!dataset) return null_argument(fn, "dataset");
        if (!plan_json) return null_argument(fn, "plan_json");
        if (!out_json) return null_argument(fn, "out_json");
        const passend_plan_options defaults = PASSEND_PLAN_OPTIONS_INIT;
        const auto& o = options ? *options : defaults;
        if (o.version != PASSEND_PLAN_OPTIONS_VERSION)
            return capi::unknown_version(fn, "passend_plan_options", "PASSEND_PLAN_OPTIONS_INIT");
        plan_evaluation_options po;
        po.source = source_name ? source_name : "plan.json";
        if (o.year) po.year = school_year{o.year};
        po.suppress = o.suppress != 0;
        po.subject = o.subject ? o.subject : "";

        auto parsed = parse_plan(plan_json, po.source);
        if (!parsed.ok()) {
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics(parsed.diagnostics);
            return capi::fail(PASSEND_INVALID_DATA, plan_errors(parsed.diagnostics));
        }
        const auto plan = std::move(parsed).value();
        try {
            const auto evaluation = evaluate_plan(*dataset->data, plan, po);
            auto json = capi::caller_string(evaluation.json());
            if (out_diagnostics) {
                try {
                    *out_diagnostics = capi::make_diagnostics(evaluation.warnings);
                } catch (...) {
                    std::free(json);
                    throw;
                }
            }
            *out_json = json;
            return PASSEND_OK;
        } catch (const year_not_covered& e) {
            if (out_diagnostics) *out_diagnostics = capi::make_diagnostics({});
            return capi::fail(PASSEND_NOT_FOUND,
                              std::string(fn) + ": " + (po.year ? "year " : "") + e.what());
        }
    });
}

void passend_string_free(char** string) {
    if (!string) return;
    std::free(*string);
    *string = nullptr;
}

} // extern "C"
