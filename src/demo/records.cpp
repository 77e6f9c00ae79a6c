// SPDX-License-Identifier: EUPL-1.2
// The records of partnerships, boards and schools: the region itself, group and target-group
// arrangements, assessments (43 process indicators per board, anchor points 1-4 per school) and
// money (funds per board and partnership, allocations per purpose).
#include "generator.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <string>

PASSEND_NAMESPACE_BEGIN
namespace demo {

namespace {

using date::days;

/// The model board's accountability report 2024-2025: what it received from PO3104 in 2024-2025 and
/// how it spent it, in euro.
constexpr cents model_funds = 1'631'099'00;
struct purpose {
    std::string_view name, kpi;
    cents amount;
};
constexpr std::array<purpose, 4> model_allocations{{
    {"directe zorgstructuur op scholen", "opp_percentage", 1'019'682'00},
    {"onderwijsloket en ambulante begeleiding (KindanteKwadrant)", "verwijzingen_sbo", 506'195'00},
    {"Adelante", "", 12'822'00},
    {"casuistiek begeleiding scholen", "thuiszitters", 92'400'00},
}};
constexpr std::array<std::string_view, 4> other_purposes{
    "inzet ondersteuning op scholen", "expertise en ambulante begeleiding",
    "individuele arrangementen", "doelgroeparrangementen"};

constexpr int anchor_items = 8;
constexpr int process_indicators = 43; // four groups, 1-7, 8-27, 28-34, 35-43

/// A score ja (1), deels (0.5) or nee (0) averaging `quality` per mille.
double score(rng& g, int quality) {
    const int r = g.between(0, 999);
    return r < quality - 100 ? 1.0 : r < quality + 100 ? 0.5 : 0.0;
}

void group_arrangements(const region& r, const window& w, const demo_options& o, dataset_builder& b,
                        tallies& t) {
    char id[16];
    for (std::uint32_t s = 0; s < r.schools.size(); ++s) {
        const auto& school = r.schools[s];
        rng g(stream_seed(o.seed ^ 0xA2A2A2A2ull, s));
        const bool special = !is_regular(school.kind);
        for (int y = w.first_year; y <= w.last_year; ++y) {
            const int count = 1 + g.between(0, 1) + (special ? 1 : 0);
            for (int k = 0; k < count; ++k) {
                // Specialised schools run target-group arrangements (level 5), regular ones
                // group arrangements at levels 1-4.
                const bool doelgroep = special && k > 0;
                const int level = doelgroep ? 5 : g.between(1, 4);
                const day start = make_day(y, 9, 1) + days{g.between(0, 60)};
                const day end = make_day(y + 1, 6, 30) - days{g.between(0, 120)};
                const cents cost =
                    cents{doelgroep ? g.between(30'000, 150'000) : g.between(2'000, 25'000)} * 100;
                const auto n = fmt::format_to(id, "A{:08}", ++t.arrangements);
                b.add(arrangement_row{{id, static_cast<std::size_t>(n - id)},
                                      {},
                                      school.id,
                                      level,
                                      doelgroep ? arrangement_kind::doelgroep
                                                : arrangement_kind::groep,
                                      start,
                                      end,
                                      cost});
            }
        }
    }
}

void assessments(const region& r, const window& w, const demo_options& o, dataset_builder& b) {
    std::array<std::string, process_indicators + 1> item;
    for (int i = 1; i <= process_indicators; ++i) item[i] = std::to_string(i);
    constexpr std::array<std::string_view, 4> anchors{"ankerpunt1", "ankerpunt2", "ankerpunt3",
                                                      "ankerpunt4"};
    // Board quality in per mille: most around the 75% norm, improving a little every year.
    std::vector<int> quality(r.boards.size());
    for (std::uint32_t k = 0; k < r.boards.size(); ++k) {
        rng g(stream_seed(o.seed ^ 0xB0A4Dull, k));
        quality[k] = k == r.model_board ? 820 : g.between(680, 880);
        for (int y = w.first_year; y <= w.last_year; ++y) {
            const int q = quality[k] + 8 * (y - w.first_year);
            for (int i = 1; i <= process_indicators; ++i)
                b.add(assessment_row{school_year{y}, r.boards[k].id, "procesindicatoren", item[i],
                                     score(g, q)});
        }
    }
    // Anchor points are measured every two years (as in the model board's report), ending with the
    // last year.
    for (std::uint32_t s = 0; s < r.schools.size(); ++s) {
        rng g(stream_seed(o.seed ^ 0xA4C40ull, s));
        const int q = std::clamp(quality[r.schools[s].board] + g.between(-160, 100), 350, 980);
        for (int y = w.last_year; y >= w.first_year; y -= 2)
            for (const auto anchor : anchors)
                for (int i = 1; i <= anchor_items; ++i)
                    b.add(assessment_row{school_year{y}, r.schools[s].id, anchor, item[i],
                                         score(g, q + 6 * (y - w.first_year))});
    }
}

/// Funds per board, paying partnership and year in proportion to the board's pupils at the
/// teldatum, scaled so that the model board receives its report's 1,631,099.00 in the last year;
/// allocations spend them, the model board's exactly as in its report.
void money(const region& r, const window& w, const demo_options& o, dataset_builder& b,
           const tallies& t) {
    const auto years = static_cast<std::size_t>(w.years());
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint64_t>> pupils;
    for (std::uint32_t s = 0; s < r.schools.size(); ++s) {
        auto& p = pupils[{r.schools[s].board, r.schools[s].swv}];
        p.resize(years, 0);
        for (std::size_t y = 0; y < years; ++y) p[y] += t.at_teldatum[s * years + y];
    }
    const auto& model = pupils[{r.model_board, r.model_board_swv}];
    const std::uint64_t model_last = std::max<std::uint64_t>(1, model.back());
    const auto amount_for = [&](std::uint64_t n) {
        // Whole euros: n * model_funds / model_last, rounded.
        return static_cast<cents>(
                   (n * static_cast<std::uint64_t>(model_funds / 100) + model_last / 2) /
                   model_last) *
               100;
    };
    std::vector<cents> received(r.boards.size() * years, 0);
    for (const auto& [key, counts] : pupils) {
        const auto [board, swv] = key;
        for (std::size_t y = 0; y < years; ++y) {
            const school_year sy{w.first_year + static_cast<int>(y)};
            const cents amount =
                board == r.model_board && swv == r.model_board_swv && y + 1 == years
                    ? model_funds
                    : amount_for(counts[y]);
            if (amount == 0) continue;
            b.add(fund_row{sy, r.swvs[swv].id, r.boards[board].id, "terugploegregeling", amount});
            received[board * years + y] += amount;
        }
    }
    for (std::uint32_t k = 0; k < r.boards.size(); ++k) {
        rng g(stream_seed(o.seed ^ 0x3011E7ull, k));
        for (std::size_t y = 0; y < years; ++y) {
            const cents total = received[k * years + y];
            if (total == 0) continue;
            const school_year sy{w.first_year + static_cast<int>(y)};
            if (k == r.model_board && y + 1 == years && total == model_funds) {
                for (const auto& p : model_allocations)
                    b.add(allocation_row{sy, r.boards[k].id, p.name, p.amount, {}, p.kpi});
                continue;
            }
            // Spend 96-103% of what came in, over the purposes, the last one taking the rest.
            const cents spent = total / 1000 * g.between(960, 1030);
            const bool model_board = k == r.model_board;
            const std::size_t parts =
                model_board ? model_allocations.size() : other_purposes.size();
            cents left = spent;
            for (std::size_t i = 0; i < parts; ++i) {
                // The model board keeps its report's proportions (64 bits hold spent * amount).
                const cents share = model_board ? spent * model_allocations[i].amount / model_funds
                                                : spent / 1000 * std::array{550, 250, 150, 50}[i];
                const cents amount = i + 1 == parts ? left : share / 100 * 100;
                left -= amount;
                const auto name = model_board ? model_allocations[i].name : other_purposes[i];
                const auto kpi = model_board ? model_allocations[i].kpi : std::string_view{};
                b.add(allocation_row{sy, r.boards[k].id, name, amount, {}, kpi});
            }
        }
    }
}

/// Amounts per so/vso pupil and funding category (rates.csv) for the 2024-2025 school year, in
/// whole euros, and 3% less for each year before: ILLUSTRATIVE, of the order of the amounts of
/// ondersteuningsbekostiging but not the amounts DUO publishes (docs/demo-region.md).
constexpr std::array<std::array<cents, 3>, 2> rate_2024{{
    {10'500'00, 16'000'00, 22'500'00}, // so: laag, midden, hoog
    {11'500'00, 19'000'00, 26'000'00}, // vso
}};

void rates(const window& w, dataset_builder& b) {
    for (int y = w.first_year; y <= w.last_year; ++y)
        for (std::size_t s = 0; s < 2; ++s)
            for (std::size_t c = 0; c < 3; ++c) {
                cents amount = rate_2024[s][c];
                for (int k = y; k < 2024; ++k) amount = amount * 100 / 103;
                for (int k = 2024; k < y; ++k) amount = amount * 103 / 100;
                b.add(rate_row{school_year{y}, s == 0 ? setting::so : setting::vso,
                               static_cast<funding_category>(c + 1), amount / 100 * 100});
            }
}

/// Published national figures to compare with (reference_values.csv), with their source.
void reference_values(dataset_builder& b) {
    // The article's base is "basisschoolleerlingen"; deelname_so's is bao + sbo: approximate.
    constexpr std::string_view nrc =
        "NRC, 'Passend onderwijs: lichte stijging in aantal leerlingen dat naar speciaal onderwijs "
        "gaat' (6 February 2018), figures of the Ministry of OCW";
    b.add(reference_value_row{"deelname_so", school_year{2016}, 1.69, nrc});
    b.add(reference_value_row{"deelname_so", school_year{2017}, 1.75, nrc});
}

} // namespace

void add_region(const region& r, dataset_builder& b) {
    for (const auto& s : r.swvs) b.add(swv_row{s.id, s.name, s.sector_of});
    for (const auto& k : r.boards) b.add(board_row{k.id, k.name});
    for (const auto& m : r.municipalities) {
        b.add(region_row{m.code, r.swvs[m.po_swv].id});
        b.add(region_row{m.code, r.swvs[m.vo_swv].id});
    }
    for (const auto& s : r.schools)
        b.add(school_row{s.id, s.name, r.boards[s.board].id, r.swvs[s.swv].id, s.kind,
                         r.municipalities[s.municipality].code});
}

void add_school_records(const region& r, const window& w, const demo_options& o, dataset_builder& b,
                        tallies& t) {
    group_arrangements(r, w, o, b, t);
    assessments(r, w, o, b);
    money(r, w, o, b, t);
    rates(w, b);
    reference_values(b);
    support_offers(r, w, b);
    finances(r, w, b);
}

} // namespace demo
PASSEND_NAMESPACE_END
