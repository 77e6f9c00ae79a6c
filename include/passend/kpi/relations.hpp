// SPDX-License-Identifier: EUPL-1.2
// The relations between a catalog's numbers, derived from the definitions themselves, so that a
// user catalog's breakdowns are protected exactly like the built-in ones (docs/privacy.md).
//
// - The same quantity under two ids is one number (`deelname_so`'s numerator is
//   `leerlingen_so`).
// - A quantity is the sum of refinements of it that are pairwise disjoint and differ from it in
//   the same filter fields (`tlv_toegekend` = the sum of `tlv_toegekend_<setting>`;
//   `deelname_sbo`'s denominator, pupils in bao or sbo, = `leerlingen_bao` + `leerlingen_sbo`).
//   Whether such a sum is exact in the data (every record in one of the parts) is checked on the
//   numbers when suppressing.
// - A mean's or median's sum goes with its count, and a sum over records (the cost of
//   arrangements) with the count of the same records.
#pragma once

#include "passend/config.hpp"
#include "passend/kpi/definition.hpp"
#include "passend/kpi/result.hpp"

#include <span>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// Whether a definition's numerator (or denominator) counts pupils or their records.
bool counts_pupils(const kpi_definition& d, kpi_field field) noexcept;

/// Every relation between the numbers of `definitions` (templates already expanded).
std::vector<kpi_relation> derive_relations(std::span<const kpi_definition> definitions);

PASSEND_NAMESPACE_END
