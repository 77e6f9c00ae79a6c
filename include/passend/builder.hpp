// SPDX-License-Identifier: EUPL-1.2
// dataset_builder: the one way a dataset comes to be.
//
// Rows arrive typed (from C++ code and the demo generator) or as field texts (from the CSV and
// JSON loaders, the C appender and Arrow import, via add_text_row). finish() checks every rule of
// the input contract across tables and either returns the dataset or every diagnostic, never a
// half-built dataset.
#pragma once

#include "passend/calendar.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/error.hpp"
#include "passend/schema.hpp"
#include "passend/table_set.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

struct swv_row {
    std::string_view swv_id, name;
    sector sector_of = sector::po;
};
struct board_row {
    std::string_view board_id, name;
};
struct school_row {
    std::string_view school_id, name, board_id, swv_id;
    setting kind = setting::bao;
    std::string_view municipality = {};
};
struct pupil_row {
    std::string_view pupil_id;
    day birth_date;
    std::string_view municipality = {};
};
struct region_row {
    std::string_view municipality, swv_id;
};
struct enrolment_row {
    std::string_view pupil_id, school_id;
    day start_date, end_date = open_end;
    int grade = 0; ///< 0: not given
    exit_reason exit = exit_reason::none;
};
struct tlv_row {
    std::string_view tlv_id, pupil_id, swv_id;
    setting admits = setting::so;
    funding_category category = funding_category::none;
    day request_date = no_day;
    /// no_day for an open request (v1.1), whose outcome is then tlv_outcome::open and which has
    /// a request_date and no validity
    day decision_date = no_day;
    tlv_outcome outcome = tlv_outcome::toegekend;
    day start_date = no_day, end_date = open_end;
    int objection = -1;         ///< 1 ja, 0 nee, -1 not given
    day complete_date = no_day; ///< v1.1: the request was complete (last: v1 rows read on)
};
struct arrangement_row {
    std::string_view arrangement_id, pupil_id, school_id; ///< pupil_id empty for groups
    int level = 1;
    arrangement_kind kind = arrangement_kind::individueel;
    day start_date, end_date = open_end;
    cents cost = -1; ///< -1: not given
    /// v1.1: the support domain (`a-z0-9_`, any case accepted); empty when not given
    std::string_view domain = {};
};
struct opp_row {
    std::string_view pupil_id, school_id;
    day start_date, end_date = open_end;
};
struct absence_row {
    std::string_view pupil_id;
    absence_kind kind = absence_kind::relatief;
    day start_date, end_date = open_end;
    std::string_view article = {};
};
struct fund_row {
    school_year year{0};
    std::string_view swv_id, board_id, stream;
    cents amount = 0;
};
struct allocation_row {
    school_year year{0};
    std::string_view board_id, purpose;
    cents amount = 0;
    std::string_view school_id = {}, kpi_id = {};
};
struct assessment_row {
    school_year year{0};
    std::string_view unit_id, framework, item;
    double score = 0;
};

/// extract.csv's one row (contract v1.1).
struct extract_row {
    day extract_date;
    std::string_view source = {}; ///< the system that exported the data
};

/// rates.csv (contract v1.1): the amount per pupil per school year for an so/vso category.
struct rate_row {
    school_year year{0};
    setting admits = setting::so; ///< so or vso
    funding_category category = funding_category::laag;
    cents amount = 0;
};

/// reference_values.csv (contract v1.1): a published figure for a KPI id and school year.
struct reference_value_row {
    std::string_view kpi;
    school_year year{0};
    double value = 0;
    std::string_view source; ///< where it was published (title, publisher): required
};

/// support_offers.csv (contract v1.1): what a school offers in a support domain and level in a
/// school year, the covering network.
struct support_offer_row {
    std::string_view school_id;
    school_year year{0};
    std::string_view domain; ///< `a-z0-9_` (any case accepted): the partnership's own list
    int level = 1;
    std::optional<int> places = {}; ///< capacity in pupils
    cents tariff = -1;              ///< per place per school year; -1: not given
};

/// finances.csv (contract v1.1): a partnership's income and reserves of a calendar year (its
/// annual accounts).
struct finance_row {
    int year = 0; ///< calendar year
    std::string_view swv_id;
    cents income = 0;   ///< total income of the year
    cents reserves = 0; ///< reserves at the year's end
};

struct load_options {
    /// Stop collecting errors after this many (the rest of the input is still checked for
    /// nothing; the report says it stopped). 0 means no cap.
    std::size_t max_errors = 200;
    /// The extract date (`--as-of`): wins over extract.csv. Like that table's date, no request,
    /// decision, or start of an enrolment, absence or OPP may lie after it.
    std::optional<day> as_of;
    /// A partial load: read only these tables and always_read_tables (kpi/tables.hpp's
    /// tables_for() gives those a set of KPIs needs); nullopt reads every table. A table left
    /// out is not given whatever the source holds (dataset::has_table is false, a KPI needing
    /// it has no value), the dataset lists it (dataset::tables_left_out()), a file of it that
    /// is there gives the warning `table_not_read`, and none of its rules is checked. When the
    /// extract date would come from the data (no as_of, no extract table), the tables it comes
    /// from (TLVs, OPPs, absences) are read too, so that it is the full load's.
    std::optional<table_set> tables;
};

/// The tables a load with `options` reads, `extract_given` when the source holds an extract
/// table (all of them without load_options::tables).
table_set tables_read(const load_options& options, bool extract_given);

/// The outcome of a load: a dataset, or none and the errors. Warnings come either way.
struct [[nodiscard]] load_result {
    dataset_ptr data; ///< null when the load failed
    std::vector<diagnostic> diagnostics;
    bool ok() const noexcept { return data != nullptr; }
    std::size_t error_count() const noexcept;
    /// The dataset, or throw load_error with every diagnostic.
    dataset_ptr value() const;
};

class dataset_builder {
public:
    explicit dataset_builder(load_options options = {});
    ~dataset_builder();
    dataset_builder(dataset_builder&&) noexcept;
    dataset_builder& operator=(dataset_builder&&) noexcept;

    /// Name the source of a table's rows for diagnostics: its file, and for each contract column
    /// (table_spec::columns order) its 1-based position in the source (0: not present).
    /// Without it a table's rows are reported as `<table>.csv`, row n, contract column order.
    void set_source(table t, std::string file, std::vector<std::uint32_t> column_positions);
    /// Mark an optional table as given even when it has no rows.
    void declare(table t);
    /// The loader could not read all of table t and has reported why (a directory in its place,
    /// a file cut short): the table counts as given, and rows of other tables referring to ids
    /// it may have held raise no unknown-reference error, which would only repeat that one.
    void declare_unread(table t);
    /// The loader left table t out by request (load_options::tables, tables_read()): not given,
    /// listed by dataset::tables_left_out(); `file` names the source it did not read (a
    /// warning `table_not_read`), empty when there was none.
    void leave_out(table t, std::string_view file = {});

    /// Add one row of field texts in contract column order (empty = absent); each field is
    /// parsed and checked, errors located at `line` (0: the next row number).
    void add_text_row(table t, std::span<const std::string_view> fields, std::uint64_t line = 0);
    /// A row a loader rejected itself, having reported why (an Arrow value it could not read):
    /// counted, and its `id` (first column; empty if unreadable) taken as defined, so that rows
    /// referring to it get no second, misleading unknown-reference error. The load fails (if
    /// nothing was reported yet, with rule `rejected_row`).
    void reject_row(table t, std::string_view id);

    void add(const swv_row& r, std::uint64_t line = 0);
    void add(const board_row& r, std::uint64_t line = 0);
    void add(const school_row& r, std::uint64_t line = 0);
    void add(const pupil_row& r, std::uint64_t line = 0);
    void add(const region_row& r, std::uint64_t line = 0);
    void add(const enrolment_row& r, std::uint64_t line = 0);
    void add(const tlv_row& r, std::uint64_t line = 0);
    void add(const arrangement_row& r, std::uint64_t line = 0);
    void add(const opp_row& r, std::uint64_t line = 0);
    void add(const absence_row& r, std::uint64_t line = 0);
    void add(const fund_row& r, std::uint64_t line = 0);
    void add(const allocation_row& r, std::uint64_t line = 0);
    void add(const assessment_row& r, std::uint64_t line = 0);
    void add(const extract_row& r, std::uint64_t line = 0);
    void add(const rate_row& r, std::uint64_t line = 0);
    void add(const reference_value_row& r, std::uint64_t line = 0);
    void add(const support_offer_row& r, std::uint64_t line = 0);
    void add(const finance_row& r, std::uint64_t line = 0);

    /// Add a loader's block of parsed rows: as add(rows[i], line_offset + lines[i]) in order,
    /// stopping when the error cap is reached. Returns how many were added.
    template <class Row>
    std::size_t add_rows(std::span<const Row> rows, std::span<const std::uint32_t> lines,
                         std::uint64_t line_offset);
    /// Room for about `rows` rows of table t (a loader's estimate), so that its staged rows and
    /// the ids it defines grow without copying.
    void reserve(table t, std::size_t rows);
    /// A hint before adding a row that names pupil `id`: fetch its place in the index early.
    void prefetch_pupil(std::string_view id) const noexcept;

    /// Record a problem found by a loader (a malformed file, a missing column, an unknown one).
    void report(diagnostic d);
    /// Errors so far (a loader may stop reading early when the cap is reached).
    std::size_t error_count() const noexcept;
    bool error_cap_reached() const noexcept;

    /// Check every cross-table rule and hand over the dataset, or the diagnostics. The builder
    /// is empty afterwards.
    load_result finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

template <class Row>
std::size_t dataset_builder::add_rows(std::span<const Row> rows,
                                      std::span<const std::uint32_t> lines,
                                      std::uint64_t line_offset) {
    // Interning looks pupils up in a table of millions: asking for a row's slot some rows ahead
    // overlaps those cache misses instead of waiting on each in turn.
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (error_cap_reached()) return i;
        if constexpr (requires { rows[i].pupil_id; })
            if (i + ahead < rows.size()) prefetch_pupil(rows[i + ahead].pupil_id);
        add(rows[i], line_offset + lines[i]);
    }
    return rows.size();
}

PASSEND_NAMESPACE_END
