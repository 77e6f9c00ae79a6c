// SPDX-License-Identifier: EUPL-1.2
// Private: what both export readers share: the root element's name, namespace and version, and
// the pupil's pseudonym.
#include "import/readers.hpp"

#include "passend/import/pseudonym.hpp"

#include <algorithm>
#include <cctype>

PASSEND_NAMESPACE_BEGIN
namespace detail {
namespace {

pugi::xml_node first_element(pugi::xml_node node) {
    for (auto c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return c;
    return {};
}

/// A BSN or onderwijsnummer: 8 or 9 digits, written with 9.
std::optional<std::string> nine_digits(std::string_view text) {
    text = trim(text);
    if (text.size() < 8 || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::nullopt;
    return std::string(9 - text.size(), '0') + std::string(text);
}

} // namespace

pugi::xml_node data_element(xml_source& source, std::string_view expected, std::string_view base,
                            std::string_view version, std::string_view suffix) {
    auto node = source.root();
    if (local_name(node) == "Envelope") node = first_element(child(node, "Body"));
    if (node && local_name(node) == std::string(expected) + "_antwoord") {
        const auto answer = node;
        node = child(answer, expected);
        if (!node) {
            source.report(answer, "no_data", "the answer holds no <" + std::string(expected) + ">",
                          severity::warning);
            return {};
        }
    }
    if (!node || local_name(node) != expected) {
        const auto at = node ? node : source.root();
        source.report(at, "unexpected_root",
                      "expected <" + std::string(expected) + ">, found <" +
                          std::string(local_name(at)) + ">");
        return {};
    }
    const auto ns = namespace_of(node);
    const std::string want = std::string(base) + std::string(version) + std::string(suffix);
    if (ns == want) return node;
    if (ns.starts_with(base) && ns.ends_with(suffix) && ns.size() > base.size() + suffix.size()) {
        const auto other = ns.substr(base.size(), ns.size() - base.size() - suffix.size());
        source.report(node, "unsupported_version",
                      "namespace " + ns + " is version " + other + "; passend reads version " +
                          std::string(version) + " (" + want + ")");
    } else {
        source.report(node, "wrong_namespace",
                      "namespace '" + ns + "' is not the expected " + want);
    }
    return {};
}

std::string pupil_pseudonym(reader_context& context, xml_source& source, pugi::xml_node pupil,
                            std::string_view brin, std::string_view school_key) {
    struct national {
        std::string_view element, kind;
    };
    for (const auto& n : {national{"bsn", "bsn:"}, national{"sofinummer", "bsn:"},
                          national{"onderwijsnummer", "onderwijsnummer:"}}) {
        const auto c = child(pupil, n.element);
        if (!c) continue;
        // The value is never repeated in a message: it is a national identifier.
        if (const auto number = nine_digits(c.child_value()))
            return pseudonym(context.secret, "p-", std::string(n.kind) + *number);
        source.report(c, "bad_number", "is not a number of 8 or 9 digits (the value is not shown)");
        return {};
    }
    school_key = trim(school_key);
    if (!school_key.empty())
        return pseudonym(context.secret, "p-",
                         "school:" + std::string(brin) + ":" + std::string(school_key));
    source.report(pupil, "no_pupil_key",
                  "no BSN, onderwijsnummer or school pupil number to key the pseudonym on");
    return {};
}

std::optional<school_year> school_year_in(xml_source& source, pugi::xml_node node) {
    const auto text = trim(node.child_value());
    const auto year = school_year::parse(text);
    if (!year)
        source.report(node, "bad_school_year",
                      "'" + std::string(text) + "' is not a school year (2024-2025)");
    return year;
}

std::optional<year_group> year_group_in(xml_source& source, pugi::xml_node node,
                                        std::string_view code) {
    const auto group = parse_jaargroep(code);
    if (!group)
        source.report(node, "bad_jaargroep",
                      "jaargroep '" + std::string(trim(code)) + "' is not an EDEX jaargroep code");
    return group;
}

} // namespace detail
PASSEND_NAMESPACE_END
