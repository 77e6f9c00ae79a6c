// SPDX-License-Identifier: EUPL-1.2
#include "passend/error.hpp"

PASSEND_NAMESPACE_BEGIN

std::string to_string(const diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) out += ':' + std::to_string(d.line);
    if (d.line > 0 && d.column > 0) out += ':' + std::to_string(d.column);
    out += d.level == severity::error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

namespace {
std::string summarize(const std::vector<diagnostic>& diagnostics) {
    std::size_t errors = 0;
    const diagnostic* first = nullptr;
    for (const auto& d : diagnostics)
        if (d.level == severity::error && errors++ == 0) first = &d;
    std::string out = "load failed with " + std::to_string(errors) + " error(s)";
    if (first) out += "; first: " + to_string(*first);
    return out;
}
} // namespace

load_error::load_error(std::vector<diagnostic> diagnostics)
    : error(summarize(diagnostics)), diagnostics_(std::move(diagnostics)) {}

PASSEND_NAMESPACE_END
