// SPDX-License-Identifier: EUPL-1.2
#include "passend/builder.hpp"
#include "passend/cycle/money.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace passend;

namespace {
day d(const char* text) {
    return *parse_day(text);
}

constexpr school_year y2024{2024};

// The board report's "Aanwending middelen SWV": one board, 1,631,099 received in the
// terugploegregeling from PO3104, four allocations. `last` is the fourth allocation in euro.
dataset_ptr board_report_money(cents last = 92'400'00) {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "kindante", "PO3104", setting::bao});
    b.add(school_row{"02BB00", "De Wissel", "kindante", "PO3104", setting::sbo});
    b.add(school_row{"03CC00", "Elders", "anders", "PO3104", setting::bao});
    b.add(pupil_row{"p1", d("2016-03-01")});
    b.add(pupil_row{"p2", d("2016-05-01")});
    b.add(pupil_row{"p3", d("2016-06-01")});
    b.add(pupil_row{"p4", d("2016-06-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
    b.add(enrolment_row{"p2", "01AA00", d("2020-08-01"), d("2024-09-30")});
    b.add(enrolment_row{"p2", "02BB00", d("2024-10-01")}); // switch day: counts for the sbo
    b.add(enrolment_row{"p3", "03CC00", d("2020-08-01")}); // another board
    b.add(enrolment_row{"p4", "01AA00", d("2024-10-02")}); // after the teldatum
    b.add(fund_row{y2024, "PO3104", "kindante", "terugploegregeling", 1'631'099'00});
    b.add(allocation_row{y2024, "kindante", "Directe zorgstructuur op scholen", 1'019'682'00});
    b.add(
        allocation_row{y2024, "kindante", "Kindante Kwadrant", 506'195'00, {}, "verwijzingen_so"});
    b.add(allocation_row{y2024, "kindante", "Adelante", 12'822'00, "02BB00",
                         "terugplaatsingen_sbo_bao"});
    b.add(allocation_row{y2024, "kindante", "Casuïstiek begeleiding scholen", last});
    return b.finish().value();
}
} // namespace

TEST_CASE("the board report's money table reconciles exactly to 1,631,099") {
    const auto ds = board_report_money();
    const auto m = money_of(*ds, *ds->find_board("kindante"), y2024);
    CHECK(m.received == 1'631'099'00);
    CHECK(m.allocated == 1'019'682'00 + 506'195'00 + 12'822'00 + 92'400'00);
    CHECK(m.allocated == 1'631'099'00);
    CHECK(m.difference() == 0);
    CHECK(m.reconciles());
    CHECK(unreconciled(*ds).empty());
    REQUIRE(m.funds.size() == 1);
    CHECK(m.funds[0].swv == "PO3104");
    CHECK(m.funds[0].stream == "terugploegregeling");
    REQUIRE(m.allocations.size() == 4);
    CHECK(m.allocations[2].school == "02BB00");
    CHECK(format_euro(m.received) == "€ 1.631.099");
    CHECK(format_amount(m.received) == "1631099.00");
}

TEST_CASE("one euro more on one allocation is reported as a one-euro difference") {
    const auto ds = board_report_money(92'401'00);
    const auto bad = unreconciled(*ds);
    REQUIRE(bad.size() == 1);
    CHECK(ds->boards().id[pos(bad[0].board)] == "kindante");
    CHECK(bad[0].year == y2024);
    CHECK(bad[0].difference() == -100); // allocated one euro more than received
    CHECK(format_euro(bad[0].difference()) == "-€ 1");
    const auto less = board_report_money(92'399'00);
    CHECK(money_of(*less, *less->find_board("kindante"), y2024).difference() == 100);
}

TEST_CASE("spending per pupil counts the board's pupils at the teldatum") {
    const auto ds = board_report_money();
    const auto m = money_of(*ds, *ds->find_board("kindante"), y2024);
    // p1 at the bao, p2 at the sbo on its switch day; p3 is another board's, p4 came later.
    CHECK(m.pupils == 2);
    CHECK(m.allocated_per_pupil() == 815'549'50); // 1,631,099 / 2
    const auto other = money_of(*ds, *ds->find_board("anders"), y2024);
    CHECK_FALSE(other.has_data());
    CHECK(other.pupils == 1);
    const auto none = money_of(*ds, *ds->find_board("kindante"), school_year{2010});
    CHECK(none.pupils == 0);
    CHECK_FALSE(none.allocated_per_pupil().has_value());
}

TEST_CASE("per purpose totals add allocations with the same purpose") {
    dataset_builder b;
    b.add(school_row{"01AA00", "De Linde", "B1", "PO3104", setting::bao});
    b.add(pupil_row{"p1", d("2016-03-01")});
    b.add(enrolment_row{"p1", "01AA00", d("2020-08-01")});
    b.add(allocation_row{y2024, "B1", "IB-uren", 10'00, "01AA00"});
    b.add(allocation_row{y2024, "B1", "Ambulante begeleiding", 5'50});
    b.add(allocation_row{y2024, "B1", "IB-uren", 2'25});
    const auto ds = b.finish().value();
    const auto m = money_of(*ds, board_idx{0}, y2024);
    REQUIRE(m.by_purpose.size() == 2);
    CHECK(m.by_purpose[0].purpose == "IB-uren");
    CHECK(m.by_purpose[0].amount == 12'25);
    CHECK(m.by_purpose[1].amount == 5'50);
    CHECK(m.received == 0);
    CHECK(m.difference() == -17'75); // allocated without funds: flagged
    CHECK(unreconciled(*ds).size() == 1);
    CHECK(format_euro(-17'75) == "-€ 17,75");
}

TEST_CASE("an allocation that names a KPI shows the KPI's movement beside the money") {
    const auto ds = board_report_money();
    const auto m = money_of(*ds, *ds->find_board("kindante"), y2024);
    kpi_results kpis;
    const auto row = [](std::string kpi, int year, kpi_level level, std::string unit, double v) {
        kpi_row r{std::move(kpi), school_year{year}, level, std::move(unit)};
        r.value = v;
        return r;
    };
    kpis.rows.push_back(row("verwijzingen_so", 2023, kpi_level::board, "kindante", 60));
    kpis.rows.push_back(row("verwijzingen_so", 2024, kpi_level::board, "kindante", 40));
    kpis.rows.push_back(row("terugplaatsingen_sbo_bao", 2024, kpi_level::school, "02BB00", 4));
    const auto e = effects(*ds, m, kpis);
    REQUIRE(e.size() == 2);
    CHECK(e[0].allocation.purpose == "Kindante Kwadrant");
    CHECK(e[0].previous == 60);
    CHECK(e[0].current == 40);
    CHECK(e[0].change() == -20);
    CHECK(e[1].level == kpi_level::school);
    CHECK(e[1].unit == "02BB00");
    CHECK(e[1].current == 4);
    CHECK_FALSE(e[1].previous.has_value());
    CHECK_FALSE(e[1].change().has_value());
}

TEST_CASE("the KPI evaluator's middelen KPIs agree with the money module to the cent") {
    const auto ds = board_report_money(92'401'00);
    const auto kpis = evaluate(
        *ds,
        catalog::builtin().select({"middelen_ontvangen", "middelen_besteed", "middelen_saldo"}));
    const auto m = money_of(*ds, *ds->find_board("kindante"), y2024);
    const auto board_value = [&](std::string_view kpi) -> std::optional<double> {
        for (const auto& r : kpis.rows)
            if (r.kpi == kpi && r.level == kpi_level::board && r.unit == "kindante" &&
                r.year == y2024)
                return r.value;
        return std::nullopt;
    };
    REQUIRE(board_value("middelen_ontvangen"));
    CHECK(std::llround(*board_value("middelen_ontvangen") * 100) == m.received);
    REQUIRE(board_value("middelen_besteed"));
    CHECK(std::llround(*board_value("middelen_besteed") * 100) == m.allocated);
    REQUIRE(board_value("middelen_saldo"));
    CHECK(std::llround(*board_value("middelen_saldo") * 100) == m.difference());
}
