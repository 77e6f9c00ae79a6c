// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/result.hpp"

#include <doctest/doctest.h>

using namespace passend;

TEST_CASE("norms: exactly on the target meets it; tolerance gives aandacht") {
    const kpi_norm score{kpi_norm::direction::at_least, 0.75, 0.05};
    CHECK(score.judge(0.75) == kpi_status::op_koers);
    CHECK(score.judge(0.3 + 0.45) == kpi_status::op_koers); // 0.75 from a sum of scores
    CHECK(score.judge(0.74) == kpi_status::aandacht);
    CHECK(score.judge(0.70) == kpi_status::aandacht);
    CHECK(score.judge(0.69) == kpi_status::niet_op_koers);
    const kpi_norm bound{kpi_norm::direction::at_most, 1.8, 0};
    CHECK(bound.judge(1.8) == kpi_status::op_koers);
    CHECK(bound.judge(1.81) == kpi_status::niet_op_koers);
    CHECK(to_string(kpi_status::niet_op_koers) == "niet_op_koers");
    CHECK(to_string(kpi_level::swv) == "swv");
}
