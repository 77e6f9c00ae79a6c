// SPDX-License-Identifier: EUPL-1.2
// The partnership's monitor: what a partnership office watches every week, on one day D (by
// default the extract date). Per partnership: the headline figures with their change against the
// same period last year, the national value of the same data and a published reference value;
// the open TLV requests on D by age; the thuiszitters on D by how long they have been out of
// school; and cross-border pupils in and out per setting with the money that follows them.
//
// The headline figures come only from publish() (kpi/publish.hpp) with the reference day set, in
// one evaluation for every partnership; the two distributions from one pass over the pupils'
// TLVs and absences, protected by the one suppression mechanism (report/cell_table.hpp).
// docs/monitor.md describes the document.
#pragma once

#include "passend/attribution.hpp"
#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/coverage/coverage.hpp"
#include "passend/dataset.hpp"
#include "passend/kpi/result.hpp"
#include "passend/report/cell_table.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

struct monitor_options {
    /// The day D; nullopt: the extract date. A day after the extract date is an error
    /// (monitor_error): nothing after it is a fact.
    std::optional<day> on;
    /// Partnership ids; empty: every partnership of the data.
    std::vector<std::string> units;
    attribution_view view = attribution_view::paying;
    /// false: every number as computed (internal use only).
    bool suppress = true;
    int max_small = 4;
    /// The legal term of a TLV decision in days (tlv_binnen_termijn).
    int tlv_term_days = 42;
    unsigned threads = 0;
};

/// A day or unit the monitor cannot be made for, e.g. `day 2026-01-01 is after the data's extract
/// date 2025-03-15: nothing after it is known` or `unit 'XX99': not a partnership of the data`.
class monitor_error : public error {
public:
    using error::error;
};

/// One headline figure of a partnership: its published row (suppression marks included), the
/// national row of the same data, and a reference value when one is given.
struct monitor_figure {
    const kpi_info* info = nullptr; ///< in monitor::results.definitions
    const kpi_row* row = nullptr;   ///< the partnership's row, in monitor::results
    const kpi_row* national = nullptr;
    /// The published figure for the KPI and school year (reference_values.csv), in
    /// monitor::results; null when the data gives none.
    const kpi_reference_value* reference = nullptr;
};

/// One bar of a distribution: a length class (`0-2w`: 0 to 14 days) and its count's cell in
/// monitor::cells (shown, small or hidden after protection).
struct monitor_bin {
    std::string_view key, label_nl, label_en;
    cell_table::cell_id cell = cell_table::absent;
};

/// A distribution on D: its bins and their total (a bin per length class).
struct monitor_distribution {
    std::string_view id; ///< `tlv_open_leeftijd`, `thuiszitters_duur`
    std::vector<monitor_bin> bins;
    cell_table::cell_id total = cell_table::absent;
};

/// Cross-border pupils of one setting: the grens_uitgaand_<x> and grens_inkomend_<x> rows.
struct monitor_border {
    setting admits = setting::so;
    const kpi_row* outgoing = nullptr;
    const kpi_row* incoming = nullptr;
};

struct monitor_unit {
    std::string id, name;
    sector sector_of = sector::po;
    std::vector<monitor_figure> headline;
    monitor_distribution open_requests;       ///< open TLV requests on D by days since request
    monitor_distribution thuiszitters;        ///< thuiszitters on D by how long they have lasted
    std::vector<monitor_border> cross_border; ///< per setting of the partnership's sector
    const kpi_row* money_outgoing = nullptr;  ///< ondersteuningsbekostiging_uitgaand
    const kpi_row* money_incoming = nullptr;
    /// The continuity check of the annual accounts (finances.csv, v1.1) of the calendar years up
    /// to D's, oldest first; empty without them.
    std::vector<coverage_continuity> continuity;
};

/// Holds pointers into its own results: movable, not copyable.
struct monitor {
    monitor() = default;
    monitor(monitor&&) = default;
    monitor& operator=(monitor&&) = default;
    monitor(const monitor&) = delete;
    monitor& operator=(const monitor&) = delete;

    day on{};               ///< the day D
    day extract_date{};     ///< the data's own day
    school_year year{0};    ///< the school year holding D
    bool partial = false;   ///< D is before the year's last day
    bool suppressed = true; ///< whether small counts are hidden
    int max_small = 4;
    int tlv_term_days = 42;
    kpi_results results; ///< what publish() gave (the rows the figures point into)
    cell_table cells;    ///< the distributions' counts, protected
    std::vector<monitor_unit> units;
};

/// The monitor of `options.units` (every partnership when empty) on the day D. Throws
/// monitor_error for a day after the extract date or a unit that is not a partnership.
monitor make_monitor(const dataset& ds, const monitor_options& options = {});

/// The headline KPI ids the monitor shows, in its order, of which it takes those the built-in
/// catalog has (those a partnership's sector has rows for).
const std::vector<std::string_view>& monitor_headline_ids();

/// What the writers show beside the figures.
struct monitor_format_options {
    std::string subject; ///< what the data is (a folder, `demo: Zuid-Limburg`)
};

/// `{"format": "passend-monitor", "version": 1, ...}` (docs/monitor.md): a hidden small count is
/// `"<5"`, any other hidden or absent number null.
std::string monitor_json(const monitor& m, const monitor_format_options& options = {});
struct report_document;
/// The monitor as a report document (report/document.hpp): the lines under the title, a section
/// per partnership (headline table, the two distributions, cross-border, continuity).
report_document monitor_document(const monitor& m, const monitor_format_options& options = {});
/// One section per partnership: tables of the figures and distributions.
std::string monitor_markdown(const monitor& m, const monitor_format_options& options = {});
/// One self-contained page (inline CSS and SVG charts, no scripts), Dutch first, English second.
std::string monitor_html(const monitor& m, const monitor_format_options& options = {});

PASSEND_NAMESPACE_END
