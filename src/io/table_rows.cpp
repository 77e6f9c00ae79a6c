// SPDX-License-Identifier: EUPL-1.2
#include "io/table_rows.hpp"

#include "text_fields.hpp"

#include <charconv>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {
template <class Idx>
std::string id_of(const std::vector<std::string>& ids, Idx i) {
    return has(i) ? ids[pos(i)] : std::string{};
}
std::string date_text(day d) {
    return format_day(d); // empty for no_day and open_end
}
std::string number_text(int v, int absent) {
    return v == absent ? std::string{} : std::to_string(v);
}
std::string cents_text(cents c) {
    return c < 0 ? std::string{} : format_cents(c);
}
std::string domain_text(const dataset& ds, std::uint32_t domain) {
    return domain == no_domain ? std::string{} : ds.support_domains()[domain];
}
std::string score_text(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}
} // namespace

bool writes_table(const dataset& ds, table t) {
    // An extract date from an option is written too, so that the folder reads back the same.
    if (t == table::extract) return ds.extract_date_origin() != extract_origin::derived;
    return spec(t).required || ds.has_table(t);
}

void for_each_row(const dataset& ds, table t,
                  const std::function<void(const std::vector<std::string>&)>& row) {
    std::vector<std::string> f;
    const auto emit = [&](auto&&... fields) {
        f.clear();
        (f.emplace_back(std::forward<decltype(fields)>(fields)), ...);
        row(f);
    };
    const auto& swvs = ds.swvs().id;
    const auto& boards = ds.boards().id;
    const auto& schools = ds.schools().id;
    const auto& pupils = ds.pupils().id;
    const auto& municipalities = ds.municipalities().code;
    switch (t) {
    case table::swvs: {
        const auto& s = ds.swvs();
        for (std::size_t i = 0; i < s.size(); ++i)
            emit(s.id[i], s.name[i], std::string(to_string(s.sector_of[i])));
        break;
    }
    case table::boards: {
        const auto& b = ds.boards();
        for (std::size_t i = 0; i < b.size(); ++i) emit(b.id[i], b.name[i]);
        break;
    }
    case table::schools: {
        const auto& s = ds.schools();
        for (std::size_t i = 0; i < s.size(); ++i)
            emit(s.id[i], s.name[i], id_of(boards, s.board[i]), id_of(swvs, s.swv[i]),
                 std::string(to_string(s.kind[i])), id_of(municipalities, s.municipality[i]));
        break;
    }
    case table::pupils: {
        const auto& p = ds.pupils();
        for (std::size_t i = 0; i < p.size(); ++i)
            emit(p.id[i], date_text(p.birth_date[i]), id_of(municipalities, p.municipality[i]));
        break;
    }
    case table::regions: {
        const auto& m = ds.municipalities();
        for (std::size_t i = 0; i < m.size(); ++i) {
            if (has(m.po_swv[i])) emit(m.code[i], id_of(swvs, m.po_swv[i]));
            if (has(m.vo_swv[i])) emit(m.code[i], id_of(swvs, m.vo_swv[i]));
        }
        break;
    }
    case table::enrolments: {
        const auto& e = ds.enrolments();
        for (std::size_t i = 0; i < e.size(); ++i)
            emit(id_of(pupils, e.pupil[i]), id_of(schools, e.school[i]), date_text(e.start[i]),
                 date_text(e.end[i]), number_text(e.grade[i], 0),
                 std::string(to_string(e.exit[i])));
        break;
    }
    case table::tlvs: {
        const auto& v = ds.tlvs();
        for (std::size_t i = 0; i < v.size(); ++i)
            emit(v.id[i], id_of(pupils, v.pupil[i]), id_of(swvs, v.swv[i]),
                 std::string(to_string(v.admits[i])), std::string(to_string(v.category[i])),
                 date_text(v.request_date[i]), date_text(v.decision_date[i]),
                 std::string(to_string(v.outcome[i])), date_text(v.start[i]), date_text(v.end[i]),
                 v.objection[i] < 0 ? ""
                 : v.objection[i]   ? "ja"
                                    : "nee",
                 date_text(v.complete_date[i]));
        break;
    }
    case table::arrangements: {
        const auto& a = ds.arrangements();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit(a.id[i], id_of(pupils, a.pupil[i]), id_of(schools, a.school[i]),
                 std::to_string(static_cast<int>(a.level[i])), std::string(to_string(a.kind[i])),
                 date_text(a.start[i]), date_text(a.end[i]), cents_text(a.cost[i]),
                 domain_text(ds, a.domain[i]));
        break;
    }
    case table::opps: {
        const auto& o = ds.opps();
        for (std::size_t i = 0; i < o.size(); ++i)
            emit(id_of(pupils, o.pupil[i]), id_of(schools, o.school[i]), date_text(o.start[i]),
                 date_text(o.end[i]));
        break;
    }
    case table::absences: {
        const auto& a = ds.absences();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit(id_of(pupils, a.pupil[i]), std::string(to_string(a.kind[i])),
                 date_text(a.start[i]), date_text(a.end[i]), a.article[i]);
        break;
    }
    case table::funds: {
        const auto& m = ds.funds();
        for (std::size_t i = 0; i < m.size(); ++i)
            emit(m.year[i].to_string(), id_of(swvs, m.swv[i]), id_of(boards, m.board[i]),
                 m.stream[i], cents_text(m.amount[i]));
        break;
    }
    case table::allocations: {
        const auto& a = ds.allocations();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit(a.year[i].to_string(), id_of(boards, a.board[i]), a.purpose[i],
                 cents_text(a.amount[i]), id_of(schools, a.school[i]), a.kpi_id[i]);
        break;
    }
    case table::assessments: {
        const auto& a = ds.assessments();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit(a.year[i].to_string(),
                 a.level[i] == unit_level::school ? schools[a.unit[i]] : boards[a.unit[i]],
                 a.framework[i], a.item[i], score_text(a.score[i]));
        break;
    }
    case table::extract:
        emit(date_text(ds.extract_date()), ds.exported_by());
        break;
    case table::rates: {
        const auto& r = ds.rates();
        for (std::size_t i = 0; i < r.size(); ++i)
            emit(r.year[i].to_string(), std::string(to_string(r.admits[i])),
                 std::string(to_string(r.category[i])), cents_text(r.amount[i]));
        break;
    }
    case table::reference_values: {
        const auto& v = ds.reference_values();
        for (std::size_t i = 0; i < v.size(); ++i)
            emit(v.kpi[i], v.year[i].to_string(), score_text(v.value[i]), v.source[i]);
        break;
    }
    case table::support_offers: {
        const auto& o = ds.support_offers();
        for (std::size_t i = 0; i < o.size(); ++i)
            emit(id_of(schools, o.school[i]), o.year[i].to_string(), domain_text(ds, o.domain[i]),
                 std::to_string(static_cast<int>(o.level[i])), number_text(o.places[i], -1),
                 cents_text(o.tariff[i]));
        break;
    }
    case table::finances: {
        const auto& f = ds.finances();
        for (std::size_t i = 0; i < f.size(); ++i)
            emit(std::to_string(f.year[i]), id_of(swvs, f.swv[i]), cents_text(f.income[i]),
                 cents_text(f.reserves[i]));
        break;
    }
    }
}

} // namespace detail
PASSEND_NAMESPACE_END
