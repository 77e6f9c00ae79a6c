// SPDX-License-Identifier: EUPL-1.2
// The monitor on a tiny region, by hand: open TLV requests on a day by age (14 and 15 days, 42
// and 43: the legal term), thuiszitters on a day by duration (28 and 27 days, a month to the day,
// a pupil with two absences counted once, attribution to the region), a bin of 3 suppressed, and
// the errors for a day after the extract date and an unknown unit.
#include "kpi_harness.hpp"

#include "passend/monitor/monitor.hpp"

#include <nlohmann/json.hpp>

#include <string>

using namespace kpi_test;

namespace {

constexpr const char* on_day = "2025-03-01";

/// PO01 with bao 01BA00 in municipality GM01, PO02 with `school` of `kind` in GM02.
void two_partnerships(dataset_builder& b, std::string_view school, setting kind) {
    b.add(swv_row{"PO01", "Een", sector::po});
    b.add(swv_row{"PO02", "Twee", sector::po});
    b.add(school_row{"01BA00", "bao een", "B1", "PO01", setting::bao, "GM01"});
    b.add(school_row{school, "twee", "B2", "PO02", kind, "GM02"});
    b.add(region_row{"GM01", "PO01"});
    b.add(region_row{"GM02", "PO02"});
}

/// Requests of PO01 and PO02 decided (refused) on 2025-03-10: open on 2025-03-01 when received
/// by then. Absences of PO01's pupils (and one in PO02's region) covering that day or not.
dataset_ptr monitor_region() {
    dataset_builder b;
    two_partnerships(b, "02BA00", setting::bao);
    const day born = d("2016-05-01");
    std::vector<std::string> ids;
    for (int i = 0; i < 40; ++i) ids.push_back("p" + std::to_string(i));
    for (int i = 0; i < 40; ++i) {
        b.add(pupil_row{ids[i], born, i < 30 && i != 8 ? "GM01" : "GM02"});
        if (i != 8) b.add(enrolment_row{ids[i], i < 30 ? "01BA00" : "02BA00", d("2022-08-01")});
    }
    const day decided = d("2025-03-10");
    int n = 0;
    auto request = [&](const char* swv, const char* received, day decision = no_day,
                       bool known = true) {
        const auto id = "T" + std::to_string(n);
        b.add(tlv_row{id, ids[static_cast<std::size_t>(n)], swv, setting::sbo,
                      funding_category::none, known ? d(received) : no_day,
                      decision == no_day ? decided : decision, tlv_outcome::afgewezen});
        ++n;
    };
    // PO01 on 2025-03-01: ages 0 and 14 (0-2 weeks), 15 (2-4), 42 (4-6: within the term),
    // 43 (6-10), 120 (> 10); not open: decided before the day, no request date, received after.
    request("PO01", "2025-03-01");
    request("PO01", "2025-02-15");
    request("PO01", "2025-02-14");
    request("PO01", "2025-01-18");
    request("PO01", "2025-01-17");
    request("PO01", "2024-11-01");
    request("PO01", "2025-01-01", d("2025-02-01"));
    request("PO01", "", no_day, false);
    request("PO01", "2025-03-02");
    // PO02: 3 of 5 days old and 6 of 50 days.
    for (int i = 0; i < 3; ++i) request("PO02", "2025-02-24");
    for (int i = 0; i < 6; ++i) request("PO02", "2025-01-10");

    using enum absence_kind;
    b.add(absence_row{"p20", relatief, d("2025-02-01")}); // 28 days on the day: 0-1 month
    b.add(absence_row{"p21", relatief, d("2025-02-02")}); // 27 days: not yet
    b.add(absence_row{"p22", absoluut, d("2024-11-15"), d("2025-03-01")}); // 3-6 months
    b.add(absence_row{"p23", absoluut, d("2024-01-10")});                  // > 1 year
    b.add(absence_row{"p24", relatief, d("2025-01-01"), d("2025-02-28")}); // ended before
    b.add(absence_row{"p25", vrijstelling, d("2024-09-01"), open_end, "5a"});
    // Two absences: counted once, for the longer (1-3 months).
    b.add(absence_row{"p26", relatief, d("2024-12-20")});
    b.add(absence_row{"p26", absoluut, d("2025-02-20")});
    // Never enrolled, living in PO02's region: PO02, 1-3 months.
    b.add(absence_row{"p8", absoluut, d("2025-01-01")});
    b.add(extract_row{d("2025-03-15")});
    return b.finish().value();
}

const dataset& region() {
    static const auto ds = monitor_region();
    return *ds;
}

const monitor_unit& unit(const monitor& m, std::string_view id) {
    for (const auto& u : m.units)
        if (u.id == id) return u;
    FAIL("no unit " << id);
    throw;
}

/// The bins' counts and the total: `2 1 1 1 1 = 6`.
std::string counts(const monitor& m, const monitor_distribution& dist) {
    std::string out;
    for (const auto& b : dist.bins) out += std::to_string(int(m.cells.value(b.cell))) + " ";
    return out + "= " + std::to_string(int(m.cells.value(dist.total)));
}

} // namespace

TEST_CASE("monitor: open TLV requests on a day by age, 14/15 and 42/43 days at the edges") {
    monitor_options o;
    o.on = d(on_day);
    o.suppress = false;
    const auto m = make_monitor(region(), o);
    CHECK(m.year == school_year{2024});
    CHECK(m.partial);
    REQUIRE(m.units.size() == 2);
    const auto& po01 = unit(m, "PO01");
    CHECK(counts(m, po01.open_requests) == "2 1 1 1 1 = 6");
    CHECK(counts(m, unit(m, "PO02").open_requests) == "3 0 0 6 0 = 9");
    CHECK(po01.open_requests.bins[2].key == "4-6w");
}

TEST_CASE("monitor: thuiszitters on a day by duration, once per pupil, attributed on the day") {
    monitor_options o;
    o.on = d(on_day);
    o.suppress = false;
    const auto m = make_monitor(region(), o);
    // p20 (0-1 month: a month to the day is not more than a month), p26 (1-3), p22 (3-6), p23.
    CHECK(counts(m, unit(m, "PO01").thuiszitters) == "1 1 1 0 1 = 4");
    CHECK(counts(m, unit(m, "PO02").thuiszitters) == "0 1 0 0 0 = 1");
    // A day later p21's absence has lasted 28 days too, p20's more than a month, and p22's has
    // ended.
    o.on = d("2025-03-02");
    const auto next = make_monitor(region(), o);
    CHECK(counts(next, unit(next, "PO01").thuiszitters) == "1 2 0 0 1 = 4");
}

TEST_CASE("monitor: a bin of 3 shows as <5 and cannot be recomputed from the total") {
    monitor_options o;
    o.on = d(on_day);
    o.units = {"PO02"};
    const auto m = make_monitor(region(), o);
    REQUIRE(m.units.size() == 1);
    const auto& dist = m.units[0].open_requests;
    CHECK(m.cells.shown(dist.bins[0].cell) == cell_shown::small); // 3
    // 3 + 6 = 9: the 6 or the 9 must be hidden as well.
    CHECK((m.cells.hidden(dist.bins[3].cell) || m.cells.hidden(dist.total)));
    const auto doc = nlohmann::json::parse(monitor_json(m));
    const auto& bins = doc["partnerships"][0]["open_requests"]["bins"];
    CHECK(bins[0]["count"] == "<5");
    CHECK(bins[1]["count"] == 0);
    CHECK(doc["day"] == on_day);
    CHECK(doc["school_year"] == "2024-2025");
}

TEST_CASE("monitor: the headline comes from publish() on the day, with the national value") {
    monitor_options o;
    o.on = d(on_day);
    o.suppress = false;
    const auto m = make_monitor(region(), o);
    const auto& po01 = unit(m, "PO01");
    REQUIRE(!po01.headline.empty());
    CHECK(po01.headline[0].info->id == "leerlingen_totaal");
    REQUIRE(po01.headline[0].national);
    CHECK(po01.headline[0].national->unit == "NL");
    for (const auto& f : po01.headline) CHECK(f.row->unit == "PO01");
}

TEST_CASE("monitor: a day after the extract date and a unit that is no partnership are errors") {
    monitor_options o;
    o.on = d("2025-03-16");
    CHECK_THROWS_WITH_AS(make_monitor(region(), o),
                         "day 2025-03-16 is after the data's extract date 2025-03-15: nothing "
                         "after it is known",
                         monitor_error);
    o.on.reset();
    o.units = {"B1"};
    CHECK_THROWS_WITH_AS(make_monitor(region(), o), "unit 'B1': not a partnership of the data",
                         monitor_error);
    o.units.clear();
    CHECK(make_monitor(region(), o).on == d("2025-03-15")); // default: the extract date
}

TEST_CASE("monitor: an open request without a decision, by age on the extract date") {
    dataset_builder b;
    two_partnerships(b, "02BA00", setting::bao);
    b.add(pupil_row{"p1", d("2016-05-01"), "GM01"});
    b.add(pupil_row{"p2", d("2016-05-01"), "GM01"});
    b.add(enrolment_row{"p1", "01BA00", d("2022-08-01")});
    b.add(enrolment_row{"p2", "01BA00", d("2022-08-01")});
    // Received 2025-02-01, open on the extract date 2025-03-15: 42 days, within the term.
    b.add(tlv_row{"T1", "p1", "PO01", setting::sbo, funding_category::none, d("2025-02-01"), no_day,
                  tlv_outcome::open});
    // Received 2025-01-31: 43 days, past the term.
    b.add(tlv_row{"T2", "p2", "PO01", setting::sbo, funding_category::none, d("2025-01-31"), no_day,
                  tlv_outcome::open});
    b.add(extract_row{d("2025-03-15")});
    const auto ds = b.finish().value();
    monitor_options o;
    o.suppress = false;
    const auto m = make_monitor(*ds, o);
    CHECK(counts(m, unit(m, "PO01").open_requests) == "0 0 1 1 0 = 2");
}

TEST_CASE("monitor: each distribution's total is its headline KPI on the day") {
    for (const char* day_text : {on_day, "2025-03-02", "2025-03-15"}) {
        monitor_options o;
        o.on = d(day_text);
        o.suppress = false;
        const auto m = make_monitor(region(), o);
        for (const auto& u : m.units) {
            for (const auto& [dist, kpi] : {std::pair{&u.open_requests, "tlv_open"},
                                            std::pair{&u.thuiszitters, "thuiszitters_op_dag"}}) {
                const auto f = std::find_if(u.headline.begin(), u.headline.end(),
                                            [&](const auto& x) { return x.info->id == kpi; });
                REQUIRE(f != u.headline.end());
                CAPTURE(day_text);
                CAPTURE(u.id);
                CAPTURE(kpi);
                CHECK(f->row->value == m.cells.value(dist->total));
            }
        }
    }
}

TEST_CASE("monitor: a reference value with its source, cross-border pupils and their money") {
    dataset_builder b;
    two_partnerships(b, "02SO00", setting::so);
    b.add(pupil_row{"p1", d("2016-05-01"), "GM01"});
    b.add(pupil_row{"p2", d("2016-05-01"), "GM01"});
    b.add(enrolment_row{"p1", "01BA00", d("2022-08-01")});
    // p2: an so pupil at PO02's school on PO01's TLV (category laag): out for PO01, in for PO02.
    b.add(enrolment_row{"p2", "02SO00", d("2023-08-01")});
    b.add(tlv_row{"T1", "p2", "PO01", setting::so, funding_category::laag, d("2023-05-01"),
                  d("2023-06-01"), tlv_outcome::toegekend, d("2023-08-01"), d("2026-07-31")});
    b.add(rate_row{school_year{2024}, setting::so, funding_category::laag, 1234500});
    b.add(reference_value_row{"leerlingen_totaal", school_year{2024}, 1500000,
                              "Kerncijfers passend onderwijs 2024 (DUO)"});
    b.add(extract_row{d("2025-03-15")});
    const auto ds = b.finish().value();
    monitor_options o;
    o.suppress = false;
    const auto m = make_monitor(*ds, o);
    const auto& po01 = unit(m, "PO01");
    REQUIRE(po01.headline[0].reference);
    CHECK(po01.headline[0].reference->value == 1500000);
    CHECK(po01.headline[0].reference->source == "Kerncijfers passend onderwijs 2024 (DUO)");
    const auto doc = nlohmann::json::parse(monitor_json(m));
    CHECK(doc["partnerships"][0]["headline"][0]["reference"]["source"] ==
          "Kerncijfers passend onderwijs 2024 (DUO)");
    // Cross-border: sbo and so rows for PO partnerships; p2 once out of PO01, once into PO02.
    auto border = [&](std::string_view id, setting s) {
        for (const auto& b : unit(m, id).cross_border)
            if (b.admits == s) return std::pair{b.outgoing->value, b.incoming->value};
        return std::pair{std::optional<double>{}, std::optional<double>{}};
    };
    CHECK(border("PO01", setting::so) == std::pair{std::optional(1.0), std::optional(0.0)});
    CHECK(border("PO02", setting::so) == std::pair{std::optional(0.0), std::optional(1.0)});
    CHECK(border("PO01", setting::sbo) == std::pair{std::optional(0.0), std::optional(0.0)});
    CHECK(unit(m, "PO01").cross_border.size() == 2);
    // The laag so rate follows the pupil: EUR 12,345 out of PO01 and into PO02.
    CHECK(po01.money_outgoing->value == 12345.0);
    CHECK(unit(m, "PO01").money_incoming->value == 0.0);
    CHECK(unit(m, "PO02").money_incoming->value == 12345.0);
    CHECK(doc["partnerships"][0]["money"]["outgoing"] == 12345);
}
