// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/definition.hpp"

#include "passend/kpi/relations.hpp"

#include <algorithm>
#include <array>

PASSEND_NAMESPACE_BEGIN

std::string_view to_string(kpi_measure m) noexcept {
    return kpi_measure_names[static_cast<std::size_t>(m)];
}

std::string_view to_string(kpi_reference r) noexcept {
    return kpi_reference_names[static_cast<std::size_t>(r)];
}

std::string_view to_string(kpi_aggregate a) noexcept {
    return kpi_aggregate_names[static_cast<std::size_t>(a)];
}

std::string_view to_string(thuiszitter_class c) noexcept {
    return thuiszitter_class_names[static_cast<std::size_t>(c)];
}

std::string_view to_string(kpi_combine c) noexcept {
    return kpi_combine_names[static_cast<std::size_t>(c)];
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
