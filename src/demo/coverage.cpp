// SPDX-License-Identifier: EUPL-1.2
// The demo's covering network and annual accounts (contract v1.1): support offers per school,
// the support domain of each individual arrangement, and each partnership's income and
// reserves. All by fixed rules, drawing nothing: the random stream, and so every other record of
// the demo, stays as it was without them (docs/demo-region.md says what they show).
#include "generator.hpp"

#include "passend/builder.hpp"

#include <array>

PASSEND_NAMESPACE_BEGIN
namespace demo {

std::string_view arrangement_domain(int level, std::uint64_t n, setting school) {
    if (level == 5)
        return school == setting::so || school == setting::vso ? "fysiek_medisch" : "gedrag";
    if (level == 4) return "leren";
    if (level == 2) return "taal";
    return n % 3 == 0 ? "taal" : "gedrag"; // level 3: mostly behaviour
}

namespace {

struct offer_rule {
    std::string_view domain;
    int level;
    int places;
    cents tariff; ///< per place per school year
};

/// What a school offers: regular schools behaviour and language support, every second one
/// learning support, and only the schools of the first municipality with schools of a setting
/// offer `hoogbegaafd` (so most municipalities lack it); specialised schools their own.
std::vector<offer_rule> offers_of(setting kind, std::uint32_t school) {
    switch (kind) {
    case setting::bao:
    case setting::vo: {
        // Behaviour is offered with few places: the demo's over-demanded domain.
        std::vector<offer_rule> out{{"gedrag", 3, 1, 4'500'00}, {"taal", 2, 6, 1'500'00}};
        if (school % 2 == 0) out.push_back({"leren", 4, 6, 6'000'00});
        return out;
    }
    case setting::sbo:
    case setting::pro:
        return {{"leren", 4, 40, 5'500'00}, {"gedrag", 4, 10, 7'000'00}};
    case setting::so:
    case setting::vso:
        return {{"fysiek_medisch", 5, 30, 14'000'00}, {"zintuiglijk", 5, 8, 16'000'00}};
    }
    return {};
}

} // namespace

void support_offers(const region& r, const window& w, dataset_builder& b) {
    // The gifted offer lives in one municipality per sector: every other one lacks it.
    std::array<std::uint32_t, 2> gifted{none, none};
    for (std::uint32_t i = 0; i < r.schools.size(); ++i) {
        const auto& s = r.schools[i];
        if (!is_regular(s.kind)) continue;
        auto& m = gifted[sector_of(s.kind) == sector::po ? 0 : 1];
        if (m == none) m = s.municipality;
    }
    // The last two school years: the partnerships began counting their network then.
    for (int y = std::max(w.first_year, w.last_year - 1); y <= w.last_year; ++y)
        for (std::uint32_t i = 0; i < r.schools.size(); ++i) {
            const auto& s = r.schools[i];
            for (const auto& o : offers_of(s.kind, i))
                b.add(support_offer_row{s.id, school_year{y}, o.domain, o.level, o.places,
                                        o.tariff + (y - w.last_year) * 100'00});
            if (is_regular(s.kind) &&
                s.municipality == gifted[sector_of(s.kind) == sector::po ? 0 : 1])
                b.add(support_offer_row{s.id, school_year{y}, "hoogbegaafd", 3, 12, 2'000'00});
        }
}

void finances(const region& r, const window& w, dataset_builder& b) {
    // Income in proportion to the partnership's schools; reserves a share of it. The first
    // partnership holds reserves well above its signal value in every year (9% of income and
    // € 250,000 more, above the minimum too however small the demo).
    std::vector<cents> schools(r.swvs.size(), 0);
    for (const auto& s : r.schools) ++schools[s.swv];
    const int last =
        w.last_year; // the calendar year of the last complete accounts before the extract
    for (int y = std::max(w.first_year, last - 2); y <= last; ++y)
        for (std::uint32_t k = 0; k < r.swvs.size(); ++k) {
            const cents income = schools[k] * 450'000'00 + (y - last) * 1'000'000'00 / 10;
            const cents reserves =
                k == 0 ? income / 100 * 9 + 250'000'00 : income / 1000 * (20 + 5 * (k % 3));
            b.add(finance_row{y, r.swvs[k].id, income, reserves});
        }
}

} // namespace demo
PASSEND_NAMESPACE_END
