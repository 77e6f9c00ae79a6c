// SPDX-License-Identifier: EUPL-1.2
// The demo's geography: Zuid-Limburg from real municipality codes, or a synthetic country.
#include "region.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <numeric>

PASSEND_NAMESPACE_BEGIN
namespace demo {

namespace {

/// Pupils per school by setting, and the share of a sector's pupils in each setting (per mille).
struct school_plan {
    std::array<std::uint32_t, setting_count> pupils_per_school;
};
// Zuid-Limburg has many small village schools; the national sizes follow the DUO averages.
constexpr school_plan regional_plan{{190, 110, 90, 850, 170, 150}};
constexpr school_plan national_plan{{265, 120, 100, 1000, 200, 170}};
/// Per mille of all pupils in each setting at a teldatum (the rates the pupils are tuned to).
constexpr std::array<std::uint64_t, setting_count> setting_share{560, 12, 9, 391, 13, 15};

/// Round a / b to the nearest whole number, at least `least`.
std::uint32_t rounded(std::uint64_t a, std::uint64_t b, std::uint32_t least) {
    return std::max<std::uint32_t>(least, static_cast<std::uint32_t>((a + b / 2) / b));
}

/// Spread `count` schools over municipalities in proportion to their people (D'Hondt).
std::vector<std::uint32_t> spread(const region& r, const std::vector<std::uint32_t>& places,
                                  std::uint32_t count) {
    std::vector<std::uint32_t> given(places.size(), 0), out;
    for (std::uint32_t k = 0; k < count; ++k) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < places.size(); ++i) {
            // people[i] / (given[i] + 1) > people[best] / (given[best] + 1), in integers
            const auto lhs = std::uint64_t{r.municipalities[places[i]].people} * (given[best] + 1);
            const auto rhs = std::uint64_t{r.municipalities[places[best]].people} * (given[i] + 1);
            if (lhs > rhs) best = i;
        }
        ++given[best];
        out.push_back(places[best]);
    }
    return out;
}

constexpr std::array<std::string_view, 24> school_words{
    "De Regenboog",   "Sint Jozef",     "De Kring",      "Op de Bies",   "De Horizon",
    "Het Palet",      "De Wegwijzer",   "Sint Martinus", "De Schakel",   "Mozaiek",
    "De Windroos",    "Het Kompas",     "De Bron",       "Sint Michael", "De Vlinder",
    "Het Anker",      "De Sprong",      "Kakelbont",     "De Triangel",  "Het Ravelijn",
    "De Tovercirkel", "Sint Lambertus", "De Klimop",     "Het Baken"};
constexpr std::array<std::string_view, setting_count> school_prefix{
    "Basisschool", "SBO", "SO", "College", "Praktijkschool", "VSO"};

std::string school_name(setting s, std::uint32_t n, const municipality_info& m) {
    return fmt::format("{} {} {}", school_prefix[index_of(s)],
                       school_words[n % school_words.size()], m.name);
}

/// Place the schools of every setting: regular ones per municipality, the specialised ones and
/// VO per partnership, all in proportion to the people living there.
void place_schools(region& r, std::uint64_t pupils, const school_plan& plan) {
    std::uint64_t people = 0;
    for (const auto& m : r.municipalities) people += m.people;
    const auto add = [&](setting s, std::uint32_t m, std::uint32_t w) {
        const auto n = static_cast<std::uint32_t>(r.schools.size());
        r.schools.push_back(
            {school_code(n), school_name(s, n, r.municipalities[m]), none, w, m, s});
    };
    // Expected pupils of a setting in a set of municipalities.
    const auto expected = [&](const std::vector<std::uint32_t>& places, setting s) {
        std::uint64_t p = 0;
        for (auto m : places) p += r.municipalities[m].people;
        return pupils * setting_share[index_of(s)] * p / (people * 1000);
    };
    for (std::uint32_t m = 0; m < r.municipalities.size(); ++m) {
        const auto n = rounded(expected({m}, setting::bao), plan.pupils_per_school[0], 1);
        for (std::uint32_t k = 0; k < n; ++k) add(setting::bao, m, r.municipalities[m].po_swv);
    }
    for (std::uint32_t w = 0; w < r.swvs.size(); ++w) {
        std::vector<std::uint32_t> places;
        for (std::uint32_t m = 0; m < r.municipalities.size(); ++m)
            if (r.municipalities[m].po_swv == w || r.municipalities[m].vo_swv == w)
                places.push_back(m);
        if (places.empty()) continue;
        const auto kinds = r.swvs[w].sector_of == sector::po
                               ? std::array{setting::sbo, setting::so}
                               : std::array{setting::pro, setting::vso};
        if (r.swvs[w].sector_of == sector::vo) {
            const auto n = rounded(expected(places, setting::vo), plan.pupils_per_school[3], 2);
            for (auto m : spread(r, places, n)) add(setting::vo, m, w);
        }
        for (auto s : kinds) {
            const auto n = rounded(expected(places, s), plan.pupils_per_school[index_of(s)], 1);
            for (auto m : spread(r, places, n)) add(s, m, w);
        }
    }
}

} // namespace

std::string school_code(std::uint32_t n) {
    // 7,919 is prime to 67,600 = 100 * 26 * 26, so this is a one-to-one shuffle.
    const std::uint32_t k = static_cast<std::uint32_t>((std::uint64_t{n} * 7919 + 1237) % 67'600);
    return fmt::format("{:02}{}{}00", k / 676, static_cast<char>('A' + (k / 26) % 26),
                       static_cast<char>('A' + k % 26));
}

void region::index() {
    std::vector<std::uint32_t> people;
    for (const auto& m : municipalities) people.push_back(m.people);
    people_cumulative = cumulative(people);
    in_municipality.assign(municipalities.size() * setting_count, {});
    in_swv.assign(swvs.size() * setting_count, {});
    for (std::uint32_t i = 0; i < schools.size(); ++i) {
        const auto& s = schools[i];
        in_municipality[s.municipality * setting_count + index_of(s.kind)].push_back(i);
        in_swv[s.swv * setting_count + index_of(s.kind)].push_back(i);
    }
}

region zuid_limburg(std::uint64_t pupils) {
    region r;
    r.swvs = {{"PO3104", "Westelijke Mijnstreek", sector::po},
              {"PO3105", "Maastricht-Heuvelland", sector::po},
              {"PO3106", "Parkstad", sector::po},
              // The Kwaliteitsbeleid 2023-2027 is the joint quality policy of the VO partnerships
              // Maastricht-Heuvelland and Parkstad; the demo has one VO partnership for the whole
              // region, with the contract's example code.
              {"VO3105", "Passend VO Zuid-Limburg", sector::vo}};
    constexpr std::uint32_t wm = 0, mh = 1, ps = 2, vo = 3;
    // CBS codes (2024) and inhabitants in thousands, rounded.
    r.municipalities = {{"GM1883", "Sittard-Geleen", 91, wm, vo},
                        {"GM0888", "Beek", 16, wm, vo},
                        {"GM0971", "Stein", 25, wm, vo},
                        {"GM0935", "Maastricht", 122, mh, vo},
                        {"GM1903", "Eijsden-Margraten", 25, mh, vo},
                        {"GM1729", "Gulpen-Wittem", 14, mh, vo},
                        {"GM0938", "Meerssen", 19, mh, vo},
                        {"GM0981", "Vaals", 10, mh, vo},
                        {"GM0994", "Valkenburg aan de Geul", 16, mh, vo},
                        {"GM0917", "Heerlen", 87, ps, vo},
                        {"GM0928", "Kerkrade", 45, ps, vo},
                        {"GM0882", "Landgraaf", 37, ps, vo},
                        {"GM0899", "Brunssum", 27, ps, vo},
                        {"GM1954", "Beekdaelen", 36, ps, vo},
                        {"GM0965", "Simpelveld", 10, ps, vo},
                        {"GM0986", "Voerendaal", 12, ps, vo}};
    r.boards = {{"BG41001", "Stichting Kindante (demo)"},
                {"BG41002", "Stichting Primair Onderwijs Maastricht (demo)"},
                {"BG41003", "Stichting Heuvelland Scholen (demo)"},
                {"BG41004", "Stichting Parkstad Primair (demo)"},
                {"BG41005", "Stichting Speciaal Onderwijs Zuid-Limburg (demo)"},
                {"BG41006", "Stichting VO Zuid-Limburg (demo)"},
                {"BG41007", "Stichting VO Westelijke Mijnstreek (demo)"}};
    r.model_board = 0;
    r.model_board_swv = wm;
    place_schools(r, pupils, regional_plan);

    // Boards: the model board runs the primary schools of Westelijke Mijnstreek and one sbo and
    // one so school there; a board of village schools spans two partnerships.
    bool kindante_sbo = false, kindante_so = false;
    for (auto& s : r.schools) {
        const auto& m = r.municipalities[s.municipality];
        const bool in_wm = m.po_swv == wm;
        switch (s.kind) {
        case setting::bao:
            if (in_wm)
                s.board = 0;
            else if (m.code == "GM0935" || m.code == "GM0938" || m.code == "GM0994")
                s.board = 1;
            else if (m.po_swv == mh || m.code == "GM0965" || m.code == "GM0986")
                s.board = 2;
            else
                s.board = 3;
            break;
        case setting::sbo:
            s.board = in_wm && !kindante_sbo ? 0 : 4;
            kindante_sbo |= in_wm;
            break;
        case setting::so:
            s.board = in_wm && !kindante_so ? 0 : 4;
            kindante_so |= in_wm;
            break;
        case setting::vso:
            s.board = 4;
            break;
        case setting::vo:
        case setting::pro:
            s.board = in_wm ? 6 : 5;
            break;
        }
    }
    r.index();
    return r;
}

region synthetic_country(int partnerships, std::uint64_t pupils) {
    region r;
    const auto n_po = static_cast<std::uint32_t>(std::max(1, partnerships / 2));
    const auto n_vo = static_cast<std::uint32_t>(std::max(1, partnerships - partnerships / 2));
    for (std::uint32_t i = 0; i < n_po; ++i)
        r.swvs.push_back({fmt::format("PO{:04}", 1001 + i),
                          fmt::format("Samenwerkingsverband PO regio {}", i + 1), sector::po});
    for (std::uint32_t i = 0; i < n_vo; ++i)
        r.swvs.push_back({fmt::format("VO{:04}", 1001 + i),
                          fmt::format("Samenwerkingsverband VO regio {}", i + 1), sector::vo});
    // The Netherlands has 342 municipalities for about 150 partnerships.
    const auto n_mun = std::max<std::uint32_t>(
        n_po + n_vo, static_cast<std::uint32_t>(342ull * (n_po + n_vo) / 150));
    rng g(stream_seed(0x5EED, 1));
    for (std::uint32_t i = 0; i < n_mun; ++i) {
        // A few cities, many towns: inhabitants (thousands) skewed by squaring a uniform draw.
        const std::uint32_t u = g.below(100);
        const std::uint32_t people = 8 + u * u * u / 5'000 + g.below(25);
        // VO regions are shifted by half a region so that they cut across the PO regions.
        const std::uint32_t vo_pos = (i + n_mun / (2 * n_vo)) % n_mun;
        r.municipalities.push_back(
            {fmt::format("GM{:04}", 5001 + i), fmt::format("Gemeente {}", i + 1), people,
             static_cast<std::uint32_t>(std::uint64_t{i} * n_po / n_mun),
             n_po + static_cast<std::uint32_t>(std::uint64_t{vo_pos} * n_vo / n_mun)});
    }
    place_schools(r, pupils, national_plan);

    // Boards: up to seven primary schools of one partnership per board, three VO schools (and
    // the partnership's pro schools with the first), one board for the specialised schools.
    std::vector<std::uint32_t> open_board(r.swvs.size() * setting_count, none), filled;
    const auto new_board = [&](std::string kind) {
        const auto b = static_cast<std::uint32_t>(r.boards.size());
        r.boards.push_back(
            {fmt::format("BG{:05}", 10001 + b), fmt::format("Schoolbestuur {} {}", kind, b + 1)});
        filled.push_back(0);
        return b;
    };
    for (auto& s : r.schools) {
        const std::uint32_t capacity = s.kind == setting::bao ? 7 : s.kind == setting::vo ? 3 : 99;
        const setting group = s.kind == setting::so    ? setting::sbo
                              : s.kind == setting::pro ? setting::vo
                              : s.kind == setting::vso ? setting::vso
                                                       : s.kind;
        auto& slot = open_board[s.swv * setting_count + index_of(group)];
        if (slot == none || filled[slot] >= capacity)
            slot = new_board(sector_of(s.kind) == sector::po ? "PO" : "VO");
        s.board = slot;
        if (s.kind != setting::pro) ++filled[slot];
    }
    r.model_board = r.schools.front().board;
    r.model_board_swv = r.schools.front().swv;
    r.index();
    return r;
}

} // namespace demo
PASSEND_NAMESPACE_END
