// SPDX-License-Identifier: EUPL-1.2
#include "passend/cycle/agenda.hpp"

#include "report/markdown_cell.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

PASSEND_NAMESPACE_BEGIN
namespace {

using date::days;
using ym = date::year_month;

constexpr std::string_view bijlage_1 =
    "Bron: Kwaliteitsbeleid 2023-2027 swv VO Maastricht-Heuvelland & Parkstad, Bijlage 1 "
    "(Tijdpad kwaliteitscyclus).";

// A lower-case ASCII slug for uids: "ZOCO/IB-overleg" -> "zoco-ib-overleg".
std::string slug(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string compact(day d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// Date, a readable slug and a hash of the whole key: slugs alone are cut at 40 characters.
std::string uid_for(day d, std::string_view key) {
    std::uint32_t h = 2166136261u; // FNV-1a
    for (unsigned char c : key) h = (h ^ c) * 16777619u;
    return fmt::format("{}-{}-{:08x}@passend", compact(d), slug(key), h);
}

// The month `m` (1-12) inside the school year: August-December in its first calendar year.
ym month_in(school_year y, unsigned m) {
    const int year = m >= 8 ? y.start_year() : y.start_year() + 1;
    return date::year{year} / date::month{m};
}

cycle_event activity(day start, day end, std::string period, std::string summary) {
    cycle_event e;
    e.start = start;
    e.end = std::max(start, end);
    e.summary = std::move(summary);
    e.category = "Kwaliteitscyclus";
    e.description = std::string(bijlage_1);
    e.period = std::move(period);
    e.uid = uid_for(start, "cyclus-" + e.summary);
    return e;
}

} // namespace

std::vector<cycle_event> cycle_activities(const working_days& w) {
    const auto y = w.year();
    const auto first = [&](unsigned m) { return w.first_working_day(month_in(y, m)); };
    const auto last = [&](unsigned m) { return w.last_working_day(month_in(y, m)); };
    std::vector<cycle_event> out;
    const auto add = [&](day s, day e, const char* period, const char* what) {
        out.push_back(activity(s, e, period, what));
    };
    // September
    add(first(9), last(9), "September",
        "Het verslag van de voorjaarsronde wordt geagendeerd in NOC en BAR; afspraken over "
        "vervolgacties");
    add(first(9), last(9), "September",
        "Alle scholen voegen het Jaarplan ontwikkelpunten lopend schooljaar toe in het "
        "onderwijsplatform POS");
    // September - oktober
    add(first(9), last(10), "September - oktober",
        "Alle scholen vullen de vragenlijsten in het onderwijsplatform POS in voor een "
        "geactualiseerd SOP");
    add(first(9), last(10), "September - oktober",
        "Het Rapport Kwaliteitsgesprek swv wordt besproken in het bestuur swv");
    add(first(9), last(10), "September - oktober",
        "Alle besturen ontvangen het (eigen) Bestuursrapport Kwaliteitsgesprek swv");
    // November
    add(first(11), last(11), "November",
        "Alle scholen plaatsen het geactualiseerde SOP op de website van de school");
    add(first(11), last(11), "November",
        "Alle scholen plaatsen het geactualiseerde SOP op de website Scholen op de Kaart");
    add(first(11), last(11), "November", "Alle scholen mailen het SOP in pdf naar het swv");
    add(first(11), last(11), "November",
        "Het swv plaatst de SOP's van alle scholen op de website swv");
    // Januari - februari
    add(first(1), last(2), "Januari - februari",
        "Het Jaarplan SWV lopend schooljaar wordt besproken in het bestuur swv");
    // Eind maart - april: from the last Monday of March.
    const day end_march = w.next_working_day(day{month_in(y, 3) / date::Monday[date::last]});
    add(end_march, last(4), "Eind maart - april",
        "Het swv levert budgetten aan voor het volgend schooljaar");
    add(end_march, last(4), "Eind maart - april",
        "Het swv stelt de agenda op voor de voorjaarsgesprekken");
    // Mei - juni
    add(first(5), last(6), "Mei - juni",
        "Het swv voert voorjaarsgesprekken op alle scholen met de POS gespreksrapporten");
    // Begin juli: up to 10 July, or the last working day before the summer holiday.
    const day july_first = first(7);
    day july_end = w.previous_working_day(day{month_in(y, 7) / 10});
    const day summer = w.summer_holiday_start();
    if (summer <= july_end) july_end = w.previous_working_day(summer - days{1});
    add(july_first, std::max(july_first, july_end), "Begin juli",
        "Het swv stelt een verslag op van de bevindingen van de voorjaarsronde");
    add(july_first, std::max(july_first, july_end), "Begin juli",
        "Het swv heeft het Jaarplan SWV komend schooljaar in concept gereed");
    return out;
}

std::vector<cycle_event> forum_meetings(const focus_plan& plan, const working_days& w) {
    // One series per forum name and frequency, with the focus points that send it items.
    struct series {
        const plan_forum* forum;
        std::vector<const focus_point*> points;
    };
    std::vector<series> all;
    for (const auto& fp : plan.focus_points)
        for (const auto& f : fp.forums) {
            const auto key = f.name + "|" + f.frequency.describe();
            auto it = std::find_if(all.begin(), all.end(), [&](const series& s) {
                return s.forum->name + "|" + s.forum->frequency.describe() == key;
            });
            if (it == all.end())
                all.push_back({&f, {&fp}});
            else if (std::find(it->points.begin(), it->points.end(), &fp) == it->points.end())
                it->points.push_back(&fp);
        }

    const auto y = w.year();
    std::vector<cycle_event> out;
    for (const auto& s : all) {
        const auto& f = *s.forum;
        const auto& freq = f.frequency;
        std::string agenda = "Op de agenda: ";
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            if (i) agenda += "; ";
            agenda += s.points[i]->speerpunt;
        }
        agenda += ".";
        if (!f.by.empty()) agenda += " Door: " + f.by + ".";
        if (!f.purpose.empty()) agenda += " Doel: " + f.purpose + ".";
        if (!plan.name.empty()) agenda += " Plan: " + plan.name + ".";
        const auto meeting = [&](day d) {
            cycle_event e;
            e.start = e.end = d;
            e.summary = f.name + (f.by.empty() ? "" : " (" + f.by + ")");
            e.category = "Overleg";
            e.period = freq.describe();
            e.description = agenda;
            e.uid = uid_for(d, "forum-" + f.name + "-" + e.period);
            out.push_back(std::move(e));
        };
        if (freq.rule == forum_frequency::kind::months) {
            for (unsigned m : freq.months) {
                const auto month = month_in(y, m);
                day d = freq.nth == 0
                            ? w.first_working_day(month)
                            : w.next_working_day(
                                  day{month / date::weekday_indexed{date::weekday{freq.weekday},
                                                                    freq.nth}});
                if (d <= y.last_day() && !w.in_summer_holiday(d)) meeting(d);
            }
        } else if (freq.weeks > 0) {
            const day start = freq.start ? *freq.start : w.first_school_day();
            for (day d = start; d <= y.last_day(); d += days{7 * freq.weeks}) {
                if (d < y.first_day() || w.in_summer_holiday(d)) continue;
                const day on = w.next_working_day(d);
                if (w.in_summer_holiday(on) || on > y.last_day()) continue;
                meeting(on);
            }
        }
    }
    return out;
}

working_days calendar_days(school_year year, const focus_plan* plan) {
    if (plan && !plan->holidays.empty()) return working_days{year, plan->holidays};
    return working_days::for_year(year);
}

std::vector<cycle_event> cycle_calendar(school_year year, const focus_plan* plan) {
    const auto w = calendar_days(year, plan);
    auto events = cycle_activities(w);
    if (plan)
        for (auto& e : forum_meetings(*plan, w)) events.push_back(std::move(e));
    std::stable_sort(events.begin(), events.end(), [](const cycle_event& a, const cycle_event& b) {
        return std::tie(a.start, a.end, a.category) < std::tie(b.start, b.end, b.category);
    });
    return events;
}

std::string ics_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t width = 0; // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        // Length of the UTF-8 sequence starting here, so a character is never split.
        const auto lead = static_cast<unsigned char>(line[i]);
        const std::size_t n = lead < 0x80    ? 1
                              : lead >= 0xF0 ? 4
                              : lead >= 0xE0 ? 3
                              : lead >= 0xC0 ? 2
                                             : 1;
        if (width + n > 75) {
            out += "\r\n ";
            width = 1; // the leading space counts
        }
        out.append(line.substr(i, n));
        width += n;
        i += n;
    }
    return out;
}

std::string to_ics(std::span<const cycle_event> events, const ics_options& options) {
    std::string out;
    const auto line = [&](std::string_view l) {
        out += ics_fold(l);
        out += "\r\n";
    };
    const auto stamp = fmt::format("{:%Y%m%dT%H%M%SZ}", options.stamp);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//passend//kwaliteitscyclus//NL");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ics_escape(options.name));
    for (const auto& e : events) {
        line("BEGIN:VEVENT");
        line("UID:" + e.uid);
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + compact(e.start));
        line("DTEND;VALUE=DATE:" + compact(e.end + days{1})); // exclusive end
        line("SUMMARY:" + ics_escape(e.summary));
        std::string desc = e.description;
        if (!e.period.empty()) desc = "Wanneer: " + e.period + "\n" + desc;
        line("DESCRIPTION:" + ics_escape(desc));
        line("CATEGORIES:" + ics_escape(e.category));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

std::string to_markdown(std::span<const cycle_event> events, const working_days& w,
                        std::string_view title) {
    const auto cell = detail::markdown_cell;
    std::string out = fmt::format("# {}\n\n", title);
    out += fmt::format("Schooljaar {}. Werkdagen: maandag tot en met vrijdag, buiten feestdagen en "
                       "schoolvakanties.\n\n",
                       w.year().to_string());
    out += "| Van | Tot | Wat | Soort | Wanneer | Toelichting |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& e : events)
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", format_day(e.start),
                           e.end == e.start ? "" : format_day(e.end), cell(e.summary),
                           cell(e.category), cell(e.period), cell(e.description));
    out += "\n## Vakanties en vrije dagen\n\n";
    if (w.assumed())
        out += "Geen vakantierooster bekend voor dit schooljaar: de zomervakantie is aangenomen "
               "als de zes weken vanaf de tweede zaterdag van juli. Geef het eigen rooster in het "
               "plan (`holidays`).\n\n";
    out += "| Van | Tot | Wat |\n|---|---|---|\n";
    for (const auto& c : w.closed())
        if (c.end >= w.year().first_day() && c.start <= w.year().last_day())
            out += fmt::format("| {} | {} | {} |\n", format_day(c.start),
                               c.end == c.start ? "" : format_day(c.end), cell(c.name));
    return out;
}

PASSEND_NAMESPACE_END
