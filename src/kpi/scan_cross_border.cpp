// SPDX-License-Identifier: EUPL-1.2
// Measure `cross_border` (grensverkeer): pupils on a reference day at an sbo, so or vso school
// whose covering granted TLV for that setting (as for the paying partnership: the most recently
// decided, ties to the tlv_id that sorts last) was decided by another partnership than the
// school's. Each crossing is a record twice: `uitgaand` for the deciding partnership, `inkomend`
// for the school's; nationally each direction counts every crossing once. Its field is the
// amount rates.csv gives the TLV's category in that setting and school year (NaN when missing:
// the sum then has no value).
#include "kpi/scan.hpp"

#include <cmath>
#include <limits>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// Direction, reference day, setting of the school, funding category of the TLV.
using border_space = combo_space<enum_count<border_direction>, reference_day_count, setting_count,
                                 enum_count<funding_category>>;

std::size_t border_combos(const plan&) {
    return border_space::count;
}

bool border_matches(const kpi_quantity& q, std::size_t c, const plan&) {
    const auto& f = q.filter;
    return border_space::at<0>(c) == static_cast<std::size_t>(*f.direction) &&
           border_space::at<1>(c) == day_index(q.at) &&
           allows(f.settings, static_cast<setting>(border_space::at<2>(c))) &&
           allows(f.categories, static_cast<funding_category>(border_space::at<3>(c)));
}

/// An amount also needs the rates of its year (rows.cpp: no value in a year rates.csv does not
/// cover, so none without the table).
std::optional<table> border_table(const kpi_quantity&) {
    return table::tlvs;
}

void scan_border(const scan_context& cx, pupil_idx p, record_sink& sink, scan_scratch&) {
    const auto& ds = cx.ds;
    const auto& tv = ds.tlvs();
    if (tv.first.empty() || tv.first[pos(p)] == tv.first[pos(p) + 1]) return;
    const auto& en = ds.enrolments();
    if (en.first[pos(p)] == en.first[pos(p) + 1]) return;
    for (std::size_t y = 0; y < static_cast<std::size_t>(cx.years.count); ++y) {
        const school_year sy{cx.years.first + static_cast<int>(y)};
        for (std::size_t di = 0; di < reference_day_count; ++di) {
            const day d = cx.days[di][y];
            if (d > cx.extract) continue;
            const auto e = enrolment_on(ds, p, d);
            if (!e) continue;
            const auto school = pos(en.school[*e]);
            const setting s = ds.schools().kind[school];
            if (s != setting::sbo && !is_paid_by_tlv(s)) continue;
            const auto t = covering_tlv(ds, p, s, d);
            if (!t || tv.swv[*t] == ds.schools().swv[school]) continue;
            const auto category = tv.category[*t];
            const auto rate = ds.rates().find(sy, s, category);
            const double amount = rate ? static_cast<double>(*rate) / 100.0
                                       : std::numeric_limits<double>::quiet_NaN();
            const std::uint32_t by_tlv = pos(tv.swv[*t]), by_school = swv_of(ds, school);
            for (const auto dir : {border_direction::uitgaand, border_direction::inkomend}) {
                const auto c = cx.pl.cls(kpi_measure::cross_border,
                                         border_space::encode(dir, di, s, category));
                if (c < 0) continue;
                const unit_keys k{dir == border_direction::uitgaand ? by_tlv : by_school,
                                  not_counted, not_counted, not_counted};
                sink.add(c, y, k, p, amount);
            }
        }
    }
}

} // namespace

const measure_spec cross_border_measure{.measure = kpi_measure::cross_border,
                                        .combos = border_combos,
                                        .matches = border_matches,
                                        .needs_table = border_table,
                                        .timing = measure_timing::reference_day,
                                        .per_pupil = for_pupils<scan_border>};

} // namespace kpi_detail

PASSEND_NAMESPACE_END
