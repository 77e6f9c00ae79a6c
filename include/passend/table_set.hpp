// SPDX-License-Identifier: EUPL-1.2
// A set of contract tables: what a partial load reads (load_options::tables) or left out.
#pragma once

#include "passend/config.hpp"
#include "passend/schema.hpp"

#include <cstdint>
#include <initializer_list>
#include <vector>

PASSEND_NAMESPACE_BEGIN

class table_set {
public:
    constexpr table_set() noexcept = default;
    constexpr table_set(std::initializer_list<table> tables) noexcept {
        for (const auto t : tables) insert(t);
    }
    /// Every table of the contract.
    static constexpr table_set all() noexcept {
        table_set s;
        s.bits_ = (std::uint32_t{1} << table_count) - 1;
        return s;
    }

    constexpr bool contains(table t) const noexcept { return bits_ & bit(t); }
    constexpr void insert(table t) noexcept { bits_ |= bit(t); }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr table_set& operator|=(table_set other) noexcept {
        bits_ |= other.bits_;
        return *this;
    }
    /// The tables of the contract not in this set.
    constexpr table_set complement() const noexcept {
        table_set s;
        s.bits_ = all().bits_ & ~bits_;
        return s;
    }
    constexpr bool operator==(const table_set&) const noexcept = default;

    /// The tables in contract order.
    std::vector<table> list() const {
        std::vector<table> out;
        for (std::size_t i = 0; i < table_count; ++i)
            if (bits_ >> i & 1u) out.push_back(static_cast<table>(i));
        return out;
    }

private:
    static constexpr std::uint32_t bit(table t) noexcept {
        return std::uint32_t{1} << static_cast<unsigned>(t);
    }
    std::uint32_t bits_ = 0;
};

static_assert(table_count <= 32, "table_set holds a table per bit of 32");

/// The tables a partial load always reads: the entities every other table refers to
/// (partnerships, boards, schools, pupils, regions), the enrolments every count starts from, and
/// the small tables of context (the extract date, the rates behind amounts, the published
/// reference values shown beside a KPI). What is left to choose are the tables of records a
/// KPI may need: TLVs, arrangements, OPPs, absences, money, assessments, offers, finances.
inline constexpr table_set always_read_tables{
    table::swvs,       table::boards,  table::schools, table::pupils,          table::regions,
    table::enrolments, table::extract, table::rates,   table::reference_values};

PASSEND_NAMESPACE_END
