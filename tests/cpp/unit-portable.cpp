// SPDX-License-Identifier: EUPL-1.2
// What the WebAssembly build leans on (docs/wasm.md): run_parallel runs every part once, with or
// without threads; the locale-free number texts read and write as std::from_chars/to_chars.
#include "float_text.hpp"
#include "parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <vector>

using passend::detail::parse_double;
using passend::detail::run_parallel;
using passend::detail::shortest_text;

TEST_CASE("run_parallel runs each part once and returns when all are done") {
    std::vector<std::atomic<int>> runs(3);
    run_parallel(3, [&](unsigned part) { ++runs[part]; });
    for (const auto& r : runs) CHECK(r == 1);
    int none = 0;
    run_parallel(0, [&](unsigned) { ++none; });
    CHECK(none == 0);
    CHECK(passend::detail::hardware_threads() >= 1);
}

TEST_CASE("parse_double takes the whole text as a dot-decimal number, nothing else") {
    double v = 0;
    CHECK((parse_double("1.87", v) && v == 1.87));
    CHECK((parse_double("2e-3", v) && v == 0.002));
    CHECK((parse_double("-0.5", v) && v == -0.5));
    for (const char* bad : {"", " 1", "+1", "1,5", "1.5x", "0x10", "abc"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_double(bad, v));
    }
}

TEST_CASE("shortest_text reads back as the same number") {
    CHECK(shortest_text(0.75) == "0.75");
    CHECK(shortest_text(1.0) == "1");
    for (const double x : {1.0 / 3, 0.1 + 0.2, 123456.789, 1e-7}) {
        double back = 0;
        REQUIRE(parse_double(shortest_text(x), back));
        CHECK(back == x);
    }
}
