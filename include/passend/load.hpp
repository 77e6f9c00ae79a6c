// SPDX-License-Identifier: EUPL-1.2
// Loading and writing the input contract: a folder of CSV files, or one JSON document.
//
// A load succeeds whole or returns no dataset: every problem is a located diagnostic
// (file:line:column, the value, the rule), warnings ride along on success.
#pragma once

#include "passend/builder.hpp"
#include "passend/config.hpp"
#include "passend/dataset.hpp"
#include "passend/progress.hpp"

#include <filesystem>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

/// Load every contract table found in folder `dir` (schools.csv, pupils.csv and enrolments.csv
/// are required). CSV per RFC 4180, UTF-8 with or without BOM, LF or CRLF line ends, columns in
/// any order (unknown ones give a warning). Streams the files: memory follows the loaded columns.
load_result load_folder(const std::filesystem::path& dir, const load_options& options = {},
                        const progress_fn& progress = {});

/// Load the same tables from one JSON document: an object whose members are table names
/// (`"schools"`, `"enrolments"`, ...) holding arrays of row objects keyed by column name; a null
/// or missing member is an absent field. Diagnostics name `source` as file, the row number as line
/// and the column's position in the contract as column.
load_result load_json(std::string_view json_text, std::string source = "data.json",
                      const load_options& options = {});
/// load_json on the contents of a file.
load_result load_json_file(const std::filesystem::path& file, const load_options& options = {});

/// Write `ds` as contract CSV files into `dir` (created if needed); only tables the dataset has.
void write_folder(const dataset& ds, const std::filesystem::path& dir);
/// The dataset as one contract JSON document (load_json reads it back to an equal dataset).
std::string to_json(const dataset& ds);

PASSEND_NAMESPACE_END
