// SPDX-License-Identifier: EUPL-1.2
// The dataset: every table of the input contract as columns (struct of arrays).
//
// Categories are small integer enums, dates are 4-byte days, identifiers are stored once in
// their own table and referenced by strong row indices. Entity tables are sorted by id and the
// per-pupil tables (enrolments, tlvs, opps, absences) by pupil and start, with offsets per pupil,
// so a pass over tens of millions of enrolments is a linear scan without allocation.
//
// A dataset is immutable once built (by dataset_builder or a loader) and is shared as
// std::shared_ptr<const dataset>: any number of threads may read it at once. Its columns
// (column.hpp) read like const vectors; a dataset opened from a snapshot borrows them from the
// file's mapping, which it keeps alive (docs/snapshot.md), text columns read as string_view.
#pragma once

#include "passend/calendar.hpp"
#include "passend/column.hpp"
#include "passend/config.hpp"
#include "passend/continuum.hpp"
#include "passend/error.hpp"
#include "passend/ids.hpp"
#include "passend/schema.hpp"
#include "passend/table_set.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// A money amount held exactly, in euro cents.
using cents = std::int64_t;

struct swv_table {
    text_column id; ///< e.g. PO3104
    text_column name;
    value_column<sector> sector_of;
    std::size_t size() const noexcept { return id.size(); }
};

struct board_table {
    text_column id;
    text_column name;
    std::size_t size() const noexcept { return id.size(); }
};

struct municipality_table {
    text_column code; ///< CBS code, e.g. GM0935
    /// The PO and VO partnership whose region holds the municipality (regions.csv), if known.
    value_column<swv_idx> po_swv;
    value_column<swv_idx> vo_swv;
    std::size_t size() const noexcept { return code.size(); }
    swv_idx region_swv(municipality_idx m, sector s) const noexcept {
        if (!has(m)) return no_index<swv_idx>;
        return s == sector::po ? po_swv[pos(m)] : vo_swv[pos(m)];
    }
};

struct school_table {
    text_column id; ///< BRIN + location, e.g. 04AB00
    text_column name;
    value_column<board_idx> board;
    value_column<swv_idx> swv;
    value_column<setting> kind;
    value_column<municipality_idx> municipality; ///< no_index when not given
    std::size_t size() const noexcept { return id.size(); }
};

struct pupil_table {
    text_column id; ///< pseudonym
    value_column<day> birth_date;
    value_column<municipality_idx> municipality; ///< of residence; no_index when not given
    std::size_t size() const noexcept { return id.size(); }
};

/// Sorted by pupil, then start_date; enrolments of pupil p are [first[p], first[p+1]).
struct enrolment_table {
    value_column<pupil_idx> pupil;
    value_column<school_idx> school;
    value_column<day> start;
    value_column<day> end;            ///< open_end while running
    value_column<std::uint8_t> grade; ///< 0 when not given
    value_column<exit_reason> exit;
    value_column<std::uint32_t> first; ///< per pupil offsets, size pupils + 1
    std::size_t size() const noexcept { return pupil.size(); }
};

/// Sorted by pupil, then decision_date; TLVs of pupil p are [first[p], first[p+1]).
struct tlv_table {
    text_column id;
    value_column<pupil_idx> pupil;
    value_column<swv_idx> swv; ///< the deciding partnership
    value_column<setting> admits;
    value_column<funding_category> category;
    value_column<day> request_date;  ///< no_day when not given
    value_column<day> complete_date; ///< v1.1: request complete (the term runs from it); no_day
    /// no_day for an open request (v1.1), whose outcome is tlv_outcome::open
    value_column<day> decision_date;
    value_column<tlv_outcome> outcome;
    value_column<day> start;             ///< no_day when not given (refused TLVs)
    value_column<day> end;               ///< open_end when not given
    value_column<std::int8_t> objection; ///< 1 ja, 0 nee, -1 not given
    value_column<std::uint32_t> first;
    std::size_t size() const noexcept { return id.size(); }
};

struct arrangement_table {
    text_column id;
    value_column<pupil_idx> pupil; ///< no_index for group and target-group arrangements
    value_column<school_idx> school;
    value_column<support_level> level;
    value_column<arrangement_kind> kind;
    value_column<day> start;
    value_column<day> end;
    value_column<cents> cost; ///< -1 when not given
    /// v1.1: the support domain, an index into dataset::support_domains(); no_domain when not
    /// given
    value_column<std::uint32_t> domain;
    std::size_t size() const noexcept { return id.size(); }
};

/// An arrangement or offer without a support domain.
inline constexpr std::uint32_t no_domain = 0xffffffffu;

/// Sorted by pupil, then start_date.
struct opp_table {
    value_column<pupil_idx> pupil;
    value_column<school_idx> school;
    value_column<day> start;
    value_column<day> end;
    value_column<std::uint32_t> first;
    std::size_t size() const noexcept { return pupil.size(); }
};

/// Sorted by pupil, then start_date.
struct absence_table {
    value_column<pupil_idx> pupil;
    value_column<absence_kind> kind;
    value_column<day> start;
    value_column<day> end;
    text_column article;
    value_column<std::uint32_t> first;
    std::size_t size() const noexcept { return pupil.size(); }
};

struct fund_table {
    value_column<school_year> year;
    value_column<swv_idx> swv;
    value_column<board_idx> board;
    text_column stream;
    value_column<cents> amount;
    std::size_t size() const noexcept { return year.size(); }
};

struct allocation_table {
    value_column<school_year> year;
    value_column<board_idx> board;
    text_column purpose;
    value_column<cents> amount;
    value_column<school_idx> school; ///< no_index when not given
    text_column kpi_id;
    std::size_t size() const noexcept { return year.size(); }
};

/// rates.csv (v1.1): the amount per pupil per school year that follows an so/vso TLV of a
/// funding category. At most one row per (year, setting, category).
struct rate_table {
    value_column<school_year> year;
    value_column<setting> admits; ///< so or vso
    value_column<funding_category> category;
    value_column<cents> amount;
    std::size_t size() const noexcept { return year.size(); }
    /// The amount for a pupil of `category` in `admits` in year `y`; nullopt when not given.
    std::optional<cents> find(school_year y, setting admits, funding_category category) const;
    /// Whether any rate is given for year `y`.
    bool covers(school_year y) const;
};

/// reference_values.csv (v1.1): published figures to show beside the data's own values.
/// At most one row per (kpi, year).
struct reference_value_table {
    text_column kpi; ///< a KPI id (not checked against a catalog at load)
    value_column<school_year> year;
    value_column<double> value;
    text_column source; ///< where the figure was published (title, publisher)
    std::size_t size() const noexcept { return kpi.size(); }
};

/// support_offers.csv (v1.1): the covering network, sorted by school, school year, domain and
/// level.
struct support_offer_table {
    value_column<school_idx> school;
    value_column<school_year> year;
    value_column<std::uint32_t> domain; ///< index into dataset::support_domains()
    value_column<support_level> level;
    value_column<std::int32_t> places; ///< -1 when not given
    value_column<cents> tariff;        ///< per place per school year; -1 when not given
    std::size_t size() const noexcept { return school.size(); }
};

/// finances.csv (v1.1): a partnership's figures per calendar year, sorted by partnership and
/// year. At most one row per (partnership, year).
struct finance_table {
    value_column<swv_idx> swv;
    value_column<int> year; ///< calendar year of the annual accounts
    value_column<cents> income;
    value_column<cents> reserves; ///< at the year's end
    std::size_t size() const noexcept { return swv.size(); }
};

enum class unit_level : std::uint8_t { school, board };

/// Where a dataset's extract date came from: an option (`--as-of`, load_options::as_of), the
/// table extract.csv, or the default rule (the latest event of the data).
enum class extract_origin : std::uint8_t { derived, file, option };
std::string_view to_string(extract_origin origin) noexcept;

struct assessment_table {
    value_column<school_year> year;
    value_column<unit_level> level;
    value_column<std::uint32_t> unit; ///< school_idx or board_idx position, after `level`
    text_column framework;
    text_column item;
    value_column<double> score; ///< 0-1
    std::size_t size() const noexcept { return year.size(); }
};

/// A validated, immutable set of passend onderwijs records.
class dataset {
public:
    const swv_table& swvs() const noexcept { return swvs_; }
    const board_table& boards() const noexcept { return boards_; }
    const municipality_table& municipalities() const noexcept { return municipalities_; }
    const school_table& schools() const noexcept { return schools_; }
    const pupil_table& pupils() const noexcept { return pupils_; }
    const enrolment_table& enrolments() const noexcept { return enrolments_; }
    const tlv_table& tlvs() const noexcept { return tlvs_; }
    const arrangement_table& arrangements() const noexcept { return arrangements_; }
    const opp_table& opps() const noexcept { return opps_; }
    const absence_table& absences() const noexcept { return absences_; }
    const fund_table& funds() const noexcept { return funds_; }
    const allocation_table& allocations() const noexcept { return allocations_; }
    const assessment_table& assessments() const noexcept { return assessments_; }
    const rate_table& rates() const noexcept { return rates_; }
    const reference_value_table& reference_values() const noexcept { return reference_values_; }
    const support_offer_table& support_offers() const noexcept { return support_offers_; }
    const finance_table& finances() const noexcept { return finances_; }
    /// The support domains named by the offers and the arrangements (v1.1), in code order.
    const std::vector<std::string>& support_domains() const noexcept { return support_domains_; }

    /// Which optional tables were given (a KPI that needs an absent table has no value).
    bool has_table(table t) const noexcept { return present_[static_cast<std::size_t>(t)]; }
    /// The tables a partial load left out (load_options::tables): not read, so not given
    /// whatever the source held; has_table is false for them and the KPIs that need them have
    /// no value. Empty after a full load. "Not read" is not "not in the data": check this
    /// before reading an absent table as a fact.
    table_set tables_left_out() const noexcept { return left_out_; }
    /// Rows a table holds; regions are stored as each municipality's PO and VO partnership, so
    /// their count is the number of those placements.
    std::size_t rows(table t) const noexcept;

    std::optional<pupil_idx> find_pupil(std::string_view id) const;
    std::optional<school_idx> find_school(std::string_view id) const;
    std::optional<swv_idx> find_swv(std::string_view id) const;
    std::optional<board_idx> find_board(std::string_view id) const;
    std::optional<municipality_idx> find_municipality(std::string_view code) const;

    /// The data's own day, the extract date (contract v1.1): the as_of load option, else
    /// extract.csv, else the latest request_date, decision_date, or start of an enrolment,
    /// absence or OPP (those record what has happened; TLV validity and arrangements may start
    /// on a planned day, and ends may be planned). Nothing after it is a fact: no reference day
    /// after it gets a value, and the school year holding it is partial (is_partial()).
    day extract_date() const noexcept { return extract_date_; }
    extract_origin extract_date_origin() const noexcept { return extract_origin_; }
    /// extract.csv's `source`: the system that exported the data (empty when not given).
    const std::string& exported_by() const noexcept { return exported_by_; }
    /// Whether school year `y` is partial: its last day (31 July) is after the extract date, so
    /// its period counts run from 1 August through the extract date. An extract on 31 July
    /// leaves a whole year.
    bool is_partial(school_year y) const noexcept { return y.last_day() > extract_date_; }
    /// Whether school year `y` is reported: its teldatum is on or before the extract date.
    bool is_reported(school_year y) const noexcept { return y.teldatum() <= extract_date_; }

    /// The school years the data reports, oldest first: from the one holding the earliest
    /// enrolment or absence start to the last whose teldatum is on or before the extract date.
    const std::vector<school_year>& school_years() const noexcept { return school_years_; }
    /// The last day the data has reached: the extract date (before contract v1.1 it was the
    /// latest date of the data, which counted planned enrolment ends).
    day horizon() const noexcept { return extract_date_; }

    /// Warnings of the load that made this dataset (errors make no dataset).
    const std::vector<diagnostic>& warnings() const noexcept { return warnings_; }

private:
    friend class dataset_builder;
    friend struct snapshot_access; // save_snapshot / open_snapshot (src/io/snapshot.cpp)
    dataset() = default;
    /// Sets the extract date and the school years from the tables; the builder's last step.
    void finish(day extract_date, extract_origin origin, std::string exported_by);

    swv_table swvs_;
    board_table boards_;
    municipality_table municipalities_;
    school_table schools_;
    pupil_table pupils_;
    enrolment_table enrolments_;
    tlv_table tlvs_;
    arrangement_table arrangements_;
    opp_table opps_;
    absence_table absences_;
    fund_table funds_;
    allocation_table allocations_;
    assessment_table assessments_;
    rate_table rates_;
    reference_value_table reference_values_;
    support_offer_table support_offers_;
    finance_table finances_;
    std::vector<std::string> support_domains_;
    bool present_[table_count] = {};
    table_set left_out_;
    day extract_date_{};
    extract_origin extract_origin_ = extract_origin::derived;
    std::string exported_by_;
    std::vector<school_year> school_years_; ///< computed once: a scan of the enrolments
    std::vector<diagnostic> warnings_;
};

using dataset_ptr = std::shared_ptr<const dataset>;

PASSEND_NAMESPACE_END
