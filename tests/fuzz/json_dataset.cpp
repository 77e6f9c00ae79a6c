// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: a JSON dataset document (passend::load_json). A load succeeds whole or leaves
// nothing; what loads writes out (to_json) and loads again.
#include "passend/load.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = passend::load_json(text, "fuzz.json");
    if (result.ok() != (result.error_count() == 0)) std::abort();
    if (result.ok() && !passend::load_json(passend::to_json(*result.data), "again.json").ok())
        std::abort();
    return 0;
}
