// SPDX-License-Identifier: EUPL-1.2
// The interning index (src/key_domain.hpp): dense ids in first-seen order whatever the index's
// growth or reserve, lookups of short (inline) and long keys, and the texts still answering once
// the index is released (as dataset_builder::finish() does before laying the tables out).
#include "key_domain.hpp"

#include <doctest/doctest.h>

#include <string>

using passend::detail::key_domain;

namespace {

/// Interns "k0" .. "k{n-1}" after two keys of its own; true when each got the next id.
bool intern_many(key_domain& d, int n) {
    bool dense = d.intern("L001") == 0 && d.intern("a-pupil-id-longer-than-eleven") == 1;
    for (int i = 0; i < n; ++i)
        dense &= d.intern("k" + std::to_string(i)) == static_cast<std::uint32_t>(i + 2);
    return dense;
}

} // namespace

TEST_CASE("key_domain: ids in first-seen order, each once, through growth") {
    key_domain d;
    CHECK(d.intern("") == key_domain::none);
    // 10,000 keys: the 1,024 first slots are filled to 3/4 and grown several times.
    CHECK(intern_many(d, 10000));
    CHECK(d.intern("L001") == 0);
    CHECK(d.intern("a-pupil-id-longer-than-eleven") == 1);
    CHECK(d.size() == 10002);
    CHECK(d.find("k9999") == 10001);
    CHECK(d.find("k10000") == key_domain::none);
    CHECK(d.find("a-pupil-id-longer-than-elevem") == key_domain::none);
    CHECK(d.find("") == key_domain::none);

    d.release_index();
    CHECK(d.size() == 10002);
    CHECK(d.key(0) == "L001");
    CHECK(d.key(1) == "a-pupil-id-longer-than-eleven");
    CHECK(d.key(10001) == "k9999");
}

TEST_CASE("key_domain: a reserve, too small or too large, leaves the ids as they were") {
    for (const std::size_t room : {std::size_t{10}, std::size_t{5000}, std::size_t{100000}}) {
        key_domain d;
        d.reserve(room);
        CHECK(intern_many(d, 10000));
        CHECK(d.find("k4321") == 4323);
        CHECK(d.key(4323) == "k4321");
    }
}
