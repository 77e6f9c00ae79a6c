// SPDX-License-Identifier: EUPL-1.2
// Private: every code table of the import in one place. The sources of each table are given in
// codes.cpp and docs/import.md ("Code tables").
#pragma once

#include "passend/continuum.hpp"

#include <optional>
#include <string>
#include <string_view>

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// OSO `schoolsoort` (schoolloopbaan) and `soort` (huidigeschool) to the contract's setting.
std::optional<setting> oso_school_kind(std::string_view code) noexcept;

/// OSO `tlvcategorie` (OSO code list 31: L, M, H, Nvt) to the funding category; `Nvt` is
/// funding_category::none.
std::optional<funding_category> oso_tlv_category(std::string_view code) noexcept;

/// A jaargroep (EDEXML's EDEXJaargroepType, used by UWLR and OSO): the contract's grade (groep
/// 1-8, leerjaar 1-6; 0 when the code names none) and, for S(B)O/VSO codes and the grades, the
/// department it points to (so or vso) for a location with both.
struct year_group {
    int grade = 0;
    std::optional<setting> department;
};
std::optional<year_group> parse_jaargroep(std::string_view code) noexcept;

/// The setting an OSO TLV admits to (OSO names none): the sending school's setting when it needs
/// a TLV and belongs to the sector of the deciding partnership (`PO...`, `VO...`); otherwise, by
/// that sector, so or vso for a TLV with a funding category and sbo or pro without one. nullopt
/// when the number names no sector.
std::optional<setting> tlv_setting(std::optional<setting> sending_school, std::string_view swv,
                                   funding_category category) noexcept;

/// A partnership number as the contract spells it: `PO 31-04`, `po31.04` -> `PO3104`.
std::string normalise_swv(std::string_view text);

/// A school location: BRIN and vestigingscode (UWLR's dependancecode; absent or empty is `00`).
std::string location_id(std::string_view brin, std::string_view vestiging);

/// The contract school id of the `kind` department at a location: so and vso departments are
/// `<location>-so` and `<location>-vso` (a location may hold both); the others the location.
std::string department_id(const std::string& location, setting kind);

} // namespace detail
PASSEND_NAMESPACE_END
