// SPDX-License-Identifier: EUPL-1.2
#include "passend/builder.hpp"
#include "passend/stock.hpp"

#include <doctest/doctest.h>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

/// Nine pupils around teldatum 2024-10-01, each testing one clause of "Pupils in X at D".
dataset_ptr nine_pupils() {
    dataset_builder b;
    b.add(swv_row{"PO3104", "Westelijke Mijnstreek", sector::po});
    b.add(swv_row{"PO3105", "Maastricht-Heuvelland", sector::po});
    b.add(swv_row{"VO3105", "Passend VO Zuid-Limburg", sector::vo});
    b.add(school_row{"01AA00", "Basisschool", "B1", "PO3104", setting::bao, "GM1883"});
    b.add(school_row{"02BB00", "SBO", "B1", "PO3104", setting::sbo, "GM1883"});
    b.add(school_row{"03CC00", "SO", "B2", "PO3105", setting::so, "GM0935"});
    b.add(school_row{"04DD00", "College", "B3", "VO3105", setting::vo, "GM0935"});
    for (auto [m, po] : {std::pair{"GM1883", "PO3104"}, std::pair{"GM0935", "PO3105"}}) {
        b.add(region_row{m, po});
        b.add(region_row{m, "VO3105"});
    }
    const day born = d("2016-05-05");
    b.add(pupil_row{"p1", born, "GM1883"});
    b.add(pupil_row{"p2", born, "GM1883"});
    b.add(pupil_row{"p3", born, "GM1883"});
    b.add(pupil_row{"p4", born, "GM1883"});
    b.add(pupil_row{"p5", born, "GM1883"});
    b.add(pupil_row{"p6", born});
    b.add(pupil_row{"p7", d("2012-03-03"), "GM0935"});
    b.add(pupil_row{"p8", born, "GM1883"});
    b.add(pupil_row{"p9", born, "GM0935"});
    // p1: bao all year. p2: switches bao -> sbo on the teldatum itself: counts in sbo only.
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
    b.add(enrolment_row{"p2", "01AA00", d("2020-08-01"), d("2024-10-01")});
    b.add(enrolment_row{"p2", "02BB00", d("2024-10-01")});
    // p3 left the day before; p8 starts the day after: neither counts.
    b.add(enrolment_row{"p3", "01AA00", d("2020-08-01"), d("2024-09-30")});
    b.add(enrolment_row{"p8", "01AA00", d("2024-10-02")});
    // p4: so school of PO3105, TLV from PO3104: PO3104 pays.
    b.add(enrolment_row{"p4", "03CC00", d("2023-08-01")});
    b.add(tlv_row{"t4", "p4", "PO3104", setting::so, funding_category::laag, no_day,
                  d("2023-06-01"), tlv_outcome::toegekend, d("2023-08-01"), d("2025-07-31")});
    // p5: no TLV, lives in GM1883: the region's PO3104. p6: no TLV, no municipality: the school's.
    b.add(enrolment_row{"p5", "03CC00", d("2023-08-01")});
    b.add(enrolment_row{"p6", "03CC00", d("2023-08-01")});
    // p9: its TLV (from PO3104) ended before the day; lives in GM0935: PO3105.
    b.add(enrolment_row{"p9", "03CC00", d("2022-08-01")});
    b.add(tlv_row{"t9", "p9", "PO3104", setting::so, funding_category::hoog, no_day,
                  d("2022-06-01"), tlv_outcome::toegekend, d("2022-08-01"), d("2024-07-31")});
    b.add(enrolment_row{"p7", "04DD00", d("2024-08-01")});
    return b.finish().value();
}
} // namespace

TEST_CASE("stock: pupils per partnership and setting at the teldatum, paying partnership") {
    const auto ds = nine_pupils();
    const auto s = count_pupils(*ds, d("2024-10-01"));
    const auto po3104 = *ds->find_swv("PO3104"), po3105 = *ds->find_swv("PO3105"),
               vo3105 = *ds->find_swv("VO3105");
    CHECK(s.count(po3104, setting::bao) == 1); // p1 (p2 switched, p3 left, p8 not yet)
    CHECK(s.count(po3104, setting::sbo) == 1); // p2, on its switch day
    CHECK(s.count(po3104, setting::so) == 2);  // p4 by TLV, p5 by region
    CHECK(s.count(po3105, setting::so) == 2);  // p6 by school, p9 by region
    CHECK(s.count(vo3105, setting::vo) == 1);  // p7
    CHECK(s.total(po3104) == 4);
    CHECK(s.total(po3105) == 2);
    CHECK(s.total(vo3105) == 1);
    CHECK(s.national[index_of(setting::so)] == 4);
    CHECK(s.national_total() == 7);
}

TEST_CASE("stock: the schoolgaand view counts so pupils where they go to school") {
    const auto ds = nine_pupils();
    const auto s = count_pupils(*ds, d("2024-10-01"), attribution_view::schoolgaand);
    CHECK(s.count(*ds->find_swv("PO3104"), setting::so) == 0);
    CHECK(s.count(*ds->find_swv("PO3105"), setting::so) == 4);
    CHECK(s.national_total() == 7);
}

TEST_CASE("stock: the day before a switch counts the old enrolment, and nobody before school") {
    const auto ds = nine_pupils();
    const auto before = count_pupils(*ds, d("2024-09-30"));
    const auto po3104 = *ds->find_swv("PO3104");
    CHECK(before.count(po3104, setting::bao) == 3); // p1, p2 still in bao, p3 on its last day
    CHECK(before.count(po3104, setting::sbo) == 0);
    CHECK(count_pupils(*ds, d("2019-10-01")).national_total() == 0);
}
