// SPDX-License-Identifier: EUPL-1.2
// The continuity check of a partnership's annual accounts (finances.csv, contract v1.1): its
// reserves against the signal value the Inspectorate of Education sets for partnerships.
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"

PASSEND_NAMESPACE_BEGIN

/// The signal value is 3.5% of the year's total income, at least € 250,000.
inline constexpr cents signal_value_minimum = 25'000'000;
inline constexpr int signal_value_per_mille = 35;

struct continuity_check {
    cents income = 0, reserves = 0;
    cents signal_value = 0;       ///< max(€ 250,000, 3.5% of income), rounded to the cent
    cents above = 0;              ///< reserves - signal value when positive, else 0
    bool minimum_applies = false; ///< the € 250,000 minimum decided the signal value
};

continuity_check continuity_of(cents income, cents reserves) noexcept;

PASSEND_NAMESPACE_END
