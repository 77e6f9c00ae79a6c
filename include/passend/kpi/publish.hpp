// SPDX-License-Identifier: EUPL-1.2
// The one entry point for published KPI figures: evaluate the whole catalog for every unit and
// year, suppress small counts over all of it (report/privacy.hpp), then select what was asked.
// The CLI's report, plan and accountability commands, the C ABI's passend_evaluate and Python's
// Dataset.kpis all call it, so the same selection gives the same rows and the same bad selection
// the same error everywhere.
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/result.hpp"
#include "passend/report/privacy.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// What to publish; an empty list selects everything. The national rows always come along.
struct kpi_selection {
    std::vector<std::string> kpis; ///< KPI ids or tags of the catalog
    std::vector<school_year> years;
    std::vector<std::string> units; ///< partnership, board, school ids, municipality codes
    std::vector<kpi_level> levels;
};

struct publish_options {
    kpi_selection select;
    attribution_view view = attribution_view::paying;
    unsigned threads = 0;
    /// false: every number as evaluated (internal analysis, the CLI's `--no-suppress`).
    bool suppress = true;
    int max_small = 4;
    /// As evaluate_options::reference_day, ::tlv_term_days and ::rolling_window.
    std::optional<day> reference_day;
    int tlv_term_days = 42;
    bool rolling_window = false;
};

/// A selection the data or the catalog does not hold. The message is the same through every
/// front end, e.g. `unit 'XX99': not NL, onbekend, nor a partnership, board, school or
/// municipality of the data`.
class selection_error : public error {
public:
    using error::error;
};

/// `text` as a level (`national`, `swv`, `board`, `school`, `municipality`); throws
/// selection_error otherwise.
kpi_level parse_level_name(std::string_view text);

/// Throws selection_error for the first of `ids_or_tags` that names no KPI of `cat`.
void check_kpi_names(const catalog& cat, const std::vector<std::string>& ids_or_tags);

/// Throws selection_error for the first part of `select` that `results` (evaluated on `ds` from
/// `cat`) cannot answer: an unknown KPI id or tag, unit, or a school year outside the results.
void check_selection(const dataset& ds, const catalog& cat, const kpi_results& results,
                     const kpi_selection& select);

/// Evaluate, suppress and select (see above). Throws selection_error for a bad selection.
kpi_results publish(const dataset& ds, const catalog& cat, const publish_options& options = {});

PASSEND_NAMESPACE_END
