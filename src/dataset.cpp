// SPDX-License-Identifier: EUPL-1.2
#include "passend/dataset.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN

namespace {
/// Binary search in an id column sorted at build time.
template <class Idx>
std::optional<Idx> find_sorted(const text_column& ids, std::string_view id) {
    const auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return Idx{static_cast<std::uint32_t>(it - ids.begin())};
}
} // namespace

std::optional<pupil_idx> dataset::find_pupil(std::string_view id) const {
    return find_sorted<pupil_idx>(pupils_.id, id);
}
std::optional<school_idx> dataset::find_school(std::string_view id) const {
    return find_sorted<school_idx>(schools_.id, id);
}
std::optional<swv_idx> dataset::find_swv(std::string_view id) const {
    return find_sorted<swv_idx>(swvs_.id, id);
}
std::optional<board_idx> dataset::find_board(std::string_view id) const {
    return find_sorted<board_idx>(boards_.id, id);
}
std::optional<municipality_idx> dataset::find_municipality(std::string_view code) const {
    return find_sorted<municipality_idx>(municipalities_.code, code);
}

std::size_t dataset::rows(table t) const noexcept {
    switch (t) {
    case table::swvs:
        return swvs_.size();
    case table::boards:
        return boards_.size();
    case table::schools:
        return schools_.size();
    case table::pupils:
        return pupils_.size();
    case table::regions: {
        std::size_t n = 0;
        for (std::size_t m = 0; m < municipalities_.size(); ++m)
            n += has(municipalities_.po_swv[m]) + has(municipalities_.vo_swv[m]);
        return n;
    }
    case table::enrolments:
        return enrolments_.size();
    case table::tlvs:
        return tlvs_.size();
    case table::arrangements:
        return arrangements_.size();
    case table::opps:
        return opps_.size();
    case table::absences:
        return absences_.size();
    case table::funds:
        return funds_.size();
    case table::allocations:
        return allocations_.size();
    case table::assessments:
        return assessments_.size();
    case table::extract:
        return present_[static_cast<std::size_t>(table::extract)] ? 1 : 0;
    case table::rates:
        return rates_.size();
    case table::reference_values:
        return reference_values_.size();
    case table::support_offers:
        return support_offers_.size();
    case table::finances:
        return finances_.size();
    }
    return 0;
}

void dataset::finish(day extract_date, extract_origin origin, std::string exported_by) {
    extract_date_ = extract_date;
    extract_origin_ = origin;
    exported_by_ = std::move(exported_by);
    school_years_.clear();
    if (enrolments_.size() == 0) return;
    day first = *std::min_element(enrolments_.start.begin(), enrolments_.start.end());
    if (absences_.size() > 0)
        first = std::min(first, *std::min_element(absences_.start.begin(), absences_.start.end()));
    for (auto y = school_year::containing(first); is_reported(y); y = y.next())
        school_years_.push_back(y);
}

std::string_view to_string(extract_origin origin) noexcept {
    switch (origin) {
    case extract_origin::derived:
        return "derived";
    case extract_origin::file:
        return "file";
    case extract_origin::option:
        return "option";
    }
    return "derived";
}

std::optional<cents> rate_table::find(school_year y, setting s, funding_category c) const {
    for (std::size_t r = 0; r < size(); ++r)
        if (year[r] == y && admits[r] == s && category[r] == c) return amount[r];
    return std::nullopt;
}

bool rate_table::covers(school_year y) const {
    return std::find(year.begin(), year.end(), y) != year.end();
}

PASSEND_NAMESPACE_END
