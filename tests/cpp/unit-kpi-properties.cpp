// SPDX-License-Identifier: EUPL-1.2
// Properties of a whole-catalog evaluation on larger data: national = sum over partnerships (and
// boards, schools) for every count; percentages = scale × summed numerators / denominators;
// explain agrees with the counts; two threads give the same rows as one.
#include "kpi_harness.hpp"

#include "passend/demo.hpp"
#include "passend/stock.hpp"

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>

using namespace kpi_test;

namespace {

/// A random but valid region: 3 PO and 3 VO partnerships, 36 schools, ~3000 pupils over five
/// school years with moves, TLVs (also from other partnerships), OPPs, absences, arrangements.
dataset_ptr random_region(std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
    dataset_builder b;
    const std::vector<std::string> swvs{"PO01", "PO02", "PO03", "VO01", "VO02", "VO03"};
    for (std::size_t i = 0; i < swvs.size(); ++i)
        b.add(swv_row{swvs[i], swvs[i], i < 3 ? sector::po : sector::vo});
    std::vector<std::string> municipalities;
    for (int m = 0; m < 8; ++m) municipalities.push_back("GM0" + std::to_string(100 + m));
    for (std::size_t m = 0; m < municipalities.size(); ++m) {
        if (m == 7) continue; // GM0107 lies in no region
        b.add(region_row{municipalities[m], swvs[m % 3]});
        b.add(region_row{municipalities[m], swvs[3 + m % 3]});
    }
    struct school {
        std::string id;
        setting kind;
    };
    std::vector<school> schools;
    std::vector<std::string> boards{"B1", "B2", "B3", "B4", "B5"};
    for (int s = 0; s < 36; ++s) {
        const setting kind = all_settings[static_cast<std::size_t>(s % 6)];
        const std::size_t swv = (sector_of(kind) == sector::po ? 0 : 3) + (s / 6) % 3;
        std::string id = (s < 10 ? "0" : "") + std::to_string(s) + "XX00";
        b.add(school_row{id, id, boards[pick(5)], swvs[swv], kind, municipalities[pick(7)]});
        schools.push_back({id, kind});
    }
    std::vector<std::string> pupils;
    for (int p = 0; p < 3000; ++p) pupils.push_back("p" + std::to_string(100000 + p));
    int tlv_n = 0, arr_n = 0;
    for (const auto& p : pupils) {
        const bool po = pick(2) == 0;
        const day birth = d(po ? "2014-01-01" : "2009-01-01") + date::days{pick(700)};
        const bool has_municipality = pick(10) != 0;
        const auto& mun = municipalities[pick(8)];
        b.add(pupil_row{p, birth, has_municipality ? std::string_view(mun) : std::string_view{}});
        day start = d("2019-08-01") + date::days{pick(800)};
        const int enrolments = 1 + static_cast<int>(pick(4));
        for (int e = 0; e < enrolments; ++e) {
            // Mostly the regular setting; sometimes a specialised one of the same sector.
            std::uint32_t s = pick(36);
            while ((sector_of(schools[s].kind) == sector::po) != po) s = pick(36);
            const bool last = e + 1 == enrolments;
            const day end = start + date::days{60 + pick(700)};
            const bool open = last && pick(3) == 0;
            const exit_reason x =
                !open && last ? static_cast<exit_reason>(pick(5)) : exit_reason::none;
            b.add(enrolment_row{p, schools[s].id, start, open ? open_end : end, 0, x});
            if (is_paid_by_tlv(schools[s].kind) && pick(3) != 0) {
                // A TLV from a random partnership of the sector (not always the school's).
                const std::string id = "T" + std::to_string(++tlv_n);
                b.add(tlv_row{id, p, swvs[(po ? 0 : 3) + pick(3)], schools[s].kind,
                              static_cast<funding_category>(1 + pick(3)),
                              pick(4) ? start - date::days{30 + pick(60)} : no_day,
                              start - date::days{10}, tlv_outcome::toegekend, start,
                              start + date::days{400 + pick(800)}});
            }
            if (is_regular(schools[s].kind) && pick(6) == 0)
                b.add(opp_row{p, schools[s].id, start + date::days{pick(200)}});
            if (is_regular(schools[s].kind) && pick(15) == 0) {
                // A request still open (or decided later): for the monitor's tlv_open.
                const std::string id = "T" + std::to_string(++tlv_n);
                const day request = start + date::days{pick(200)};
                const bool decided = pick(2) == 0;
                tlv_row r{id,
                          p,
                          swvs[(po ? 0 : 3) + pick(3)],
                          po ? setting::sbo : setting::pro,
                          funding_category::none,
                          request,
                          decided ? request + date::days{pick(90)} : no_day,
                          decided ? tlv_outcome::afgewezen : tlv_outcome::open};
                b.add(r);
            }
            if (pick(8) == 0) {
                const std::string id = "A" + std::to_string(++arr_n);
                b.add(arrangement_row{id, pick(2) ? std::string_view(p) : std::string_view{},
                                      schools[s].id, static_cast<int>(1 + pick(5)),
                                      static_cast<arrangement_kind>(pick(3)), start,
                                      start + date::days{pick(400)},
                                      pick(2) ? static_cast<cents>(pick(1000000)) : -1});
            }
            if (last) break;
            start = end + date::days{1 + pick(120)}; // some gaps beyond 92 days
        }
        if (pick(12) == 0)
            b.add(absence_row{p, static_cast<absence_kind>(pick(3)),
                              d("2020-09-01") + date::days{pick(1200)},
                              pick(3) ? d("2024-07-31") + date::days{pick(60)} : open_end});
    }
    return b.finish().value();
}

bool additive(const kpi_definition& d) {
    const auto a = d.numerator.aggregate;
    return d.unit != kpi_unit::percent && a != kpi_aggregate::mean && a != kpi_aggregate::median &&
           d.combine != kpi_combine::ratio;
}

void check_totals(const dataset& ds, const catalog& cat) {
    const auto r = evaluate(ds, cat);
    REQUIRE_FALSE(r.rows.empty());
    struct sums {
        double value = 0, numerator = 0, denominator = 0;
        bool any = false;
    };
    std::map<std::tuple<std::string, int, kpi_level>, sums> per_level;
    std::map<std::pair<std::string, int>, const kpi_row*> national;
    for (const auto& row : r.rows) {
        if (row.level == kpi_level::national) {
            national[{row.kpi, row.year.start_year()}] = &row;
            continue;
        }
        auto& s = per_level[{row.kpi, row.year.start_year(), row.level}];
        s.any = true;
        s.value += row.value.value_or(0);
        s.numerator += row.numerator.value_or(0);
        s.denominator += row.denominator.value_or(0);
    }
    int checked = 0;
    for (const auto& [key, s] : per_level) {
        const auto& [kpi, year, level] = key;
        const auto* def = cat.find(kpi);
        if (!def || level == kpi_level::municipality) continue; // municipality: residence
        // Allocations without a school have no school row; funds have no school at all.
        if (level == kpi_level::school && (def->numerator.measure == kpi_measure::allocations))
            continue;
        const kpi_row* nl = national.at({kpi, year});
        if (!nl->numerator) continue; // the table is absent
        INFO(kpi << " " << year << " " << to_string(level));
        if (additive(*def)) {
            CHECK(s.value == doctest::Approx(nl->value.value_or(0)));
            ++checked;
        } else if (def->combine == kpi_combine::ratio) {
            CHECK(s.numerator == doctest::Approx(*nl->numerator));
            CHECK(s.denominator == doctest::Approx(*nl->denominator));
            if (s.denominator > 0)
                CHECK(def->scale * s.numerator / s.denominator ==
                      doctest::Approx(nl->value.value_or(-1)));
            ++checked;
        } else if (def->numerator.aggregate == kpi_aggregate::mean) {
            CHECK(s.numerator == doctest::Approx(*nl->numerator));
            CHECK(s.denominator == doctest::Approx(*nl->denominator));
            ++checked;
        }
    }
    CHECK(checked > 100);
}

} // namespace

TEST_CASE("kpi totals: national = sum over partnerships, boards and schools (random region)") {
    const auto ds = random_region(7);
    check_totals(*ds, catalog::builtin());
}

TEST_CASE("kpi totals on the demo region") {
    check_totals(*make_demo(), catalog::builtin());
}

TEST_CASE("kpi leerlingen_<setting> agree with count_pupils (stock.hpp) in both views") {
    const auto ds = make_demo();
    for (const auto view : {attribution_view::paying, attribution_view::schoolgaand}) {
        evaluate_options o;
        o.view = view;
        o.kpis = {"leerlingen_bao", "leerlingen_sbo", "leerlingen_so",
                  "leerlingen_vo",  "leerlingen_pro", "leerlingen_vso"};
        o.levels = {kpi_level::swv};
        const auto r = evaluate(*ds, catalog::builtin(), o);
        int checked = 0;
        for (const auto y : ds->school_years()) {
            const auto stock = count_pupils(*ds, y.teldatum(), view);
            for (std::uint32_t s = 0; s < ds->swvs().size(); ++s)
                for (const auto x : all_settings) {
                    const std::string kpi = "leerlingen_" + std::string(to_string(x));
                    const auto* row = find_row(r, kpi, y.start_year(), swv, ds->swvs().id[s]);
                    const auto expected = stock.count(swv_idx{s}, x);
                    if (!row) { // a partnership of the other sector: nothing there either
                        CHECK(expected == 0);
                        continue;
                    }
                    INFO(kpi << " " << y.to_string() << " " << ds->swvs().id[s]);
                    CHECK(row->value == static_cast<double>(expected));
                    ++checked;
                }
        }
        CHECK(checked >= 50); // 4 partnerships x 3 settings x 5 years in the demo
    }
}

TEST_CASE("two threads give the same rows as one, and explain agrees with the counts") {
    const auto ds = random_region(11);
    evaluate_options one, two;
    one.threads = 1;
    two.threads = 2;
    evaluate_stats s1, s2;
    const auto a = evaluate(*ds, catalog::builtin(), one, &s1);
    const auto b = evaluate(*ds, catalog::builtin(), two, &s2);
    CHECK(s1.threads == 1);
    CHECK(s2.threads == 2);
    CHECK(s2.enrolment_passes == 1);
    REQUIRE(a.rows.size() == b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        INFO(a.rows[i].kpi << " " << a.rows[i].unit);
        CHECK(a.rows[i].unit == b.rows[i].unit);
        CHECK(a.rows[i].numerator == b.rows[i].numerator);
        CHECK(a.rows[i].value.has_value() == b.rows[i].value.has_value());
        if (a.rows[i].value && b.rows[i].value)
            CHECK(*a.rows[i].value == doctest::Approx(*b.rows[i].value));
    }
    // Distinct-pupil counts equal the number of pupils explain names.
    int explained = 0;
    for (const auto& row : a.rows) {
        if (row.year != school_year{2022} || row.level != kpi_level::swv) continue;
        const auto* def = catalog::builtin().find(row.kpi);
        if (!def || def->numerator.aggregate != kpi_aggregate::distinct_pupils || !row.numerator)
            continue;
        INFO(row.kpi << " " << row.unit);
        CHECK(explain(*ds, catalog::builtin(), row.kpi, row.year, row.level, row.unit).size() ==
              *row.numerator);
        ++explained;
    }
    CHECK(explained > 20);
}

TEST_CASE("levels asked: their rows as in the whole evaluation, in both views") {
    // Without school or board rows the enrolment records count for partnerships straight away
    // (accumulator.hpp); without municipality rows they count for no municipality.
    const auto ds = random_region(13);
    for (const auto view : {attribution_view::paying, attribution_view::schoolgaand}) {
        evaluate_options whole;
        whole.view = view;
        const auto all = evaluate(*ds, catalog::builtin(), whole);
        for (const auto& levels :
             std::vector<std::vector<kpi_level>>{{kpi_level::swv},
                                                 {kpi_level::municipality},
                                                 {kpi_level::board},
                                                 {kpi_level::swv, kpi_level::municipality}}) {
            evaluate_options o = whole;
            o.levels = levels;
            const auto some = evaluate(*ds, catalog::builtin(), o);
            std::vector<const kpi_row*> expected;
            for (const auto& row : all.rows)
                if (row.level == kpi_level::national ||
                    std::count(levels.begin(), levels.end(), row.level))
                    expected.push_back(&row);
            REQUIRE(some.rows.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                const auto& a = *expected[i];
                const auto& b = some.rows[i];
                INFO(a.kpi << " " << a.year.to_string() << " " << a.unit);
                CHECK(b.kpi == a.kpi);
                CHECK(b.unit == a.unit);
                CHECK(b.numerator == a.numerator);
                CHECK(b.denominator == a.denominator);
                CHECK(b.value == a.value);
                CHECK(b.change == a.change);
            }
        }
    }
}

TEST_CASE("years asked beyond the data: the data's years unchanged, none after the extract date") {
    const auto ds = random_region(5);
    const auto all = evaluate(*ds, catalog::builtin());
    const auto covered = ds->school_years();
    REQUIRE(covered.size() >= 3);
    const school_year mid = covered[covered.size() / 2];
    const school_year after{covered.back().start_year() + 3};
    evaluate_options o;
    // A far-off year widens the scan to 1990..: the data's year gives the same rows.
    o.years = {school_year{1990}, mid, after};
    const auto wide = evaluate(*ds, catalog::builtin(), o);
    std::vector<const kpi_row*> expected, got;
    for (const auto& row : all.rows)
        if (row.year == mid) expected.push_back(&row);
    for (const auto& row : wide.rows)
        if (row.year == mid) got.push_back(&row);
    REQUIRE(expected.size() == got.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(got[i]->kpi << " " << got[i]->unit);
        CHECK(got[i]->unit == expected[i]->unit);
        CHECK(got[i]->numerator == expected[i]->numerator);
        CHECK(got[i]->denominator == expected[i]->denominator);
        CHECK(got[i]->value == expected[i]->value);
    }
    // A year after the extract date is not reported at all: no rows, not zeros or projections
    // of open OPPs, arrangements and absences.
    CHECK(std::none_of(wide.rows.begin(), wide.rows.end(),
                       [&](const kpi_row& row) { return row.year == after; }));
    CHECK(std::any_of(wide.rows.begin(), wide.rows.end(),
                      [&](const kpi_row& row) { return row.year == school_year{1990}; }));
}

TEST_CASE("monitor properties on random regions: crossings, open requests, any day at T") {
    for (const std::uint32_t seed : {3u, 5u}) {
        INFO("seed " << seed);
        const auto ds = random_region(seed);
        const auto yearly = evaluate(*ds, catalog::builtin());
        int crossings = 0;
        for (const auto y : ds->school_years()) {
            const int sy = y.start_year();
            // Nationally every crossing counts once outgoing and once incoming.
            for (const char* x : {"sbo", "so", "vso"}) {
                const double out = val(yearly, std::string("grens_uitgaand_") + x, sy);
                CHECK(out == val(yearly, std::string("grens_inkomend_") + x, sy));
                crossings += static_cast<int>(out);
            }
            // Any day at teldatum gives the teldatum stocks, for every unit.
            evaluate_options on_t;
            on_t.reference_day = y.teldatum();
            const auto at_t = evaluate(*ds, catalog::builtin(), on_t);
            std::size_t compared = 0;
            for (const auto& row : yearly.rows) {
                if (row.year != y) continue;
                const auto* def = catalog::builtin().find(row.kpi);
                const auto at = def->numerator.at;
                const bool stock =
                    at == kpi_reference::teldatum &&
                    (!def->denominator || def->denominator->at != kpi_reference::year);
                if (!stock) continue;
                const auto* other = find_row(at_t, row.kpi, sy, row.level, row.unit);
                REQUIRE(other != nullptr);
                CHECK(other->numerator == row.numerator);
                CHECK(other->denominator == row.denominator);
                ++compared;
            }
            CHECK(compared > 100);
            // tlv_open on a day: requests received by then minus those decided by then.
            for (const day on : {y.teldatum(), y.peildatum()}) {
                if (on > ds->extract_date()) continue;
                const auto& tv = ds->tlvs();
                double received = 0, decided = 0;
                for (std::size_t t = 0; t < tv.size(); ++t) {
                    if (tv.request_date[t] == no_day || tv.request_date[t] > on) continue;
                    ++received;
                    decided += tv.decision_date[t] != no_day && tv.decision_date[t] <= on;
                }
                evaluate_options o;
                o.reference_day = on;
                o.kpis = {"tlv_open"};
                CHECK(val(evaluate(*ds, catalog::builtin(), o), "tlv_open",
                          school_year::containing(on).start_year()) == received - decided);
            }
        }
        CHECK(crossings > 10); // the region does cross borders
    }
}
