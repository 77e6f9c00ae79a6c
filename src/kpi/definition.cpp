// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/definition.hpp"

#include "passend/kpi/relations.hpp"

#include <algorithm>
#include <array>

PASSEND_NAMESPACE_BEGIN

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
