// SPDX-License-Identifier: EUPL-1.2
// Suppression on the evaluated demo region: properties every published table must have.
#include "passend/demo.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/report/privacy.hpp"

#include <doctest/doctest.h>

#include <map>
#include <tuple>

using namespace passend;

namespace {
bool counts_of_pupils(const kpi_info* info, const kpi_row& r) {
    // Money and places (capacity, aanbod_plaatsen_<domain>) are counts of no pupil.
    return info && info->unit == kpi_unit::count && !r.denominator &&
           !r.kpi.starts_with("middelen_") && !r.kpi.starts_with("aanbod_plaatsen_");
}
} // namespace

TEST_CASE("privacy on the demo region: small counts hidden, no relation with one hidden part") {
    demo_options o;
    o.pupils = 12'000;
    o.years = 3;
    const auto ds = make_demo(o);
    auto res = evaluate(*ds, catalog::builtin());
    const auto s = suppress(res, suppress_options::for_dataset(*ds));
    MESSAGE("rows " << res.rows.size() << ", small " << s.small << ", secondary " << s.secondary);
    CHECK(s.small > 0);
    CHECK(s.secondary > 0);
    CHECK(s.secondary < res.rows.size() / 4); // protection, not a blank table

    using cell_key = std::tuple<std::string, int, kpi_level, std::string>;
    std::map<cell_key, const kpi_row*> at;
    for (const auto& r : res.rows) at[{r.kpi, r.year.start_year(), r.level, r.unit}] = &r;

    int small_seen = 0;
    // (kpi, year, level) -> hidden and total numerators of its units
    std::map<std::tuple<std::string, int, kpi_level>, std::pair<int, int>> per_level;
    for (const auto& r : res.rows) {
        const auto* info = res.find(r.kpi);
        if (counts_of_pupils(info, r) && r.numerator && *r.numerator >= 1 && *r.numerator <= 4) {
            INFO(r.kpi << " " << r.unit);
            CHECK(r.suppressed.numerator);
            CHECK(r.suppressed.value);
            // `<5`, or plainly hidden where the mark would pin other small counts
            CHECK((shown(r, kpi_field::value, info) == cell_shown::small ||
                   r.suppressed.numerator_unmarked));
            ++small_seen;
        }
        if (r.value && !r.suppressed.value && r.suppressed.any() && !r.suppressed.change) {
            // Only a change may be hidden while the value shows.
            CHECK_MESSAGE(false, r.kpi << " " << r.unit << ": value shown beside a hidden cell");
        }
        if (r.change && !r.suppressed.change) {
            const auto prev = at.find({r.kpi, r.year.start_year() - 1, r.level, r.unit});
            REQUIRE(prev != at.end());
            CHECK(!prev->second->suppressed.value);
        }
        if (r.level != kpi_level::national && r.numerator) {
            auto& [hidden, total] = per_level[{r.kpi, r.year.start_year(), r.level}];
            hidden += r.suppressed.numerator;
            ++total;
        }
    }
    CHECK(small_seen > 0);

    // National minus the other units must never give a hidden unit back.
    int relations = 0;
    for (const auto& [key, counts] : per_level) {
        const auto& [kpi, year, level] = key;
        const auto nat = at.find({kpi, year, kpi_level::national, "NL"});
        if (nat == at.end() || !nat->second->numerator || nat->second->suppressed.numerator)
            continue;
        INFO(kpi << " " << year << " " << to_string(level));
        CHECK(counts.first != 1);
        ++relations;
    }
    CHECK(relations > 100);

    // Nor leerlingen_totaal minus the other settings of a unit.
    for (const auto& r : res.rows) {
        if (r.kpi != "leerlingen_totaal" || r.suppressed.numerator) continue;
        int hidden = 0;
        for (auto s : {"bao", "sbo", "so", "vo", "pro", "vso"}) {
            const auto it =
                at.find({std::string("leerlingen_") + s, r.year.start_year(), r.level, r.unit});
            if (it != at.end()) hidden += it->second->suppressed.numerator;
        }
        INFO(r.unit << " " << r.year.to_string());
        CHECK(hidden != 1);
    }
}
