// SPDX-License-Identifier: EUPL-1.2
#include "passend/schema.hpp"

#include <array>

PASSEND_NAMESPACE_BEGIN

namespace {
using enum column_type;
constexpr std::string_view settings = "bao|sbo|so|vo|pro|vso";

constexpr column_spec swvs[] = {
    {"swv_id", text, true}, {"name", text, false}, {"sector", code, true, "po|vo"}};
constexpr column_spec boards[] = {{"board_id", text, true}, {"name", text, false}};
constexpr column_spec schools[] = {
    {"school_id", text, true},         {"name", text, false},
    {"board_id", text, true},          {"swv_id", text, true},
    {"setting", code, true, settings}, {"municipality", text, false}};
constexpr column_spec pupils[] = {
    {"pupil_id", text, true}, {"birth_date", date, true}, {"municipality", text, false}};
constexpr column_spec regions[] = {{"municipality", text, true}, {"swv_id", text, true}};
constexpr column_spec enrolments[] = {
    {"pupil_id", text, true},   {"school_id", text, true},
    {"start_date", date, true}, {"end_date", date, false},
    {"grade", integer, false},  {"exit", code, false, "diploma|zonder_diploma|verhuisd|overig"}};
constexpr column_spec tlvs[] = {{"tlv_id", text, true},
                                {"pupil_id", text, true},
                                {"swv_id", text, true},
                                {"setting", code, true, "sbo|so|vso|pro"},
                                {"category", code, false, "laag|midden|hoog|L|M|H"},
                                {"request_date", date, false},
                                {"decision_date", date, false}, // v1.1: absent for an open request
                                {"outcome", code, false, "toegekend|afgewezen|ingetrokken"},
                                {"start_date", date, false},
                                {"end_date", date, false},
                                {"objection", code, false, "ja|nee"},
                                // v1.1; last, so that contract column order stays as in v1
                                {"complete_date", date, false}};
constexpr column_spec arrangements[] = {{"arrangement_id", text, true},
                                        {"pupil_id", text, false},
                                        {"school_id", text, true},
                                        {"level", integer, true},
                                        {"kind", code, true, "individueel|groep|doelgroep"},
                                        {"start_date", date, true},
                                        {"end_date", date, false},
                                        {"cost_eur", amount, false},
                                        // v1.1; last, so that contract column order stays as in v1
                                        {"domain", text, false}};
constexpr column_spec opps[] = {{"pupil_id", text, true},
                                {"school_id", text, true},
                                {"start_date", date, true},
                                {"end_date", date, false}};
constexpr column_spec absences[] = {{"pupil_id", text, true},
                                    {"kind", code, true, "relatief|absoluut|vrijstelling"},
                                    {"start_date", date, true},
                                    {"end_date", date, false},
                                    {"article", text, false}};
constexpr column_spec funds[] = {{"school_year", year, true},
                                 {"swv_id", text, true},
                                 {"board_id", text, true},
                                 {"stream", text, true},
                                 {"amount_eur", amount, true}};
constexpr column_spec allocations[] = {{"school_year", year, true}, {"board_id", text, true},
                                       {"purpose", text, true},     {"amount_eur", amount, true},
                                       {"school_id", text, false},  {"kpi_id", text, false}};
constexpr column_spec assessments[] = {{"school_year", year, true},
                                       {"unit_id", text, true},
                                       {"framework", text, true},
                                       {"item", text, true},
                                       {"score", score, true}};

constexpr column_spec extract[] = {{"extract_date", date, true}, {"source", text, false}};
constexpr column_spec rates[] = {{"school_year", year, true},
                                 {"setting", code, true, "so|vso"},
                                 {"category", code, true, "laag|midden|hoog"},
                                 {"amount_eur", amount, true}};
constexpr column_spec reference_values[] = {{"kpi", text, true},
                                            {"school_year", year, true},
                                            {"value", number, true},
                                            {"source", text, true}};
constexpr column_spec support_offers[] = {
    {"school_id", text, true}, {"school_year", year, true}, {"domain", text, true},
    {"level", integer, true},  {"places", integer, false},  {"tariff_eur", amount, false}};
constexpr column_spec finances[] = {{"year", integer, true},
                                    {"swv_id", text, true},
                                    {"income_eur", amount, true},
                                    {"reserves_eur", amount, true}};

constexpr std::array<table_spec, table_count> tables{{
    {table::swvs, "swvs", "swvs.csv", false, swvs},
    {table::boards, "boards", "boards.csv", false, boards},
    {table::schools, "schools", "schools.csv", true, schools},
    {table::pupils, "pupils", "pupils.csv", true, pupils},
    {table::regions, "regions", "regions.csv", false, regions},
    {table::enrolments, "enrolments", "enrolments.csv", true, enrolments},
    {table::tlvs, "tlvs", "tlvs.csv", false, tlvs},
    {table::arrangements, "arrangements", "arrangements.csv", false, arrangements},
    {table::opps, "opps", "opps.csv", false, opps},
    {table::absences, "absences", "absences.csv", false, absences},
    {table::funds, "funds", "funds.csv", false, funds},
    {table::allocations, "allocations", "allocations.csv", false, allocations},
    {table::assessments, "assessments", "assessments.csv", false, assessments},
    {table::extract, "extract", "extract.csv", false, extract},
    {table::rates, "rates", "rates.csv", false, rates},
    {table::reference_values, "reference_values", "reference_values.csv", false, reference_values},
    {table::support_offers, "support_offers", "support_offers.csv", false, support_offers},
    {table::finances, "finances", "finances.csv", false, finances},
}};
} // namespace

std::optional<std::size_t> table_spec::find(std::string_view column) const noexcept {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column) return i;
    return std::nullopt;
}

const table_spec& spec(table t) noexcept {
    return tables[static_cast<std::size_t>(t)];
}
std::span<const table_spec> all_tables() noexcept {
    return tables;
}

std::optional<table> find_table(std::string_view name) noexcept {
    for (const auto& t : tables)
        if (t.name == name || t.file == name) return t.id;
    return std::nullopt;
}

PASSEND_NAMESPACE_END
