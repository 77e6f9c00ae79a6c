// SPDX-License-Identifier: EUPL-1.2
#include "passend/kpi/tables.hpp"
#include "passend/kpi/publish.hpp"

#include "kpi/plan.hpp"

PASSEND_NAMESPACE_BEGIN

table_set tables_for(const catalog& cat, const std::vector<std::string>& ids_or_tags) {
    // A misspelt id would otherwise load only the tables always read, and fail later or not at all.
    check_kpi_names(cat, ids_or_tags);
    const catalog selected = ids_or_tags.empty() ? catalog{} : cat.select(ids_or_tags);
    table_set out = always_read_tables;
    for (const auto& d : (ids_or_tags.empty() ? cat : selected).definitions())
        for (const kpi_quantity* q : {&d.numerator, d.denominator ? &*d.denominator : nullptr}) {
            if (!q) continue;
            if (const auto t = kpi_detail::table_of(*q)) out.insert(*t);
            // A per-pupil scan attributes its records to the paying partnership (attribution.hpp).
            if (kpi_detail::spec_of(q->measure).per_pupil) out.insert(table::tlvs);
        }
    return out;
}

PASSEND_NAMESPACE_END
