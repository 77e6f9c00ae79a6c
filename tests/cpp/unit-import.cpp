// SPDX-License-Identifier: EUPL-1.2
// Importing UWLR and OSO exports through the library: the HMAC behind the pseudonyms, the code
// tables, how rows of several exports merge into one history, and the dataset an import gives.
#include "import/codes.hpp"
#include "import/records.hpp"
#include "load_support.hpp"

#include "passend/import/import.hpp"
#include "passend/import/pseudonym.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace passend;
using passend::test::temp_folder;
namespace fs = std::filesystem;

namespace {

std::string hex(const std::array<std::uint8_t, 32>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const auto b : bytes) out += {digits[b >> 4], digits[b & 0xF]};
    return out;
}

const fs::path fixtures = passend::test::data_dir() / "import";
const std::string secret = "correct-horse-battery-staple-2024";

detail::enrolment_record row(std::string school, day start, day end, day known) {
    return {"p", std::move(school), start, end, 0, known, {"f.xml", 1, 1, "/x"}};
}

} // namespace

TEST_CASE("hmac_sha256 is RFC 4231's HMAC-SHA-256") {
    // RFC 4231, test case 2: key "Jefe".
    CHECK(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("pseudonyms: a prefix and 80 bits of the HMAC, the same for the same key and secret") {
    const auto id = pseudonym(secret, "p-", "bsn:111222333");
    CHECK(id == "p-86a8ebbf3144b9dc5ce2"); // Python: hmac.new(secret, key, sha256).hexdigest()[:20]
    CHECK(pseudonym(secret, "p-", "bsn:111222333") == id);
    CHECK(pseudonym(secret + "x", "p-", "bsn:111222333") != id);
    CHECK(pseudonym(secret, "p-", "bsn:111222334") != id);
}

TEST_CASE("read_secret_file drops one line end and refuses a short secret") {
    temp_folder dir;
    dir.write("ok", secret + "\r\n").write("short", "tooshort\n");
    CHECK(read_secret_file(dir.path() / "ok") == secret);
    CHECK_THROWS_WITH_AS(read_secret_file(dir.path() / "short"),
                         doctest::Contains("the secret has 8 bytes"), passend::error);
    CHECK_THROWS_AS(read_secret_file(dir.path() / "absent"), passend::error);
}

TEST_CASE("code tables") {
    CHECK(detail::oso_school_kind("SO") == setting::so);
    CHECK(detail::oso_school_kind("vso") == setting::vso);
    CHECK(detail::oso_school_kind("SBAO") == setting::sbo);
    CHECK_FALSE(detail::oso_school_kind("REC3"));
    CHECK(detail::oso_tlv_category("M") == funding_category::midden);
    CHECK(detail::oso_tlv_category("Nvt") == funding_category::none);
    CHECK_FALSE(detail::oso_tlv_category("X"));
    CHECK(detail::parse_jaargroep("8")->grade == 8);
    CHECK(detail::parse_jaargroep("12")->grade == 2);
    CHECK(detail::parse_jaargroep("12")->department == setting::vso);
    CHECK(detail::parse_jaargroep("V")->department == setting::vso);
    CHECK(detail::parse_jaargroep("S")->grade == 0);
    CHECK_FALSE(detail::parse_jaargroep("9"));
    CHECK(detail::normalise_swv(" po 31-04 ") == "PO3104");
    CHECK(detail::department_id("30CC00", setting::vso) == "30CC00-vso");
    CHECK(detail::department_id("10AA00", setting::bao) == "10AA00");
    // OSO names no setting for a TLV.
    CHECK(detail::tlv_setting(setting::so, "PO3104", funding_category::hoog) == setting::so);
    CHECK(detail::tlv_setting(setting::vso, "PO3104", funding_category::hoog) == setting::so);
    CHECK(detail::tlv_setting(setting::vso, "PO3104", funding_category::none) == setting::sbo);
    CHECK(detail::tlv_setting(setting::bao, "VO3105", funding_category::none) == setting::pro);
    CHECK_FALSE(detail::tlv_setting(setting::so, "3104", funding_category::laag));
}

TEST_CASE("merging rows: school years across the summer, open ends closed by later exports") {
    detail::import_records r;
    std::vector<diagnostic> d;
    // Two school years at one school with the summer between: one enrolment.
    r.enrolments = {row("A", make_day(2016, 8, 22), make_day(2017, 7, 14), make_day(2017, 7, 31)),
                    row("A", make_day(2017, 8, 21), open_end, make_day(2018, 7, 31)),
                    // Open in an export known up to 2018-07-31; another school from September.
                    row("B", make_day(2018, 9, 3), open_end, make_day(2019, 7, 31))};
    detail::merge_histories(r, d);
    CHECK(d.empty());
    REQUIRE(r.enrolments.size() == 2);
    CHECK(r.enrolments[0].school == "A");
    CHECK(r.enrolments[0].end == make_day(2018, 9, 2));
    CHECK(r.enrolments[1].start == make_day(2018, 9, 3));

    // A gap of a whole term is no summer: two enrolments at one school.
    r.enrolments = {row("A", make_day(2016, 8, 22), make_day(2017, 1, 31), make_day(2017, 7, 31)),
                    row("A", make_day(2017, 8, 21), open_end, make_day(2018, 7, 31))};
    detail::merge_histories(r, d);
    CHECK(r.enrolments.size() == 2);

    // Two schools on the same days while both exports knew: a conflict naming both places.
    r.enrolments = {row("A", make_day(2016, 8, 22), open_end, make_day(2019, 7, 31)),
                    row("B", make_day(2018, 9, 3), open_end, make_day(2019, 7, 31))};
    r.enrolments[1].where = {"b.xml", 7, 5, "/y"};
    detail::merge_histories(r, d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == "b.xml");
    CHECK(d[0].line == 7);
    CHECK(d[0].rule == "conflicting_enrolments");
    CHECK(d[0].message.find("at f.xml:1:1 (/x)") != std::string::npos);
}

TEST_CASE("merging support rows: the same number twice is kept once, or is a conflict") {
    detail::import_records r;
    std::vector<diagnostic> d;
    const detail::origin a{"a.xml", 3, 9,
                           "/dossier/huidigeschool/leerling/onderwijsondersteuning/tlv"};
    const detail::origin b{"b.xml", 5, 9,
                           "/dossier/huidigeschool/leerling/onderwijsondersteuning/tlv"};
    const detail::tlv_record tlv{"t-1",
                                 "p-1",
                                 "PO3104",
                                 setting::so,
                                 funding_category::hoog,
                                 make_day(2022, 8, 1),
                                 make_day(2025, 7, 31),
                                 a};
    r.tlvs = {tlv, tlv};
    r.tlvs[1].where = b;
    detail::merge_histories(r, d);
    CHECK(d.empty());
    CHECK(r.tlvs.size() == 1);

    r.tlvs = {tlv, tlv};
    r.tlvs[1].where = b;
    r.tlvs[1].category = funding_category::laag;
    detail::merge_histories(r, d);
    REQUIRE(d.size() == 1);
    CHECK(to_string(d[0]) ==
          "b.xml:5:9: error: this tlv of pupil p-1 differs from the one with the same number read "
          "at a.xml:3:9 (/dossier/huidigeschool/leerling/onderwijsondersteuning/tlv)");
}

TEST_CASE("import_exports: the library call behind `passend import`") {
    import_options o;
    o.secret = secret;
    const std::vector<fs::path> oso = {fixtures / "oso/poswv_full.xml",
                                       fixtures / "oso/voswv_full.xml"};
    const auto result = import_exports(export_format::oso, oso, o);
    REQUIRE(result.ok());
    const auto& ds = *result.data;
    CHECK(ds.pupils().size() == 1);     // the same BSN in both dossiers
    CHECK(ds.enrolments().size() == 3); // bao, then the so and vso departments of 30CC00
    CHECK(ds.schools().size() == 3);
    CHECK(ds.tlvs().size() == 3); // TLV-2022-0107 is in both dossiers: kept once

    SUBCASE("no secret, no import; UWLR needs the schools table") {
        CHECK_THROWS_AS((void)import_exports(export_format::oso, oso, import_options{}),
                        passend::error);
        CHECK_THROWS_WITH_AS((void)import_exports(export_format::uwlr, oso, o),
                             doctest::Contains("--schools"), passend::error);
    }
    SUBCASE("import_to_folder writes nothing when a file is broken") {
        temp_folder dir;
        const auto out = dir.path() / "out";
        std::vector<fs::path> files = oso;
        files.push_back(fixtures / "errors/missing_element.xml");
        CHECK_THROWS_AS(import_to_folder(export_format::oso, files, o, out), load_error);
        CHECK(fs::is_empty(dir.path()));
        CHECK(import_to_folder(export_format::oso, oso, o, out).size() == 3); // 3 warnings
        CHECK(fs::exists(out / "tlvs.csv"));
        CHECK_THROWS_WITH_AS(import_to_folder(export_format::oso, oso, o, out),
                             doctest::Contains("not an empty folder"), passend::error);
    }
}
