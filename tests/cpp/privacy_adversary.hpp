// SPDX-License-Identifier: EUPL-1.2
// A reader who knows only what passend publishes and the relations it documents, and tries to
// recover every count published as `<5`. It does not use the suppression code: it solves the
// published linear relations jointly (Eigen's full-pivoting LU: a hidden number is determined
// when no direction of the solution space moves it) and narrows bounds relation by relation
// (a `<5` lies in 1..4, every count is at least 0) until nothing changes.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace privacy_test {

class adversary {
public:
    using term = std::pair<std::string, double>; ///< a variable and its coefficient

    void known(const std::string& name, double v) { known_[name] = v; }
    void small(const std::string& name) { small_.insert(name); }
    /// Σ coefficient × variable = constant.
    void linear(std::vector<term> terms, double constant = 0) {
        equations_.push_back({std::move(terms), constant, constant});
    }
    /// lo <= Σ coefficient × variable <= hi (a rounded figure).
    void between(std::vector<term> terms, double lo, double hi) {
        equations_.push_back({std::move(terms), lo, hi});
    }
    /// Σ lhs = Σ rhs.
    void sum(const std::vector<std::string>& lhs, const std::vector<std::string>& rhs) {
        std::vector<term> t;
        for (const auto& l : lhs) t.emplace_back(l, 1.0);
        for (const auto& r : rhs) t.emplace_back(r, -1.0);
        linear(std::move(t));
    }
    bool is_known(const std::string& name) const { return known_.count(name) > 0; }
    std::size_t equations() const { return equations_.size(); }

    /// The `<5` cells whose value the published numbers and relations pin down.
    std::set<std::string> recovered() const {
        std::set<std::string> out;
        for (const auto& name : solved_jointly()) out.insert("solved: " + name);
        for (const auto& name : narrowed()) out.insert("bounded: " + name);
        return out;
    }

    /// The relations that mention `name` (and, with depth, the unknowns in them), for a failing
    /// test's message.
    std::string explain(const std::string& name, int depth = 1) const {
        std::set<std::string> names{name};
        for (int d = 1; d < depth; ++d) {
            auto more = names;
            for (const auto& e : equations_)
                if (std::any_of(e.terms.begin(), e.terms.end(),
                                [&](const term& t) { return names.count(t.first); }))
                    for (const auto& t : e.terms)
                        if (!known_.count(t.first)) more.insert(t.first);
            names = std::move(more);
        }
        std::string out;
        for (const auto& e : equations_) {
            if (std::none_of(e.terms.begin(), e.terms.end(),
                             [&](const term& t) { return names.count(t.first); }))
                continue;
            for (const auto& [n, c] : e.terms) {
                out += " " + std::to_string(c) + "*" + n;
                if (const auto it = known_.find(n); it != known_.end())
                    out += "(=" + std::to_string(it->second) + ")";
                else if (small_.count(n))
                    out += "(<5)";
            }
            out += " in [" + std::to_string(e.lo) + "," + std::to_string(e.hi) + "]\n";
        }
        return out;
    }

private:
    struct equation {
        std::vector<term> terms;
        double lo, hi;
    };

    /// Relations over unknowns only: known numbers moved to the bounds. `exact`: equalities only.
    std::vector<equation> reduced(std::map<std::string, int>& index, bool exact = false) const {
        std::vector<equation> out;
        for (const auto& e : equations_) {
            if (exact && e.lo != e.hi) continue;
            equation r{{}, e.lo, e.hi};
            for (const auto& [name, c] : e.terms) {
                if (const auto it = known_.find(name); it != known_.end())
                    r.lo -= c * it->second, r.hi -= c * it->second;
                else
                    r.terms.emplace_back(name, c);
            }
            if (r.terms.empty()) continue;
            for (const auto& t : r.terms)
                index.try_emplace(t.first, static_cast<int>(index.size()));
            out.push_back(std::move(r));
        }
        return out;
    }

    /// The `<5` cells the equalities alone determine.
    std::set<std::string> solved_jointly() const {
        std::map<std::string, int> index;
        const auto eqs = reduced(index, true);
        // Connected components of unknowns, so each system stays small.
        std::vector<int> parent(index.size());
        std::iota(parent.begin(), parent.end(), 0);
        auto find = [&](int x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (const auto& e : eqs)
            for (const auto& t : e.terms)
                parent[find(index.at(t.first))] = find(index.at(e.terms[0].first));
        std::map<int, std::vector<std::string>> vars;
        for (const auto& [name, i] : index) vars[find(i)].push_back(name);
        std::map<int, std::vector<const equation*>> rows;
        for (const auto& e : eqs) rows[find(index.at(e.terms[0].first))].push_back(&e);
        std::set<std::string> out;
        for (const auto& [root, names] : vars) {
            if (std::none_of(names.begin(), names.end(),
                             [&](const std::string& n) { return small_.count(n); }))
                continue;
            std::map<std::string, int> col;
            for (const auto& n : names) col.emplace(n, static_cast<int>(col.size()));
            const auto& es = rows[root];
            Eigen::MatrixXd a = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(es.size()),
                                                      static_cast<Eigen::Index>(names.size()));
            for (std::size_t r = 0; r < es.size(); ++r)
                for (const auto& [n, c] : es[r]->terms)
                    a(static_cast<Eigen::Index>(r), col.at(n)) += c;
            Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
            lu.setThreshold(1e-9);
            const Eigen::MatrixXd kernel = lu.kernel();
            for (const auto& [n, c] : col)
                if (small_.count(n) && kernel.row(c).cwiseAbs().maxCoeff() < 1e-7) out.insert(n);
        }
        return out;
    }

    /// The `<5` cells whose bounds narrow to one value.
    std::set<std::string> narrowed() const {
        std::map<std::string, int> index;
        const auto eqs = reduced(index);
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> lo(index.size(), 0), hi(index.size(), inf);
        for (const auto& [name, i] : index)
            if (small_.count(name))
                lo[i] = 1, hi[i] = 4;
            else if (name.ends_with("|v")) // a value may be negative (growth)
                lo[i] = -inf;
        for (int round = 0, changed = 1; changed && round < 60; ++round) {
            changed = 0;
            for (const auto& e : eqs)
                for (const auto& [name, c] : e.terms) {
                    // c·x = [lo, hi] − Σ others
                    double rest_lo = e.lo, rest_hi = e.hi;
                    for (const auto& [other, d] : e.terms) {
                        if (other == name) continue;
                        const int j = index.at(other);
                        rest_lo -= d > 0 ? d * hi[j] : d * lo[j];
                        rest_hi -= d > 0 ? d * lo[j] : d * hi[j];
                    }
                    const int i = index.at(name);
                    double new_lo = c > 0 ? rest_lo / c : rest_hi / c;
                    double new_hi = c > 0 ? rest_hi / c : rest_lo / c;
                    if (std::isnan(new_lo)) new_lo = -inf;
                    if (std::isnan(new_hi)) new_hi = inf;
                    // Counts are whole numbers; values (`...|v`: percentages, means) need not be.
                    if (!name.ends_with("|v"))
                        new_lo = std::ceil(new_lo - 1e-7), new_hi = std::floor(new_hi + 1e-7);
                    if (new_lo > lo[i] + 1e-6) lo[i] = new_lo, changed = 1;
                    if (new_hi < hi[i] - 1e-6) hi[i] = new_hi, changed = 1;
                }
        }
        std::set<std::string> out;
        for (const auto& [name, i] : index)
            if (small_.count(name) && hi[i] - lo[i] < 1e-6) out.insert(name);
        return out;
    }

    std::map<std::string, double> known_;
    std::set<std::string> small_;
    std::vector<equation> equations_;
};

} // namespace privacy_test
