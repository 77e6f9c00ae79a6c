// Small-count suppression with secondary suppression over this catalog's additive relations.
//
// A cell is one number of one row: its numerator or its denominator (values and changes follow
// from those). Primary cells are counts of pupils or records from 1 to max_small. A relation is
// total = sum of parts (an identity link is a relation with one part); a relation whose total
// is shown must have no hidden part or at least two, and when its numbers add up exactly no
// small count in it may be pinned to one value by the sum. Cells are hidden one at a time, the
// relations they are in re-checked, until every relation holds. docs/privacy.md explains why.
#include "passend/report/privacy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::array<std::string_view, 6> settings{"bao", "sbo", "so", "vo", "pro", "vso"};

/// How a row's value is made from its cells.
enum class row_role : std::uint8_t {
    count,      ///< no denominator: value = numerator
    ratio,      ///< a percentage: numerator and denominator both counts
    difference, ///< value = numerator - denominator (groei: two counts; saldo: money)
    mean,       ///< mean or median over the denominator's records
};

row_role role_of(const kpi_row& row, const kpi_info* info) {
    if (!row.denominator) return row_role::count;
    if (info && info->unit == kpi_unit::percent) return row_role::ratio;
    if (row.kpi.starts_with("groei_") || row.kpi == "middelen_saldo") return row_role::difference;
    return row_role::mean;
}

/// Whether the KPI's counts are of pupils or their records (TLVs, absences, arrangements), the
/// numbers that can single a child out; money and assessments of schools are not.
bool about_pupils(const kpi_info* info, std::string_view id) {
    if (info && (info->unit == kpi_unit::euro || info->unit == kpi_unit::score)) return false;
    if (id.starts_with("middelen_") || id.ends_with("_score") || id.ends_with("_norm"))
        return false;
    return true;
}

/// Whether a numerator or denominator counts pupils or their records; a mean's or median's
/// numerator is a sum of days or years instead.
bool counts_pupils(const kpi_row& row, const kpi_info* info, kpi_field field) {
    if (!about_pupils(info, row.kpi)) return false;
    return field == kpi_field::denominator || role_of(row, info) != row_role::mean;
}

constexpr std::uint32_t none = 0xFFFFFFFFu;

struct relation {
    std::uint32_t total;       ///< a cell
    std::uint32_t begin, end;  ///< its parts: members[begin, end)
    bool prefer_total = false; ///< hide the total before another part (a denominator)
    bool exact = false;        ///< the parts add up to the total
    // Kept up to date as parts are hidden, so a check costs the same for any size.
    double shown_sum = 0;     ///< of the shown parts
    std::uint32_t hidden = 0; ///< hidden parts: small counts, other counts, other numbers
    std::uint32_t smalls = 0, counts = 0, others = 0;
};

class solver {
public:
    solver(kpi_results& results, const suppress_options& options)
        : res_(results), opt_(options), cells_(results.rows.size() * 2) {}

    suppress_summary run() {
        intern();
        classify();
        build_relations();
        index_relations();
        propagate();
        mark_rows();
        suppress_summary s;
        for (const auto& c : cells_) {
            if (c.small)
                ++s.small;
            else if (c.hidden)
                ++s.secondary;
        }
        return s;
    }

private:
    struct cell_state {
        bool present = false;  ///< the row has this number
        bool eligible = false; ///< a count of pupils or records: small ones are hidden
        bool small = false;
        bool hidden = false;
    };

    static std::uint32_t num(std::uint32_t row) { return row * 2; }
    static std::uint32_t den(std::uint32_t row) { return row * 2 + 1; }
    std::optional<double> number(std::uint32_t cell) const {
        const auto& row = res_.rows[cell / 2];
        return cell % 2 ? row.denominator : row.numerator;
    }

    bool is_small(double v) const {
        return v >= 1 - 1e-9 && v <= opt_.max_small + 1e-9 && std::abs(v - std::round(v)) < 1e-9;
    }

    void classify() {
        roles_.resize(res_.rows.size());
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            const auto& row = res_.rows[r];
            const kpi_info* info = res_.find(row.kpi);
            roles_[r] = role_of(row, info);
            auto& n = cells_[num(r)];
            auto& d = cells_[den(r)];
            n.present = row.numerator.has_value();
            d.present = row.denominator.has_value();
            n.eligible = n.present && counts_pupils(row, info, kpi_field::numerator);
            d.eligible = d.present && counts_pupils(row, info, kpi_field::denominator);
            for (auto* c : {&n, &d})
                if (c->eligible && is_small(*number(c == &n ? num(r) : den(r)))) c->small = true;
        }
    }

    // --- relations ---------------------------------------------------------------------------

    void add(std::uint32_t total, const std::vector<std::uint32_t>& parts, bool prefer_total) {
        if (total == none || !cells_[total].present) return;
        const auto begin = static_cast<std::uint32_t>(members_.size());
        for (auto p : parts)
            if (p != none && cells_[p].present) members_.push_back(p);
        const auto end = static_cast<std::uint32_t>(members_.size());
        if (end == begin) return;
        relation rel{total, begin, end, prefer_total};
        for (auto m = begin; m < end; ++m) rel.shown_sum += *number(members_[m]);
        rel.exact = std::abs(rel.shown_sum - *number(total)) < 1e-6;
        rels_.push_back(rel);
    }
    void follow(std::uint32_t leader, std::uint32_t follower) {
        if (leader != none && follower != none && cells_[leader].present &&
            cells_[follower].present)
            follows_.emplace_back(leader, follower);
    }

    /// Rows' kpi ids and units as small integers (in order of first appearance), so that
    /// grouping sorts integers rather than strings.
    void intern() {
        std::unordered_map<std::string_view, std::uint32_t> kpis, units;
        kpi_of_.resize(res_.rows.size());
        unit_of_.resize(res_.rows.size());
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            const auto& row = res_.rows[r];
            kpi_of_[r] =
                kpis.try_emplace(row.kpi, static_cast<std::uint32_t>(kpis.size())).first->second;
            const auto u = units.try_emplace(row.unit, static_cast<std::uint32_t>(units.size()));
            unit_of_[r] = u.first->second;
            if (u.second) unit_names_.push_back(row.unit);
        }
        kpi_ids_ = std::move(kpis);
        // The board of each school, as interned units.
        board_of_unit_.assign(unit_names_.size(), none);
        for (std::uint32_t u = 0; u < unit_names_.size(); ++u) {
            const auto it = opt_.board_of_school.find(std::string(unit_names_[u]));
            if (it == opt_.board_of_school.end()) continue;
            if (const auto b = units.find(it->second); b != units.end())
                board_of_unit_[u] = b->second;
        }
    }
    std::uint32_t kpi_id(std::string_view name) const {
        const auto it = kpi_ids_.find(name);
        return it == kpi_ids_.end() ? none : it->second;
    }

    /// Sort the rows by a 64-bit key and call `each` on every run of rows whose key agrees
    /// above bit `group_shift`.
    template <class Key, class Each>
    void grouped(Key key, int group_shift, Each each) {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> order(res_.rows.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {key(i), i};
        std::sort(order.begin(), order.end());
        std::vector<std::uint32_t> group;
        for (std::size_t g = 0; g < order.size();) {
            std::size_t e = g;
            group.clear();
            while (e < order.size() &&
                   order[e].first >> group_shift == order[g].first >> group_shift)
                group.push_back(order[e++].second);
            each(std::span<const std::uint32_t>(group));
            g = e;
        }
    }
    // Key fields: year 12 bits, level 3, unit 28, kpi 21.
    std::uint64_t year_bits(std::uint32_t r) const {
        return static_cast<std::uint64_t>(res_.rows[r].year.start_year() - 1900) & 0xFFF;
    }
    std::uint64_t level_bits(std::uint32_t r) const {
        return static_cast<std::uint64_t>(res_.rows[r].level);
    }

    void build_relations() {
        resolve_ids();
        // Rows of one unit and year (sorted by kpi): breakdowns and shared counts.
        grouped(
            [&](std::uint32_t r) {
                return year_bits(r) << 52 | level_bits(r) << 49 | std::uint64_t{unit_of_[r]} << 21 |
                       kpi_of_[r];
            },
            21, [&](std::span<const std::uint32_t> g) { unit_relations(g); });
        // Rows of one KPI and year (sorted by level): units sum to national, boards to schools.
        grouped(
            [&](std::uint32_t r) {
                return std::uint64_t{kpi_of_[r]} << 43 | year_bits(r) << 31 | level_bits(r) << 28 |
                       unit_of_[r];
            },
            31, [&](std::span<const std::uint32_t> g) { level_relations(g); });
    }

    /// The ids of the catalog's relations (docs/privacy.md), `none` where absent.
    struct known_ids {
        std::uint32_t totaal, leerlingen[6], deelname[6], groei[6], verblijfsduur[6];
        std::uint32_t verwijzingen[6], verwijzingspercentage[6];
        std::uint32_t terugplaatsingen, terug_vso_vo, doorstroom_vso_vo;
        std::uint32_t tlv, tlv_setting[6], tlv_category[6][3];
        std::uint32_t arrangementen, niveau[5], kinds[3], kosten;
        std::uint32_t thuiszitters, lrv, av, opp_percentage;
    };
    void resolve_ids() {
        auto& k = ids_;
        auto id = [&](std::string_view a, std::string_view b = {}) {
            return kpi_id(fmt::format("{}{}", a, b));
        };
        k.totaal = id("leerlingen_totaal");
        for (std::size_t i = 0; i < settings.size(); ++i) {
            const auto s = settings[i];
            k.leerlingen[i] = id("leerlingen_", s);
            k.deelname[i] = id("deelname_", s);
            k.groei[i] = id("groei_", s);
            k.verblijfsduur[i] = id("verblijfsduur_", s);
            k.verwijzingen[i] = id("verwijzingen_", s);
            k.verwijzingspercentage[i] = id("verwijzingspercentage_", s);
            k.tlv_setting[i] = id("tlv_toegekend_", s);
            for (std::size_t c = 0; c < 3; ++c)
                k.tlv_category[i][c] = id(fmt::format("tlv_toegekend_{}_", s),
                                          std::array{"laag", "midden", "hoog"}[c]);
        }
        k.terugplaatsingen = id("terugplaatsingen");
        k.terug_vso_vo = id("terugplaatsingen_vso_vo");
        k.doorstroom_vso_vo = id("doorstroom_vso_vo");
        k.tlv = id("tlv_toegekend");
        k.arrangementen = id("arrangementen");
        for (int n = 1; n <= 5; ++n)
            k.niveau[n - 1] = id("arrangementen_niveau_", std::to_string(n));
        k.kinds[0] = id("arrangementen_individueel");
        k.kinds[1] = id("arrangementen_groep");
        k.kinds[2] = id("arrangementen_doelgroep");
        k.kosten = id("arrangementen_kosten");
        k.thuiszitters = id("thuiszitters");
        k.lrv = id("langdurig_relatief_verzuim");
        k.av = id("absoluut_verzuim");
        k.opp_percentage = id("opp_percentage");
        terug_pair_.assign(kpi_ids_.size(), false);
        for (const auto& [name, i] : kpi_ids_)
            terug_pair_[i] = name.starts_with("terugplaatsingen_");
    }

    /// Within one unit and year: breakdowns and links between ids of the catalog.
    void unit_relations(std::span<const std::uint32_t> group) {
        const auto& k = ids_;
        auto row_of = [&](std::uint32_t id) -> std::uint32_t {
            if (id == none) return none;
            const auto it =
                std::lower_bound(group.begin(), group.end(), id,
                                 [&](auto r, std::uint32_t x) { return kpi_of_[r] < x; });
            return it != group.end() && kpi_of_[*it] == id ? *it : none;
        };
        auto n = [&](std::uint32_t id) {
            const auto r = row_of(id);
            return r == none ? none : num(r);
        };
        auto d = [&](std::uint32_t id) {
            const auto r = row_of(id);
            return r == none ? none : den(r);
        };
        constexpr std::size_t bao = 0, sbo = 1, vo = 3, pro = 4;

        // leerlingen_totaal = the sum over settings.
        std::vector<std::uint32_t> parts;
        for (auto id : k.leerlingen) parts.push_back(n(id));
        add(n(k.totaal), parts, false);
        // terugplaatsingen = the sum over its pairs; tlv_toegekend over settings and categories;
        // arrangementen over levels and over kinds; thuiszitters over its two kinds (nearly: a
        // pupil in both counts once).
        parts.clear();
        for (auto r : group)
            if (terug_pair_[kpi_of_[r]]) parts.push_back(num(r));
        add(n(k.terugplaatsingen), parts, false);
        parts.clear();
        for (std::size_t i = 0; i < settings.size(); ++i) {
            parts.push_back(n(k.tlv_setting[i]));
            add(n(k.tlv_setting[i]),
                {n(k.tlv_category[i][0]), n(k.tlv_category[i][1]), n(k.tlv_category[i][2])}, false);
        }
        add(n(k.tlv), parts, false);
        parts.clear();
        for (auto id : k.niveau) parts.push_back(n(id));
        add(n(k.arrangementen), parts, false);
        add(n(k.arrangementen), {n(k.kinds[0]), n(k.kinds[1]), n(k.kinds[2])}, false);
        add(n(k.thuiszitters), {n(k.lrv), n(k.av)}, false);

        // The same count under two ids.
        for (std::size_t i = 0; i < settings.size(); ++i) {
            const auto pupils = n(k.leerlingen[i]);
            add(n(k.deelname[i]), {pupils}, false);
            add(d(k.groei[i]), {pupils}, false);
            add(d(k.verblijfsduur[i]), {pupils}, false);
            add(n(k.verwijzingspercentage[i]), {n(k.verwijzingen[i])}, false);
            const bool po = i < vo;
            add(d(k.verwijzingspercentage[i]), {n(k.leerlingen[po ? bao : vo])}, false);
            // Denominators that are sums of published counts: hide the denominator first.
            add(d(k.deelname[i]), {n(k.leerlingen[po ? bao : vo]), n(k.leerlingen[po ? sbo : pro])},
                true);
        }
        add(n(k.doorstroom_vso_vo), {n(k.terug_vso_vo)}, false);
        add(d(k.opp_percentage), {n(k.leerlingen[bao]), n(k.leerlingen[vo])}, true);

        // The cost of a few arrangements is theirs alone.
        follow(n(k.arrangementen), n(k.kosten));
        // A mean over few pupils: its sum goes with its count.
        for (auto r : group)
            if (roles_[r] == row_role::mean) follow(den(r), num(r));
    }

    /// One KPI and year: every level's units sum to the national row; boards to their schools.
    void level_relations(std::span<const std::uint32_t> group) {
        const auto& rows = res_.rows;
        std::uint32_t national = none;
        for (auto r : group)
            if (rows[r].level == kpi_level::national) national = r;
        std::vector<std::uint32_t> parts;
        for (auto level :
             {kpi_level::swv, kpi_level::board, kpi_level::school, kpi_level::municipality}) {
            parts.clear();
            for (auto r : group)
                if (rows[r].level == level) parts.push_back(r);
            if (national != none) relation_over(national, parts);
        }
        if (opt_.board_of_school.empty()) return;
        std::unordered_map<std::uint32_t, std::uint32_t> board_row;
        std::map<std::uint32_t, std::vector<std::uint32_t>> schools_of;
        for (auto r : group) {
            if (rows[r].level == kpi_level::board) board_row[unit_of_[r]] = r;
            if (rows[r].level == kpi_level::school && board_of_unit_[unit_of_[r]] != none)
                schools_of[board_of_unit_[unit_of_[r]]].push_back(r);
        }
        for (const auto& [board, schools] : schools_of)
            if (const auto it = board_row.find(board); it != board_row.end())
                relation_over(it->second, schools);
    }

    void relation_over(std::uint32_t total_row, const std::vector<std::uint32_t>& part_rows) {
        if (part_rows.empty()) return;
        for (auto cell_of : {&solver::num, &solver::den}) {
            std::vector<std::uint32_t> parts;
            for (auto r : part_rows) parts.push_back(cell_of(r));
            add(cell_of(total_row), parts, false);
        }
    }

    void index_relations() {
        rel_first_.assign(cells_.size() + 1, 0);
        auto each_cell = [&](auto&& fn) {
            for (std::uint32_t i = 0; i < rels_.size(); ++i) {
                fn(rels_[i].total, i);
                for (auto m = rels_[i].begin; m < rels_[i].end; ++m) fn(members_[m], i);
            }
        };
        each_cell([&](std::uint32_t c, std::uint32_t) { ++rel_first_[c + 1]; });
        for (std::size_t c = 0; c < cells_.size(); ++c) rel_first_[c + 1] += rel_first_[c];
        rel_of_.resize(rel_first_.back());
        auto fill = rel_first_;
        each_cell([&](std::uint32_t c, std::uint32_t i) { rel_of_[fill[c]++] = i; });
        std::sort(follows_.begin(), follows_.end());
    }

    // --- propagation -------------------------------------------------------------------------

    /// Whether the sum pins a small hidden part to one value. Hidden parts that are counts of
    /// pupils are known to lie in 1..max_small (shown `<5`) or in {0} or above max_small
    /// (hidden without mark); any other hidden number could be anything.
    bool pins_a_small_count(const relation& rel) const {
        // For any one small part, the other hidden parts are m small ones, counts known to be 0
        // or above max_small, and numbers that could be anything.
        if (rel.smalls == 0 || rel.others > 0) return false;
        const long k = std::lround(*number(rel.total) - rel.shown_sum), top = opt_.max_small;
        const long m = rel.smalls - 1;
        int feasible = 0;
        for (long v = 1; v <= top; ++v) {
            const long x = k - v; // what the other hidden parts must sum to
            if ((x >= m && x <= top * m) || (rel.counts > 0 && x >= m + top + 1)) ++feasible;
        }
        return feasible < 2;
    }

    bool protected_(const relation& rel) const {
        if (cells_[rel.total].hidden) return rel.hidden > 0;
        if (rel.hidden == 0) return true;
        if (rel.hidden == 1) return false;
        if (!rel.exact) return true; // an approximate relation: two hidden parts suffice
        return !pins_a_small_count(rel);
    }

    /// The next cell to hide in an unprotected relation; none when every cell is hidden.
    std::uint32_t pick(const relation& rel) const {
        const bool total_free = !cells_[rel.total].hidden;
        if (rel.prefer_total && total_free) return rel.total;
        std::uint32_t best = none, zero = none;
        for (auto m = rel.begin; m < rel.end; ++m) {
            const auto c = members_[m];
            if (cells_[c].hidden) continue;
            const double v = *number(c);
            if (v == 0) {
                if (zero == none) zero = c;
            } else if (best == none || v < *number(best) || (v == *number(best) && c < best)) {
                best = c;
            }
        }
        if (best != none) return best;
        if (total_free) return rel.total;
        return zero;
    }

    void propagate() {
        std::deque<std::uint32_t> queue;
        std::vector<char> queued(rels_.size(), 0);
        auto hide = [&](std::uint32_t c, auto&& self) -> void {
            if (c == none || cells_[c].hidden) return;
            cells_[c].hidden = true;
            for (auto i = rel_first_[c]; i < rel_first_[c + 1]; ++i) {
                auto& rel = rels_[rel_of_[i]];
                if (rel.total != c) {
                    ++rel.hidden;
                    rel.shown_sum -= *number(c);
                    ++(cells_[c].small ? rel.smalls : cells_[c].eligible ? rel.counts : rel.others);
                }
                if (!queued[rel_of_[i]]) {
                    queued[rel_of_[i]] = 1;
                    queue.push_back(rel_of_[i]);
                }
            }
            auto it = std::lower_bound(follows_.begin(), follows_.end(), std::pair(c, 0u));
            for (; it != follows_.end() && it->first == c; ++it) self(it->second, self);
        };
        // Start from the small counts (and what follows them).
        for (std::uint32_t c = 0; c < cells_.size(); ++c)
            if (cells_[c].small) hide(c, hide);
        while (!queue.empty()) {
            const auto i = queue.front();
            queue.pop_front();
            queued[i] = 0;
            while (!protected_(rels_[i])) {
                const auto c = pick(rels_[i]);
                if (c == none) break;
                hide(c, hide);
            }
        }
    }

    void mark_rows() {
        for (std::uint32_t r = 0; r < res_.rows.size(); ++r) {
            auto& row = res_.rows[r];
            auto& s = row.suppressed;
            s.numerator = cells_[num(r)].hidden;
            s.denominator = cells_[den(r)].hidden;
            s.value = row.value && (s.numerator || s.denominator);
        }
        // A change is the difference of two values: hidden when either is. Rows of one KPI and
        // unit in year order, so the previous year's row is the one before.
        const auto& rows = res_.rows;
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(rows.size());
        for (std::uint32_t r = 0; r < rows.size(); ++r)
            keyed[r] = {std::uint64_t{kpi_of_[r]} << 43 | level_bits(r) << 40 |
                            std::uint64_t{unit_of_[r]} << 12 | year_bits(r),
                        r};
        std::sort(keyed.begin(), keyed.end());
        std::vector<std::uint32_t> order(rows.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = keyed[i].second;
        for (std::size_t i = 0; i < order.size(); ++i) {
            auto& row = res_.rows[order[i]];
            if (!row.change) continue;
            // Without the previous year's row (results of selected years only) its value
            // cannot be checked: hide the change.
            bool prev_hidden = true;
            if (i > 0) {
                const auto& prev = rows[order[i - 1]];
                if (prev.kpi == row.kpi && prev.level == row.level && prev.unit == row.unit &&
                    prev.year.next() == row.year)
                    prev_hidden = prev.suppressed.value;
            }
            // In a partial year a period count's change is against the same period a year
            // earlier, a count published nowhere: value minus change gives it, so a small one
            // hides the change.
            if (row.partial && row.value && is_small(*row.value - *row.change)) prev_hidden = true;
            row.suppressed.change = row.suppressed.value || prev_hidden;
        }
    }

    kpi_results& res_;
    const suppress_options& opt_;
    std::vector<cell_state> cells_;
    std::vector<row_role> roles_;
    std::vector<relation> rels_;
    std::vector<std::uint32_t> members_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> follows_;
    std::vector<std::uint32_t> rel_first_, rel_of_;
    std::vector<std::uint32_t> kpi_of_, unit_of_, board_of_unit_;
    std::vector<std::string_view> unit_names_;
    std::unordered_map<std::string_view, std::uint32_t> kpi_ids_;
    std::vector<bool> terug_pair_;
    known_ids ids_{};
};

} // namespace

suppress_options suppress_options::for_dataset(const dataset& ds) {
    suppress_options o;
    const auto& schools = ds.schools();
    for (std::size_t i = 0; i < schools.size(); ++i)
        if (has(schools.board[i]))
            o.board_of_school[schools.id[i]] = ds.boards().id[pos(schools.board[i])];
    return o;
}

suppress_summary suppress(kpi_results& results, const suppress_options& options) {
    for (auto& row : results.rows) row.suppressed = {};
    if (!options.enabled) return {};
    return solver(results, options).run();
}

std::optional<double> field_value(const kpi_row& row, kpi_field field) noexcept {
    switch (field) {
    case kpi_field::numerator:
        return row.numerator;
    case kpi_field::denominator:
        return row.denominator;
    case kpi_field::value:
        return row.value;
    case kpi_field::change:
        return row.change;
    }
    return std::nullopt;
}

cell_shown shown(const kpi_row& row, kpi_field field, const kpi_info* info,
                 int max_small) noexcept {
    const auto v = field_value(row, field);
    if (!v) return cell_shown::hidden;
    const auto& s = row.suppressed;
    const bool hidden = field == kpi_field::numerator     ? s.numerator
                        : field == kpi_field::denominator ? s.denominator
                        : field == kpi_field::value       ? s.value
                                                          : s.change;
    if (!hidden) return cell_shown::number;
    // Only a small count itself shows as `<5`; whatever was hidden to protect it stays empty.
    auto small = [&](double x, kpi_field f) {
        return x >= 1 && x <= max_small && x == std::round(x) && counts_pupils(row, info, f);
    };
    switch (field) {
    case kpi_field::numerator:
    case kpi_field::denominator:
        return small(*v, field) ? cell_shown::small : cell_shown::hidden;
    case kpi_field::value: // a plain count is its numerator
        return !row.denominator && row.numerator && *row.numerator == *v &&
                       small(*v, kpi_field::numerator)
                   ? cell_shown::small
                   : cell_shown::hidden;
    case kpi_field::change:
        return cell_shown::hidden;
    }
    return cell_shown::hidden;
}

PASSEND_NAMESPACE_END
