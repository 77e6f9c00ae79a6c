// SPDX-License-Identifier: EUPL-1.2
#include "io/json_document.hpp"

#include "passend/limits.hpp"

#include "text_check.hpp"

#include <iterator>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {

using json = nlohmann::json;

/// A pointer into the text that tells, through `last`, how far the parser has read: nlohmann
/// tells its SAX handlers a position only when it fails.
struct counting_iterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    const char** last = nullptr;
    reference operator*() const { return *p; }
    counting_iterator& operator++() {
        *last = ++p;
        return *this;
    }
    counting_iterator operator++(int) {
        auto old = *this;
        ++*this;
        return old;
    }
    bool operator==(const counting_iterator& o) const { return p == o.p; }
};

void locate(std::string_view text, std::size_t byte, json_problem& p) {
    p.byte = byte;
    p.line = 1, p.column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++p.line, p.column = 1;
        else
            ++p.column;
    }
}

/// Text for a message: bytes that are not UTF-8 written as \xHH.
std::string printable(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const auto b = find_bad_utf8(text);
        const auto good = b ? b->offset : text.size();
        out += text.substr(0, good);
        if (!b) break;
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto c = static_cast<unsigned char>(text[good]);
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
        text.remove_prefix(good + 1);
    }
    return out;
}

/// Builds the document like nlohmann's own DOM parser, refusing what json_document.hpp lists.
class checked_dom {
public:
    checked_dom(json& root, std::string_view text, const char* const& read_to, json_problem& out)
        : root_(root), text_(text), read_to_(read_to), out_(out) {}

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(json::number_integer_t v) { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) { return put(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return put(v); }
    bool string(json::string_t& v) { return put(std::move(v)); }
    bool binary(json::binary_t& v) { return put(json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& k) {
        auto& object = *stack_.back();
        if (object.contains(k)) {
            // Point at the key's opening quote: back from its closing one, past escaped quotes.
            std::size_t at = static_cast<std::size_t>(read_to_ - text_.data());
            std::size_t q = at >= 2 ? at - 2 : 0;
            while (q > 0) {
                if (text_[q] == '"') {
                    std::size_t slashes = 0;
                    while (q > slashes && text_[q - 1 - slashes] == '\\') ++slashes;
                    if (slashes % 2 == 0) break;
                }
                --q;
            }
            locate(text_, q + 1, out_);
            out_.rule = "duplicate_key";
            out_.message =
                "the key \"" + printable(k) + "\" is given twice in one object; give each key once";
            return false;
        }
        slot_ = &object[k];
        return true;
    }
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& e) {
        if (e.id == 406) { // out_of_range: a number beyond double range
            locate(text_, position >= token.size() ? position - token.size() + 1 : position, out_);
            out_.rule = "number_out_of_range";
            out_.message = "the number " + printable(token) +
                           " is beyond the range of a double (about 1.8e308)";
        } else {
            locate(text_, position, out_);
            out_.rule = "syntax";
            out_.message = printable(e.what());
        }
        return false;
    }

private:
    template <class V>
    bool put(V&& v) {
        if (stack_.empty()) {
            root_ = json(std::forward<V>(v));
            return true;
        }
        if (stack_.back()->is_array()) {
            stack_.back()->push_back(json(std::forward<V>(v)));
            return true;
        }
        *slot_ = json(std::forward<V>(v));
        return true;
    }
    json* place(json v) {
        if (stack_.empty()) return &(root_ = std::move(v));
        if (stack_.back()->is_array()) {
            stack_.back()->push_back(std::move(v));
            return &stack_.back()->back();
        }
        *slot_ = std::move(v);
        return slot_;
    }
    bool open(json v) {
        if (stack_.size() >= max_json_depth) {
            locate(text_, static_cast<std::size_t>(read_to_ - text_.data()), out_);
            out_.rule = "too_deep";
            out_.message = "arrays and objects are nested more than " +
                           std::to_string(max_json_depth) + " deep";
            return false;
        }
        stack_.push_back(place(std::move(v)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    json& root_;
    std::string_view text_;
    const char* const& read_to_;
    json_problem& out_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;
};

} // namespace

std::optional<json> parse_json_document(std::string_view text, json_problem& problem) {
    if (const auto utf16 = utf16_encoding(text.substr(0, 4)); !utf16.empty()) {
        locate(text, 1, problem);
        problem.rule = "utf16";
        problem.message = "the file is " + std::string(utf16) + "; save it as UTF-8";
        return std::nullopt;
    }
    // Checked whole first: nlohmann notices a bad byte only at the one after it.
    if (const auto b = find_bad_utf8(text)) {
        locate(text, b->offset + 1, problem);
        problem.rule = "invalid_utf8";
        problem.message = "the text " + describe_bad_utf8(*b, "the file");
        return std::nullopt;
    }
    json root;
    const char* read_to = text.data();
    checked_dom dom(root, text, read_to, problem);
    const counting_iterator first{text.data(), &read_to}, last{text.data() + text.size(), &read_to};
    if (!json::sax_parse(first, last, &dom)) return std::nullopt;
    return root;
}

std::string json_syntax_detail(const std::string& what) {
    if (const auto p = what.find("column "); p != std::string::npos)
        if (const auto q = what.find(": ", p); q != std::string::npos) return what.substr(q + 2);
    return what;
}

} // namespace detail
PASSEND_NAMESPACE_END
