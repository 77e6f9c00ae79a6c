// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/definition.hpp"

#include "passend/kpi/relations.hpp"

#include <algorithm>
#include <array>

PASSEND_NAMESPACE_BEGIN

std::string_view to_string(kpi_measure m) noexcept {
    static constexpr std::array<std::string_view, kpi_measure_count> names{
        "pupils", "transitions", "exits",       "thuiszitters",    "opps", "arrangements", "tlvs",
        "funds",  "allocations", "assessments", "assessment_units"};
    return names[static_cast<std::size_t>(m)];
}

std::string_view to_string(kpi_reference r) noexcept {
    static constexpr std::array<std::string_view, 3> names{"year", "teldatum", "peildatum"};
    return names[static_cast<std::size_t>(r)];
}

std::string_view to_string(kpi_aggregate a) noexcept {
    static constexpr std::array<std::string_view, 5> names{"count", "distinct_pupils", "sum",
                                                           "mean", "median"};
    return names[static_cast<std::size_t>(a)];
}

std::string_view to_string(thuiszitter_class c) noexcept {
    static constexpr std::array<std::string_view, 5> names{
        "langdurig_relatief_verzuim", "absoluut_verzuim", "thuiszitter",
        "thuiszitter_langer_dan_3_maanden", "vrijstelling"};
    return names[static_cast<std::size_t>(c)];
}

std::string_view to_string(kpi_combine c) noexcept {
    static constexpr std::array<std::string_view, 3> names{"value", "ratio", "difference"};
    return names[static_cast<std::size_t>(c)];
}

kpi_info kpi_definition::info() const {
    return kpi_info{id,
                    title_nl,
                    title_en,
                    description,
                    source,
                    unit,
                    norm,
                    counts_pupils(*this, kpi_field::numerator),
                    counts_pupils(*this, kpi_field::denominator)};
}

bool kpi_definition::has_tag(std::string_view tag) const noexcept {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

PASSEND_NAMESPACE_END
