// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: a KPI catalog document (passend::catalog::from_json). Only catalog_error may
// leave it; a catalog that parses writes out (to_json) and parses again.
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/catalog_json.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto c = passend::catalog::from_json(text, "fuzz.json");
        (void)passend::catalog::from_json(passend::to_json(c).dump(), "again.json");
    } catch (const passend::catalog_error&) {
    }
    return 0;
}
