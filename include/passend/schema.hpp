// SPDX-License-Identifier: EUPL-1.2
// The input contract (docs/data-contract.md, version 1.1) as data: tables and their columns.
//
// Every loader (CSV, JSON, the C appender, Arrow) maps its source onto these columns and hands
// the field texts to dataset_builder::add_text_row, so all sources share one validation path.
#pragma once

#include "passend/config.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

enum class table : std::uint8_t {
    swvs,
    boards,
    schools,
    pupils,
    regions,
    enrolments,
    tlvs,
    arrangements,
    opps,
    absences,
    funds,
    allocations,
    assessments,
    extract,          ///< v1.1: the day the data were exported (one row)
    rates,            ///< v1.1: the amount per pupil that follows an so/vso TLV's category
    reference_values, ///< v1.1: published figures to compare with
    support_offers,   ///< v1.1: the covering network: places per school, domain and level
    finances,         ///< v1.1: a partnership's income and reserves per calendar year
};
inline constexpr std::size_t table_count = 18;

enum class column_type : std::uint8_t {
    text,    ///< free text or an identifier
    date,    ///< YYYY-MM-DD
    integer, ///< whole number
    amount,  ///< euros with a dot decimal, at most two decimals, not negative
    score,   ///< number 0-1, or ja|deels|nee
    code,    ///< one of a fixed list of codes (see table_spec::codes)
    year,    ///< school year 2024-2025
    number,  ///< a decimal number with a dot decimal, any sign (a published figure)
};

struct column_spec {
    std::string_view name;
    column_type type;
    bool required;               ///< the column must be present and every field filled
    std::string_view codes = {}; ///< for code columns: "bao|sbo|..." (as in error messages)
};

struct table_spec {
    table id;
    std::string_view name; ///< e.g. `enrolments`
    std::string_view file; ///< e.g. `enrolments.csv`
    bool required;         ///< schools, pupils, enrolments
    std::span<const column_spec> columns;
    /// Index of a column by name (exact, lower case), nullopt when not in the contract.
    std::optional<std::size_t> find(std::string_view column) const noexcept;
};

/// The contract's description of table `t`.
const table_spec& spec(table t) noexcept;
/// All tables in contract order.
std::span<const table_spec> all_tables() noexcept;
/// The table whose name or file name is `name` (`enrolments` or `enrolments.csv`).
std::optional<table> find_table(std::string_view name) noexcept;

PASSEND_NAMESPACE_END
