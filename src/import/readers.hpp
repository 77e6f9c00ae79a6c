// SPDX-License-Identifier: EUPL-1.2
// Private: the two export formats, each read into import_records.
#pragma once

#include "import/codes.hpp"
#include "import/records.hpp"
#include "import/school_directory.hpp"
#include "import/xml_source.hpp"

#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

struct reader_context {
    std::string_view secret;
    school_directory& schools;
    import_records& records;
};

/// The element holding the export's data when the root (or, for UWLR, a SOAP envelope or
/// `leerlinggegevens_antwoord` around it) is `expected` in namespace
/// `<base><version><suffix>`; else an error (`unexpected_root`, `wrong_namespace`,
/// `unsupported_version`) and null.
pugi::xml_node data_element(xml_source& source, std::string_view expected, std::string_view base,
                            std::string_view version, std::string_view suffix);

/// The pupil's pseudonym from an export's identifiers: BSN (or sofinummer), else onderwijsnummer,
/// else the school's BRIN with its own pupil number. Reports a malformed number without its
/// value; empty when there is nothing to key on.
std::string pupil_pseudonym(reader_context& context, xml_source& source, pugi::xml_node pupil,
                            std::string_view brin, std::string_view school_key);

/// The school year in element `node` (`2024-2025`); a `bad_school_year` error when malformed.
std::optional<school_year> school_year_in(xml_source& source, pugi::xml_node node);
/// The jaargroep code `code` (`node`'s text or a group's); a `bad_jaargroep` error at `node`
/// when it is no EDEX jaargroep.
std::optional<year_group> year_group_in(xml_source& source, pugi::xml_node node,
                                        std::string_view code);

void read_uwlr(xml_source& source, reader_context& context);
void read_oso(xml_source& source, reader_context& context);

} // namespace detail
PASSEND_NAMESPACE_END
