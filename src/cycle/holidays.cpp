// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/holidays.hpp"

#include <algorithm>

PASSEND_NAMESPACE_BEGIN
namespace {

using namespace date::literals;

closed_period one_day(std::string name, day d) {
    return {std::move(name), d, d};
}

bool is_weekend(day d) noexcept {
    const date::weekday w{d};
    return w == date::Saturday || w == date::Sunday;
}

} // namespace

day easter_sunday(int y) noexcept {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, dom = (h + l - 7 * m + 114) % 31 + 1;
    return make_day(y, static_cast<unsigned>(month), static_cast<unsigned>(dom));
}

std::vector<closed_period> public_holidays(int y) {
    const day easter = easter_sunday(y);
    day koningsdag = make_day(y, 4, 27);
    if (date::weekday{koningsdag} == date::Sunday) koningsdag -= date::days{1};
    return {
        one_day("Nieuwjaarsdag", make_day(y, 1, 1)),
        one_day("Goede Vrijdag", easter - date::days{2}),
        one_day("Tweede Paasdag", easter + date::days{1}),
        one_day("Koningsdag", koningsdag),
        one_day("Bevrijdingsdag", make_day(y, 5, 5)),
        one_day("Hemelvaartsdag", easter + date::days{39}),
        one_day("Tweede Pinksterdag", easter + date::days{50}),
        one_day("Eerste Kerstdag", make_day(y, 12, 25)),
        one_day("Tweede Kerstdag", make_day(y, 12, 26)),
    };
}

std::optional<std::vector<closed_period>> region_zuid_holidays(school_year year) {
    // Government advisory dates for region Zuid (Limburg, Zeeland, most of Noord-Brabant).
    if (year.start_year() == 2025)
        return std::vector<closed_period>{
            {"zomervakantie", make_day(2025, 7, 5), make_day(2025, 8, 17)},
            {"herfstvakantie", make_day(2025, 10, 18), make_day(2025, 10, 26)},
            {"kerstvakantie", make_day(2025, 12, 20), make_day(2026, 1, 4)},
            {"voorjaarsvakantie", make_day(2026, 2, 14), make_day(2026, 2, 22)},
            {"meivakantie", make_day(2026, 4, 25), make_day(2026, 5, 3)},
            {"zomervakantie", make_day(2026, 7, 11), make_day(2026, 8, 23)},
        };
    return std::nullopt;
}

closed_period assumed_summer_holiday(int y) {
    const day start{date::year{y} / date::July / date::Saturday[2]};
    return {"zomervakantie", start, start + date::days{43}};
}

working_days::working_days(school_year year, std::vector<closed_period> school_holidays)
    : year_(year), closed_(std::move(school_holidays)) {
    for (int y : {year.start_year(), year.start_year() + 1})
        for (auto& h : public_holidays(y)) closed_.push_back(std::move(h));
    std::sort(closed_.begin(), closed_.end(),
              [](const closed_period& a, const closed_period& b) { return a.start < b.start; });
}

working_days working_days::for_year(school_year year) {
    if (auto zuid = region_zuid_holidays(year)) return working_days{year, std::move(*zuid)};
    working_days w{
        year,
        {assumed_summer_holiday(year.start_year()), assumed_summer_holiday(year.start_year() + 1)}};
    w.assumed_ = true;
    return w;
}

const closed_period* working_days::closed_on(day d) const noexcept {
    for (const auto& c : closed_)
        if (c.covers(d)) return &c;
    return nullptr;
}

bool working_days::is_working_day(day d) const noexcept {
    return !is_weekend(d) && closed_on(d) == nullptr;
}

bool working_days::in_summer_holiday(day d) const noexcept {
    for (const auto& c : closed_)
        if (c.covers(d) && c.name == "zomervakantie") return true;
    return false;
}

day working_days::next_working_day(day d) const noexcept {
    while (!is_working_day(d)) d += date::days{1};
    return d;
}

day working_days::previous_working_day(day d) const noexcept {
    while (!is_working_day(d)) d -= date::days{1};
    return d;
}

day working_days::first_working_day(date::year_month ym) const noexcept {
    return next_working_day(day{ym / 1});
}

day working_days::last_working_day(date::year_month ym) const noexcept {
    return previous_working_day(day{ym / date::last});
}

day working_days::first_school_day() const noexcept {
    // The summer holiday that ends after 1 August of the school year, else 1 August.
    day from = year_.first_day();
    for (const auto& c : closed_)
        if (c.name == "zomervakantie" && c.end >= year_.first_day() &&
            c.start <= year_.first_day() + date::days{61})
            from = std::max(from, c.end + date::days{1});
    return next_working_day(from);
}

day working_days::summer_holiday_start() const noexcept {
    for (const auto& c : closed_)
        if (c.name == "zomervakantie" && c.start > year_.first_day() + date::days{61} &&
            c.start <= year_.last_day())
            return c.start;
    return year_.last_day() + date::days{1};
}

PASSEND_NAMESPACE_END
