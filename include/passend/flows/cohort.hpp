// SPDX-License-Identifier: EUPL-1.2
// Cohorts: where are the pupils who were in a setting at a teldatum, one, two, ... years on?
// ("where are the 2021 sbo pupils now?")
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/units.hpp"

#include <Eigen/Core>

#include <cstdint>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// Rows of a cohort table: the settings (bao..vso), then `buiten` (enrolled nowhere).
inline constexpr int cohort_rows = static_cast<int>(setting_count) + 1;
inline constexpr int cohort_buiten = static_cast<int>(setting_count);
std::string_view cohort_row_label(int row) noexcept;

struct cohort_query {
    setting from = setting::sbo;
    school_year start{2021}; ///< the cohort is the pupils in `from` at this year's teldatum
    flow_unit unit;          ///< ... who count for this unit there (then followed anywhere)
    int years = 3;           ///< follow-up years (the table stops at the data's last teldatum)
    attribution_view view = attribution_view::paying;
};

struct cohort_table {
    cohort_query query;
    /// start, start+1, ...: the teldata the data reaches.
    std::vector<school_year> years;
    /// Pupils of the cohort per setting (rows, anywhere in the data) at each year's teldatum
    /// (columns); column 0 is the cohort itself, all in `from`.
    Eigen::Matrix<std::int32_t, cohort_rows, Eigen::Dynamic> counts;
    std::int32_t size() const { return counts.cols() ? counts.col(0).sum() : 0; }
};

/// Follow a cohort in one pass over the pupils.
cohort_table follow_cohort(const dataset& ds, const cohort_query& query);

PASSEND_NAMESPACE_END
