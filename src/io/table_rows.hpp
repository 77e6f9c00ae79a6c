// SPDX-License-Identifier: EUPL-1.2
// Private: a dataset's rows as the contract's field texts, the one source for both writers
// (contract CSV and JSON), so what is written is exactly what the loaders read back.
#pragma once

#include "passend/dataset.hpp"
#include "passend/schema.hpp"

#include <functional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Whether a writer writes table `t`: the required tables always, optional ones when given.
bool writes_table(const dataset& ds, table t);

/// Call `row` for each row of table `t`, with its texts in contract column order
/// (table_spec::columns); an absent value is empty. Dates ISO, amounts with two decimals, codes
/// in their contract spelling, scores in the shortest form that reads back to the same number.
void for_each_row(const dataset& ds, table t,
                  const std::function<void(const std::vector<std::string>&)>& row);

} // namespace detail
PASSEND_NAMESPACE_END
