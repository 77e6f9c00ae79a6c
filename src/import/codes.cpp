// SPDX-License-Identifier: EUPL-1.2
// Private: the import's code tables.
//
// Sources:
// - OSO `schoolsoort`/`soort`: OSO gegevensset 2019.1 XSD (Edustandaard, schoolType and
//   schoolloopbaanType: "Bijvoorbeeld de waarde SO") and its example dossiers (SO, VSO); the
//   other spellings are DUO's names of the sectors (BAO/BO, SBAO/SBO, VO, PRO).
// - OSO `tlvcategorie`: OSO gegevensset 2019.1 XSD, element tlvcategorie, code list 31 "TLV
//   bekostigingscategorie": Nvt, H, M, L.
// - jaargroep: EDEXML types (UWLR 2.2, Edustandaard), EDEXJaargroepType: 1-8 groep, 11-16 VO
//   leerjaar 1-6, S S(B)O, V VSO, B/D/0 before groep 1, C combination group, N not PO/VO,
//   H historical.
#include "import/codes.hpp"

#include <array>
#include <cctype>
#include <utility>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {
/// The value `code` (any case, spaces trimmed) stands for in `table`.
template <typename T, std::size_t N>
std::optional<T> look_up(const std::array<std::pair<std::string_view, T>, N>& table,
                         std::string_view code) noexcept {
    for (const auto& [text, value] : table)
        if (equals_code(code, text)) return value;
    return std::nullopt;
}
} // namespace

std::optional<setting> oso_school_kind(std::string_view code) noexcept {
    static constexpr std::array<std::pair<std::string_view, setting>, 9> table{{
        {"bao", setting::bao},
        {"bo", setting::bao},
        {"sbao", setting::sbo},
        {"sbo", setting::sbo},
        {"so", setting::so},
        {"vso", setting::vso},
        {"vo", setting::vo},
        {"pro", setting::pro},
        {"praktijkonderwijs", setting::pro},
    }};
    return look_up(table, code);
}

std::optional<funding_category> oso_tlv_category(std::string_view code) noexcept {
    static constexpr std::array<std::pair<std::string_view, funding_category>, 4> table{{
        {"l", funding_category::laag},
        {"m", funding_category::midden},
        {"h", funding_category::hoog},
        {"nvt", funding_category::none},
    }};
    return look_up(table, code);
}

std::optional<year_group> parse_jaargroep(std::string_view code) noexcept {
    code = trim(code);
    if (code.empty()) return std::nullopt;
    if (code.size() <= 2 && std::isdigit(static_cast<unsigned char>(code[0])) &&
        std::isdigit(static_cast<unsigned char>(code.back()))) {
        const int n = code.size() == 1 ? code[0] - '0' : (code[0] - '0') * 10 + (code[1] - '0');
        if (n == 0) return year_group{0, setting::so};
        if (n >= 1 && n <= 8) return year_group{n, setting::so};
        if (n >= 11 && n <= 16) return year_group{n - 10, setting::vso};
        return std::nullopt;
    }
    if (code == "S") return year_group{0, setting::so};
    if (code == "V") return year_group{0, setting::vso};
    if (code == "B" || code == "D" || code == "C" || code == "N" || code == "H")
        return year_group{};
    return std::nullopt;
}

std::optional<setting> tlv_setting(std::optional<setting> sending_school, std::string_view swv,
                                   funding_category category) noexcept {
    std::optional<sector> of;
    if (swv.starts_with("PO")) of = sector::po;
    if (swv.starts_with("VO")) of = sector::vo;
    if (!of) return std::nullopt;
    if (sending_school && needs_tlv(*sending_school) && sector_of(*sending_school) == *of)
        return sending_school;
    const bool paid = category != funding_category::none;
    if (*of == sector::po) return paid ? setting::so : setting::sbo;
    return paid ? setting::vso : setting::pro;
}

std::string normalise_swv(std::string_view text) {
    std::string out;
    for (const char c : trim(text))
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string location_id(std::string_view brin, std::string_view vestiging) {
    vestiging = trim(vestiging);
    return std::string(trim(brin)) + (vestiging.empty() ? "00" : std::string(vestiging));
}

std::string department_id(const std::string& location, setting kind) {
    if (kind == setting::so || kind == setting::vso)
        return location + "-" + std::string(to_string(kind));
    return location;
}

} // namespace detail
PASSEND_NAMESPACE_END
