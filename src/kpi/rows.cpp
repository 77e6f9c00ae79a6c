// SPDX-License-Identifier: EUPL-1.2
#include "kpi/rows.hpp"

#include "parallel.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

namespace {

/// The years to report: those asked for, else every year the data reports; never a year whose
/// teldatum is after the extract date.
std::vector<school_year> report_years(const dataset& ds, const std::vector<school_year>& data,
                                      const evaluate_options& options) {
    if (options.years.empty()) return data;
    std::vector<school_year> years;
    std::copy_if(options.years.begin(), options.years.end(), std::back_inserter(years),
                 [&](school_year y) { return ds.is_reported(y); });
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

double median(std::vector<double> v) {
    const std::size_t n = v.size(), mid = n / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (n % 2) return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2; // the mean of the middle two
}

/// The `q` quantile (0-1) of `v` by linear interpolation between order statistics: type 7 of
/// Hyndman and Fan, numpy.percentile's default. h = (n - 1) q; x[floor h] + (h - floor h) ×
/// (x[floor h + 1] - x[floor h]).
double quantile(std::vector<double> v, double q) {
    const double h = static_cast<double>(v.size() - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    // The two order statistics without sorting the rest (a sort of every unit's values was 5%
    // of the whole catalog): x[lo] in place, x[lo + 1] the least of those after it.
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(v.begin(), at, v.end());
    const double x_lo = *at, x_hi = lo + 1 < v.size() ? *std::min_element(at + 1, v.end()) : x_lo;
    return x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
}

/// A quantity's numbers for one school year, per slot: records and the field's sum, summed over
/// its classes once, so that a row is two array reads.
struct totals {
    std::vector<double> records, sum;
    std::uint32_t q = 0;
    std::size_t year = 0;
};

totals sum_classes(const plan& pl, const accumulator& acc, const slot_layout& layout,
                   std::uint32_t q, std::size_t y) {
    const std::uint32_t slots = layout.total();
    totals t{std::vector<double>(slots, 0.0), {}, q, y};
    const auto a = pl.quantities[q].aggregate;
    const bool sums = a == kpi_aggregate::sum || a == kpi_aggregate::mean;
    if (sums) t.sum.assign(slots, 0.0);
    for (const auto c : pl.classes_of[q]) {
        acc.add_counts(c, y, t.records);
        if (sums) acc.add_sums(c, y, t.sum);
    }
    const auto swv_begin = t.records.begin() + 1;
    const auto swv_end = swv_begin + layout.count(kpi_level::swv);
    // National: the records that count for no partnership, plus every partnership slot's.
    t.records[0] += std::accumulate(swv_begin, swv_end, 0.0);
    if (sums)
        t.sum[0] +=
            std::accumulate(t.sum.begin() + 1, t.sum.begin() + (swv_end - t.records.begin()), 0.0);
    return t;
}

/// The field values of a median quantity for one year and slot.
std::vector<double> values_of(const plan& pl, const accumulator& acc, std::uint32_t q,
                              std::size_t y, std::uint32_t slot) {
    std::vector<double> out;
    for (const auto c : pl.classes_of[q])
        if (const auto* v = acc.values(c, y, slot)) out.insert(out.end(), v->begin(), v->end());
    return out;
}

/// The number a quantity contributes to a row: its count or sum.
double amount(const kpi_quantity& q, const totals& t, std::uint32_t slot) {
    return q.aggregate == kpi_aggregate::count || q.aggregate == kpi_aggregate::distinct_pupils
               ? t.records[slot]
               : t.sum[slot];
}

struct numbers {
    std::optional<double> numerator, denominator, value;
};

/// Whether a unit has records for a definition (then it has a row): in its numerator, or in its
/// denominator where the definition has one (a mean or median reads its numerator only).
bool touched(const kpi_definition& d, const totals& n, const totals* den, std::uint32_t slot) {
    if (n.records[slot] > 0) return true;
    return den && !is_average(d.numerator) && den->records[slot] > 0;
}

/// A definition's numbers for one slot, from its numerator's and denominator's totals.
numbers combine(const kpi_definition& d, const plan& pl, const accumulator& acc, const totals& n,
                const totals* den, std::uint32_t slot) {
    numbers out;
    switch (d.numerator.aggregate) {
    case kpi_aggregate::mean:
        out.numerator = n.sum[slot];
        out.denominator = n.records[slot];
        if (n.records[slot] > 0) out.value = n.sum[slot] / n.records[slot];
        return out;
    case kpi_aggregate::median:
        out.denominator = n.records[slot];
        if (n.records[slot] > 0) out.value = median(values_of(pl, acc, n.q, n.year, slot));
        return out;
    case kpi_aggregate::quantile:
        out.denominator = n.records[slot];
        if (n.records[slot] > 0)
            out.value = quantile(values_of(pl, acc, n.q, n.year, slot), d.numerator.quantile);
        return out;
    default:
        break;
    }
    // A sum with a missing amount (a cross-border pupil without a rate) is NaN: no value.
    const auto known = [](double x) { return std::isnan(x) ? std::nullopt : std::optional(x); };
    out.numerator = known(amount(d.numerator, n, slot));
    if (!den) {
        out.value = out.numerator;
        return out;
    }
    out.denominator = known(amount(*d.denominator, *den, slot));
    if (!out.numerator || !out.denominator) return out;
    if (d.combine == kpi_combine::difference)
        out.value = *out.numerator - *out.denominator;
    else if (d.combine == kpi_combine::sum)
        out.value = *out.numerator + *out.denominator;
    else if (*out.denominator != 0)
        out.value = d.scale * *out.numerator / *out.denominator;
    return out;
}

std::string_view unit_name(const dataset& ds, kpi_level level, std::uint32_t unit) {
    if (level == kpi_level::national) return "NL";
    if (unit == none) return "onbekend";
    switch (level) {
    case kpi_level::swv:
        return ds.swvs().id[unit];
    case kpi_level::board:
        return ds.boards().id[unit];
    case kpi_level::school:
        return ds.schools().id[unit];
    case kpi_level::municipality:
        return ds.municipalities().code[unit];
    default:
        return "NL";
    }
}

/// Whether side `q` of definition `d` counts or sums events of a period (measures of
/// measure_timing::period: transitions, exits, thuiszitters, absences, arrangements, TLVs, TLV
/// requests) outside a ratio, mean, median or quantile: in a partial year its change compares
/// with the same period last year. Stocks, ratios and quantiles keep their plain change; a sum of
/// the two (tlv_prognose: granted + open) compares each side its own way.
bool is_period_count(const kpi_definition& d, const kpi_quantity& q) {
    return d.combine != kpi_combine::ratio && spec_of(q.measure).timing == measure_timing::period &&
           (q.aggregate == kpi_aggregate::count || q.aggregate == kpi_aggregate::distinct_pupils ||
            q.aggregate == kpi_aggregate::sum);
}

/// Whether a definition has a value in scanned year `y` of school year `sy`: not when one of
/// its stocks is taken on a day after the extract date (a partial year's peildatum, 1 February),
/// nor an amount of rates.csv in a year the rates do not cover.
bool observed(const kpi_definition& d, const scan_context& cx, std::size_t y, school_year sy) {
    const auto on_time = [&](const kpi_quantity& q) {
        if (q.field == "rate_eur" && !cx.ds.rates().covers(sy)) return false;
        return q.at == kpi_reference::year || cx.day_of(q.at, y) <= cx.extract;
    };
    return on_time(d.numerator) && (!d.denominator || on_time(*d.denominator));
}

/// Each level's wanted units, (name, index), in id order, `onbekend` at its place among them.
using level_units = std::array<std::vector<std::pair<std::string_view, std::uint32_t>>, 5>;
level_units units_by_level(const dataset& ds, const slot_layout& layout,
                           const evaluate_options& options) {
    auto unit_wanted = [&](std::string_view unit) {
        return options.units.empty() ||
               std::find(options.units.begin(), options.units.end(), unit) != options.units.end();
    };
    level_units units_of;
    for (std::size_t l = 0; l < units_of.size(); ++l) {
        const auto level = static_cast<kpi_level>(l);
        const std::uint32_t n = layout.count(level);
        for (std::uint32_t u = 0; u < n; ++u) {
            const std::uint32_t unit = u + 1 == n && level != kpi_level::national ? none : u;
            if (level == kpi_level::national || unit_wanted(unit_name(ds, level, unit)))
                units_of[l].emplace_back(unit_name(ds, level, unit), unit);
        }
        std::sort(units_of[l].begin(), units_of[l].end());
    }
    return units_of;
}

/// Run `step(i)` for i in [0, count): with two threads, each half of them.
template <class Step>
void in_two_halves(unsigned threads, std::size_t count, Step& step) {
    const std::size_t half = threads > 1 ? count / 2 : count;
    detail::run_parallel(half < count ? 2 : 1, [&](unsigned part) {
        for (std::size_t i = part == 0 ? 0 : half; i < (part == 0 ? half : count); ++i) step(i);
    });
}

/// Write zeros over `bytes` of fresh memory at `raw` (reserved, nothing constructed in it yet),
/// on two threads when there are two: each page is faulted in once, side by side.
void touch_pages(unsigned threads, void* raw, std::size_t bytes) {
    if (bytes == 0) return; // no rows: an empty vector's data() may be null
    auto* at = static_cast<unsigned char*>(raw);
    const std::size_t half = threads > 1 ? bytes / 2 : bytes;
    detail::run_parallel(half < bytes ? 2 : 1, [&](unsigned part) {
        if (part == 0)
            std::memset(at, 0, half);
        else
            std::memset(at + half, 0, bytes - half);
    });
}

} // namespace

std::vector<kpi_row> make_rows(const row_inputs& in) {
    const auto& ds = in.cx.ds;
    const auto& pl = in.cx.pl;
    const auto& cx = in.cx;
    const auto& acc = in.acc;
    const auto& layout = in.layout;
    const auto& defs = in.defs;
    const auto& dplans = in.planned;
    const auto& options = in.options;
    const auto& years = cx.years;
    const auto threads = in.threads;
    const std::size_t buckets = cx.compare_bucket + 1;
    std::vector<kpi_row> rows;
    // Rows, already in order: definitions by id, then year, level, unit.
    const auto wanted_years = report_years(ds, in.data_years, options);
    auto level_wanted = [&](kpi_level l) {
        return options.levels.empty() ||
               std::count(options.levels.begin(), options.levels.end(), l) > 0;
    };
    const auto units_of = units_by_level(ds, layout, options);
    auto run = [&](std::size_t count, auto&& step) { in_two_halves(threads, count, step); };
    // The bucket a side of a row's change compares with: the previous year's, or for a period
    // count in the partial year the same period last year.
    auto compared_bucket = [&](std::size_t di, const kpi_quantity& q,
                               std::size_t y) -> std::optional<std::size_t> {
        if (cx.partial && y == *cx.partial && is_period_count(defs[di], q))
            return cx.compare_bucket;
        if (y == 0) return std::nullopt;
        return y - 1;
    };
    // Each quantity's totals, once per bucket that a row or its change reads.
    std::vector<std::uint8_t> needed(pl.quantities.size() * buckets, 0);
    for (std::size_t di = 0; di < defs.size(); ++di) {
        if (!dplans[di].present) continue;
        for (const auto sy : wanted_years) {
            const auto y = years.index(sy);
            if (!y) continue;
            needed[dplans[di].num * buckets + *y] = 1;
            if (const auto py = compared_bucket(di, defs[di].numerator, *y))
                needed[dplans[di].num * buckets + *py] = 1;
            if (!dplans[di].den) continue;
            needed[*dplans[di].den * buckets + *y] = 1;
            if (const auto py = compared_bucket(di, *defs[di].denominator, *y))
                needed[*dplans[di].den * buckets + *py] = 1;
        }
    }
    std::vector<totals> totals_of(needed.size());
    run(needed.size(), [&](std::size_t i) {
        if (needed[i])
            totals_of[i] =
                sum_classes(pl, acc, layout, static_cast<std::uint32_t>(i / buckets), i % buckets);
    });
    auto totals_at = [&](std::uint32_t q, std::size_t y) -> const totals& {
        return totals_of[q * buckets + y];
    };
    // Count the rows of definition `di` (into == nullptr), or fill them from `into` on.
    auto walk = [&](std::size_t di, kpi_row* into) -> std::size_t {
        const auto& d = defs[di];
        const auto& dp = dplans[di];
        std::vector<kpi_level> levels;
        if (d.national) levels.push_back(kpi_level::national);
        for (auto l : d.levels)
            if (level_wanted(l)) levels.push_back(l);
        std::size_t count = 0;
        for (const auto sy : wanted_years) {
            const auto y = years.index(sy);
            if (!y) continue;
            // This year's and the compared totals (for the change). A stock on a day after the
            // extract date has no value, as a KPI of an absent table.
            const totals *n = nullptr, *den = nullptr, *pn = nullptr, *pden = nullptr;
            if (dp.present && observed(d, cx, *y, sy)) {
                n = &totals_at(dp.num, *y);
                if (dp.den) den = &totals_at(*dp.den, *y);
                if (const auto py = compared_bucket(di, d.numerator, *y)) {
                    pn = &totals_at(dp.num, *py);
                    if (dp.den)
                        if (const auto pyd = compared_bucket(di, *d.denominator, *y))
                            pden = &totals_at(*dp.den, *pyd);
                }
            }
            const bool partial = cx.is_partial(*y);
            for (const auto level : levels) {
                for (const auto& [name, unit] : units_of[static_cast<std::size_t>(level)]) {
                    // Partnerships always have a row (of the KPI's sector, if it has one);
                    // other units only with records.
                    const bool partnership = level == kpi_level::swv && unit != none;
                    if (partnership && d.sector_only && ds.swvs().sector_of[unit] != *d.sector_only)
                        continue;
                    const std::uint32_t slot = layout.slot(level, unit);
                    const bool always = partnership || level == kpi_level::national;
                    if (!always && (!n || !touched(d, *n, den, slot))) continue; // no row
                    if (!into) {
                        ++count;
                        continue;
                    }
                    numbers nums;
                    if (n) nums = combine(d, pl, acc, *n, den, slot);
                    kpi_row& row = into[count++];
                    row.kpi = d.id;
                    row.year = sy;
                    row.partial = partial;
                    row.level = level;
                    row.unit = std::string(name);
                    row.numerator = nums.numerator;
                    row.denominator = nums.denominator;
                    row.value = nums.value;
                    if (row.value && d.norm) row.status = d.norm->judge(*row.value);
                    if (row.value && pn && (!dp.den || pden)) {
                        const auto prev = combine(d, pl, acc, *pn, pden, slot);
                        if (prev.value) row.change = *row.value - *prev.value;
                    }
                }
            }
        }
        return count;
    };
    // Count, size the output once, then fill: two halves of the definitions side by side.
    std::vector<std::size_t> first_row(defs.size() + 1, 0);
    run(defs.size(), [&](std::size_t di) { first_row[di + 1] = walk(di, nullptr); });
    for (std::size_t di = 0; di < defs.size(); ++di) first_row[di + 1] += first_row[di];
    // The rows take hundreds of MB, whose first touch (the kernel zeroing each page) costs more
    // than filling them: touch the reserved pages on both threads, then construct the rows.
    rows.reserve(first_row.back());
    touch_pages(threads, rows.data(), rows.capacity() * sizeof(kpi_row));
    rows.resize(first_row.back());
    run(defs.size(), [&](std::size_t di) { walk(di, rows.data() + first_row[di]); });
    return rows;
}

} // namespace kpi_detail

PASSEND_NAMESPACE_END
