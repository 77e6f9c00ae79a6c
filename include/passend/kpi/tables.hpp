// SPDX-License-Identifier: EUPL-1.2
// Which tables a set of KPIs reads: what a partial load (load_options::tables) must hold for
// them to have the values a load of every table gives them.
#pragma once

#include "passend/config.hpp"
#include "passend/kpi/catalog.hpp"
#include "passend/table_set.hpp"

#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// The tables the KPIs `ids_or_tags` of `cat` (as catalog::select picks them; empty: the whole
/// catalog) read: always_read_tables, the table each numerator and denominator needs (the one
/// whose absence leaves a KPI without value: the evaluator's own rule), and the TLVs for every
/// figure counted per pupil (its partnership is the paying one, from the pupil's TLVs). Years
/// that only the money or assessment tables speak of are reported only when those are read.
/// Throws selection_error (kpi/publish.hpp) for an id or tag that names no KPI of `cat`.
table_set tables_for(const catalog& cat, const std::vector<std::string>& ids_or_tags = {});

PASSEND_NAMESPACE_END
