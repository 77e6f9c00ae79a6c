// SPDX-License-Identifier: EUPL-1.2
// Private: the schools of an import: the user's schools table (the contract's schools.csv) for
// what exports do not carry, and the departments the exports name.
#pragma once

#include "import/xml_source.hpp"

#include "passend/builder.hpp"
#include "passend/continuum.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

class school_directory {
public:
    /// Read the user's schools table: its rows go to the builder as they are (so they are checked
    /// as a loaded schools.csv is); problems reading it go to `diagnostics`.
    void read_table(const std::filesystem::path& path, std::vector<diagnostic>& diagnostics);
    bool has_table() const noexcept { return has_table_; }

    /// The contract id of the school where `node` places a pupil: location `location` (BRIN and
    /// vestiging), of setting `kind` when the export names one, else `department` (from the
    /// jaargroep) chooses between a location's so and vso departments. Unknown: an error at
    /// `node`, nullopt.
    std::optional<std::string> resolve(const std::string& location, std::optional<setting> kind,
                                       std::optional<setting> department, xml_source& source,
                                       pugi::xml_node node);

    /// The setting of school `id` (from the table, else from the export that named it).
    std::optional<setting> setting_of(std::string_view id) const;

    /// Every school (table rows and departments the exports named) into the builder.
    void add_to(dataset_builder& builder) const;

private:
    bool has_table_ = false;
    std::string table_file_;
    std::vector<std::uint32_t> positions_;
    std::vector<std::pair<std::vector<std::string>, std::uint64_t>> table_rows_;
    std::map<std::string, std::optional<setting>, std::less<>> table_kind_;
    std::map<std::string, setting, std::less<>> derived_; ///< schools only the exports name
};

} // namespace detail
PASSEND_NAMESPACE_END
