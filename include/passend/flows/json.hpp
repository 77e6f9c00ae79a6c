// SPDX-License-Identifier: EUPL-1.2
// The documented JSON of the flows and forecast outputs (docs/flows.md, "JSON format"). The
// Markdown and CSV outputs of the CLI are views of this same document, so the three never differ.
//
// Every table is `{"rows": [labels], "columns": [labels], "values": [[cells]]}`; a cell is a number
// or, for a count from 1 to 4 when suppressing, the string "<5".
#pragma once

#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/flows/cohort.hpp"
#include "passend/flows/disclosure.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/flows/forecast.hpp"
#include "passend/flows/thuiszitter_lengths.hpp"

#include <nlohmann/json.hpp>

PASSEND_NAMESPACE_BEGIN

/// Identifies the layout; bumped only when a field changes meaning or disappears.
inline constexpr const char* flows_json_format = "passend-flows-1";
inline constexpr const char* forecast_json_format = "passend-forecast-1";

struct flows_json_input {
    const flow_tables* tables = nullptr;
    flow_unit unit;
    school_year year{0};
    attribution_view view = attribution_view::paying;
    const thuiszitter_lengths* thuiszitters = nullptr; ///< optional (needs absences.csv)
    const cohort_table* cohort = nullptr;              ///< optional
    /// What may be shown (made from the same tables); null: every count as it is, for
    /// internal use only.
    const flow_disclosure* disclosure = nullptr;
};

/// The flows of one unit and school year.
nlohmann::ordered_json flows_to_json(const dataset& ds, const flows_json_input& in);

/// A forecast with its backtest. With `disclosure` (flow tables of the forecast's view and unit
/// level) the observed stocks are shown as the flows publish them; projections are model
/// figures, of which 1-4 still show as `<5`.
nlohmann::ordered_json forecast_to_json(const dataset& ds, const forecast_result& f,
                                        const forecast_options& options,
                                        const flow_disclosure* disclosure);

PASSEND_NAMESPACE_END
