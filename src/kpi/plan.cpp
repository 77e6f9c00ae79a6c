// SPDX-License-Identifier: EUPL-1.2
#include "kpi/plan.hpp"
#include "kpi/scan.hpp"

#include <map>
#include <set>
#include <string_view>

PASSEND_NAMESPACE_BEGIN

namespace kpi_detail {

// The measure table: one entry per kpi_measure, in enum order, each defined beside its scan.
// A new measure: its kpi_measure value, a scan_<measure>.cpp defining its measure_spec, its
// declaration in scan.hpp and its entry here.
const std::array<const measure_spec*, kpi_measure_count>& measure_specs() {
    static const std::array<const measure_spec*, kpi_measure_count> specs{
        &pupils_measure,
        &transitions_measure,
        &exits_measure,
        &thuiszitters_measure,
        &opps_measure,
        &arrangements_measure,
        &tlvs_measure,
        &funds_measure,
        &allocations_measure,
        &assessments_measure,
        &assessment_units_measure,
        &absences_measure,
        &tlv_requests_measure,
        &tlv_open_measure,
        &cross_border_measure,
        &support_offers_measure,
        &offer_pupils_measure,
        &region_coverage_measure,
        &finances_measure,
    };
    return specs;
}

std::optional<table> table_of(const kpi_quantity& q) {
    return measure_specs()[static_cast<std::size_t>(q.measure)]->needs_table(q);
}

std::uint32_t plan::add_quantity(const kpi_quantity& q) {
    const auto it = std::find(quantities.begin(), quantities.end(), q);
    if (it != quantities.end()) return static_cast<std::uint32_t>(it - quantities.begin());
    quantities.push_back(q);
    return static_cast<std::uint32_t>(quantities.size() - 1);
}

std::vector<planned_definition> add_definitions(plan& pl, const std::vector<kpi_definition>& defs,
                                                const dataset& ds) {
    std::vector<planned_definition> out;
    for (const auto& d : defs) {
        planned_definition pd{pl.add_quantity(d.numerator), std::nullopt, true};
        if (d.denominator) pd.den = pl.add_quantity(*d.denominator);
        for (const kpi_quantity* q : {&d.numerator, d.denominator ? &*d.denominator : nullptr})
            if (q)
                if (const auto t = table_of(*q)) pd.present &= ds.has_table(*t);
        out.push_back(pd);
    }
    return out;
}

void plan::compile() {
    classes_of.assign(quantities.size(), {});
    for (std::size_t m = 0; m < kpi_measure_count; ++m) {
        const auto& spec = *measure_specs()[m];
        const auto measure = static_cast<kpi_measure>(m);
        // The table must list every measure in enum order (checked once, here).
        if (spec.measure != measure) throw error("kpi: measure table out of kpi_measure order");
        const std::size_t n = spec.combos(*this);
        class_of[m].assign(n, -1);
        std::map<std::vector<std::uint32_t>, std::int32_t> seen;
        for (std::size_t c = 0; c < n; ++c) {
            std::vector<std::uint32_t> qs;
            for (std::uint32_t q = 0; q < quantities.size(); ++q)
                if (quantities[q].measure == measure && spec.matches(quantities[q], c, *this))
                    qs.push_back(q);
            if (qs.empty()) continue;
            auto [it, fresh] = seen.emplace(qs, static_cast<std::int32_t>(classes.size()));
            if (fresh) {
                class_info info{measure};
                for (auto q : qs) {
                    const auto a = quantities[q].aggregate;
                    info.field |= a == kpi_aggregate::sum || a == kpi_aggregate::mean;
                    info.values |= a == kpi_aggregate::median || a == kpi_aggregate::quantile;
                    classes_of[q].push_back(static_cast<std::uint32_t>(classes.size()));
                }
                classes.push_back(info);
            }
            class_of[m][c] = it->second;
            needed[m] = true;
        }
    }
}

std::vector<std::string> frameworks_of(const dataset& ds) {
    std::set<std::string_view> seen;
    std::string_view last; // rows of one framework come together: skip the set lookups
    for (const auto& f : ds.assessments().framework)
        if (f != last || seen.empty()) seen.insert(last = f);
    return {seen.begin(), seen.end()};
}

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

} // namespace

std::vector<std::string> offered_domains(const dataset& ds) {
    std::set<std::uint32_t> seen;
    const auto& so = ds.support_offers();
    for (std::size_t i = 0; i < so.size(); ++i)
        if (ds.is_reported(so.year[i])) seen.insert(so.domain[i]);
    std::vector<std::string> out;
    for (const auto d : seen) out.push_back(ds.support_domains()[d]); // code order: index order
    return out;
}

std::vector<kpi_definition> expand(const catalog& cat, const std::vector<std::string>& frameworks,
                                   const std::vector<std::string>& domains) {
    std::vector<kpi_definition> out;
    for (const auto& d : cat.definitions())
        if (d.per.empty()) out.push_back(d);
    for (const auto& d : cat.definitions()) {
        if (d.per.empty()) continue;
        const std::string hole = "{" + d.per + "}";
        const auto filled = [&](kpi_filter& f) -> std::string& {
            return d.per == "framework" ? f.framework : f.domain;
        };
        for (const auto& value : d.per == "framework" ? frameworks : domains) {
            kpi_definition x = d;
            x.per.clear();
            for (auto* s :
                 {&x.id, &x.title_nl, &x.title_en, &x.description, &filled(x.numerator.filter)})
                replace_all(*s, hole, value);
            if (x.denominator) replace_all(filled(x.denominator->filter), hole, value);
            if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == x.id; }))
                out.push_back(std::move(x));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

} // namespace kpi_detail

PASSEND_NAMESPACE_END
