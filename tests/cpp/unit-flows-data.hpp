// SPDX-License-Identifier: EUPL-1.2
// Random but valid pupil histories for the flows' property tests: every setting, gaps around the
// 92-day edge and switch days, TLVs of other partnerships, pupils without a region.
#pragma once

#include "passend/builder.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace flows_test {
using namespace passend;

inline dataset_ptr random_dataset(std::uint64_t seed, int pupils) {
    std::mt19937_64 rng(seed);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    dataset_builder b;
    const std::vector<std::string> po{"PO0001", "PO0002", "PO0003"}, vo{"VO0001", "VO0002"};
    const std::vector<std::string> towns{"GM0001", "GM0002", "GM0003", "GM0004"};
    // GM0004 lies in no region.
    for (int i = 0; i < 3; ++i) {
        b.add(region_row{towns[static_cast<std::size_t>(i)], po[static_cast<std::size_t>(i)]});
        b.add(region_row{towns[static_cast<std::size_t>(i)], vo[static_cast<std::size_t>(i % 2)]});
    }
    std::vector<std::string> school_ids;
    std::vector<setting> school_kind;
    for (int i = 0; i < 24; ++i) {
        const setting s = all_settings[static_cast<std::size_t>(i % 6)];
        school_ids.push_back("S" + std::to_string(100 + i));
        school_kind.push_back(s);
    }
    const std::vector<std::string> boards{"B1", "B2", "B3", "B4"};
    for (std::size_t i = 0; i < school_ids.size(); ++i) {
        const auto& swvs = sector_of(school_kind[i]) == sector::po ? po : vo;
        b.add(school_row{school_ids[i], "school", boards[i % boards.size()],
                         swvs[(i / 6) % swvs.size()], school_kind[i], towns[i % towns.size()]});
    }
    std::vector<std::string> ids, tlv_ids;
    ids.reserve(static_cast<std::size_t>(pupils));
    for (int p = 0; p < pupils; ++p) ids.push_back("p" + std::to_string(p));
    tlv_ids.reserve(static_cast<std::size_t>(pupils) * 8);
    constexpr int gaps[] = {0, 0, 1, 30, 91, 92, 93, 150, 400};
    constexpr exit_reason exits[] = {exit_reason::none, exit_reason::diploma,
                                     exit_reason::zonder_diploma, exit_reason::verhuisd,
                                     exit_reason::overig};
    for (int p = 0; p < pupils; ++p) {
        const auto& id = ids[static_cast<std::size_t>(p)];
        b.add(pupil_row{id, make_day(2010, 1, 1) + date::days{pick(2000)},
                        towns[static_cast<std::size_t>(pick(4))]});
        day start = make_day(2017, 8, 1) + date::days{pick(700)};
        const int n = 1 + pick(5);
        for (int k = 0; k < n; ++k) {
            const auto school = static_cast<std::size_t>(pick(24));
            const bool last = k + 1 == n;
            const day end = start + date::days{pick(3) == 0 ? pick(3) : pick(900)};
            const bool open = last && pick(2) == 0;
            b.add(enrolment_row{id, school_ids[school], start, open ? open_end : end, 0,
                                exits[pick(5)]});
            const setting s = school_kind[school];
            if (is_paid_by_tlv(s) && pick(3) != 0) {
                // A TLV of a random partnership of the sector, covering part of the enrolment.
                const auto& swvs = sector_of(s) == sector::po ? po : vo;
                tlv_ids.push_back("t" + std::to_string(tlv_ids.size()));
                const day from = start + date::days{pick(200)};
                b.add(tlv_row{tlv_ids.back(), id,
                              swvs[static_cast<std::size_t>(pick(static_cast<int>(swvs.size())))],
                              s, funding_category::laag, no_day, from,
                              pick(5) == 0 ? tlv_outcome::afgewezen : tlv_outcome::toegekend, from,
                              from + date::days{pick(500)}});
            }
            if (open) break;
            start = end + date::days{gaps[pick(9)]};
        }
    }
    auto r = b.finish();
    REQUIRE(r.ok());
    return r.data;
}
} // namespace flows_test
