// SPDX-License-Identifier: EUPL-1.2
// The KPI evaluator: one pass over the pupils' records for the whole catalog.
//
// 1. Plan (plan.hpp): every distinct numerator and denominator of the catalog is a quantity;
//    each record has a combo (its filter dimensions as one integer), and combos that feed the
//    same quantities form a class.
// 2. Scan (scan.hpp, scan_<measure>.cpp): one pass over the pupils, block by block, in which
//    every needed measure's scan reads the pupils' enrolments, OPPs, TLVs or absences and emits
//    its records, each to its class; the pupils are split over two threads, each with its own
//    accumulator (accumulator.hpp), merged after.
//    One task runs the tables not held per pupil (arrangements, money, assessments).
// 3. Rows (rows.hpp): a quantity's number for a unit is the sum of its classes; a definition
//    combines its numerator and denominator, the change and the norm.
// explain() (explain.cpp) runs the same scans with a one-quantity plan and collects the pupils.
//
// Adding a measure:
// 1. its value at the end of kpi_measure (passend/kpi/definition.hpp) and its name and filters
//    in the catalog's parser (catalog.cpp, definition.cpp);
// 2. a scan_<measure>.cpp (or a section of the file of its kind) defining its measure_spec: its
//    combos as a combo_space of the dimensions it filters on, sized by the enums (enum_count<>,
//    or a *_count with a static_assert); matches(), which quantities count a combo; the table
//    it needs; its timing (a stock, events of a period, a figure per year); and its scan: per pupil
//    (a function of one pupil wrapped in for_pupils<>; an enrolment's record through
//    record_sink::add_enrolment with by_enrolment set, any other through add) or per table. A scan
//    serving two measures in one pass is in both entries; it runs once.
// 3. its `extern const measure_spec` in scan.hpp and its entry in measure_specs() (plan.cpp),
//    in kpi_measure order (tests/cpp/unit-kpi-encoding.cpp checks the order).
// Nothing here, in the accumulator or in the rows changes: they only see classes.
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/relations.hpp"

#include "kpi/accumulator.hpp"
#include "kpi/plan.hpp"
#include "kpi/rows.hpp"
#include "kpi/scan.hpp"
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>

PASSEND_NAMESPACE_BEGIN

using namespace kpi_detail;

namespace {

unsigned thread_count(unsigned wanted, std::size_t pupils) {
    const unsigned hw = detail::hardware_threads();
    unsigned n = wanted == 0 ? std::min(hw, 2u) : wanted;
    if (wanted == 0 && pupils < 20'000) n = 1; // a thread costs more than it saves here
    return std::max(1u, n);
}

/// The scanned years the per-school blocks of the accumulator cover: those the data covers.
std::pair<std::size_t, std::size_t> block_years(const dataset& ds, year_range years) {
    const auto& covered = ds.school_years();
    if (covered.empty()) return {0, 0};
    const int lo = std::max(years.first, covered.front().start_year());
    const int hi = std::min(years.first + years.count, covered.back().start_year() + 1);
    if (lo >= hi) return {0, 0};
    return {static_cast<std::size_t>(lo - years.first), static_cast<std::size_t>(hi - lo)};
}

using clock_type = std::chrono::steady_clock;
double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

} // namespace

kpi_results evaluate(const dataset& ds, const catalog& full, const evaluate_options& options,
                     evaluate_stats* stats) {
    const catalog selected = options.kpis.empty() ? catalog{} : full.select(options.kpis);
    const catalog& cat = options.kpis.empty() ? full : selected;

    plan pl;
    pl.frameworks = frameworks_of(ds);
    pl.domains = ds.support_domains();
    const auto defs = expand(cat, pl.frameworks, offered_domains(ds));
    const auto planned = add_definitions(pl, defs, ds);
    pl.compile();

    // Any day: the school year holding it is reported, with the year before it (its stocks on
    // the same day a year earlier), so that a reader can check the change.
    evaluate_options asked = options;
    // A rolling window runs up to a day: the reference day, else the extract date.
    if (options.rolling_window && !options.reference_day) asked.reference_day = ds.extract_date();
    if (asked.reference_day) {
        if (*asked.reference_day > ds.extract_date())
            throw invalid_argument("reference day " + format_day(*asked.reference_day) +
                                   " is after the data's extract date " +
                                   format_day(ds.extract_date()) + ": nothing after it is known");
        const auto holding = school_year::containing(*asked.reference_day);
        asked.years = {holding.prev(), holding};
    }
    const auto speaks_of = data_years(ds);
    const year_range years = scan_years(speaks_of, asked.years);
    const slot_layout layout(ds);
    const scan_context cx{ds, pl, years,
                          scan_settings{options.view, asked.reference_day, options.tlv_term_days,
                                        options.rolling_window}};
    const auto pupils = static_cast<std::uint32_t>(ds.pupils().size());
    const unsigned threads = thread_count(options.threads, pupils);

    evaluate_stats st{1, threads, pl.quantities.size(), pl.classes.size()};
    auto t0 = clock_type::now();
    // Tasks: the other tables first, one task per table scan (the largest, arrangements and
    // assessments, each take about as long as a chunk of a few hundred thousand pupils), then
    // the pupils in chunks; each thread takes the next task and adds to its own accumulator,
    // merged after. The pupil records' fields are whole numbers (days, school years), so their
    // sums do not depend on which thread took which chunk; a table's (money, scores) are all
    // summed by the one thread that takes its scan, in table order, and no other scan adds to
    // its classes.
    // Chunks: eight per thread or so, for an even finish; 1,024 to 65,536 pupils each.
    const auto tables = table_scans(pl);
    const std::uint32_t chunk = std::clamp<std::uint32_t>(pupils / (8 * threads), 1024, 65536);
    const std::size_t tasks = tables.size() + (std::size_t{pupils} + chunk - 1) / chunk;
    std::atomic<std::size_t> next_task{0};
    // Nanoseconds: libc++ (the wasm build) has no atomic<double>::operator+=.
    std::atomic<std::int64_t> tables_ns{0};
    auto work = [&](accumulator& into) {
        record_sink sink(into);
        for (std::size_t t = next_task++; t < tasks; t = next_task++) {
            if (t < tables.size()) {
                const auto t1 = clock_type::now();
                tables[t](cx, sink);
                tables_ns +=
                    std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - t1)
                        .count();
                continue;
            }
            const auto from = static_cast<std::uint32_t>((t - tables.size()) * chunk);
            scan_pupils(cx, from, std::min(pupils, from + chunk), sink);
        }
    };
    const auto [block_first, block_count] = block_years(ds, years);
    // One bucket per scanned year and one more: the same period last year (scan_context).
    const std::size_t buckets = cx.compare_bucket + 1;
    const auto asks = [&](std::initializer_list<kpi_level> any) {
        return options.levels.empty() ||
               std::find_first_of(options.levels.begin(), options.levels.end(), any.begin(),
                                  any.end()) != options.levels.end();
    };
    const enrolment_counters counters{asks({kpi_level::school, kpi_level::board}),
                                      asks({kpi_level::municipality})};
    accumulator acc(ds, pl, layout, buckets, block_first, block_count, counters);
    {
        std::vector<accumulator> parts;
        for (unsigned t = 1; t < threads; ++t)
            parts.emplace_back(ds, pl, layout, buckets, block_first, block_count, counters);
        detail::run_parallel(threads, [&](unsigned t) { work(t == 0 ? acc : parts[t - 1]); });
        for (auto& part : parts) acc.merge(std::move(part));
    }
    acc.fold(options.view);
    st.scan_seconds = seconds_since(t0);
    st.tables_seconds = static_cast<double>(tables_ns.load()) * 1e-9;
    t0 = clock_type::now();

    kpi_results out;
    out.extract_date = ds.extract_date();
    out.reference_day = asked.reference_day;
    out.rolling_window = options.rolling_window;
    for (const auto& d : defs) out.definitions.push_back(d.info());
    out.relations = derive_relations(defs);
    out.rows = make_rows({cx, acc, layout, defs, planned, speaks_of, asked, threads});
    // The published figures beside the rows' KPIs and years.
    const auto& refs = ds.reference_values();
    std::set<school_year> reported_years;
    for (const auto& row : out.rows) reported_years.insert(row.year); // rows come by year: cheap
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const bool reported = reported_years.count(refs.year[i]) &&
                              std::any_of(defs.begin(), defs.end(), [&](const kpi_definition& d) {
                                  return d.id == refs.kpi[i];
                              });
        if (reported)
            out.reference_values.push_back({std::string(refs.kpi[i]), refs.year[i], refs.value[i],
                                            std::string(refs.source[i])});
    }
    std::sort(out.reference_values.begin(), out.reference_values.end(),
              [](const auto& a, const auto& b) {
                  return std::tie(a.kpi, a.year) < std::tie(b.kpi, b.year);
              });
    st.rows_seconds = seconds_since(t0);
    if (stats) *stats = st;
    return out;
}

PASSEND_NAMESPACE_END
