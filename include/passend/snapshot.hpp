// SPDX-License-Identifier: EUPL-1.2
// Snapshots: a loaded, validated dataset written as one versioned, checksummed columnar file
// that opens in a fraction of the time a CSV load takes (docs/snapshot.md has the format).
//
// A snapshot holds exactly what the dataset holds (every table's columns, the extract date, the
// load's warnings), so every figure computed from an opened snapshot equals the figure from the
// folder it was made of. It is tied to the passend version that wrote it: another version, a
// truncated or a damaged file is an error naming the file and what is wrong.
#pragma once

#include "passend/builder.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/progress.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// The version of the snapshot file layout this library writes and reads.
inline constexpr std::uint32_t snapshot_format_version = 1;
/// The version of the data contract (docs/data-contract.md) a snapshot's tables follow.
inline constexpr std::string_view snapshot_contract_version = "1.1";

/// Write `data` to `file` (replaced whole: written beside it, then renamed, so a failed write
/// leaves any earlier file as it was). Throws passend::error when the file cannot be written,
/// or when `data` is a partial load (dataset::tables_left_out() not empty).
void save_snapshot(const dataset& data, const std::filesystem::path& file);

/// Open a snapshot file: the dataset, or none and one error diagnostic naming the file and what
/// is wrong (not a snapshot, another format or passend version, truncated, a damaged column).
/// `options.as_of` must be empty: a snapshot keeps the extract date it was written with.
/// The dataset's columns borrow the file's mapping, which they keep alive: the file may be
/// renamed, removed or replaced by rename while it is open, not truncated or rewritten in place.
load_result load_snapshot(const std::filesystem::path& file, const load_options& options = {});

/// load_snapshot(file).value(): the dataset, or throw load_error.
dataset_ptr open_snapshot(const std::filesystem::path& file);

/// Whether `path` is a regular file that starts with the snapshot magic (it may still be of
/// another version or damaged: load_snapshot says). False for a folder or a missing path.
bool is_snapshot(const std::filesystem::path& path);

/// Load what `path` names: a snapshot file (load_snapshot), a `.json` document
/// (load_json_file) or a folder of contract CSV files (load_folder). The one place where a
/// command, binding or loader that takes a folder learns to take a snapshot too.
load_result load_path(const std::filesystem::path& path, const load_options& options = {},
                      const progress_fn& progress = {});

PASSEND_NAMESPACE_END
