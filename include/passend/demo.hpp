// SPDX-License-Identifier: EUPL-1.2
// The built-in demo region: a deterministic synthetic Zuid-Limburg, and the same generator at
// national scale for benchmarks.
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/progress.hpp"

#include <cstdint>
#include <optional>

PASSEND_NAMESPACE_BEGIN

struct demo_options {
    /// Pupils enrolled at a teldatum, roughly (PO and VO together).
    std::uint64_t pupils = 40'000;
    /// School years generated, ending with `last_year`.
    int years = 5;
    int last_year = 2024; ///< start year of the last school year (2024 = 2024-2025)
    /// 0: Zuid-Limburg (PO3104, PO3105, PO3106 and one VO partnership); otherwise this many
    /// synthetic partnerships, split over PO and VO (national scale: 150).
    int partnerships = 0;
    std::uint64_t seed = 2014;
    /// The day the demo's data were exported (written as extract.csv), within its school years;
    /// default: 15 March of the last school year, so that year is partial.
    std::optional<day> extract_date;

    /// About 150 partnerships, 7,000 schools, 2.5 million pupils a year over ten years.
    static demo_options national();
};

/// Generate the demo dataset; the same options give the same dataset on every machine.
dataset_ptr make_demo(const demo_options& options = {}, const progress_fn& progress = {});

PASSEND_NAMESPACE_END
