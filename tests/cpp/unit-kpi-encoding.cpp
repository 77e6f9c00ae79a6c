// SPDX-License-Identifier: EUPL-1.2
// The evaluator's record encoding (src/kpi/plan.hpp): combos as mixed-radix numbers sized by the
// enums, and the measure table that lists every measure once, in kpi_measure order.
#include "kpi/plan.hpp"
#include "kpi/scan.hpp"

#include <doctest/doctest.h>

using namespace passend;
using namespace passend::kpi_detail;

TEST_CASE("record encoding: a combo is a mixed-radix number, the first dimension most "
          "significant") {
    // transitions: kind (8), from (7: six settings and none), to (7), exit reason (5).
    using space = combo_space<8, 7, 7, 5>;
    static_assert(space::count == 1960);
    // uitstroom (7) from vso (5) to none (6) with reason overig (4): the last combo.
    CHECK(space::encode(7, 5, 6, 4) == ((7 * 7 + 5) * 7 + 6) * 5 + 4);
    CHECK(space::encode(7, 6, 6, 4) == 1959);
    const std::size_t c = space::encode(3, 2, 1, 4);
    CHECK(c == ((3 * 7 + 2) * 7 + 1) * 5 + 4);
    CHECK(space::at<0>(c) == 3);
    CHECK(space::at<1>(c) == 2);
    CHECK(space::at<2>(c) == 1);
    CHECK(space::at<3>(c) == 4);
}

TEST_CASE("record encoding: sized by the enums' spellings") {
    CHECK(enum_count<exit_reason> == 5);      // none, diploma, zonder_diploma, verhuisd, overig
    CHECK(enum_count<funding_category> == 4); // none, laag, midden, hoog
    CHECK(enum_count<setting> == setting_count);
    // A TLV quantity without filters counts every combo of every outcome (toegekend, afgewezen,
    // ingetrokken, open), setting, category, request flag and term (unknown, within, beyond):
    // 4 x 6 x 4 x 2 x 3 = 576 combos, all in one class.
    plan pl;
    kpi_quantity q;
    q.measure = kpi_measure::tlvs;
    pl.add_quantity(q);
    pl.compile();
    CHECK(enum_count<tlv_outcome> == 4);
    CHECK(pl.class_of[static_cast<std::size_t>(kpi_measure::tlvs)].size() == 576);
    CHECK(pl.classes.size() == 1);
    for (const auto cls : pl.class_of[static_cast<std::size_t>(kpi_measure::tlvs)]) CHECK(cls == 0);
    CHECK_FALSE(pl.needs(kpi_measure::pupils));
}

TEST_CASE("the measure table lists every measure once, in kpi_measure order") {
    const auto& specs = measure_specs();
    for (std::size_t m = 0; m < kpi_measure_count; ++m) {
        CAPTURE(m);
        REQUIRE(specs[m] != nullptr);
        CHECK(specs[m]->measure == static_cast<kpi_measure>(m));
        // Exactly one scan: per pupil or per table.
        CHECK((specs[m]->per_pupil == nullptr) != (specs[m]->per_table == nullptr));
    }
}
