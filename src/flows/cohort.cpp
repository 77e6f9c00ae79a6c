// SPDX-License-Identifier: EUPL-1.2
#include "passend/flows/cohort.hpp"

#include "teldatum_walk.hpp"

#include <array>

PASSEND_NAMESPACE_BEGIN

std::string_view cohort_row_label(int row) noexcept {
    static constexpr std::array<std::string_view, cohort_rows> names{"bao", "sbo", "so",    "vo",
                                                                     "pro", "vso", "buiten"};
    return names[static_cast<std::size_t>(row)];
}

cohort_table follow_cohort(const dataset& ds, const cohort_query& q) {
    cohort_table out;
    out.query = q;
    std::vector<day> teldata;
    for (int k = 0; k <= q.years && q.start.start_year() + k >= 0; ++k) {
        const school_year y{q.start.start_year() + k};
        if (!ds.is_reported(y)) break; // no teldatum after the extract date has a value
        out.years.push_back(y);
        teldata.push_back(y.teldatum());
    }
    out.counts.setZero(cohort_rows, static_cast<Eigen::Index>(teldata.size()));
    if (teldata.empty()) return out;
    const auto& kind = ds.schools().kind;
    const auto& school = ds.enrolments().school;
    std::vector<int> where(teldata.size()); // reused for every pupil
    for (std::uint32_t p = 0; p < ds.pupils().size(); ++p) {
        std::fill(where.begin(), where.end(), cohort_buiten);
        bool member = false;
        detail::for_each_teldatum(ds, pupil_idx{p}, teldata, [&](std::size_t w, std::uint32_t e) {
            const setting s = kind[pos(school[e])];
            where[w] = static_cast<int>(s);
            if (w == 0) member = s == q.from && counts_for(ds, q.unit, e, teldata[0], q.view);
        });
        if (!member) continue;
        for (std::size_t w = 0; w < where.size(); ++w)
            ++out.counts(where[w], static_cast<Eigen::Index>(w));
    }
    return out;
}

PASSEND_NAMESPACE_END
