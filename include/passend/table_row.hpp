// SPDX-License-Identifier: EUPL-1.2
// Each contract table's typed row and its columns, described once.
//
// `table_row<table::enrolments>` names the row type a loader hands to dataset_builder::add and,
// in contract column order (schema.hpp), the member each column fills: the CSV, JSON, appender,
// Arrow and pandas paths all read and write a table through this one list. Adding a table is
// its schema entry (schema.hpp, src/schema.cpp), its row struct (builder.hpp) and one
// specialization here.
#pragma once

#include "passend/builder.hpp"
#include "passend/schema.hpp"

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

PASSEND_NAMESPACE_BEGIN

/// One column of a typed row: the member it fills and the value an absent (empty) field gives.
template <class Row, class Value>
struct row_column {
    Value Row::*member;
    Value absent;
};
/// The column filling `member`; an absent field gives the member's default.
template <class Row, class Value>
constexpr row_column<Row, Value> column(Value Row::*member) {
    return {member, Row{}.*member};
}
/// The column filling `member`, where an absent field means `absent` (an open outcome, level 0
/// for "not given") rather than the member's default for C++ callers.
template <class Row, class Value>
constexpr row_column<Row, Value> column(Value Row::*member, Value absent) {
    return {member, absent};
}

template <table T>
struct table_row; // ::type, the row; ::columns, a tuple of row_column in contract order

template <>
struct table_row<table::swvs> {
    using type = swv_row;
    static constexpr auto columns =
        std::tuple{column(&type::swv_id), column(&type::name), column(&type::sector_of)};
};
template <>
struct table_row<table::boards> {
    using type = board_row;
    static constexpr auto columns = std::tuple{column(&type::board_id), column(&type::name)};
};
template <>
struct table_row<table::schools> {
    using type = school_row;
    static constexpr auto columns =
        std::tuple{column(&type::school_id), column(&type::name), column(&type::board_id),
                   column(&type::swv_id),    column(&type::kind), column(&type::municipality)};
};
template <>
struct table_row<table::pupils> {
    using type = pupil_row;
    static constexpr auto columns =
        std::tuple{column(&type::pupil_id), column(&type::birth_date), column(&type::municipality)};
};
template <>
struct table_row<table::regions> {
    using type = region_row;
    static constexpr auto columns = std::tuple{column(&type::municipality), column(&type::swv_id)};
};
template <>
struct table_row<table::enrolments> {
    using type = enrolment_row;
    static constexpr auto columns =
        std::tuple{column(&type::pupil_id), column(&type::school_id), column(&type::start_date),
                   column(&type::end_date), column(&type::grade),     column(&type::exit)};
};
template <>
struct table_row<table::tlvs> {
    using type = tlv_row;
    static constexpr auto columns =
        std::tuple{column(&type::tlv_id),        column(&type::pupil_id),
                   column(&type::swv_id),        column(&type::admits),
                   column(&type::category),      column(&type::request_date),
                   column(&type::decision_date), column(&type::outcome, tlv_outcome::open),
                   column(&type::start_date),    column(&type::end_date),
                   column(&type::objection),     column(&type::complete_date)};
};
template <>
struct table_row<table::arrangements> {
    using type = arrangement_row;
    static constexpr auto columns = std::tuple{
        column(&type::arrangement_id), column(&type::pupil_id), column(&type::school_id),
        column(&type::level, 0),       column(&type::kind),     column(&type::start_date),
        column(&type::end_date),       column(&type::cost),     column(&type::domain)};
};
template <>
struct table_row<table::opps> {
    using type = opp_row;
    static constexpr auto columns = std::tuple{column(&type::pupil_id), column(&type::school_id),
                                               column(&type::start_date), column(&type::end_date)};
};
template <>
struct table_row<table::absences> {
    using type = absence_row;
    static constexpr auto columns =
        std::tuple{column(&type::pupil_id), column(&type::kind), column(&type::start_date),
                   column(&type::end_date), column(&type::article)};
};
template <>
struct table_row<table::funds> {
    using type = fund_row;
    static constexpr auto columns =
        std::tuple{column(&type::year), column(&type::swv_id), column(&type::board_id),
                   column(&type::stream), column(&type::amount)};
};
template <>
struct table_row<table::allocations> {
    using type = allocation_row;
    static constexpr auto columns =
        std::tuple{column(&type::year),   column(&type::board_id),  column(&type::purpose),
                   column(&type::amount), column(&type::school_id), column(&type::kpi_id)};
};
template <>
struct table_row<table::assessments> {
    using type = assessment_row;
    static constexpr auto columns =
        std::tuple{column(&type::year), column(&type::unit_id), column(&type::framework),
                   column(&type::item), column(&type::score)};
};
template <>
struct table_row<table::extract> {
    using type = extract_row;
    static constexpr auto columns =
        std::tuple{column(&type::extract_date, no_day), column(&type::source)};
};
template <>
struct table_row<table::rates> {
    using type = rate_row;
    static constexpr auto columns =
        std::tuple{column(&type::year), column(&type::admits),
                   column(&type::category, funding_category::none), column(&type::amount)};
};
template <>
struct table_row<table::reference_values> {
    using type = reference_value_row;
    static constexpr auto columns = std::tuple{column(&type::kpi), column(&type::year),
                                               column(&type::value), column(&type::source)};
};

template <>
struct table_row<table::support_offers> {
    using type = support_offer_row;
    static constexpr auto columns =
        std::tuple{column(&type::school_id), column(&type::year),   column(&type::domain),
                   column(&type::level, 0),  column(&type::places), column(&type::tariff)};
};
template <>
struct table_row<table::finances> {
    using type = finance_row;
    static constexpr auto columns = std::tuple{column(&type::year), column(&type::swv_id),
                                               column(&type::income), column(&type::reserves)};
};

template <table T>
using table_row_t = typename table_row<T>::type;

/// Calls `f(std::integral_constant<table, t>{})`: a run-time table as a compile-time one.
template <class F>
decltype(auto) with_table(table t, F&& f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>)->decltype(auto) {
        using result = decltype(f(std::integral_constant<table, table{}>{}));
        if constexpr (std::is_void_v<result>) {
            ((static_cast<std::size_t>(t) == I
                  ? (f(std::integral_constant<table, static_cast<table>(I)>{}), true)
                  : false) ||
             ...);
        } else {
            result out{};
            ((static_cast<std::size_t>(t) == I
                  ? (out = f(std::integral_constant<table, static_cast<table>(I)>{}), true)
                  : false) ||
             ...);
            return out;
        }
    }
    (std::make_index_sequence<table_count>{});
}

PASSEND_NAMESPACE_END
