// SPDX-License-Identifier: EUPL-1.2
// The KPI evaluator: one pass over the pupils' records for the whole catalog.
//
// 1. Plan: every distinct numerator and denominator of the catalog is a *quantity*. Each record
//    the scan meets has a *combo*: the values of its measure's filter dimensions (a stock fact's
//    reference day, setting and OPP flag; a transition's kind, from, to and exit...). Combos
//    that feed the same set of quantities form one *class*; a record adds 1 (and its field) to
//    its class for each unit it belongs to (national, partnership, board, school, municipality).
// 2. Scan (scan_pupils): per pupil, in one loop over its enrolments, TLVs, OPPs and absences,
//    emit the records; split over two threads, each with its own accumulator, merged after.
//    Enrolment records are counted per school and municipality and rolled up into boards and
//    partnerships after the scan (accumulator::fold): two counters per record instead of four.
//    Then small loops over arrangements, money and assessments.
// 3. Rows: a quantity's number for a unit is the sum of its classes; a definition combines its
//    numerator and denominator (ratio, difference) and judges the norm.
// explain() runs the same scan with a one-quantity plan and collects the pupils instead.
#include "passend/kpi/evaluate.hpp"
#include "passend/kpi/relations.hpp"

#include "passend/thuiszitters.hpp"
#include "passend/transitions.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::uint32_t none = 0xFFFFFFFFu;
constexpr std::size_t no_setting = setting_count; // a transition's missing side

/// A level at which a record does not count at all, as opposed to `none`, a unit the data does
/// not tell (`onbekend`): a board's own assessment has no school and, as a board may work in
/// several partnerships, no partnership; a TLV belongs to no board or school.
constexpr std::uint32_t not_counted = 0xFFFFFFFEu;

/// The units a record belongs to, one per level; `none` is `onbekend`.
struct unit_keys {
    std::uint32_t swv = none, board = none, school = none, municipality = none;
};

/// Accumulator positions: 0 national, then each level's units followed by its `onbekend`.
struct slot_layout {
    std::uint32_t swvs, boards, schools, municipalities;
    explicit slot_layout(const dataset& ds)
        : swvs(static_cast<std::uint32_t>(ds.swvs().size())),
          boards(static_cast<std::uint32_t>(ds.boards().size())),
          schools(static_cast<std::uint32_t>(ds.schools().size())),
          municipalities(static_cast<std::uint32_t>(ds.municipalities().size())) {}
    std::uint32_t first(kpi_level l) const noexcept {
        switch (l) {
        case kpi_level::national:
            return 0;
        case kpi_level::swv:
            return 1;
        case kpi_level::board:
            return 2 + swvs;
        case kpi_level::school:
            return 3 + swvs + boards;
        case kpi_level::municipality:
            return 4 + swvs + boards + schools;
        }
        return 0;
    }
    /// Units of a level, the last being `onbekend`.
    std::uint32_t count(kpi_level l) const noexcept {
        switch (l) {
        case kpi_level::national:
            return 1;
        case kpi_level::swv:
            return swvs + 1;
        case kpi_level::board:
            return boards + 1;
        case kpi_level::school:
            return schools + 1;
        case kpi_level::municipality:
            return municipalities + 1;
        }
        return 0;
    }
    std::uint32_t total() const noexcept { return 5 + swvs + boards + schools + municipalities; }
    std::uint32_t slot(kpi_level l, std::uint32_t unit) const noexcept {
        return first(l) + (unit == none ? count(l) - 1 : unit);
    }
};

// ---- Combos: a record's filter dimensions as one small integer per measure. ----

std::size_t combo_count(kpi_measure m, std::size_t frameworks) {
    switch (m) {
    case kpi_measure::pupils:
        return 2 * setting_count * 2; // day, setting, has_opp
    case kpi_measure::transitions:
        return transition_kind_count * 7 * 7 * 5; // kind, from, to, exit
    case kpi_measure::exits:
        return setting_count * 5;
    case kpi_measure::thuiszitters:
        return 5;
    case kpi_measure::opps:
        return 2;
    case kpi_measure::arrangements:
        return 5 * 3;
    case kpi_measure::tlvs:
        return 3 * setting_count * 4 * 2; // outcome, admits, category, request
    case kpi_measure::funds:
    case kpi_measure::allocations:
        return 1;
    case kpi_measure::assessments:
    case kpi_measure::assessment_units:
        return frameworks;
    }
    return 0;
}

/// 0 for teldatum, 1 for peildatum.
std::size_t day_index(kpi_reference r) noexcept {
    return r == kpi_reference::peildatum ? 1 : 0;
}
std::size_t pupils_combo(std::size_t day, setting s, bool opp) noexcept {
    return (day * setting_count + index_of(s)) * 2 + (opp ? 1 : 0);
}
std::size_t transitions_combo(transition_kind k, std::size_t from, std::size_t to,
                              exit_reason x) noexcept {
    return ((static_cast<std::size_t>(k) * 7 + from) * 7 + to) * 5 + static_cast<std::size_t>(x);
}
std::size_t exits_combo(setting s, exit_reason x) noexcept {
    return index_of(s) * 5 + static_cast<std::size_t>(x);
}
std::size_t arrangements_combo(support_level l, arrangement_kind k) noexcept {
    return (static_cast<std::size_t>(l) - 1) * 3 + static_cast<std::size_t>(k);
}
std::size_t tlvs_combo(tlv_outcome o, setting s, funding_category c, bool request) noexcept {
    return ((static_cast<std::size_t>(o) * setting_count + index_of(s)) * 4 +
            static_cast<std::size_t>(c)) *
               2 +
           (request ? 1 : 0);
}

template <class T>
bool allows(const std::vector<T>& list, T v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

/// Whether quantity `q` counts records of combo `c` (the inverse of the *_combo functions).
bool matches(const kpi_quantity& q, std::size_t c, const std::vector<std::string>& frameworks) {
    const auto& f = q.filter;
    switch (q.measure) {
    case kpi_measure::pupils: {
        const bool opp = c % 2;
        const auto s = static_cast<setting>((c / 2) % setting_count);
        const std::size_t d = c / 2 / setting_count;
        return d == day_index(q.at) && allows(f.settings, s) && (!f.has_opp || *f.has_opp == opp);
    }
    case kpi_measure::transitions: {
        const auto x = static_cast<exit_reason>(c % 5);
        const std::size_t to = (c / 5) % 7, from = (c / 35) % 7;
        const auto k = static_cast<transition_kind>(c / 245);
        auto side = [](const std::vector<setting>& list, std::size_t s) {
            return list.empty() || (s != no_setting && allows(list, static_cast<setting>(s)));
        };
        return allows(f.kinds, k) && side(f.from_settings, from) && side(f.to_settings, to) &&
               allows(f.exits, x);
    }
    case kpi_measure::exits:
        return allows(f.settings, static_cast<setting>(c / 5)) &&
               allows(f.exits, static_cast<exit_reason>(c % 5));
    case kpi_measure::thuiszitters:
        return static_cast<std::size_t>(*f.absence) == c;
    case kpi_measure::opps:
        return c == day_index(q.at);
    case kpi_measure::arrangements:
        return allows(f.levels, static_cast<int>(c / 3) + 1) &&
               allows(f.arrangement_kinds, static_cast<arrangement_kind>(c % 3));
    case kpi_measure::tlvs: {
        const bool request = c % 2;
        const auto cat = static_cast<funding_category>((c / 2) % 4);
        const auto s = static_cast<setting>((c / 8) % setting_count);
        const auto o = static_cast<tlv_outcome>(c / 8 / setting_count);
        return allows(f.outcomes, o) && allows(f.settings, s) && allows(f.categories, cat) &&
               (!f.has_request_date || *f.has_request_date == request);
    }
    case kpi_measure::funds:
    case kpi_measure::allocations:
        return true;
    case kpi_measure::assessments:
    case kpi_measure::assessment_units:
        return f.framework == frameworks[c];
    }
    return false;
}

/// The table a measure reads (absent table: the KPI has no value).
std::optional<table> table_of(const kpi_quantity& q) {
    switch (q.measure) {
    case kpi_measure::pupils:
        return q.filter.has_opp ? std::optional<table>(table::opps) : std::nullopt;
    case kpi_measure::thuiszitters:
        return table::absences;
    case kpi_measure::opps:
        return table::opps;
    case kpi_measure::arrangements:
        return table::arrangements;
    case kpi_measure::tlvs:
        return table::tlvs;
    case kpi_measure::funds:
        return table::funds;
    case kpi_measure::allocations:
        return table::allocations;
    case kpi_measure::assessments:
    case kpi_measure::assessment_units:
        return table::assessments;
    default:
        return std::nullopt;
    }
}

// ---- The plan ----

struct plan {
    std::vector<kpi_quantity> quantities;
    std::vector<std::string> frameworks; ///< of the dataset's assessments, sorted
    struct class_info {
        kpi_measure measure;
        bool field = false;  ///< some quantity sums the field
        bool values = false; ///< some quantity takes the median
    };
    std::vector<class_info> classes;
    std::vector<std::vector<std::uint32_t>> classes_of;                ///< per quantity
    std::array<std::vector<std::int32_t>, kpi_measure_count> class_of; ///< per combo, -1: none

    std::uint32_t add_quantity(const kpi_quantity& q) {
        const auto it = std::find(quantities.begin(), quantities.end(), q);
        if (it != quantities.end()) return static_cast<std::uint32_t>(it - quantities.begin());
        quantities.push_back(q);
        return static_cast<std::uint32_t>(quantities.size() - 1);
    }

    /// Group the combos of each measure by the set of quantities they feed.
    void compile() {
        classes_of.assign(quantities.size(), {});
        for (std::size_t m = 0; m < kpi_measure_count; ++m) {
            const auto measure = static_cast<kpi_measure>(m);
            const std::size_t n = combo_count(measure, frameworks.size());
            class_of[m].assign(n, -1);
            std::map<std::vector<std::uint32_t>, std::int32_t> seen;
            for (std::size_t c = 0; c < n; ++c) {
                std::vector<std::uint32_t> qs;
                for (std::uint32_t q = 0; q < quantities.size(); ++q)
                    if (quantities[q].measure == measure && matches(quantities[q], c, frameworks))
                        qs.push_back(q);
                if (qs.empty()) continue;
                auto [it, fresh] = seen.emplace(qs, static_cast<std::int32_t>(classes.size()));
                if (fresh) {
                    class_info info{measure};
                    for (auto q : qs) {
                        const auto a = quantities[q].aggregate;
                        info.field |= a == kpi_aggregate::sum || a == kpi_aggregate::mean;
                        info.values |= a == kpi_aggregate::median;
                        classes_of[q].push_back(static_cast<std::uint32_t>(classes.size()));
                    }
                    classes.push_back(info);
                }
                class_of[m][c] = it->second;
                needed[m] = true;
            }
        }
        for (std::size_t di = 0; di < 2; ++di)
            for (const auto s : all_settings)
                opp_matters[di][index_of(s)] =
                    cls(kpi_measure::pupils, pupils_combo(di, s, false)) !=
                    cls(kpi_measure::pupils, pupils_combo(di, s, true));
    }
    std::array<bool, kpi_measure_count> needed{}; ///< some combo of the measure has a class
    /// Per reference day and setting: whether having an OPP changes a stock record's class.
    std::array<std::array<bool, setting_count>, 2> opp_matters{};
    bool needs(kpi_measure m) const { return needed[static_cast<std::size_t>(m)]; }
    std::int32_t cls(kpi_measure m, std::size_t combo) const {
        return class_of[static_cast<std::size_t>(m)][combo];
    }
};

/// The school years the scan covers: contiguous, from `first`.
struct year_range {
    int first = 0, count = 0;
    std::optional<std::size_t> index(school_year y) const {
        const int i = y.start_year() - first;
        if (i < 0 || i >= count) return std::nullopt;
        return static_cast<std::size_t>(i);
    }
};

// ---- Sinks: what the scan does with a record ----

/// Whether an enrolment at `school` counts for a partnership of its own rather than the
/// school's: so and vso under the paying view count for the TLV's partnership.
bool own_swv(const dataset& ds, attribution_view view, std::uint32_t school) {
    return view == attribution_view::paying && is_paid_by_tlv(ds.schools().kind[school]);
}

std::uint32_t board_of(const dataset& ds, std::uint32_t school) {
    return school == none ? none : pos(ds.schools().board[school]);
}
std::uint32_t swv_of(const dataset& ds, std::uint32_t school) {
    const auto swv = ds.schools().swv[school];
    return has(swv) ? pos(swv) : none;
}

/// The units of an enrolment's (or OPP's) record: its school (the board follows), the pupil's
/// municipality and, when own_swv() of the school, the partnership it counts for: for an
/// enrolment the one paying on the record's day, for an OPP its school's.
struct enrolment_units {
    std::uint32_t school = none, municipality = none;
    std::uint32_t swv = none; ///< only when own
    bool own = false;
};

unit_keys keys_of(const dataset& ds, const enrolment_units& u) {
    return {u.own ? u.swv : swv_of(ds, u.school), board_of(ds, u.school), u.school, u.municipality};
}

/// Sums records per class, year and slot.
///
/// Enrolment records (stocks, transitions, exits, and OPPs: most of them) are counted per school,
/// municipality and own partnership only, in unit-major blocks where a pupil's years at one
/// school share a cache line, and rolled up into boards and partnerships once by fold().
class accumulator {
public:
    /// `years` scanned; the blocks cover those from `block_first` on, `block_years` of them: the
    /// years the data covers (a far-off year asked for costs no block memory).
    accumulator(const dataset& ds, const plan& pl, const slot_layout& layout, std::size_t years,
                std::size_t block_first, std::size_t block_years)
        : ds_(ds), plan_(pl), layout_(layout), years_(years), count_(pl.classes.size() * years),
          sum_(count_.size()), values_(count_.size()), row_of_(pl.classes.size(), -1),
          block_first_(block_first), block_years_(block_years) {
        for (std::size_t c = 0; c < pl.classes.size(); ++c) {
            const auto& info = pl.classes[c];
            const auto m = info.measure;
            if (info.values || (m != kpi_measure::pupils && m != kpi_measure::transitions &&
                                m != kpi_measure::exits && m != kpi_measure::opps))
                continue;
            row_of_[c] = static_cast<std::int32_t>(classes_.size());
            classes_.push_back(static_cast<std::uint32_t>(c));
            fields_ |= info.field;
        }
        block_ = classes_.size() * block_years_;
        if (block_ == 0) return;
        by_school_.assign(std::size_t{layout.schools} * block_, 0);
        by_municipality_.assign((std::size_t{layout.municipalities} + 1) * block_, 0);
        by_swv_.assign((std::size_t{layout.swvs} + 1) * block_, 0);
        if (!fields_) return;
        sum_school_.assign(by_school_.size(), 0.0);
        sum_municipality_.assign(by_municipality_.size(), 0.0);
        sum_swv_.assign(by_swv_.size(), 0.0);
    }

    void add(std::int32_t cls, std::size_t year, const unit_keys& k, pupil_idx, double field) {
        const std::size_t i = static_cast<std::size_t>(cls) * years_ + year;
        // The national slot only takes records that count for no partnership: for the others
        // the national number is the sum of the partnership slots, onbekend included
        // (sum_classes), which saves a counter per record.
        std::array<std::uint32_t, 4> slots{};
        std::size_t n = 0;
        if (k.swv == not_counted) slots[n++] = 0;
        for (const auto& [level, unit] : {std::pair{kpi_level::swv, k.swv},
                                          {kpi_level::board, k.board},
                                          {kpi_level::school, k.school},
                                          {kpi_level::municipality, k.municipality}})
            if (unit != not_counted) slots[n++] = layout_.slot(level, unit);
        const std::span<const std::uint32_t> used(slots.data(), n);
        auto& count = lazy(count_[i]);
        for (auto s : used) ++count[s];
        const auto& info = plan_.classes[static_cast<std::size_t>(cls)];
        if (info.field) {
            auto& sum = lazy(sum_[i]);
            for (auto s : used) sum[s] += field;
        }
        if (info.values) {
            auto& values = values_[i];
            if (values.empty()) values.resize(layout_.total());
            if (k.swv != not_counted) values[0].push_back(field);
            for (auto s : used) values[s].push_back(field);
        }
    }

    void add_enrolment(std::int32_t cls, std::size_t year, const enrolment_units& u, pupil_idx p,
                       double field) {
        const auto row = row_of_[static_cast<std::size_t>(cls)];
        if (row < 0 || year < block_first_ || year >= block_first_ + block_years_)
            return add(cls, year, keys_of(ds_, u), p, field);
        const std::size_t i = static_cast<std::size_t>(row) * block_years_ + year - block_first_;
        const std::size_t at_school = u.school * block_ + i;
        const std::size_t at_municipality =
            (u.municipality == none ? layout_.municipalities : u.municipality) * block_ + i;
        const std::size_t at_swv = (u.swv == none ? layout_.swvs : u.swv) * block_ + i;
        ++by_school_[at_school];
        ++by_municipality_[at_municipality];
        if (u.own) ++by_swv_[at_swv];
        if (!fields_ || !plan_.classes[static_cast<std::size_t>(cls)].field) return;
        sum_school_[at_school] += field;
        sum_municipality_[at_municipality] += field;
        if (u.own) sum_swv_[at_swv] += field;
    }

    /// Roll the enrolment records' blocks up into the slots of every level (after merge()).
    void fold(attribution_view view) {
        if (block_ == 0) return;
        auto fold_unit = [&](const auto& counts, const auto& sums, std::size_t unit,
                             std::initializer_list<std::uint32_t> slots) {
            for (std::size_t row = 0; row < classes_.size(); ++row) {
                for (std::size_t y = 0; y < block_years_; ++y) {
                    const std::size_t at = unit * block_ + row * block_years_ + y;
                    if (counts[at] == 0) continue;
                    const std::size_t cy = classes_[row] * years_ + block_first_ + y;
                    auto& count = lazy(count_[cy]);
                    for (auto s : slots) count[s] += counts[at];
                    if (!plan_.classes[classes_[row]].field) continue;
                    auto& sum = lazy(sum_[cy]);
                    for (auto s : slots) sum[s] += sums[at];
                }
            }
        };
        // Sums exist only for field rows (fields_), and only those read them.
        for (std::uint32_t s = 0; s < layout_.schools; ++s) {
            const auto school = layout_.slot(kpi_level::school, s);
            const auto board = layout_.slot(kpi_level::board, board_of(ds_, s));
            if (own_swv(ds_, view, s))
                fold_unit(by_school_, sum_school_, s, {school, board});
            else
                fold_unit(by_school_, sum_school_, s,
                          {school, board, layout_.slot(kpi_level::swv, swv_of(ds_, s))});
        }
        for (std::uint32_t m = 0; m <= layout_.municipalities; ++m)
            fold_unit(
                by_municipality_, sum_municipality_, m,
                {layout_.slot(kpi_level::municipality, m == layout_.municipalities ? none : m)});
        for (std::uint32_t w = 0; w <= layout_.swvs; ++w)
            fold_unit(by_swv_, sum_swv_, w,
                      {layout_.slot(kpi_level::swv, w == layout_.swvs ? none : w)});
    }

    void merge(accumulator&& other) {
        auto add_into = [](auto& into, auto& from) {
            if (from.empty()) return;
            if (into.empty()) {
                into.swap(from);
                return;
            }
            for (std::size_t s = 0; s < into.size(); ++s) into[s] += from[s];
        };
        for (std::size_t i = 0; i < count_.size(); ++i) {
            add_into(count_[i], other.count_[i]);
            add_into(sum_[i], other.sum_[i]);
            if (other.values_[i].empty()) continue;
            if (values_[i].empty()) values_[i].resize(layout_.total());
            for (std::size_t s = 0; s < values_[i].size(); ++s)
                values_[i][s].insert(values_[i][s].end(), other.values_[i][s].begin(),
                                     other.values_[i][s].end());
        }
        for (auto [into, from] : {std::pair{&by_school_, &other.by_school_},
                                  {&by_municipality_, &other.by_municipality_},
                                  {&by_swv_, &other.by_swv_}})
            add_into(*into, *from);
        for (auto [into, from] : {std::pair{&sum_school_, &other.sum_school_},
                                  {&sum_municipality_, &other.sum_municipality_},
                                  {&sum_swv_, &other.sum_swv_}})
            add_into(*into, *from);
    }

    /// Add a class's record counts (or field sums) of one year to `into`, per slot.
    void add_counts(std::uint32_t cls, std::size_t year, std::vector<double>& into) const {
        add_to(count_[cls * years_ + year], into);
    }
    void add_sums(std::uint32_t cls, std::size_t year, std::vector<double>& into) const {
        add_to(sum_[cls * years_ + year], into);
    }
    const std::vector<double>* values(std::uint32_t cls, std::size_t year,
                                      std::uint32_t slot) const {
        const auto& v = values_[cls * years_ + year];
        return v.empty() ? nullptr : &v[slot];
    }

private:
    template <class T>
    static void add_to(const std::vector<T>& from, std::vector<double>& into) {
        if (from.empty()) return;
        for (std::size_t s = 0; s < into.size(); ++s) into[s] += static_cast<double>(from[s]);
    }
    template <class T>
    std::vector<T>& lazy(std::vector<T>& v) const {
        if (v.empty()) v.assign(layout_.total(), T{});
        return v;
    }

    const dataset& ds_;
    const plan& plan_;
    const slot_layout& layout_;
    std::size_t years_;
    std::vector<std::vector<std::uint32_t>> count_; ///< records: small integers, half the cache
    std::vector<std::vector<double>> sum_;
    std::vector<std::vector<std::vector<double>>> values_;

    std::vector<std::int32_t> row_of_;      ///< per class: its row in the blocks, -1: add() only
    std::vector<std::uint32_t> classes_;    ///< per row: the class
    bool fields_ = false;                   ///< some row sums its field
    std::size_t block_first_, block_years_; ///< the scanned years the blocks cover
    std::size_t block_ = 0;                 ///< rows x block years: one unit's block
    std::vector<std::uint32_t> by_school_, by_municipality_, by_swv_;
    std::vector<double> sum_school_, sum_municipality_, sum_swv_;
};

/// Collects the pupils of one quantity's records for one year and unit.
struct pupil_collector {
    const dataset& ds;
    std::size_t year;
    kpi_level level;
    std::uint32_t unit; ///< none: onbekend
    std::vector<pupil_idx> pupils;

    void add(std::int32_t, std::size_t y, const unit_keys& k, pupil_idx p, double) {
        if (y != year || !has(p)) return;
        std::uint32_t u = 0;
        switch (level) {
        case kpi_level::national:
            u = unit;
            break;
        case kpi_level::swv:
            u = k.swv;
            break;
        case kpi_level::board:
            u = k.board;
            break;
        case kpi_level::school:
            u = k.school;
            break;
        case kpi_level::municipality:
            u = k.municipality;
            break;
        }
        if (u == unit) pupils.push_back(p);
    }
    void add_enrolment(std::int32_t cls, std::size_t y, const enrolment_units& u, pupil_idx p,
                       double field) {
        add(cls, y, keys_of(ds, u), p, field);
    }
};

// ---- The scan ----

/// The same day a year earlier; 29 February maps to 28 February.
day same_day_a_year_earlier(day d) {
    const date::year_month_day ymd{d};
    const auto earlier = ymd - date::years{1};
    return earlier.ok() ? day{earlier} : day{earlier.year() / earlier.month() / date::last};
}

struct scan_context {
    scan_context(const dataset& ds_, const plan& pl_, year_range years_, attribution_view view_)
        : ds(ds_), pl(pl_), years(years_), view(view_), extract(ds_.extract_date()),
          compare_bucket(static_cast<std::size_t>(years_.count)) {
        for (int y = 0; y <= years.count; ++y) {
            days[0].push_back(school_year{years.first + y}.teldatum());
            days[1].push_back(school_year{years.first + y}.peildatum());
            first_days.push_back(school_year{years.first + y}.first_day());
        }
        horizon_year = clamped_year(extract);
        // The partial year, when it is reported and scanned with the year before it.
        const auto holding = school_year::containing(extract);
        if (ds.is_reported(holding) && ds.is_partial(holding))
            if (const auto i = years.index(holding); i && *i > 0) {
                partial = *i;
                compare_through = same_day_a_year_earlier(extract);
            }
    }
    /// The scanned school year holding `d`, if any (a search in a few days, no calendar maths).
    std::optional<std::size_t> year_of(day d) const noexcept {
        const auto it = std::upper_bound(first_days.begin(), first_days.end(), d);
        if (it == first_days.begin() || it == first_days.end()) return std::nullopt;
        return static_cast<std::size_t>(it - first_days.begin() - 1);
    }
    /// Like year_of, clamped into the scanned years.
    int clamped_year(day d) const noexcept {
        const auto it = std::upper_bound(first_days.begin(), first_days.end(), d);
        const auto i = static_cast<int>(it - first_days.begin()) - 1;
        return years.first + std::clamp(i, -1, years.count);
    }
    /// The days of scanned year `y` whose events count: 1 August through the year's last day,
    /// or through the extract date when the year is partial.
    period counted(std::size_t y) const noexcept {
        return {first_days[y], std::min(first_days[y + 1] - date::days{1}, extract)};
    }
    /// Whether scanned year `y` is the year before the partial one: its events through
    /// compare_through also go to the comparison bucket (the same period last year).
    bool compared(std::size_t y) const noexcept { return partial && y + 1 == *partial; }
    /// Call `add(bucket)` for the buckets an event of day `d` in scanned year `y` counts in: the
    /// year, unless `d` is after the extract date (an end date after it is a plan); and the
    /// comparison bucket for the same period last year.
    template <class Add>
    void at_event(std::size_t y, day d, Add&& add) const {
        if (d > extract) return;
        add(y);
        if (compared(y) && d <= compare_through) add(compare_bucket);
    }
    const dataset& ds;
    const plan& pl;
    year_range years;
    attribution_view view;
    std::array<std::vector<day>, 2> days; ///< teldatum and peildatum of each scanned year
    std::vector<day> first_days;          ///< 1 August of each scanned year and the next
    day extract; ///< the extract date: no reference day or event after it counts
    /// The scanned index of the partial school year (the one holding the extract date, when
    /// reported), whose period counts are compared with the year before through
    /// compare_through; the accumulator holds that comparison in the extra year compare_bucket.
    std::optional<std::size_t> partial;
    day compare_through{};
    std::size_t compare_bucket;
    /// The school year of the extract date: records of open or planned periods (OPPs,
    /// arrangements, absences) stop there, as enrolments do.
    int horizon_year = 0;
    /// One past the last scanned year such a record may count in.
    int end_year() const noexcept { return std::min(years.first + years.count, horizon_year + 1); }
};

/// The units of enrolment row `e`'s record on day `d`.
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

bool has_opp_on(const dataset& ds, pupil_idx p, day d) {
    const auto& op = ds.opps();
    if (op.first.empty()) return false;
    for (auto o = op.first[pos(p)]; o < op.first[pos(p) + 1]; ++o)
        if (op.start[o] <= d && d <= op.end[o]) return true;
    return false;
}

bool qualifies(thuiszitter_class c, const verzuim_episode& ep) {
    switch (c) {
    case thuiszitter_class::langdurig_relatief_verzuim:
        return ep.kind == absence_kind::relatief;
    case thuiszitter_class::absoluut_verzuim:
        return ep.kind == absence_kind::absoluut;
    case thuiszitter_class::thuiszitter:
        return ep.is_thuiszitter();
    case thuiszitter_class::thuiszitter_langer_dan_3_maanden:
        return ep.is_thuiszitter() && ep.longer_than_3_months;
    case thuiszitter_class::vrijstelling:
        return ep.kind == absence_kind::vrijstelling;
    }
    return false;
}

/// Thuiszitters and vrijstellingen of one pupil in one school year, from its `episodes` of the
/// year: the pupil counts once per class, for the unit of the earliest absence qualifying for
/// it; on a tie (same start), per level the unit that sorts first. passend/thuiszitters.hpp
/// decides which absences qualify and their units.
template <class Sink>
void add_thuiszitters(const scan_context& cx, pupil_idx p, std::size_t y,
                      const std::vector<verzuim_episode>& episodes, Sink& sink) {
    const auto& ds = cx.ds;
    auto keys_of = [&](const verzuim_episode& ep) {
        const auto& u = ep.unit;
        unit_keys k{has(u.swv) ? pos(u.swv) : none, has(u.board) ? pos(u.board) : none,
                    has(u.school) ? pos(u.school) : none,
                    has(u.municipality) ? pos(u.municipality) : none};
        if (cx.view == attribution_view::schoolgaand && has(u.school))
            k.swv = pos(ds.schools().swv[pos(u.school)]);
        return k;
    };
    // The unit that sorts first by its id (`onbekend` sorts as that word).
    auto first_of = [](std::uint32_t a, std::uint32_t b, const std::vector<std::string>& ids) {
        const std::string_view na = a == none ? "onbekend" : std::string_view(ids[a]);
        const std::string_view nb = b == none ? "onbekend" : std::string_view(ids[b]);
        return nb < na ? b : a;
    };
    for (std::size_t c = 0; c < 5; ++c) {
        const auto cls = cx.pl.cls(kpi_measure::thuiszitters, c);
        if (cls < 0) continue;
        std::optional<unit_keys> keys;
        day start{};
        for (const auto& ep : episodes) {
            if (!qualifies(static_cast<thuiszitter_class>(c), ep)) continue;
            if (keys && ep.start > start) break; // episodes are sorted by start
            const unit_keys k = keys_of(ep);
            if (!keys) {
                keys = k;
                start = ep.start;
                continue;
            }
            keys->swv = first_of(keys->swv, k.swv, ds.swvs().id);
            keys->board = first_of(keys->board, k.board, ds.boards().id);
            keys->school = first_of(keys->school, k.school, ds.schools().id);
        }
        if (keys) sink.add(cls, y, *keys, p, 0);
    }
}

template <class Sink>
void scan_pupil(const scan_context& cx, pupil_idx p, Sink& sink,
                std::vector<verzuim_episode>& episodes) {
    const auto& ds = cx.ds;
    const auto& pl = cx.pl;
    const auto& en = ds.enrolments();
    const auto& kind = ds.schools().kind;
    const std::uint32_t municipality = pos(ds.pupils().municipality[pos(p)]);
    const std::uint32_t begin = en.first[pos(p)], end = en.first[pos(p) + 1];

    // Stocks at teldatum and peildatum; verblijfsduur counts every teldatum from the first year.
    if (begin < end && pl.needs(kpi_measure::pupils)) {
        const day last = std::min(en.end[end - 1], ds.horizon());
        const int y_end = std::min(cx.years.first + cx.years.count - 1, cx.clamped_year(last));
        int years_in[setting_count] = {};
        std::uint32_t e = begin, units_of = none;
        enrolment_units units;
        for (int y = std::max(cx.years.first, cx.clamped_year(en.start[begin])); y <= y_end; ++y) {
            const auto yi = static_cast<std::size_t>(y - cx.years.first);
            for (std::size_t di = 0; di < 2; ++di) {
                const day d = cx.days[di][yi];
                if (d > cx.extract) continue; // no value after the extract date
                // The last enrolment starting by d covers it, if any: a switch day gives the new.
                while (e + 1 < end && en.start[e + 1] <= d) ++e;
                if (!(en.start[e] <= d && d <= en.end[e])) continue;
                const setting s = kind[pos(en.school[e])];
                if (di == 0) ++years_in[index_of(s)];
                const bool opp = pl.opp_matters[di][index_of(s)] && has_opp_on(ds, p, d);
                const auto c = pl.cls(kpi_measure::pupils, pupils_combo(di, s, opp));
                if (c < 0) continue;
                // The units only change with the enrolment, except for TLV-paid settings.
                if (units_of != e || is_paid_by_tlv(s)) {
                    units = enrolment_units_of(cx, e, d, municipality);
                    units_of = e;
                }
                sink.add_enrolment(c, yi, units, p, years_in[index_of(s)]);
            }
        }
    }

    // Flows: direct transitions, instroom and uitstroom.
    if (pl.needs(kpi_measure::transitions)) {
        for_each_transition(ds, p, [&](const transition& t) {
            const auto y = cx.year_of(t.on);
            if (!y) return;
            const bool has_from = t.from != no_enrolment, has_to = t.to != no_enrolment;
            const std::size_t from = has_from ? index_of(kind[pos(en.school[t.from])]) : no_setting;
            const std::size_t to = has_to ? index_of(kind[pos(en.school[t.to])]) : no_setting;
            const exit_reason x =
                t.kind == transition_kind::uitstroom ? en.exit[t.from] : exit_reason::none;
            const auto c = pl.cls(kpi_measure::transitions, transitions_combo(t.kind, from, to, x));
            if (c < 0) return;
            if (t.on > cx.extract) return; // a planned end: not a fact
            // A transition counts for its from enrolment on its last day; instroom for its to
            // enrolment on its first day.
            const auto u = has_from ? enrolment_units_of(cx, t.from, en.end[t.from], municipality)
                                    : enrolment_units_of(cx, t.to, en.start[t.to], municipality);
            cx.at_event(*y, t.on, [&](std::size_t b) { sink.add_enrolment(c, b, u, p, 0); });
        });
    }

    // Enrolments ending with an exit reason.
    if (pl.needs(kpi_measure::exits)) {
        for (std::uint32_t e = begin; e < end; ++e) {
            if (en.end[e] == open_end || en.exit[e] == exit_reason::none) continue;
            const auto y = cx.year_of(en.end[e]);
            if (!y) continue;
            const auto c =
                pl.cls(kpi_measure::exits, exits_combo(kind[pos(en.school[e])], en.exit[e]));
            if (c < 0 || en.end[e] > cx.extract) continue;
            const auto u = enrolment_units_of(cx, e, en.end[e], municipality);
            cx.at_event(*y, en.end[e], [&](std::size_t b) { sink.add_enrolment(c, b, u, p, 0); });
        }
    }

    // OPPs: the pupil counts once, for the school of the latest-starting OPP covering the day.
    const auto& op = ds.opps();
    if (!op.first.empty() && op.first[pos(p)] < op.first[pos(p) + 1] &&
        pl.needs(kpi_measure::opps)) {
        const std::uint32_t o0 = op.first[pos(p)], o1 = op.first[pos(p) + 1];
        const int y0 = std::max(cx.years.first, cx.clamped_year(op.start[o0]));
        for (int y = y0; y < cx.end_year(); ++y) {
            for (std::size_t di = 0; di < 2; ++di) {
                const auto c = pl.cls(kpi_measure::opps, di);
                if (c < 0) continue;
                const day d = cx.days[di][static_cast<std::size_t>(y - cx.years.first)];
                if (d > cx.extract) continue; // no value after the extract date
                std::uint32_t best = none;
                for (auto o = o0; o < o1; ++o) {
                    if (!(op.start[o] <= d && d <= op.end[o])) continue;
                    if (best == none || op.start[o] > op.start[best] ||
                        (op.start[o] == op.start[best] && op.school[o] < op.school[best]))
                        best = o;
                }
                if (best == none) continue;
                // For the OPP school's partnership, also at an so school (not an enrolment).
                enrolment_units u{pos(op.school[best]), municipality};
                if ((u.own = own_swv(ds, cx.view, u.school))) u.swv = swv_of(ds, u.school);
                sink.add_enrolment(c, static_cast<std::size_t>(y - cx.years.first), u, p, 0);
            }
        }
    }

    // TLVs, for the deciding partnership.
    const auto& tv = ds.tlvs();
    if (!tv.first.empty() && pl.needs(kpi_measure::tlvs)) {
        for (auto t = tv.first[pos(p)]; t < tv.first[pos(p) + 1]; ++t) {
            const auto y = cx.year_of(tv.decision_date[t]);
            if (!y) continue;
            const bool request = tv.request_date[t] != no_day;
            const auto c = pl.cls(kpi_measure::tlvs,
                                  tlvs_combo(tv.outcome[t], tv.admits[t], tv.category[t], request));
            if (c < 0) continue;
            const double days = request ? (tv.decision_date[t] - tv.request_date[t]).count() : 0;
            const unit_keys k{pos(tv.swv[t]), not_counted, not_counted, municipality};
            cx.at_event(*y, tv.decision_date[t],
                        [&](std::size_t b) { sink.add(c, b, k, p, days); });
        }
    }

    // Thuiszitters and vrijstellingen, year by year.
    const auto& ab = ds.absences();
    if (!ab.first.empty() && ab.first[pos(p)] < ab.first[pos(p) + 1] &&
        pl.needs(kpi_measure::thuiszitters) && ds.has_table(table::absences)) {
        // Per year its counted days (through the extract date in a partial year); the year
        // before a partial one also through the same day a year earlier, as the data stood then.
        const auto add_period = [&](period days, day as_of, std::size_t bucket) {
            episodes.clear();
            append_verzuim_episodes(ds, p, days, as_of, episodes);
            if (!episodes.empty()) add_thuiszitters(cx, p, bucket, episodes, sink);
        };
        for (int y = 0; y < cx.end_year() - cx.years.first; ++y) {
            const auto yi = static_cast<std::size_t>(y);
            const period days = cx.counted(yi);
            add_period(days, cx.extract, yi);
            if (cx.compared(yi))
                add_period({days.start, cx.compare_through}, cx.compare_through, cx.compare_bucket);
        }
    }
}

template <class Sink>
void scan_pupils(const scan_context& cx, std::uint32_t from, std::uint32_t to, Sink& sink) {
    std::vector<verzuim_episode> episodes; // reused: no allocation per pupil
    for (std::uint32_t p = from; p < to; ++p) scan_pupil(cx, pupil_idx{p}, sink, episodes);
}

/// The records not held per pupil: arrangements, money and assessments.
template <class Sink>
void scan_tables(const scan_context& cx, Sink& sink) {
    const auto& ds = cx.ds;
    const auto& pl = cx.pl;
    const auto& sc = ds.schools();
    // A board's own record (an assessment of the board itself) counts for that board only.
    auto board_keys = [](std::uint32_t board) {
        return unit_keys{not_counted, board, not_counted, not_counted};
    };
    auto school_keys = [&](std::uint32_t school) {
        const auto swv = sc.swv[school];
        return unit_keys{has(swv) ? pos(swv) : none, board_of(ds, school), school,
                         has(sc.municipality[school]) ? pos(sc.municipality[school]) : none};
    };

    if (pl.needs(kpi_measure::arrangements)) {
        const auto& ar = ds.arrangements();
        for (std::size_t a = 0; a < ar.size(); ++a) {
            const auto c =
                pl.cls(kpi_measure::arrangements, arrangements_combo(ar.level[a], ar.kind[a]));
            if (c < 0) continue;
            const auto k = school_keys(pos(ar.school[a]));
            const double cost = ar.cost[a] < 0 ? 0.0 : static_cast<double>(ar.cost[a]) / 100.0;
            const period span{ar.start[a], ar.end[a]};
            // A planned start after the extract date is not a fact yet.
            for (int y = 0; y < cx.end_year() - cx.years.first; ++y) {
                const auto yi = static_cast<std::size_t>(y);
                const period days = cx.counted(yi);
                if (span.overlaps(days)) sink.add(c, yi, k, ar.pupil[a], cost);
                if (cx.compared(yi) && span.overlaps({days.start, cx.compare_through}))
                    sink.add(c, cx.compare_bucket, k, ar.pupil[a], cost);
            }
        }
    }
    if (pl.needs(kpi_measure::funds)) {
        const auto& fu = ds.funds();
        const auto c = pl.cls(kpi_measure::funds, 0);
        for (std::size_t i = 0; i < fu.size(); ++i)
            if (const auto y = cx.years.index(fu.year[i]))
                sink.add(c, *y,
                         unit_keys{pos(fu.swv[i]), pos(fu.board[i]), not_counted, not_counted},
                         no_index<pupil_idx>, static_cast<double>(fu.amount[i]) / 100.0);
    }
    if (pl.needs(kpi_measure::allocations)) {
        const auto& al = ds.allocations();
        const auto c = pl.cls(kpi_measure::allocations, 0);
        for (std::size_t i = 0; i < al.size(); ++i)
            if (const auto y = cx.years.index(al.year[i]))
                sink.add(c, *y,
                         unit_keys{not_counted, pos(al.board[i]),
                                   has(al.school[i]) ? pos(al.school[i]) : not_counted,
                                   not_counted},
                         no_index<pupil_idx>, static_cast<double>(al.amount[i]) / 100.0);
    }

    const bool items = pl.needs(kpi_measure::assessments);
    const bool units = pl.needs(kpi_measure::assessment_units);
    if (items || units) {
        const auto& as = ds.assessments();
        auto keys = [&](std::size_t i) {
            return as.level[i] == unit_level::school ? school_keys(as.unit[i])
                                                     : board_keys(as.unit[i]);
        };
        // Per year, framework and assessed unit: the sum and number of item scores.
        // Key: year, framework, level and unit packed in 64 bits.
        std::unordered_map<std::uint64_t, std::pair<double, int>> per_unit;
        auto pack = [](std::size_t y, std::size_t fw, unit_level level, std::uint32_t unit) {
            return (std::uint64_t{y} << 49) | (std::uint64_t{fw} << 33) |
                   (std::uint64_t{level == unit_level::board} << 32) | unit;
        };
        std::size_t fw = 0;
        for (std::size_t i = 0; i < as.size(); ++i) {
            const auto y = cx.years.index(as.year[i]);
            if (!y) continue;
            if (i == 0 || as.framework[i] != as.framework[i - 1])
                fw = static_cast<std::size_t>(
                    std::lower_bound(pl.frameworks.begin(), pl.frameworks.end(), as.framework[i]) -
                    pl.frameworks.begin());
            if (items) {
                const auto c = pl.cls(kpi_measure::assessments, fw);
                if (c >= 0) sink.add(c, *y, keys(i), no_index<pupil_idx>, as.score[i]);
            }
            if (!units) continue;
            auto& [sum, n] = per_unit[pack(*y, fw, as.level[i], as.unit[i])];
            sum += as.score[i];
            ++n;
        }
        if (units) {
            for (const auto& [key, sn] : per_unit) {
                const auto y = static_cast<std::size_t>(key >> 49);
                const auto fw = static_cast<std::size_t>((key >> 33) & 0xFFFF);
                const auto level = (key >> 32) & 1 ? unit_level::board : unit_level::school;
                const auto unit = static_cast<std::uint32_t>(key);
                const auto c = pl.cls(kpi_measure::assessment_units, fw);
                if (c < 0) continue;
                const unit_keys k =
                    level == unit_level::school ? school_keys(unit) : board_keys(unit);
                // The norm of the board reports ("norm van 75%"): a mean item score of at least
                // 75%.
                const bool meets = kpi_norm{kpi_norm::direction::at_least, 0.75}.judge(
                                       sn.first / sn.second) == kpi_status::op_koers;
                sink.add(c, static_cast<std::size_t>(y), k, no_index<pupil_idx>, meets ? 1 : 0);
            }
        }
    }
}

// ---- Catalog expansion and planning ----

std::vector<std::string> frameworks_of(const dataset& ds) {
    std::set<std::string_view> seen;
    std::string_view last; // rows of one framework come together: skip the set lookups
    for (const auto& f : ds.assessments().framework)
        if (f != last || seen.empty()) seen.insert(last = f);
    return {seen.begin(), seen.end()};
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

/// The definitions to evaluate: per-framework templates expanded for the dataset's frameworks
/// (an explicit definition of the same id wins).
std::vector<kpi_definition> expand(const catalog& cat, const std::vector<std::string>& frameworks) {
    std::vector<kpi_definition> out;
    for (const auto& d : cat.definitions())
        if (d.per.empty()) out.push_back(d);
    for (const auto& d : cat.definitions()) {
        if (d.per != "framework") continue;
        for (const auto& fw : frameworks) {
            kpi_definition x = d;
            x.per.clear();
            for (auto* s :
                 {&x.id, &x.title_nl, &x.title_en, &x.description, &x.numerator.filter.framework})
                replace_all(*s, "{framework}", fw);
            if (x.denominator) replace_all(x.denominator->filter.framework, "{framework}", fw);
            if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == x.id; }))
                out.push_back(std::move(x));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

/// Every school year the data reports, sorted: from the first the data speak of (the
/// enrolments' and absences', and those of money and assessments: year columns of millions of
/// rows but few years; rows of one year mostly come together, so most set lookups are skipped)
/// through the last whose teldatum is on or before the extract date, each year between included.
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

/// The years the scan covers: the data's and those `wanted`, each with the year before it (for
/// the change against the previous year).
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

/// The years to report: those asked for, else every year the data reports; never a year whose
/// teldatum is after the extract date.
std::vector<school_year> report_years(const dataset& ds, const std::vector<school_year>& data,
                                      const evaluate_options& options) {
    if (options.years.empty()) return data;
    std::vector<school_year> years;
    std::ranges::copy_if(options.years, std::back_inserter(years),
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
    const auto a = d.numerator.aggregate;
    return den && a != kpi_aggregate::mean && a != kpi_aggregate::median && den->records[slot] > 0;
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
    default:
        break;
    }
    out.numerator = amount(d.numerator, n, slot);
    if (!den) {
        out.value = out.numerator;
        return out;
    }
    out.denominator = amount(*d.denominator, *den, slot);
    if (d.combine == kpi_combine::difference)
        out.value = *out.numerator - *out.denominator;
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

/// Whether a definition counts or sums events of a period (transitions, exits, absences,
/// arrangements, TLVs) without a ratio, mean or median: in a partial year its change compares
/// with the same period last year. Stocks, ratios and quantiles keep their plain change.
bool is_period_count(const kpi_definition& d) {
    const auto of_period = [](const kpi_quantity& q) {
        switch (q.measure) {
        case kpi_measure::transitions:
        case kpi_measure::exits:
        case kpi_measure::thuiszitters:
        case kpi_measure::arrangements:
        case kpi_measure::tlvs:
            return q.aggregate == kpi_aggregate::count ||
                   q.aggregate == kpi_aggregate::distinct_pupils ||
                   q.aggregate == kpi_aggregate::sum;
        default:
            return false;
        }
    };
    return d.combine != kpi_combine::ratio && of_period(d.numerator) &&
           (!d.denominator || of_period(*d.denominator));
}

/// Whether a definition has a value in school year `y`: not when one of its stocks is taken on
/// a day after the extract date (a partial year's peildatum, 1 February).
bool observed(const kpi_definition& d, school_year y, day extract) {
    const auto on_time = [&](const kpi_quantity& q) {
        if (q.measure != kpi_measure::pupils && q.measure != kpi_measure::opps) return true;
        return (q.at == kpi_reference::peildatum ? y.peildatum() : y.teldatum()) <= extract;
    };
    return on_time(d.numerator) && (!d.denominator || on_time(*d.denominator));
}

unsigned thread_count(unsigned wanted, std::size_t pupils) {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    unsigned n = wanted == 0 ? std::min(hw, 2u) : wanted;
    if (wanted == 0 && pupils < 20'000) n = 1; // a thread costs more than it saves here
    return std::max(1u, n);
}

} // namespace

kpi_results evaluate(const dataset& ds, const catalog& full, const evaluate_options& options,
                     evaluate_stats* stats) {
    const catalog selected = options.kpis.empty() ? catalog{} : full.select(options.kpis);
    const catalog& cat = options.kpis.empty() ? full : selected;

    plan pl;
    pl.frameworks = frameworks_of(ds);
    const auto defs = expand(cat, pl.frameworks);
    struct def_plan {
        std::uint32_t num;
        std::optional<std::uint32_t> den;
        bool present;
    };
    std::vector<def_plan> dplans;
    for (const auto& d : defs) {
        def_plan dp{pl.add_quantity(d.numerator), std::nullopt, true};
        if (d.denominator) dp.den = pl.add_quantity(*d.denominator);
        for (const kpi_quantity* q : {&d.numerator, d.denominator ? &*d.denominator : nullptr})
            if (q)
                if (const auto t = table_of(*q)) dp.present &= ds.has_table(*t);
        dplans.push_back(dp);
    }
    pl.compile();

    const auto speaks_of = data_years(ds);
    const year_range years = scan_years(speaks_of, options.years);
    const slot_layout layout(ds);
    const scan_context cx{ds, pl, years, options.view};
    const auto pupils = static_cast<std::uint32_t>(ds.pupils().size());
    const unsigned threads = thread_count(options.threads, pupils);

    using clock = std::chrono::steady_clock;
    auto since = [](clock::time_point t0) {
        return std::chrono::duration<double>(clock::now() - t0).count();
    };
    evaluate_stats st{1, threads, pl.quantities.size(), pl.classes.size()};
    auto t0 = clock::now();
    // Tasks: the other tables first, then the pupils in chunks; each thread takes the next task
    // and adds to its own accumulator, merged after. The pupil records' fields are whole numbers
    // (days, school years), so their sums do not depend on which thread took which chunk; the
    // tables' (money, scores) are all summed by the one thread that takes them, in table order.
    // Chunks: eight per thread or so, for an even finish; 1,024 to 65,536 pupils each.
    const std::uint32_t chunk = std::clamp<std::uint32_t>(pupils / (8 * threads), 1024, 65536);
    const std::size_t tasks = 1 + (std::size_t{pupils} + chunk - 1) / chunk;
    std::atomic<std::size_t> next_task{0};
    std::atomic<double> tables_seconds{0};
    auto work = [&](accumulator& into) {
        for (std::size_t t = next_task++; t < tasks; t = next_task++) {
            if (t == 0) {
                const auto t1 = clock::now();
                scan_tables(cx, into);
                tables_seconds = since(t1);
                continue;
            }
            const auto from = static_cast<std::uint32_t>((t - 1) * chunk);
            scan_pupils(cx, from, std::min(pupils, from + chunk), into);
        }
    };
    // The per-school blocks cover the scanned years the data covers.
    std::size_t block_first = 0, block_years = 0;
    if (const auto& covered = ds.school_years(); !covered.empty()) {
        const int lo = std::max(years.first, covered.front().start_year());
        const int hi = std::min(years.first + years.count, covered.back().start_year() + 1);
        if (lo < hi) {
            block_first = static_cast<std::size_t>(lo - years.first);
            block_years = static_cast<std::size_t>(hi - lo);
        }
    }
    // One bucket per scanned year and one more: the same period last year (scan_context).
    const std::size_t buckets = static_cast<std::size_t>(years.count) + 1;
    accumulator acc(ds, pl, layout, buckets, block_first, block_years);
    {
        std::vector<accumulator> parts;
        for (unsigned t = 1; t < threads; ++t)
            parts.emplace_back(ds, pl, layout, buckets, block_first, block_years);
        std::vector<std::thread> workers;
        for (auto& part : parts) workers.emplace_back([&] { work(part); });
        work(acc);
        for (auto& w : workers) w.join();
        for (auto& part : parts) acc.merge(std::move(part));
    }
    acc.fold(options.view);
    st.scan_seconds = since(t0);
    st.tables_seconds = tables_seconds;
    t0 = clock::now();

    // Rows, already in order: definitions by id, then year, level, unit.
    kpi_results out;
    out.extract_date = ds.extract_date();
    const auto wanted_years = report_years(ds, speaks_of, options);
    auto level_wanted = [&](kpi_level l) {
        return options.levels.empty() || std::ranges::count(options.levels, l) > 0;
    };
    auto unit_wanted = [&](std::string_view unit) {
        return options.units.empty() ||
               std::ranges::any_of(options.units, [&](const std::string& u) { return u == unit; });
    };
    // Each level's units in id order, `onbekend` at its place among them.
    std::array<std::vector<std::pair<std::string_view, std::uint32_t>>, 5> units_of;
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
    for (const auto& d : defs) out.definitions.push_back(d.info());
    out.relations = derive_relations(defs);
    // Two threads run `step` over the definitions (or quantities), each half of them.
    auto run = [&](std::size_t count, auto&& step) {
        const std::size_t half = threads > 1 ? count / 2 : count;
        std::thread worker;
        if (half < count)
            worker = std::thread([&] {
                for (std::size_t i = half; i < count; ++i) step(i);
            });
        for (std::size_t i = 0; i < half; ++i) step(i);
        if (worker.joinable()) worker.join();
    };
    // The bucket a row's change compares with: the previous year's, or for a period count in
    // the partial year the same period last year.
    auto compared_bucket = [&](std::size_t di, std::size_t y) -> std::optional<std::size_t> {
        if (cx.partial && y == *cx.partial && is_period_count(defs[di])) return cx.compare_bucket;
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
            for (const auto yy : {std::optional<std::size_t>(*y), compared_bucket(di, *y)}) {
                if (!yy) continue;
                needed[dplans[di].num * buckets + *yy] = 1;
                if (dplans[di].den) needed[*dplans[di].den * buckets + *yy] = 1;
            }
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
        std::vector<kpi_level> levels{kpi_level::national};
        for (auto l : d.levels)
            if (level_wanted(l)) levels.push_back(l);
        std::size_t count = 0;
        for (const auto sy : wanted_years) {
            const auto y = years.index(sy);
            if (!y) continue;
            // This year's and the compared totals (for the change). A stock on a day after the
            // extract date has no value, as a KPI of an absent table.
            const totals *n = nullptr, *den = nullptr, *pn = nullptr, *pden = nullptr;
            if (dp.present && observed(d, sy, ds.extract_date())) {
                n = &totals_at(dp.num, *y);
                if (dp.den) den = &totals_at(*dp.den, *y);
                if (const auto py = compared_bucket(di, *y)) {
                    pn = &totals_at(dp.num, *py);
                    if (dp.den) pden = &totals_at(*dp.den, *py);
                }
            }
            const bool partial = ds.is_partial(sy);
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
                    if (row.value && pn) {
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
    out.rows.resize(first_row.back());
    run(defs.size(), [&](std::size_t di) { walk(di, out.rows.data() + first_row[di]); });
    st.rows_seconds = since(t0);
    if (stats) *stats = st;
    return out;
}

std::vector<std::string> explain(const dataset& ds, const catalog& cat, std::string_view kpi_id,
                                 school_year year, kpi_level level, std::string_view unit,
                                 kpi_part part, attribution_view view) {
    plan pl;
    pl.frameworks = frameworks_of(ds);
    const auto defs = expand(cat, pl.frameworks);
    const auto it = std::find_if(defs.begin(), defs.end(),
                                 [&](const kpi_definition& d) { return d.id == kpi_id; });
    if (it == defs.end()) throw error("explain: no KPI " + std::string(kpi_id) + " in the catalog");
    if (part == kpi_part::denominator && !it->denominator)
        throw error("explain: KPI " + std::string(kpi_id) + " has no denominator");
    pl.add_quantity(part == kpi_part::numerator ? it->numerator : *it->denominator);
    pl.compile();

    // The unit's index at its level.
    std::uint32_t u = 0;
    if (level != kpi_level::national && unit != "onbekend") {
        std::optional<std::uint32_t> found;
        switch (level) {
        case kpi_level::swv:
            if (auto i = ds.find_swv(unit)) found = pos(*i);
            break;
        case kpi_level::board:
            if (auto i = ds.find_board(unit)) found = pos(*i);
            break;
        case kpi_level::school:
            if (auto i = ds.find_school(unit)) found = pos(*i);
            break;
        case kpi_level::municipality:
            if (auto i = ds.find_municipality(unit)) found = pos(*i);
            break;
        default:
            break;
        }
        if (!found)
            throw error("explain: no " + std::string(to_string(level)) + " " + std::string(unit) +
                        " in the data");
        u = *found;
    } else if (level != kpi_level::national) {
        u = none;
    }

    const year_range years = scan_years(data_years(ds), {year});
    const scan_context cx{ds, pl, years, view};
    pupil_collector sink{ds, *years.index(year), level, u, {}};
    scan_pupils(cx, 0, static_cast<std::uint32_t>(ds.pupils().size()), sink);
    scan_tables(cx, sink);

    std::sort(sink.pupils.begin(), sink.pupils.end());
    sink.pupils.erase(std::unique(sink.pupils.begin(), sink.pupils.end()), sink.pupils.end());
    std::vector<std::string> ids;
    ids.reserve(sink.pupils.size());
    for (auto p : sink.pupils) ids.push_back(ds.pupils().id[pos(p)]);
    return ids;
}

PASSEND_NAMESPACE_END
