// SPDX-License-Identifier: EUPL-1.2
// Reading what schools' systems export: UWLR leerlinggegevens (version 2) and OSO dossiers
// (gegevensset 2019.1), turned into a contract dataset.
//
// Privacy by construction: names, addresses, phone numbers, e-mail, BSN, onderwijsnummer,
// diagnoses and attached documents are never copied out of the XML; pupils, TLVs and
// arrangements get keyed pseudonyms (pseudonym.hpp). What is read, what is dropped and the rules
// that fill what the contract requires are in docs/import.md.
#pragma once

#include "passend/builder.hpp"
#include "passend/config.hpp"
#include "passend/error.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

enum class export_format : std::uint8_t {
    uwlr, ///< UWLR 2.x `leerlinggegevens`: a school's pupils in one school year
    oso,  ///< OSO gegevensset 2019.1 `dossier`: one pupil's dossier (profiles POSWV, VOSWV, ...)
};
/// `uwlr` or `oso` (any case).
std::optional<export_format> parse_export_format(std::string_view text) noexcept;

struct import_options {
    /// The key of the pseudonyms (read_secret_file()); an import without one fails.
    std::string secret;
    /// The contract's schools table for what exports do not carry (setting, board, partnership,
    /// municipality). Required for UWLR (it names no school type); for OSO, schools it lacks come
    /// from the export's school type with partnership and board `onbekend` and a warning.
    std::optional<std::filesystem::path> schools;
    /// A file larger than this is refused unread (a located error).
    std::uint64_t max_file_bytes = std::uint64_t{256} << 20;
    load_options load = {};
};

/// Read `files` of one format into a dataset; every problem is a diagnostic located at file,
/// line, column and element path. Succeeds whole or returns no dataset.
load_result import_exports(export_format format, std::span<const std::filesystem::path> files,
                           const import_options& options);

/// import_exports() and write the dataset as a contract folder `out` (which must not exist or be
/// empty): written to a temporary folder beside it and renamed, so an error leaves nothing.
/// Returns the warnings; throws load_error with every diagnostic when the import fails.
std::vector<diagnostic> import_to_folder(export_format format,
                                         std::span<const std::filesystem::path> files,
                                         const import_options& options,
                                         const std::filesystem::path& out);

PASSEND_NAMESPACE_END
