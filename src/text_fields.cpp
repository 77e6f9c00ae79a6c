// SPDX-License-Identifier: EUPL-1.2
#include "text_fields.hpp"

#include "float_text.hpp"
#include "text_check.hpp"

#include <charconv>
#include <cmath>

PASSEND_NAMESPACE_BEGIN
namespace detail {

std::optional<cents> parse_cents(std::string_view text) noexcept {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && text.front() == '-') negative = true, text.remove_prefix(1);
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot);
    const auto frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 15 || frac.size() > 2 ||
        (dot != std::string_view::npos && frac.empty()))
        return std::nullopt;
    for (char c : whole)
        if (c < '0' || c > '9') return std::nullopt;
    for (char c : frac)
        if (c < '0' || c > '9') return std::nullopt;
    cents value = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), value);
    value *= 100;
    if (frac.size() >= 1) value += (frac[0] - '0') * 10;
    if (frac.size() == 2) value += frac[1] - '0';
    return negative ? -value : value;
}

std::string format_cents(cents amount) {
    const bool negative = amount < 0;
    const auto abs = negative ? -amount : amount;
    std::string out = std::to_string(abs / 100) + '.';
    const auto c = abs % 100;
    out += static_cast<char>('0' + c / 10);
    out += static_cast<char>('0' + c % 10);
    return negative ? '-' + out : out;
}

void field_reader::bad(std::size_t col, std::string rule, std::string what) {
    ok_ = false;
    fail_(col, std::move(rule), std::string(spec_.columns[col].name) + ' ' + std::move(what));
}

std::string_view field_reader::text(std::size_t col) {
    const auto raw = col < fields_.size() ? fields_[col] : std::string_view{};
    // Checked before anything reads the text, so no message repeats the bad bytes.
    if (const auto b = find_bad_utf8(raw)) {
        bad(col, "invalid_utf8", describe_bad_utf8(*b));
        return {};
    }
    const auto t = trim(raw);
    if (t.empty() && spec_.columns[col].required)
        bad(col, "missing_value", "is empty; a value is required");
    return t;
}

day field_reader::date(std::size_t col, day absent) {
    const auto t = text(col);
    if (t.empty()) return absent;
    if (auto d = parse_day(t)) {
        // A date outside the school years passend knows is a typo (0000-01-01, 2924-08-01).
        // Compared as days: no conversion back to a year per date.
        constexpr day first{date::year{school_year::min_start_year} / 1 / 1};
        constexpr day last{date::year{school_year::max_start_year} / 12 / 31};
        if (*d >= first && *d <= last) return *d;
        bad(col, "date_range",
            std::string(t) + " is outside the years " +
                std::to_string(school_year::min_start_year) + "-" +
                std::to_string(school_year::max_start_year));
        return absent;
    }
    bad(col, "malformed_date", std::string(t) + " is not a valid date (YYYY-MM-DD)");
    return absent;
}

int field_reader::integer(std::size_t col, int absent) {
    const auto t = text(col);
    if (t.empty()) return absent;
    int v = 0;
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc{} && p == t.data() + t.size()) return v;
    bad(col, "malformed_number", "'" + std::string(t) + "' is not a whole number");
    return absent;
}

cents field_reader::amount(std::size_t col, cents absent) {
    const auto t = text(col);
    if (t.empty()) return absent;
    const auto v = parse_cents(t);
    if (!v) {
        bad(col, "malformed_amount",
            "'" + std::string(t) + "' is not an amount in euros with a dot decimal (1631099.00)");
        return absent;
    }
    if (*v < 0) {
        bad(col, "negative_amount", std::string(t) + " is negative");
        return absent;
    }
    return *v;
}

double field_reader::score(std::size_t col) {
    const auto t = text(col);
    if (t.empty()) return 0;
    if (equals_code(t, "ja")) return 1.0;
    if (equals_code(t, "deels")) return 0.5;
    if (equals_code(t, "nee")) return 0.0;
    double v = 0;
    if (detail::parse_double(t, v) && v >= 0.0 && v <= 1.0) return v;
    bad(col, "score_range", std::string(t) + " is not a score between 0 and 1 or ja|deels|nee");
    return 0;
}

double field_reader::number(std::size_t col, double absent) {
    const auto t = text(col);
    if (t.empty()) return absent;
    double v = 0;
    if (detail::parse_double(t, v) && std::isfinite(v)) return v;
    bad(col, "malformed_number",
        "'" + std::string(t) + "' is not a number with a dot decimal (1.87)");
    return absent;
}

school_year field_reader::year(std::size_t col) {
    const auto t = text(col);
    if (t.empty()) return school_year{0};
    if (auto y = school_year::parse(t)) return *y;
    bad(col, "malformed_school_year", std::string(t) + " is not a school year like 2024-2025");
    return school_year{0};
}

int field_reader::yes_no(std::size_t col) {
    const auto t = text(col);
    if (t.empty()) return -1;
    if (equals_code(t, "ja")) return 1;
    if (equals_code(t, "nee")) return 0;
    bad(col, "unknown_code", "'" + std::string(t) + "' is not one of ja|nee");
    return -1;
}

} // namespace detail
PASSEND_NAMESPACE_END
