// SPDX-License-Identifier: EUPL-1.2
// The KPI catalog: the built-in one covers docs/definitions.md and the quality policy's KPI set;
// user catalogs add to and override it; invalid definitions are rejected naming the KPI id and the
// JSON path.
#include "kpi_harness.hpp"
#include "passend/kpi/catalog_json.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace kpi_test;

namespace {

/// The ids in the first column of the tables of one section of docs/definitions.md (from its
/// `## heading` to the next one): backticked names, with `<setting>` and `<x>` expanded (`<x>`
/// to the settings a row lists after "x in", else to sbo, so, pro and vso) and `_so` continuing
/// the name before it (up to its last underscore).
std::set<std::string> definition_ids(const std::string& heading) {
    std::ifstream in(std::string(PASSEND_DOCS_DIR) + "/definitions.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    const auto begin = all.find("\n## " + heading + "\n");
    REQUIRE(begin != std::string::npos);
    const auto end = all.find("\n## ", begin + 1);
    std::istringstream table(all.substr(begin, end - begin));
    std::set<std::string> ids;
    const std::regex token("`([a-z0-9_<>]+)`");
    std::vector<std::string> x_settings{"sbo", "so", "pro", "vso"};
    for (std::string line; std::getline(table, line);) {
        if (!line.starts_with("| `")) continue;
        std::string first = line.substr(0, line.find('|', 2));
        if (const auto x_in = first.find(", x in "); x_in != std::string::npos) {
            const std::string listed = first.substr(x_in);
            first.resize(x_in);
            x_settings.clear();
            for (std::sregex_iterator it(listed.begin(), listed.end(), token), stop; it != stop;
                 ++it)
                x_settings.push_back((*it)[1]);
        }
        std::string prefix;
        for (std::sregex_iterator it(first.begin(), first.end(), token), stop; it != stop; ++it) {
            std::string id = (*it)[1];
            if (id.starts_with('_'))
                id = prefix + id.substr(1);
            else
                prefix = id.substr(0, id.rfind('_') + 1);
            auto expand = [&](const std::string& hole, const std::vector<std::string>& with) {
                const auto at = id.find(hole);
                if (at == std::string::npos) return false;
                for (const auto& w : with) ids.insert(std::string(id).replace(at, hole.size(), w));
                return true;
            };
            if (id.find("<framework>") != std::string::npos) continue; // per-framework template
            if (id.find("<domain>") != std::string::npos) continue;    // per support domain
            if (expand("<setting>", {"bao", "sbo", "so", "vo", "pro", "vso"})) continue;
            if (expand("<x>", x_settings)) continue;
            ids.insert(id);
        }
    }
    return ids;
}

std::string definition_with(const std::string& field_json) {
    // A valid definition with one field replaced (or added) by `field_json`.
    nlohmann::json d = nlohmann::json::parse(R"({
        "id": "mijn_kpi", "title": {"nl": "Mijn KPI", "en": "My KPI"}, "source": "test",
        "unit": "count", "numerator": {"measure": "pupils", "at": "teldatum"}, "levels": ["swv"]})");
    d.merge_patch(nlohmann::json::parse(field_json));
    return nlohmann::json{{"version", 1}, {"kpis", {d}}}.dump();
}

catalog_error rejected(const std::string& text) {
    try {
        (void)catalog::from_json(text, "mijn.json");
    } catch (const catalog_error& e) {
        return e;
    }
    FAIL("the catalog was accepted");
    return catalog_error("", "", "", "");
}

} // namespace

TEST_CASE("the built-in catalog has every id of the standard definitions (docs/definitions.md)") {
    const auto& cat = catalog::builtin();
    const auto ids = definition_ids("Standard definitions");
    CHECK(ids.size() == 40); // thuiszitters_langer_dan_3_maanden too: ids may hold digits
    for (const auto& id : ids) {
        INFO("docs/definitions.md id: " << id);
        CHECK(cat.find(id) != nullptr);
    }
    CHECK(ids.count("verwijzingspercentage_vso") == 1);
    // The breakdowns the table describes in words.
    for (const char* id :
         {"terugplaatsingen_sbo_bao", "terugplaatsingen_so_sbo", "terugplaatsingen_so_bao",
          "terugplaatsingen_vso_pro", "terugplaatsingen_vso_vo", "terugplaatsingen_pro_vo",
          "arrangementen_niveau_1", "arrangementen_niveau_5", "arrangementen_doelgroep",
          "arrangementen_kosten", "tlv_toegekend_sbo", "tlv_toegekend_so_laag",
          "tlv_toegekend_vso_hoog", "{framework}_score", "{framework}_norm"}) {
        INFO(id);
        CHECK(cat.find(id) != nullptr);
    }
    for (const auto& d : cat.definitions()) {
        INFO(d.id);
        CHECK_FALSE(d.source.empty());
        CHECK_FALSE(d.title_nl.empty());
        CHECK_FALSE(d.title_en.empty());
    }
}

TEST_CASE("the built-in catalog has every id of the partnership's monitor (contract v1.1)") {
    const auto monitor = definition_ids("The partnership's monitor (contract v1.1)");
    // 11 rows: thuiszitduur 3 quartiles, tlv_doorlooptijd 2, grens_* 2 x 3 settings and the
    // support funding both ways = 19.
    CHECK(monitor.size() == 19);
    CHECK(monitor.count("grens_uitgaand_pro") == 0);
    CHECK(monitor.count("ondersteuningsbekostiging_inkomend") == 1);
    for (const auto& id : monitor) {
        INFO("docs/definitions.md id: " << id);
        CHECK(catalog::builtin().find(id) != nullptr);
    }
}

TEST_CASE("the built-in catalog has every id of the covering network (contract v1.1)") {
    const auto ids = definition_ids("Covering network and continuity (contract v1.1)");
    // aanbod_kosten plus the two reserve ids (the per-domain `aanbod_*` are templates).
    CHECK(ids.size() == 3);
    CHECK(ids.count("signaleringswaarde_reserves") == 1);
    for (const auto& id : ids) {
        INFO("docs/definitions.md id: " << id);
        CHECK(catalog::builtin().find(id) != nullptr);
    }
    for (const char* id :
         {"aanbod_plaatsen_{domain}", "aanbod_dekking_{domain}", "aanbod_bezetting_{domain}"})
        CHECK(catalog::builtin().find(id) != nullptr);
}

TEST_CASE("the quality policy's eleven KPIs are tagged in the built-in catalog") {
    // Kwaliteitsbeleid 2023-2027 of the VO partnerships Maastricht Heuvelland & Parkstad.
    const auto policy = catalog::builtin().select({"kwaliteitsbeleid"});
    std::set<std::string> tags;
    for (const auto& d : policy.definitions())
        for (const auto& t : d.tags) tags.insert(t);
    for (int i = 1; i <= 11; ++i) CHECK(tags.count("kwaliteitsbeleid:" + std::to_string(i)) == 1);
    CHECK(policy.find("leerlingen_totaal") != nullptr); // 1
    CHECK(policy.find("deelname_vso") != nullptr);      // 3
    CHECK(policy.find("thuiszitters") != nullptr);      // 4
    CHECK(policy.find("ankerpunt1_score") != nullptr);  // 9: assessments
    CHECK(policy.find("ankerpunt2_score") != nullptr);  // 10
    CHECK(policy.find("middelen_besteed") != nullptr);  // 11: money
    CHECK(policy.find("leerlingen_bao") == nullptr);
    CHECK(catalog::builtin().select({"kwaliteitsbeleid:5"}).size() == 2);
    // Every tagged KPI names the policy among its sources, by title.
    for (const auto& d : policy.definitions()) {
        INFO(d.id);
        CHECK(d.source.find("Kwaliteitsbeleid 2023-2027") != std::string::npos);
    }
}

TEST_CASE("a catalog survives a round trip through JSON") {
    const auto& cat = catalog::builtin();
    const auto again = catalog_from_document(to_json(cat));
    REQUIRE(again.size() == cat.size());
    CHECK(to_json(again) == to_json(cat));
    CHECK(again.find("deelname_so")->denominator->filter.settings ==
          std::vector<setting>{setting::bao, setting::sbo});
}

TEST_CASE("invalid definitions are rejected with the KPI id and the JSON path") {
    auto e = rejected(definition_with(R"({"numerator": {"filter": {"setting": ["sbx"]}}})"));
    CHECK(e.kpi_id() == "mijn_kpi");
    CHECK(e.json_path() == "/kpis/0/numerator/filter/setting/0");
    CHECK(std::string(e.what()) ==
          "mijn.json: kpi mijn_kpi: /kpis/0/numerator/filter/setting/0: unknown setting \"sbx\" "
          "(one of bao|sbo|so|vo|pro|vso)");

    e = rejected(definition_with(R"({"title": {"en": null}})"));
    CHECK(e.json_path() == "/kpis/0/title");
    CHECK(std::string(e.what()).find("missing required field \"en\"") != std::string::npos);

    e = rejected(definition_with(R"({"nummerator": 1})"));
    CHECK(e.json_path() == "/kpis/0/nummerator");

    e = rejected(definition_with(R"({"unit": "percent"})"));
    CHECK(e.json_path() == "/kpis/0/unit");

    e = rejected(definition_with(R"({"numerator": {"measure": "tlvs", "at": null}, "levels":
                                    ["school"]})"));
    CHECK(e.json_path() == "/kpis/0/levels/0");
    CHECK(std::string(e.what()).find("cannot be grouped by school") != std::string::npos);

    e = rejected(definition_with(R"({"numerator": {"measure": "thuiszitters", "at": null}})"));
    CHECK(e.json_path() == "/kpis/0/numerator/filter");

    e = rejected(definition_with(R"({"numerator": {"at": "1 oktober"}})"));
    CHECK(e.json_path() == "/kpis/0/numerator/at");

    e = rejected(definition_with(R"({"numerator": {"aggregate": "mean"}})"));
    CHECK(e.json_path() == "/kpis/0/numerator");
    CHECK(std::string(e.what()).find("\"field\"") != std::string::npos);

    e = rejected(definition_with(R"({"norm": {"direction": "up", "target": 1}})"));
    CHECK(e.json_path() == "/kpis/0/norm/direction");

    // A KPI without a national row must be reported at some level.
    e = rejected(definition_with(R"({"national": false, "levels": []})"));
    CHECK(e.json_path() == "/kpis/0/national");
    e = rejected(definition_with(R"({"national": "nee"})"));
    CHECK(e.json_path() == "/kpis/0/national");

    e = rejected(definition_with(R"({"id": "Mijn KPI"})"));
    CHECK(e.kpi_id() == "Mijn KPI");
    CHECK(e.json_path() == "/kpis/0/id");

    // Duplicate ids in one file; text that is not JSON.
    nlohmann::json two = nlohmann::json::parse(definition_with("{}"));
    two["kpis"].push_back(two["kpis"][0]);
    e = rejected(two.dump());
    CHECK(e.json_path() == "/kpis/1/id");
    e = rejected("{\"kpis\": [");
    CHECK(std::string(e.what()).starts_with("mijn.json: not valid JSON"));
}

TEST_CASE("a malformed catalog file names the file, the KPI id and the JSON path") {
    const auto path = std::filesystem::temp_directory_path() / "passend-kpi-bad-catalog.json";
    {
        std::ofstream out(path);
        out << definition_with(R"({"id": "deelname_so", "denominator": {"measure": "pupils",
                                   "at": "peildatum", "filter": {"setting": ["bao"],
                                   "exit": ["diploma"]}}})");
    }
    try {
        (void)catalog::builtin_with(path);
        FAIL("accepted");
    } catch (const catalog_error& e) {
        CHECK(e.kpi_id() == "deelname_so");
        CHECK(e.json_path() == "/kpis/0/denominator/filter/exit");
        CHECK(std::string(e.what()).starts_with(path.string() + ": kpi deelname_so: "));
    }
    std::filesystem::remove(path);
    CHECK_THROWS_AS(catalog::from_file(path), catalog_error);
}

TEST_CASE("a user catalog adds KPIs and overrides built-in ones") {
    // deelname_so gets a norm (at most 30%, 10 points of tolerance); a new KPI counts sbo at F.
    const auto user = catalog::from_json(R"({"version": 1, "kpis": [
      {"id": "deelname_so", "title": {"nl": "Deelname so", "en": "so rate"},
       "source": "our year plan", "unit": "percent", "scale": 100,
       "numerator": {"measure": "pupils", "at": "teldatum", "filter": {"setting": ["so"]}},
       "denominator": {"measure": "pupils", "at": "teldatum", "filter": {"setting": ["bao", "sbo"]}},
       "levels": ["swv"], "sector": "po",
       "norm": {"direction": "at_most", "target": 30, "tolerance": 10}},
      {"id": "sbo_op_peildatum", "title": {"nl": "sbo op 1 februari", "en": "sbo on 1 February"},
       "source": "our year plan", "unit": "count",
       "numerator": {"measure": "pupils", "at": "peildatum", "filter": {"setting": ["sbo"]}}}
    ]})");
    catalog cat = catalog::builtin();
    const auto before = cat.size();
    cat.extend(user);
    CHECK(cat.size() == before + 1);
    CHECK(cat.find("deelname_so")->source == "our year plan");

    dataset_builder b;
    b.add(school_row{"01BA00", "bao", "B1", "PO01", setting::bao});
    b.add(school_row{"02SO00", "so", "B1", "PO01", setting::so});
    b.add(school_row{"03SB00", "sbo", "B1", "PO01", setting::sbo});
    for (const char* p : {"a", "b", "c", "e"}) b.add(pupil_row{p, d("2015-01-01")});
    for (const char* p : {"a", "b", "c"}) b.add(enrolment_row{p, "01BA00", d("2022-08-01")});
    b.add(enrolment_row{"e", "02SO00", d("2022-08-01"), d("2023-07-31")});
    b.add(enrolment_row{"e", "03SB00", d("2023-08-01")});
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    const auto ds = b.finish().value();
    evaluate_options o;
    o.kpis = {"deelname_so", "sbo_op_peildatum"};
    const auto r = evaluate(*ds, cat, o);
    REQUIRE(r.definitions.size() == 2);
    // 2022: 1 so pupil / 3 bao = 33.3%: within the tolerance; 2023: 0%.
    CHECK(find_row(r, "deelname_so", 2022, swv, "PO01")->status == kpi_status::aandacht);
    CHECK(find_row(r, "deelname_so", 2023, swv, "PO01")->status == kpi_status::op_koers);
    CHECK(find_row(r, "deelname_so", 2023, swv, "PO01")->change == doctest::Approx(-100.0 / 3));
    CHECK(val(r, "sbo_op_peildatum", 2023) == 1);
    CHECK(find_row(r, "deelname_so", 2023, board, "B1") == nullptr); // levels: swv only
}

TEST_CASE("evaluate options: years, units and levels") {
    dataset_builder b;
    b.add(school_row{"01BA00", "bao", "B1", "PO01", setting::bao});
    b.add(school_row{"02BA00", "bao", "B2", "PO02", setting::bao});
    b.add(pupil_row{"a", d("2015-01-01")});
    b.add(pupil_row{"b", d("2015-01-01")});
    b.add(enrolment_row{"a", "01BA00", d("2020-08-01"), d("2024-07-31")});
    b.add(enrolment_row{"b", "02BA00", d("2023-08-01"), d("2024-07-31")});
    b.add(extract_row{d("2024-07-31")}); // Exported at the end of the last school year: every year
                                         // whole (no partial year).
    const auto ds = b.finish().value();
    evaluate_options o;
    o.kpis = {"leerlingen_bao"};
    o.years = {school_year{2023}};
    o.units = {"PO02"};
    o.levels = {kpi_level::swv};
    evaluate_stats stats;
    const auto r = evaluate(*ds, catalog::builtin(), o, &stats);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].unit == "NL");
    CHECK(r.rows[0].value == 2.0);
    CHECK(r.rows[0].change == 1.0); // the previous year is read for the change
    CHECK(r.rows[1].unit == "PO02");
    CHECK(stats.enrolment_passes == 1);

    // Without years: every school year the data covers, rows sorted.
    const auto all = evaluate(*ds, catalog::builtin());
    CHECK(all.rows.front().year == school_year{2020});
    CHECK(std::is_sorted(all.rows.begin(), all.rows.end(), [](const auto& x, const auto& y) {
        return std::tie(x.kpi, x.year, x.level, x.unit) < std::tie(y.kpi, y.year, y.level, y.unit);
    }));
}
