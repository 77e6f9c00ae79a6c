// SPDX-License-Identifier: EUPL-1.2
#include "kpi/scan.hpp"

#include <set>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// The same day `n` years earlier (later for negative `n`); 29 February maps to 28 February.
day same_day_years_earlier(day d, int n) {
    const date::year_month_day ymd{d};
    const auto earlier = ymd - date::years{n};
    return earlier.ok() ? day{earlier} : day{earlier.year() / earlier.month() / date::last};
}

} // namespace

/// From the first year the data speak of (the enrolments' and absences', and those of money and
/// assessments: year columns of millions of rows but few years; rows of one year mostly come
/// together, so most set lookups are skipped) through the last whose teldatum is on or before
/// the extract date, each year between included.
std::vector<school_year> data_years(const dataset& ds) {
    std::set<school_year> seen(ds.school_years().begin(), ds.school_years().end());
    for (const auto* col : {&ds.funds().year, &ds.allocations().year, &ds.assessments().year}) {
        std::optional<school_year> last;
        for (const auto y : *col)
            if (y != last) seen.insert(*(last = y));
    }
    std::vector<school_year> out;
    if (seen.empty()) return out;
    for (auto y = *seen.begin(); ds.is_reported(y) && y <= *seen.rbegin(); y = y.next())
        out.push_back(y);
    return out;
}

year_range scan_years(const std::vector<school_year>& data,
                      const std::vector<school_year>& wanted) {
    std::vector<school_year> all = data;
    for (const auto y : wanted) {
        all.push_back(y);
        all.push_back(y.prev());
    }
    if (all.empty()) return {};
    const auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    return {lo->start_year(), hi->start_year() - lo->start_year() + 1};
}

scan_context::scan_context(const dataset& ds_, const plan& pl_, year_range years_,
                           const scan_settings& settings)
    : ds(ds_), pl(pl_), years(years_), view(settings.view), tlv_term_days(settings.tlv_term_days),
      any_day(settings.reference_day.has_value()),
      extract(settings.reference_day.value_or(ds_.extract_date())),
      compare_bucket(static_cast<std::size_t>(years_.count)) {
    const int day_year = school_year::containing(extract).start_year();
    for (int y = 0; y <= years.count; ++y) {
        const school_year sy{years.first + y};
        // With a reference day, the stocks of every year are taken on that day's date in it.
        days[0].push_back(settings.reference_day
                              ? same_day_years_earlier(extract, day_year - sy.start_year())
                              : sy.teldatum());
        days[1].push_back(sy.peildatum());
        first_days.push_back(settings.rolling
                                 ? same_day_years_earlier(extract, day_year - sy.start_year() + 1) +
                                       date::days{1}
                                 : sy.first_day());
    }
    horizon_year = clamped_year(extract);
    // The partial year, when it is reported and scanned with the year before it.
    const auto holding = school_year::containing(extract);
    if (!settings.rolling && ds.is_reported(holding) && holding.last_day() > extract)
        if (const auto i = years.index(holding); i && *i > 0) {
            partial = *i;
            compare_through = same_day_years_earlier(extract, 1);
        }
}

enrolment_units enrolment_units_of(const scan_context& cx, std::uint32_t e, day d,
                                   std::uint32_t municipality) {
    const auto& ds = cx.ds;
    enrolment_units u{pos(ds.enrolments().school[e]), municipality};
    if ((u.own = own_swv(ds, cx.view, u.school))) {
        const auto swv = attributed_swv(ds, e, d, cx.view);
        u.swv = has(swv) ? pos(swv) : none;
    }
    return u;
}

namespace {

/// The scans the plan needs, each once (a scan serving several measures is in each's entry).
template <class Scan>
std::vector<Scan> needed_scans(const plan& pl, Scan measure_spec::*scan) {
    std::vector<Scan> out;
    for (const auto* spec : measure_specs())
        if (spec->*scan && pl.needs(spec->measure) &&
            std::find(out.begin(), out.end(), spec->*scan) == out.end())
            out.push_back(spec->*scan);
    return out;
}

} // namespace

void scan_pupils(const scan_context& cx, std::uint32_t from, std::uint32_t to, record_sink& sink) {
    const auto scans = needed_scans(cx.pl, &measure_spec::per_pupil);
    scan_scratch scratch;
    // Block by block, every scan in turn: a block's columns stay in the cache between scans.
    constexpr std::uint32_t block = 256;
    for (std::uint32_t b = from; b < to; b += block)
        for (const auto scan : scans) scan(cx, b, std::min(to, b + block), sink, scratch);
}

std::vector<table_scan> table_scans(const plan& pl) {
    return needed_scans(pl, &measure_spec::per_table);
}

void scan_tables(const scan_context& cx, record_sink& sink) {
    for (const auto scan : table_scans(cx.pl)) scan(cx, sink);
}

} // namespace kpi_detail

PASSEND_NAMESPACE_END
