// SPDX-License-Identifier: EUPL-1.2
// The report document's inline SVG charts: no scripts, nothing from elsewhere.
#include "svg_chart.hpp"

#include "common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

PASSEND_NAMESPACE_BEGIN

std::string report_detail::sparkline_svg(const report_trend& trend) {
    const auto& v = trend.values;
    if (std::none_of(v.begin(), v.end(), [](auto& x) { return x.has_value(); })) return "";
    double lo = 0, hi = 0;
    bool first = true;
    auto widen = [&](double x) {
        lo = first ? x : std::min(lo, x);
        hi = first ? x : std::max(hi, x);
        first = false;
    };
    for (const auto& x : v)
        if (x) widen(*x);
    // Show the norm when it is near the values (within their spread, or half of the range).
    std::optional<double> norm;
    if (trend.norm) {
        const double t = *trend.norm, span = std::max(hi - lo, std::abs(hi) * 0.5);
        if (t >= lo - span && t <= hi + span) norm = t;
    }
    if (norm) widen(*norm);
    const double w = 120, h = 28, pad = 3;
    const std::size_t n = v.size();
    auto x_at = [&](std::size_t i) {
        return n == 1 ? w / 2 : pad + (w - 2 * pad) * static_cast<double>(i) / (n - 1);
    };
    auto y_at = [&](double x) {
        return hi > lo ? pad + (h - 2 * pad) * (1 - (x - lo) / (hi - lo)) : h / 2;
    };
    const auto tip = escape_html(trend.label);
    std::string svg = fmt::format(
        R"(<svg class="spark" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)", w,
        h, tip, tip);
    if (norm)
        svg += fmt::format(R"(<line class="norm" x1="0" x2="{}" y1="{:.1f}" y2="{:.1f}"/>)", w,
                           y_at(*norm), y_at(*norm));
    std::string points;
    auto flush = [&] {
        if (points.find(' ') != std::string::npos)
            svg += fmt::format(R"(<polyline class="line" points="{}"/>)", points);
        points.clear();
    };
    std::size_t last = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (!v[i]) {
            flush();
            svg +=
                fmt::format(R"(<circle class="gap" cx="{:.1f}" cy="{}" r="1.3"/>)", x_at(i), h - 1);
            continue;
        }
        const bool alone = (i == 0 || !v[i - 1]) && (i + 1 == n || !v[i + 1]);
        if (alone)
            svg += fmt::format(R"(<circle class="dot" cx="{:.1f}" cy="{:.1f}" r="1.8"/>)", x_at(i),
                               y_at(*v[i]));
        if (!points.empty()) points += ' ';
        points += fmt::format("{:.1f},{:.1f}", x_at(i), y_at(*v[i]));
        last = i;
    }
    flush();
    if (last < n)
        svg += fmt::format(R"(<circle class="last" cx="{:.1f}" cy="{:.1f}" r="2.6"/>)", x_at(last),
                           y_at(*v[last]));
    return svg + "</svg>";
}

std::string report_detail::bar_chart_svg(const report_chart& chart) {
    const auto& bars = chart.bars;
    if (bars.empty()) return "";
    const double w = 520, h = 190, left = 10, bottom = 34, top = 22;
    const double slot = (w - 2 * left) / static_cast<double>(bars.size());
    double hi = 1;
    for (const auto& b : bars)
        if (b.value) hi = std::max(hi, *b.value);
    const double plot = h - bottom - top;
    const auto title = escape_html(chart.title);
    std::string svg = fmt::format(
        R"(<svg class="bars" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)", w,
        h, title, title);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double x = left + slot * static_cast<double>(i) + slot * 0.15, bw = slot * 0.7;
        const bool over = chart.term_after && i > *chart.term_after;
        // A hidden count: an outline only, with its mark (`<5`, `–`).
        const double bh = b.value ? plot * *b.value / hi : plot * 0.12, y = h - bottom - bh;
        svg += fmt::format(R"(<rect class="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" )"
                           R"(height="{:.1f}"/>)",
                           !b.value   ? "hidden"
                           : over     ? "bar over"
                           : b.second ? "bar in"
                                      : "bar",
                           x, y, bw, bh);
        svg +=
            fmt::format(R"(<text{} x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                        b.value ? "" : R"( class="muted")", x + bw / 2, y - 4, escape_html(b.text));
        svg += fmt::format(
            R"(<text class="muted" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
            left + slot * (static_cast<double>(i) + 0.5), h - bottom + 16, escape_html(b.label));
    }
    svg += fmt::format(R"(<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/>)", left, w - left,
                       h - bottom, h - bottom);
    if (chart.term_after) {
        const double x = left + slot * static_cast<double>(*chart.term_after + 1);
        svg += fmt::format(R"(<line class="term" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>)", x, x,
                           top - 12, h - bottom);
        svg += fmt::format(R"(<text class="muted" x="{:.1f}" y="{}">{}</text>)", x + 4, top - 4,
                           escape_html(chart.term_label));
    }
    return svg + "</svg>";
}

PASSEND_NAMESPACE_END
