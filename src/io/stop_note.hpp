// SPDX-License-Identifier: EUPL-1.2
// Private: the note a loader adds when it stopped reading at the error cap.
#pragma once

#include "passend/builder.hpp"

#include <algorithm>
#include <string>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// The loader stopped reading at `where` (`enrolments.csv:1234`) once load_options::max_errors
/// errors were found. The builder's own count of left-out diagnostics is dropped: what follows
/// the stop was never read, so that count would mislead.
inline void note_stopped(load_result& result, const std::string& where, std::size_t cap) {
    std::erase_if(result.diagnostics,
                  [](const diagnostic& d) { return d.rule == "too_many_diagnostics"; });
    result.diagnostics.push_back({severity::error, "passend", 0, 0, "too_many_diagnostics",
                                  "stopped reading at " + where + " after " + std::to_string(cap) +
                                      " errors (the cap); the rest of the input was not checked"});
}

} // namespace detail
PASSEND_NAMESPACE_END
