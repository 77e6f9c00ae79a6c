// SPDX-License-Identifier: EUPL-1.2
// Hand-computed flow tables: each transition kind, the 92-day edge, the switch day, a pupil who
// leaves and comes back, so/vso attribution to the paying partnership.
#include "passend/builder.hpp"
#include "passend/flows/flow_tables.hpp"
#include "passend/transitions.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

/// Two PO partnerships and a VO one, every setting; municipality GM0935 lies in PO3104/VO3101.
dataset_builder region() {
    dataset_builder b;
    b.add(school_row{"01BA00", "Bao A", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"02BA00", "Bao B", "B1", "PO3104", setting::bao, "GM0935"});
    b.add(school_row{"03SB00", "Sbo", "B1", "PO3104", setting::sbo, "GM0935"});
    b.add(school_row{"04SO00", "So", "B2", "PO3105", setting::so, "GM0917"});
    b.add(school_row{"05VO00", "Vo", "B3", "VO3101", setting::vo, "GM0935"});
    b.add(school_row{"06PR00", "Pro", "B3", "VO3101", setting::pro, "GM0935"});
    b.add(school_row{"07VS00", "Vso", "B3", "VO3101", setting::vso, "GM0935"});
    b.add(school_row{"08SO00", "So 2", "B2", "PO3106", setting::so, "GM0917"});
    b.add(region_row{"GM0935", "PO3104"});
    b.add(region_row{"GM0935", "VO3101"});
    return b;
}

dataset_ptr build(dataset_builder& b) {
    b.add(extract_row{d("2022-12-31")}); // after every event of these histories
    auto r = b.finish();
    REQUIRE(r.ok());
    return r.data;
}

std::vector<transition_kind> kinds_of(const dataset& ds, const char* pupil) {
    std::vector<transition_kind> out;
    for_each_transition(ds, *ds.find_pupil(pupil),
                        [&](const transition& t) { out.push_back(t.kind); });
    return out;
}

flow_unit unit(const dataset& ds, const char* id) {
    return *find_flow_unit(ds, id);
}

constexpr int bao = 0, sbo = 1, so = 2, vo = 3, pro = 4, vso = 5;
constexpr int instroom = static_cast<int>(flow_row::instroom);
constexpr int van_elders = static_cast<int>(flow_row::elders);
constexpr int naar_elders = static_cast<int>(flow_col::elders);
constexpr int onderweg_row = static_cast<int>(flow_row::onderweg);
constexpr int onderweg_col = static_cast<int>(flow_col::onderweg);
const school_year y2019{2019}, y2020{2020}, y2021{2021}, y2022{2022};
} // namespace

TEST_CASE("flows: every kind of docs/definitions.md's table") {
    using enum setting;
    using k = transition_kind;
    CHECK(classify(bao, bao, false) == k::overstap);
    CHECK(classify(vso, vso, false) == k::overstap);
    for (auto [from, to] :
         {std::pair{bao, sbo}, {bao, so}, {sbo, so}, {vo, pro}, {vo, vso}, {pro, vso}})
        CHECK(classify(from, to, false) == k::verwijzing);
    for (auto [from, to] :
         {std::pair{so, sbo}, {so, bao}, {sbo, bao}, {vso, pro}, {vso, vo}, {pro, vo}})
        CHECK(classify(from, to, false) == k::terugplaatsing);
    for (auto from : {bao, sbo, so})
        for (auto to : {vo, pro, vso}) {
            CHECK(classify(from, to, false) == k::doorstroom);
            CHECK(classify(to, from, false) == k::overig);
        }
    CHECK(classify(so, so, true) == k::voortzetting);
}

TEST_CASE("flows: a history through every setting, counted by kind and in the matrix") {
    auto b = region();
    b.add(pupil_row{"p1", d("2010-03-01"), "GM0935"});
    b.add(enrolment_row{"p1", "01BA00", d("2019-08-01"), d("2020-07-31")});
    b.add(enrolment_row{"p1", "03SB00", d("2020-08-01"), d("2021-01-31")}); // verwijzing
    b.add(enrolment_row{"p1", "01BA00", d("2021-02-01"), d("2021-07-31")}); // terugplaatsing
    b.add(enrolment_row{"p1", "05VO00", d("2021-08-01"), d("2022-01-31")}); // doorstroom
    b.add(enrolment_row{"p1", "06PR00", d("2022-02-01"), d("2022-03-31")}); // verwijzing
    b.add(enrolment_row{"p1", "06PR00", d("2022-04-01"), d("2022-05-31")}); // voortzetting
    b.add(enrolment_row{"p1", "05VO00", d("2022-06-01"), d("2022-06-30")}); // terugplaatsing
    b.add(enrolment_row{"p1", "02BA00", d("2022-07-01"), d("2022-07-15")}); // overig
    b.add(enrolment_row{"p1", "01BA00", d("2022-07-16"), d("2022-07-20"),   // overstap
                        0, exit_reason::diploma});
    const auto ds = build(b);
    using k = transition_kind;
    CHECK(kinds_of(*ds, "p1") ==
          std::vector{k::instroom, k::verwijzing, k::terugplaatsing, k::doorstroom, k::verwijzing,
                      k::voortzetting, k::terugplaatsing, k::overig, k::overstap, k::uitstroom});

    const auto ft = compute_flows(*ds);
    const flow_unit nl{};
    // School year 2021-2022 holds verwijzing vo->pro, voortzetting, terugplaatsing pro->vo,
    // overig vo->bao, overstap bao->bao and the uitstroom; 2021-08-01 doorstroom too.
    const auto k21 = ft.kinds(nl, y2021);
    CHECK(k21[static_cast<int>(k::doorstroom)] == 1);
    CHECK(k21[static_cast<int>(k::verwijzing)] == 1);
    CHECK(k21[static_cast<int>(k::voortzetting)] == 1);
    CHECK(k21[static_cast<int>(k::terugplaatsing)] == 1);
    CHECK(k21[static_cast<int>(k::overig)] == 1);
    CHECK(k21[static_cast<int>(k::overstap)] == 1);
    CHECK(k21[static_cast<int>(k::uitstroom)] == 1);
    CHECK(k21.sum() == 7);
    CHECK(ft.kinds(nl, y2020).sum() == 2); // verwijzing bao->sbo, terugplaatsing sbo->bao
    CHECK(ft.kinds(nl, y2019).sum() == 1); // instroom

    // Windows end at the teldatum: 2021's window (2020-10-01, 2021-10-01] holds sbo->bao
    // and bao->vo; 2022's holds everything from 2022-02-01 on.
    const auto f20 = ft.flows(nl, y2020);
    CHECK(f20(bao, sbo) == 1);
    CHECK(f20.sum() == 1);
    const auto f21 = ft.flows(nl, y2021);
    CHECK(f21(sbo, bao) == 1);
    CHECK(f21(bao, vo) == 1);
    CHECK(f21.sum() == 2);
    const auto f22 = ft.flows(nl, y2022);
    CHECK(f22(vo, pro) == 1);
    CHECK(f22(pro, vo) == 1); // voortzetting pro->pro counts nowhere: the pupil did not move
    CHECK(f22(vo, bao) == 1);
    CHECK(f22(bao, bao) == 1);
    CHECK(f22(bao, uitstroom_col(exit_reason::diploma)) == 1);
    CHECK(f22.sum() == 5);
    CHECK(ft.stock(nl, y2019)(bao) == 1);
    CHECK(ft.stock(nl, y2020)(sbo) == 1);
    CHECK(ft.stock(nl, y2021)(vo) == 1);
    CHECK(ft.stock(nl, y2022).sum() == 0);

    // Per school: bao A's overstap to bao B is an outflow to `elders`.
    const auto a = unit(*ds, "01BA00"), bb = unit(*ds, "02BA00");
    CHECK(ft.flows(a, y2021)(instroom, bao) == 0);
    CHECK(ft.flows(a, y2021)(van_elders, bao) == 1);  // from the sbo
    CHECK(ft.flows(a, y2021)(bao, naar_elders) == 1); // to the vo
    CHECK(ft.flows(bb, y2022)(van_elders, bao) == 1);
    CHECK(ft.flows(bb, y2022)(bao, naar_elders) == 1);
    // Partnerships: PO3104 -> VO3101 -> PO3104.
    const auto po = unit(*ds, "PO3104"), vo_swv = unit(*ds, "VO3101");
    CHECK(ft.flows(po, y2021)(sbo, bao) == 1);
    CHECK(ft.flows(po, y2021)(bao, naar_elders) == 1);
    CHECK(ft.flows(vo_swv, y2021)(van_elders, vo) == 1);
    CHECK(ft.flows(vo_swv, y2022)(vo, naar_elders) == 1);
    CHECK(ft.flows(po, y2022)(van_elders, bao) == 1);
    CHECK(ft.flows(po, y2022)(bao, bao) == 1);
}

TEST_CASE("flows: 92 days apart is a direct transition, 93 is not") {
    auto b = region();
    b.add(pupil_row{"p92", d("2013-03-01"), "GM0935"});
    b.add(pupil_row{"p93", d("2013-03-01"), "GM0935"});
    b.add(enrolment_row{"p92", "01BA00", d("2018-08-01"), d("2020-05-01")});
    b.add(enrolment_row{"p92", "04SO00", d("2020-08-01")});
    b.add(enrolment_row{"p93", "01BA00", d("2018-08-01"), d("2020-04-30")});
    b.add(enrolment_row{"p93", "04SO00", d("2020-08-01")});
    const auto ds = build(b);
    using k = transition_kind;
    CHECK(kinds_of(*ds, "p92") == std::vector{k::instroom, k::verwijzing});
    CHECK(kinds_of(*ds, "p93") == std::vector{k::instroom, k::uitstroom, k::instroom});
    const auto ft = compute_flows(*ds);
    const auto f = ft.flows({}, y2020);
    CHECK(f(bao, so) == 1);
    CHECK(f(bao, uitstroom_col(exit_reason::none)) == 1);
    CHECK(f(instroom, so) == 1);
    CHECK(f.sum() == 3);
}

TEST_CASE("flows: a direct transition across 1 October goes through `onderweg`") {
    auto b = region();
    b.add(pupil_row{"p", d("2008-03-01"), "GM0935"});
    b.add(enrolment_row{"p", "01BA00", d("2019-08-01"), d("2020-07-31")});
    b.add(enrolment_row{"p", "05VO00", d("2020-10-15")}); // 76 days later: direct
    const auto ds = build(b);
    const auto ft = compute_flows(*ds);
    CHECK(ft.flows({}, y2020)(bao, onderweg_col) == 1);
    CHECK(ft.flows({}, y2020).sum() == 1);
    CHECK(ft.stock({}, y2020).sum() == 0); // outside on 2020-10-01
    CHECK(ft.flows({}, y2021)(onderweg_row, vo) == 1);
    CHECK(ft.flows({}, y2021).sum() == 1);
    // The transition itself is one doorstroom in 2020-2021 (the year of its day).
    CHECK(ft.kinds({}, y2020)[static_cast<int>(transition_kind::doorstroom)] == 1);
    CHECK(ft.verplaatsingen({}, y2020)(bao, yoy_buiten) == 1);
    CHECK(ft.verplaatsingen({}, y2021)(yoy_buiten, vo) == 1);
}

TEST_CASE("flows: on the switch day the pupil counts for the new school") {
    auto b = region();
    b.add(pupil_row{"p", d("2013-03-01"), "GM0935"});
    b.add(pupil_row{"q", d("2013-03-01"), "GM0935"});
    b.add(enrolment_row{"p", "01BA00", d("2019-08-01"), d("2020-10-01")});
    b.add(enrolment_row{"p", "02BA00", d("2020-10-01")});
    // q's last day is the teldatum: counted there, gone in the next window.
    b.add(enrolment_row{"q", "01BA00", d("2019-08-01"), d("2020-10-01"), 0, exit_reason::verhuisd});
    const auto ds = build(b);
    const auto ft = compute_flows(*ds);
    const auto a = unit(*ds, "01BA00"), bb = unit(*ds, "02BA00");
    CHECK(ft.stock(a, y2020)(bao) == 1); // q only
    CHECK(ft.stock(bb, y2020)(bao) == 1);
    CHECK(ft.flows(a, y2020)(bao, naar_elders) == 1);
    CHECK(ft.flows(bb, y2020)(van_elders, bao) == 1);
    CHECK(ft.flows({}, y2020)(bao, bao) == 1); // an overstap nationally
    CHECK(ft.flows(unit(*ds, "PO3104"), y2020)(bao, bao) == 1);
    CHECK(ft.flows(a, y2021)(bao, uitstroom_col(exit_reason::verhuisd)) == 1);
    CHECK(ft.stock(a, y2021).sum() == 0);
    // The uitstroom's day, 2020-10-01, is in school year 2020-2021.
    CHECK(ft.kinds(a, y2020)[static_cast<int>(transition_kind::uitstroom)] == 1);
}

TEST_CASE("flows: a pupil who leaves and comes back") {
    auto b = region();
    b.add(pupil_row{"p", d("2013-03-01"), "GM0935"});
    b.add(enrolment_row{"p", "01BA00", d("2019-08-01"), d("2020-02-01"), 0, exit_reason::verhuisd});
    b.add(enrolment_row{"p", "01BA00", d("2021-01-01")});
    const auto ds = build(b);
    using k = transition_kind;
    CHECK(kinds_of(*ds, "p") == std::vector{k::instroom, k::uitstroom, k::instroom});
    const auto ft = compute_flows(*ds);
    CHECK(ft.flows({}, y2019)(instroom, bao) == 1);
    CHECK(ft.flows({}, y2020)(bao, uitstroom_col(exit_reason::verhuisd)) == 1);
    CHECK(ft.flows({}, y2021)(instroom, bao) == 1);
    CHECK(ft.stock({}, y2019)(bao) == 1);
    CHECK(ft.stock({}, y2020)(bao) == 0);
    CHECK(ft.stock({}, y2021)(bao) == 1);
    CHECK(ft.verplaatsingen({}, y2020)(bao, yoy_buiten) == 1);
    CHECK(ft.verplaatsingen({}, y2021)(yoy_buiten, bao) == 1);
    CHECK(ft.kinds({}, y2020)[static_cast<int>(k::instroom)] == 1);
}

TEST_CASE("flows: so and vso count for the paying partnership, by TLV, then by region") {
    auto b = region();
    // r lives in GM0935 (region PO3104), goes to an so of PO3105 on a TLV of PO3106 valid for
    // one school year; then no TLV covers it and the region's partnership pays.
    b.add(pupil_row{"r", d("2012-03-01"), "GM0935"});
    b.add(tlv_row{"t1", "r", "PO3106", setting::so, funding_category::laag, no_day, d("2020-06-01"),
                  tlv_outcome::toegekend, d("2020-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"r", "04SO00", d("2020-08-01")});
    // s has no municipality in any region and no TLV: the school's partnership.
    b.add(pupil_row{"s", d("2012-03-01"), "GM0917"});
    b.add(enrolment_row{"s", "04SO00", d("2020-08-01")});
    // t leaves the so (TLV of PO3106 to its last day) for the sbo of PO3104: the terugplaatsing
    // counts for PO3106.
    b.add(pupil_row{"t", d("2012-03-01"), "GM0935"});
    b.add(tlv_row{"t2", "t", "PO3106", setting::so, funding_category::hoog, no_day, d("2019-06-01"),
                  tlv_outcome::toegekend, d("2019-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"t", "04SO00", d("2019-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"t", "03SB00", d("2021-08-01")});
    const auto ds = build(b);
    const auto ft = compute_flows(*ds);
    const auto p104 = unit(*ds, "PO3104"), p105 = unit(*ds, "PO3105"), p106 = unit(*ds, "PO3106");
    CHECK(ft.stock(p106, y2019)(so) == 1);  // t
    CHECK(ft.stock(p106, y2020)(so) == 2);  // r and t
    CHECK(ft.stock(p105, y2020)(so) == 1);  // s
    CHECK(ft.stock(p104, y2021)(so) == 1);  // r, by region
    CHECK(ft.stock(p104, y2021)(sbo) == 1); // t
    CHECK(ft.stock(p106, y2021).sum() == 0);
    CHECK(ft.flows(p106, y2020)(instroom, so) == 1);
    CHECK(ft.flows(p105, y2020)(instroom, so) == 1);
    // 2021's window: r changes partnership at its school (no move elsewhere), t returns to sbo.
    CHECK(ft.flows(p106, y2021)(so, naar_elders) == 2);
    CHECK(ft.flows(p104, y2021)(van_elders, so) == 1);
    CHECK(ft.flows(p104, y2021)(van_elders, sbo) == 1);
    CHECK(ft.flows({}, y2021)(so, sbo) == 1);
    CHECK(ft.flows({}, y2021).sum() == 1);
    CHECK(ft.flows(unit(*ds, "04SO00"), y2021)(so, naar_elders) == 1);
    CHECK(ft.flows(unit(*ds, "04SO00"), y2021).sum() == 1);
    CHECK(ft.kinds(p106, y2021)[static_cast<int>(transition_kind::terugplaatsing)] == 1);
    CHECK(ft.kinds(p104, y2021).sum() == 0);
    CHECK(ft.verplaatsingen(p106, y2021)(so, yoy_elders) == 2);
    // schoolgaand: the school's partnership throughout.
    const auto sg = compute_flows(*ds, {.view = attribution_view::schoolgaand});
    CHECK(sg.stock(p105, y2020)(so) == 3);
    CHECK(sg.stock(p105, y2021)(so) == 2);
    CHECK(sg.stock(p106, y2020).sum() == 0);
}

TEST_CASE("flows: instroom counts for the partnership on the enrolment's first day") {
    auto b = region();
    // u lives in GM0935 (region PO3104) and enters the so of PO3105 on 2020-08-01; PO3106's TLV
    // covers it only from 2020-09-01. docs/flows.md: instroom counts for its *to* enrolment on
    // its first day, when no TLV covers it yet: the region's PO3104. On teldatum PO3106 pays, a
    // change of paying partnership at the same school in the same window (elders).
    b.add(pupil_row{"u", d("2012-03-01"), "GM0935"});
    b.add(tlv_row{"t3", "u", "PO3106", setting::so, funding_category::laag, no_day, d("2020-06-01"),
                  tlv_outcome::toegekend, d("2020-09-01"), d("2022-07-31")});
    b.add(enrolment_row{"u", "04SO00", d("2020-08-01")});
    const auto ds = build(b);
    const auto ft = compute_flows(*ds);
    const auto p104 = unit(*ds, "PO3104"), p105 = unit(*ds, "PO3105"), p106 = unit(*ds, "PO3106");
    constexpr auto in = static_cast<int>(transition_kind::instroom);
    CHECK(ft.kinds(p104, y2020)[in] == 1);
    CHECK(ft.kinds(p106, y2020)[in] == 0);
    CHECK(ft.kinds(p105, y2020)[in] == 0);
    CHECK(ft.flows(p104, y2020)(instroom, so) == 1);
    CHECK(ft.flows(p104, y2020)(so, naar_elders) == 1);
    CHECK(ft.flows(p104, y2020).sum() == 2);
    CHECK(ft.flows(p106, y2020)(van_elders, so) == 1);
    CHECK(ft.flows(p106, y2020).sum() == 1);
    CHECK(ft.stock(p104, y2020).sum() == 0);
    CHECK(ft.stock(p106, y2020)(so) == 1);
    // Nationally, and for the school, one instroom and no move.
    CHECK(ft.flows({}, y2020)(instroom, so) == 1);
    CHECK(ft.flows({}, y2020).sum() == 1);
    CHECK(ft.flows(unit(*ds, "04SO00"), y2020).sum() == 1);
    // schoolgaand: the school's PO3105 throughout.
    const auto sg = compute_flows(*ds, {.view = attribution_view::schoolgaand});
    CHECK(sg.kinds(p105, y2020)[in] == 1);
    CHECK(sg.flows(p105, y2020)(instroom, so) == 1);
    CHECK(sg.flows(p104, y2020).sum() == 0);
}

TEST_CASE("flows: a doorstroom so -> vso keeps its pair and goes from the paying PO partnership "
          "to the VO one") {
    auto b = region();
    // v lives in GM0935 (regions PO3104 and VO3101): so at 04SO00 on PO3106's TLV up to its last
    // day, 2021-07-31; vso at 07VS00 from 2021-08-01 without a TLV (the region's VO3101 pays).
    // docs/flows.md: PO -> VO is doorstroom with the pair kept (so -> vso, not bao -> vo), counted
    // for the from enrolment's partnership on its last day, in school year 2021-2022.
    b.add(pupil_row{"v", d("2009-03-01"), "GM0935"});
    b.add(tlv_row{"t4", "v", "PO3106", setting::so, funding_category::laag, no_day, d("2019-06-01"),
                  tlv_outcome::toegekend, d("2019-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"v", "04SO00", d("2019-08-01"), d("2021-07-31")});
    b.add(enrolment_row{"v", "07VS00", d("2021-08-01")});
    const auto ds = build(b);
    using k = transition_kind;
    CHECK(kinds_of(*ds, "v") == std::vector{k::instroom, k::doorstroom});
    const auto ft = compute_flows(*ds);
    const auto p106 = unit(*ds, "PO3106"), vo3101 = unit(*ds, "VO3101");
    constexpr auto door = static_cast<int>(k::doorstroom);
    CHECK(ft.kinds({}, y2021)[door] == 1);
    CHECK(ft.kinds(p106, y2021)[door] == 1);
    CHECK(ft.kinds(vo3101, y2021)[door] == 0);
    CHECK(ft.kinds(p106, y2020)[door] == 0);
    // The 2021 window (2020-10-02 to 2021-10-01): [so][vso] nationally, a move between units
    // for the partnerships.
    CHECK(ft.flows({}, y2021)(so, vso) == 1);
    CHECK(ft.flows({}, y2021).sum() == 1);
    CHECK(ft.flows(p106, y2021)(so, naar_elders) == 1);
    CHECK(ft.flows(vo3101, y2021)(van_elders, vso) == 1);
    CHECK(ft.stock(p106, y2021).sum() == 0);
    CHECK(ft.stock(vo3101, y2021)(vso) == 1);
}
