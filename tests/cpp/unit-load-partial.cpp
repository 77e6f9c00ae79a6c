// SPDX-License-Identifier: EUPL-1.2
// A partial load (load_options::tables): only the tables asked for and those always read; the
// rest not read, not checked, not given, and listed as left out. tables_for(): the tables a set
// of KPIs needs.
#include "load_support.hpp"

#include "passend/kpi/catalog.hpp"
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/publish.hpp"
#include "passend/kpi/tables.hpp"
#include "passend/snapshot.hpp"

#include <fstream>
#include <sstream>

using namespace passend;
using test::temp_folder;

namespace {

table_set with_always(std::initializer_list<table> more) {
    table_set s = always_read_tables;
    s |= table_set(more);
    return s;
}

load_result load_only(const std::filesystem::path& dir, table_set tables) {
    load_options o;
    o.tables = tables;
    return load_folder(dir, o);
}

/// The rows of one KPI, in the evaluator's order.
std::vector<kpi_row> rows_of(const dataset& ds, const std::string& kpi) {
    evaluate_options o;
    o.kpis = {kpi};
    return evaluate(ds, catalog::builtin(), o).rows;
}

bool same_numbers(const std::vector<kpi_row>& a, const std::vector<kpi_row>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].unit != b[i].unit || a[i].year != b[i].year || a[i].numerator != b[i].numerator ||
            a[i].denominator != b[i].denominator || a[i].value != b[i].value)
            return false;
    return true;
}

const kpi_row& national(const std::vector<kpi_row>& rows, int year) {
    for (const auto& r : rows)
        if (r.level == kpi_level::national && r.year == school_year{year}) return r;
    FAIL("no national row of " << year);
    return rows.front();
}

} // namespace

TEST_CASE("tables_for: a KPI's own table, the TLVs when counted per pupil, those always read") {
    const auto& cat = catalog::builtin();
    // A stock per pupil: its partnership is the paying one, from the TLVs.
    CHECK(tables_for(cat, {"deelname_so"}) == with_always({table::tlvs}));
    CHECK(tables_for(cat, {"opp_percentage"}) == with_always({table::opps, table::tlvs}));
    CHECK(tables_for(cat, {"thuiszitters"}) == with_always({table::absences, table::tlvs}));
    // A table scanned on its own: its school's partnership, no TLVs.
    CHECK(tables_for(cat, {"arrangementen"}) == with_always({table::arrangements}));
    CHECK(tables_for(cat, {"middelen_saldo"}) == with_always({table::funds, table::allocations}));
    CHECK(tables_for(cat, {"arrangementen", "tlv_open"}) ==
          with_always({table::arrangements, table::tlvs}));
    CHECK_THROWS_WITH_AS(tables_for(cat, {"arrangementen", "no_such_kpi"}),
                         "kpi 'no_such_kpi': not an id or tag of the catalog", selection_error);
    CHECK(tables_for(cat) == table_set::all()); // the whole catalog reads every table
    CHECK(always_read_tables.contains(table::pupils));
    CHECK_FALSE(always_read_tables.contains(table::assessments));
}

TEST_CASE("partial load: tables left out are not given, listed, and a warning each") {
    const auto r = load_only(test::data_dir() / "valid_small", with_always({table::tlvs}));
    REQUIRE(r.ok());
    const auto& ds = *r.data;
    CHECK(ds.has_table(table::tlvs));
    CHECK(ds.tlvs().size() == 6);
    CHECK_FALSE(ds.has_table(table::arrangements));
    CHECK(ds.arrangements().size() == 0);
    CHECK_FALSE(ds.has_table(table::assessments));
    const table_set left{table::arrangements,   table::opps,        table::absences,
                         table::funds,          table::allocations, table::assessments,
                         table::support_offers, table::finances};
    CHECK(ds.tables_left_out() == left);
    const auto not_read = [](const std::string& t) {
        return t +
               ".csv: warning: not read: a partial load reads only the tables asked for; a KPI "
               "that needs " +
               t + " has no value";
    };
    std::vector<std::string> expected;
    for (const auto& t : left.list()) expected.push_back(not_read(std::string(spec(t).name)));
    CHECK(test::messages(r) == expected);
    CHECK(ds.warnings().size() == 8);

    const auto full = load_folder(test::data_dir() / "valid_small");
    REQUIRE(full.ok());
    CHECK(full.data->tables_left_out().empty());
    CHECK(full.diagnostics.empty());
}

TEST_CASE("partial load: a table left out is not checked, and a file not there gives no warning") {
    temp_folder f("valid_small");
    f.append("arrangements.csv", "a4,p1,01AA00,9,individueel,2023-13-01,,-5,\n");
    f.remove("opps.csv");
    CHECK_FALSE(load_folder(f.path()).ok()); // the full load finds the broken arrangement
    const auto r = load_only(f.path(), always_read_tables);
    REQUIRE(r.ok());
    CHECK(r.error_count() == 0);
    CHECK(r.data->tables_left_out().contains(table::opps));
    for (const auto& d : r.diagnostics) CHECK(d.file != "opps.csv");
}

TEST_CASE("partial load: a KPI needing a table left out has no value, the tables it needs give "
          "the full load's values") {
    const auto dir = test::data_dir() / "valid_small";
    const auto full = load_folder(dir).value();
    const auto& cat = catalog::builtin();
    const auto only = [&](const std::string& kpi) {
        return load_only(dir, tables_for(cat, {kpi})).value();
    };

    // a1 (2020-09-01..2021-07-31) is the one arrangement running in 2020-2021.
    CHECK(national(rows_of(*full, "arrangementen"), 2020).numerator == 1.0);
    const auto without = load_only(dir, always_read_tables).value();
    for (const auto& row : rows_of(*without, "arrangementen")) {
        CHECK_FALSE(row.numerator.has_value());
        CHECK_FALSE(row.value.has_value());
    }
    CHECK(same_numbers(rows_of(*only("arrangementen"), "arrangementen"),
                       rows_of(*full, "arrangementen")));
    for (const char* kpi : {"deelname_so", "leerlingen_so", "tlv_toegekend", "thuiszitters",
                            "opp_percentage", "middelen_saldo", "verwijzingen_sbo"})
        CHECK_MESSAGE(same_numbers(rows_of(*only(kpi), kpi), rows_of(*full, kpi)), kpi);
}

TEST_CASE("partial load: without extract.csv the tables the extract date comes from are read") {
    temp_folder f("valid_small");
    f.remove("extract.csv");
    const auto full = load_folder(f.path()).value();
    REQUIRE(full->extract_date_origin() == extract_origin::derived);
    const auto partial = load_only(f.path(), always_read_tables).value();
    CHECK(partial->extract_date() == full->extract_date());
    for (auto t : {table::tlvs, table::opps, table::absences}) CHECK(partial->has_table(t));
    CHECK_FALSE(partial->has_table(table::arrangements));

    // Given as an option, the date needs none of them.
    load_options o;
    o.tables = always_read_tables;
    o.as_of = full->extract_date();
    const auto dated = load_folder(f.path(), o).value();
    CHECK_FALSE(dated->has_table(table::tlvs));
    CHECK(dated->extract_date() == full->extract_date());
}

TEST_CASE("partial load: the JSON loader too, and a partial dataset is not saved as a snapshot") {
    std::ifstream in(test::data_dir() / "valid_small.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    load_options o;
    o.tables = with_always({table::tlvs});
    const auto r = load_json(text.str(), "data.json", o);
    REQUIRE(r.ok());
    CHECK_FALSE(r.data->has_table(table::arrangements));
    CHECK(r.data->tables_left_out().contains(table::arrangements));
    CHECK(test::messages(r).front() ==
          "data.json[arrangements]: warning: not read: a partial load reads only the tables "
          "asked for; a KPI that needs arrangements has no value");

    temp_folder f;
    CHECK_THROWS_WITH_AS(save_snapshot(*r.data, f.path() / "x.snapshot"),
                         doctest::Contains("a partial load (tables left out) is not saved"), error);
    CHECK_FALSE(std::filesystem::exists(f.path() / "x.snapshot"));
}
