// SPDX-License-Identifier: EUPL-1.2
// Evaluating a KPI catalog on a dataset, and explaining a value by the pupils behind it.
//
// evaluate() computes every definition of a catalog in one pass over the enrolments (stocks,
// flows, exits, OPPs, TLVs and absences are all read per pupil in the same loop, split over the
// cores), beside small loops over arrangements, money and assessments. Definitions only select
// and combine what that pass accumulated, so a larger catalog costs little more.
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

struct evaluate_options {
    /// School years to report; empty: every school year the data covers. (Earlier years are
    /// still read where a definition needs them: verblijfsduur, change.)
    std::vector<school_year> years;
    /// Units to report (swv, board, school ids, municipality codes, `onbekend`); empty: all.
    /// The national row (`NL`) is always reported.
    std::vector<std::string> units;
    /// Levels to report; empty: every level each definition names. National is always reported.
    std::vector<kpi_level> levels;
    /// Only these KPI ids or tags (see catalog::select); empty: the whole catalog.
    std::vector<std::string> kpis;
    /// paying (default): so/vso pupils count for the partnership of their TLV;
    /// schoolgaand: for their school's partnership.
    attribution_view view = attribution_view::paying;
    /// Threads for the pass over the pupils; 0: the hardware's, at most 2 per evaluation.
    unsigned threads = 0;
    /// Any day (contract v1.1, the monitor): take every quantity defined at teldatum on this
    /// day instead, and `tlv_open` on it; the school year that holds the day is reported as
    /// partial through the day, with the year before it, whose stocks are taken on the same day
    /// a year earlier (29 February: 28 February). Must be on or before the extract date
    /// (else invalid_argument). nullopt: the yearly table.
    std::optional<day> reference_day;
    /// The term of `tlv_binnen_termijn`: days from a complete request to its decision.
    int tlv_term_days = 42;
    /// A rolling window: the period counts of the reported year (requests, decisions,
    /// referrals, thuiszitters, ...) run over the 12 months up to the reference day (the extract
    /// date when none is given) instead of from 1 August, and the year before over the 12
    /// months before those; stocks are taken on the day as with reference_day.
    bool rolling_window = false;
};

/// What an evaluation did, for benchmarks and tests.
struct evaluate_stats {
    unsigned enrolment_passes = 0; ///< passes over the enrolment table (1 for any catalog)
    unsigned threads = 0;          ///< threads that shared the pass
    std::size_t quantities = 0;    ///< distinct numerators and denominators accumulated
    std::size_t classes = 0;       ///< groups of records that feed the same quantities
    double scan_seconds = 0;       ///< the pass over the pupils' records and the other tables
    double tables_seconds = 0;     ///< of which arrangements, money, assessments (each table on
                                   ///< one thread, summed over the tables)
    double rows_seconds = 0;       ///< turning the sums into rows
};

/// Evaluate every definition of `cat` on `ds`.
///
/// Rows come sorted by kpi, year, level (national, swv, board, school, municipality), unit.
/// Every year gets a national row per KPI; partnership rows exist for every partnership
/// (of the KPI's sector, if it has one); other levels for units with any record. A definition
/// whose table is absent from the dataset gets rows without numerator or value.
kpi_results evaluate(const dataset& ds, const catalog& cat, const evaluate_options& options = {},
                     evaluate_stats* stats = nullptr);

/// Which side of a KPI to explain.
enum class kpi_part : std::uint8_t { numerator, denominator };

/// The pupil ids (pseudonyms, sorted) behind one number of evaluate(): the pupils counted in
/// the numerator (or denominator) of KPI `kpi_id` in `year` for `unit` at `level` (`NL` for
/// national). Records without a pupil (group arrangements, money, assessments) contribute no
/// ids. Throws passend::error when the id is not in the catalog.
std::vector<std::string> explain(const dataset& ds, const catalog& cat, std::string_view kpi_id,
                                 school_year year, kpi_level level, std::string_view unit,
                                 kpi_part part = kpi_part::numerator,
                                 attribution_view view = attribution_view::paying);

PASSEND_NAMESPACE_END
