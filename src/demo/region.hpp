// SPDX-License-Identifier: EUPL-1.2
// The demo's geography: municipalities, partnerships, boards and schools, before any pupil.
#pragma once

#include "passend/config.hpp"
#include "passend/continuum.hpp"

#include "rng.hpp"

#include <cstdint>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace demo {

inline constexpr std::uint32_t none = 0xFFFFFFFFu;

struct municipality_info {
    std::string code, name;
    std::uint32_t people = 0; ///< inhabitants: weights where pupils live
    std::uint32_t po_swv = none, vo_swv = none;
};
struct swv_info {
    std::string id, name;
    sector sector_of = sector::po;
};
struct board_info {
    std::string id, name;
};
struct school_info {
    std::string id, name;
    std::uint32_t board = none, swv = none, municipality = none;
    setting kind = setting::bao;
};

/// Where the pupils of the demo live and go to school.
struct region {
    std::vector<municipality_info> municipalities;
    std::vector<swv_info> swvs;
    std::vector<board_info> boards;
    std::vector<school_info> schools;
    /// The board modelled on a real board's accountability report 2024-2025 (its funds and
    /// allocations for the last year).
    std::uint32_t model_board = none;
    /// The partnership that pays the model board (PO3104 in that report).
    std::uint32_t model_board_swv = none;

    /// Running sums of municipality sizes, for drawing where a pupil lives.
    std::vector<std::uint32_t> people_cumulative;
    /// Schools per (municipality, setting) and per (partnership, setting).
    std::vector<std::vector<std::uint32_t>> in_municipality, in_swv;

    const std::vector<std::uint32_t>& schools_in_municipality(std::uint32_t m, setting s) const {
        return in_municipality[m * setting_count + index_of(s)];
    }
    const std::vector<std::uint32_t>& schools_in_swv(std::uint32_t w, setting s) const {
        return in_swv[w * setting_count + index_of(s)];
    }
    std::uint32_t swv_of(std::uint32_t municipality, setting s) const {
        const auto& m = municipalities[municipality];
        return sector_of(s) == sector::po ? m.po_swv : m.vo_swv;
    }
    /// Fill the lookups above once the schools are placed.
    void index();
};

/// Zuid-Limburg: PO3104, PO3105, PO3106 and VO3105 over its 16 municipalities (CBS codes), with
/// schools sized for about `pupils` pupils.
region zuid_limburg(std::uint64_t pupils);
/// `partnerships` synthetic partnerships (half PO, half VO) over about 2.3 municipalities each.
region synthetic_country(int partnerships, std::uint64_t pupils);

/// A BRIN-like school code (two digits, two letters, location 00), unique for n < 67,600.
std::string school_code(std::uint32_t n);

} // namespace demo
PASSEND_NAMESPACE_END
