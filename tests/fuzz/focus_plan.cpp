// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: a focus plan document (passend::parse_plan) against the built-in catalog's ids.
#include "passend/cycle/plan.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = passend::parse_plan(text, "fuzz.json");
    if (!result.ok() && result.diagnostics.empty()) std::abort(); // refused without a reason
    return 0;
}
