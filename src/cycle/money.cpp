// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/money.hpp"

#include "kpi_lookup.hpp"
#include "passend/attribution.hpp"
#include "text_fields.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

PASSEND_NAMESPACE_BEGIN
namespace {

// Pupils at the teldatum whose enrolment that day is at one of the board's schools.
std::uint64_t pupils_of_board(const dataset& ds, board_idx b, school_year year) {
    const auto t = year.teldatum();
    const auto& en = ds.enrolments();
    std::uint64_t n = 0;
    for (std::uint32_t p = 0; p < ds.pupils().size(); ++p) {
        const auto e = enrolment_on(ds, pupil_idx{p}, t);
        if (e && ds.schools().board[pos(en.school[*e])] == b) ++n;
    }
    return n;
}

} // namespace

std::optional<cents> board_money::allocated_per_pupil() const noexcept {
    if (pupils == 0) return std::nullopt;
    const auto n = static_cast<cents>(pupils);
    const cents a = allocated < 0 ? -allocated : allocated;
    const cents q = (a + n / 2) / n; // half away from zero
    return allocated < 0 ? -q : q;
}

board_money money_of(const dataset& ds, board_idx b, school_year year) {
    board_money m;
    m.board = b;
    m.year = year;
    const auto& f = ds.funds();
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f.board[i] != b || f.year[i] != year) continue;
        m.funds.push_back(
            {std::string(ds.swvs().id[pos(f.swv[i])]), std::string(f.stream[i]), f.amount[i]});
        m.received += f.amount[i];
    }
    const auto& a = ds.allocations();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a.board[i] != b || a.year[i] != year) continue;
        const auto school =
            has(a.school[i]) ? std::string(ds.schools().id[pos(a.school[i])]) : std::string{};
        m.allocations.push_back(
            {std::string(a.purpose[i]), a.amount[i], school, std::string(a.kpi_id[i])});
        m.allocated += a.amount[i];
        auto it = std::find_if(m.by_purpose.begin(), m.by_purpose.end(),
                               [&](const purpose_total& p) { return p.purpose == a.purpose[i]; });
        if (it == m.by_purpose.end())
            m.by_purpose.push_back({std::string(a.purpose[i]), a.amount[i]});
        else
            it->amount += a.amount[i];
    }
    m.pupils = pupils_of_board(ds, b, year);
    return m;
}

std::vector<board_money> all_money(const dataset& ds) {
    // Board positions follow board_id order, so a map on (position, year) sorts as documented.
    std::map<std::pair<std::uint32_t, int>, bool> keys;
    for (std::size_t i = 0; i < ds.funds().size(); ++i)
        keys[{pos(ds.funds().board[i]), ds.funds().year[i].start_year()}] = true;
    for (std::size_t i = 0; i < ds.allocations().size(); ++i)
        keys[{pos(ds.allocations().board[i]), ds.allocations().year[i].start_year()}] = true;
    std::vector<board_money> out;
    out.reserve(keys.size());
    for (const auto& [key, _] : keys)
        out.push_back(money_of(ds, board_idx{key.first}, school_year{key.second}));
    return out;
}

std::vector<board_money> unreconciled(const dataset& ds) {
    auto all = all_money(ds);
    std::erase_if(all, [](const board_money& m) { return m.reconciles(); });
    return all;
}

std::optional<double> allocation_effect::change() const noexcept {
    if (!previous || !current) return std::nullopt;
    return *current - *previous;
}

std::vector<allocation_effect> effects(const dataset& ds, const board_money& m,
                                       const kpi_results& kpis) {
    std::vector<allocation_effect> out;
    for (const auto& a : m.allocations) {
        if (a.kpi.empty()) continue;
        allocation_effect e;
        e.allocation = a;
        if (!a.school.empty()) {
            e.level = kpi_level::school;
            e.unit = a.school;
        } else {
            e.unit = ds.boards().id[pos(m.board)];
        }
        e.previous = detail::kpi_value(kpis, a.kpi, m.year.prev(), e.level, e.unit);
        e.current = detail::kpi_value(kpis, a.kpi, m.year, e.level, e.unit);
        out.push_back(std::move(e));
    }
    return out;
}

std::string format_euro(cents amount) {
    const bool negative = amount < 0;
    const cents abs = negative ? -amount : amount;
    std::string whole = std::to_string(abs / 100);
    for (auto i = static_cast<std::ptrdiff_t>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(static_cast<std::size_t>(i), 1, '.');
    std::string out = std::string(negative ? "-€ " : "€ ") + whole;
    if (const auto c = abs % 100; c != 0) {
        out += ',';
        out += static_cast<char>('0' + c / 10);
        out += static_cast<char>('0' + c % 10);
    }
    return out;
}

std::string format_amount(cents amount) {
    return detail::format_cents(amount);
}

PASSEND_NAMESPACE_END
