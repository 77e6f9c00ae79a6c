// SPDX-License-Identifier: EUPL-1.2
// The bounds passend puts on what it is given: inputs past them are refused with a located
// error at once, instead of a read or an allocation without end (docs/bad-input.md).
#pragma once

#include "passend/config.hpp"

#include <cstddef>
#include <cstdint>

PASSEND_NAMESPACE_BEGIN

/// A file read whole (a JSON dataset, a KPI catalog, a focus plan, a forecast scenario, the
/// accountability texts): larger ones are refused before reading.
inline constexpr std::uintmax_t max_document_bytes = std::uintmax_t{256} << 20;
/// One CSV record (a line, or lines joined by a quoted field): past this the file is not a
/// contract CSV file (a binary or sparse file, a quote never closed) and its read stops.
inline constexpr std::size_t max_csv_record_bytes = std::size_t{1} << 20;
/// Nesting of arrays and objects in a JSON document; the contract's documents need 4.
inline constexpr std::size_t max_json_depth = 64;
/// Threads one evaluation may be asked for (more are a mistake, not a machine).
inline constexpr unsigned max_threads = 256;
/// School years a forecast may project.
inline constexpr int max_forecast_years = 50;

PASSEND_NAMESPACE_END
