// SPDX-License-Identifier: EUPL-1.2
// The KPI catalog: the built-in definitions, and user catalogs that add to or override them.
//
// The built-in catalog is catalog/kpis.json, embedded in the library at build time; it holds
// every id of docs/definitions.md's standard definitions and the eleven KPIs of the
// *Kwaliteitsbeleid 2023-2027* (tagged `kwaliteitsbeleid:<n>`). A user catalog is a JSON file of
// the same format (catalog/kpi-definition.schema.json).
#pragma once

#include "passend/config.hpp"
#include "passend/error.hpp"
#include "passend/kpi/definition.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// An invalid definition: names the KPI id (empty when not known) and the JSON path of the field,
/// e.g. `catalog.json: kpi deelname_so: /kpis/3/numerator/filter/setting/0: unknown setting
/// "sbx" (one of bao|sbo|so|vo|pro|vso)`.
class catalog_error : public error {
public:
    catalog_error(std::string origin, std::string kpi_id, std::string json_path,
                  std::string message);
    const std::string& kpi_id() const noexcept { return kpi_id_; }
    /// JSON Pointer (RFC 6901) of the offending field.
    const std::string& json_path() const noexcept { return json_path_; }

private:
    std::string kpi_id_, json_path_;
};

/// An ordered set of definitions with unique ids.
class catalog {
public:
    catalog() = default;

    /// The catalog shipped inside the library.
    static const catalog& builtin();
    /// The text of the built-in catalog file (catalog/kpis.json).
    static std::string_view builtin_json() noexcept;

    /// Parse a catalog document: `{"version": 1, "kpis": [ {definition}, ... ]}` (a bare array
    /// of definitions is accepted too). Throws catalog_error naming the id and JSON path.
    /// `origin` names the source in messages (a file name).
    static catalog from_json(std::string_view text, std::string_view origin = "catalog");
    /// A catalog of these definitions, in order; a later one with an earlier one's id replaces
    /// it (as extend() does). The JSON form of a catalog is in kpi/catalog_json.hpp.
    static catalog from_definitions(std::vector<kpi_definition> definitions);
    /// Read and parse a catalog file (throws catalog_error, also when it cannot be read).
    static catalog from_file(const std::filesystem::path& path);

    /// Add each definition of `other`, replacing one with the same id (in place).
    void extend(const catalog& other);
    /// The built-in catalog extended with the file: what `--catalog FILE` means.
    static catalog builtin_with(const std::filesystem::path& path);

    /// Only the definitions whose id is in `ids` or which carry one of them as a tag
    /// (e.g. `kwaliteitsbeleid`, matching `kwaliteitsbeleid:*` tags).
    catalog select(const std::vector<std::string>& ids_or_tags) const;

    const std::vector<kpi_definition>& definitions() const noexcept { return defs_; }
    const kpi_definition* find(std::string_view id) const noexcept;
    std::size_t size() const noexcept { return defs_.size(); }

private:
    void add(kpi_definition def);
    std::vector<kpi_definition> defs_;
};

PASSEND_NAMESPACE_END
