// SPDX-License-Identifier: EUPL-1.2
// The report document's small inline SVG charts (report/document.hpp): a trend's line in a table
// cell and a bar chart. Styled by the document's one stylesheet (svg.spark, svg.bars).
#pragma once

#include "passend/report/document.hpp"

#include <string>

PASSEND_NAMESPACE_BEGIN

namespace report_detail {
/// A trend as a line of its shown values, the norm dashed; empty when no year has a value.
std::string sparkline_svg(const report_trend& trend);
/// A chart as vertical bars, a hidden count as an outline with its mark.
std::string bar_chart_svg(const report_chart& chart);
} // namespace report_detail

PASSEND_NAMESPACE_END
