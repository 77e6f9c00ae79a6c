// SPDX-License-Identifier: EUPL-1.2
#include "io/table_rows.hpp"

#include "float_text.hpp"
#include "text_fields.hpp"

#include "passend/table_row.hpp"

#include <charconv>
#include <tuple>
#include <type_traits>

PASSEND_NAMESPACE_BEGIN
namespace detail {

namespace {
/// The text of an id referred to by index (empty when there is none), a view into the dataset.
template <class Idx>
std::string_view id_of(const text_column& ids, Idx i) {
    return has(i) ? ids[pos(i)] : std::string_view{};
}
std::string_view domain_of(const dataset& ds, std::uint32_t domain) {
    return domain == no_domain ? std::string_view{}
                               : std::string_view(ds.support_domains()[domain]);
}
std::string score_text(double v) {
    return detail::shortest_text(v);
}

/// A typed row's field as the contract spells it; empty for an absent value.
template <class Value>
std::string field_text(const Value& v, const column_spec& c, const Value& absent) {
    if constexpr (std::is_same_v<Value, std::string_view>)
        return std::string(v);
    else if constexpr (std::is_same_v<Value, day>)
        return format_day(v); // empty for no_day and open_end
    else if constexpr (std::is_same_v<Value, school_year>)
        return v.to_string();
    else if constexpr (std::is_same_v<Value, cents>)
        return v < 0 ? std::string{} : format_cents(v);
    else if constexpr (std::is_same_v<Value, int>) {
        if (c.type == column_type::code) return v < 0 ? "" : v ? "ja" : "nee";
        return v == absent ? std::string{} : std::to_string(v);
    } else if constexpr (std::is_same_v<Value, std::optional<int>>)
        return v ? std::to_string(*v) : std::string{};
    else if constexpr (std::is_same_v<Value, double>)
        return score_text(v);
    else
        return std::string(to_string(v));
}

/// Emits typed rows of table T as field texts in contract column order.
template <table T>
struct text_emitter {
    const std::function<void(const std::vector<std::string>&)>& out;
    std::vector<std::string> fields;
    void operator()(const table_row_t<T>& row) {
        fields.clear();
        const auto& columns = spec(T).columns;
        std::apply(
            [&](const auto&... c) {
                std::size_t i = 0;
                ((fields.push_back(field_text(row.*c.member, columns[i], c.absent)), ++i), ...);
            },
            table_row<T>::columns);
        out(fields);
    }
};

/// Each row of table T as a typed row whose texts are views into the dataset.
template <table T, class Emit>
void typed_rows(const dataset& ds, Emit&& emit) {
    const auto& swvs = ds.swvs().id;
    const auto& boards = ds.boards().id;
    const auto& schools = ds.schools().id;
    const auto& pupils = ds.pupils().id;
    const auto& municipalities = ds.municipalities().code;
    if constexpr (T == table::swvs) {
        const auto& s = ds.swvs();
        for (std::size_t i = 0; i < s.size(); ++i) emit({s.id[i], s.name[i], s.sector_of[i]});
    } else if constexpr (T == table::boards) {
        const auto& b = ds.boards();
        for (std::size_t i = 0; i < b.size(); ++i) emit({b.id[i], b.name[i]});
    } else if constexpr (T == table::schools) {
        const auto& s = ds.schools();
        for (std::size_t i = 0; i < s.size(); ++i)
            emit({s.id[i], s.name[i], id_of(boards, s.board[i]), id_of(swvs, s.swv[i]), s.kind[i],
                  id_of(municipalities, s.municipality[i])});
    } else if constexpr (T == table::pupils) {
        const auto& p = ds.pupils();
        for (std::size_t i = 0; i < p.size(); ++i)
            emit({p.id[i], p.birth_date[i], id_of(municipalities, p.municipality[i])});
    } else if constexpr (T == table::regions) {
        const auto& m = ds.municipalities();
        for (std::size_t i = 0; i < m.size(); ++i) {
            if (has(m.po_swv[i])) emit({m.code[i], id_of(swvs, m.po_swv[i])});
            if (has(m.vo_swv[i])) emit({m.code[i], id_of(swvs, m.vo_swv[i])});
        }
    } else if constexpr (T == table::enrolments) {
        const auto& e = ds.enrolments();
        for (std::size_t i = 0; i < e.size(); ++i)
            emit({id_of(pupils, e.pupil[i]), id_of(schools, e.school[i]), e.start[i], e.end[i],
                  e.grade[i], e.exit[i]});
    } else if constexpr (T == table::tlvs) {
        const auto& v = ds.tlvs();
        for (std::size_t i = 0; i < v.size(); ++i)
            emit({v.id[i], id_of(pupils, v.pupil[i]), id_of(swvs, v.swv[i]), v.admits[i],
                  v.category[i], v.request_date[i], v.decision_date[i], v.outcome[i], v.start[i],
                  v.end[i], v.objection[i], v.complete_date[i]});
    } else if constexpr (T == table::arrangements) {
        const auto& a = ds.arrangements();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit({a.id[i], id_of(pupils, a.pupil[i]), id_of(schools, a.school[i]),
                  static_cast<int>(a.level[i]), a.kind[i], a.start[i], a.end[i], a.cost[i],
                  domain_of(ds, a.domain[i])});
    } else if constexpr (T == table::opps) {
        const auto& o = ds.opps();
        for (std::size_t i = 0; i < o.size(); ++i)
            emit({id_of(pupils, o.pupil[i]), id_of(schools, o.school[i]), o.start[i], o.end[i]});
    } else if constexpr (T == table::absences) {
        const auto& a = ds.absences();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit({id_of(pupils, a.pupil[i]), a.kind[i], a.start[i], a.end[i], a.article[i]});
    } else if constexpr (T == table::funds) {
        const auto& m = ds.funds();
        for (std::size_t i = 0; i < m.size(); ++i)
            emit({m.year[i], id_of(swvs, m.swv[i]), id_of(boards, m.board[i]), m.stream[i],
                  m.amount[i]});
    } else if constexpr (T == table::allocations) {
        const auto& a = ds.allocations();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit({a.year[i], id_of(boards, a.board[i]), a.purpose[i], a.amount[i],
                  id_of(schools, a.school[i]), a.kpi_id[i]});
    } else if constexpr (T == table::assessments) {
        const auto& a = ds.assessments();
        for (std::size_t i = 0; i < a.size(); ++i)
            emit({a.year[i],
                  a.level[i] == unit_level::school ? schools[a.unit[i]] : boards[a.unit[i]],
                  a.framework[i], a.item[i], a.score[i]});
    } else if constexpr (T == table::extract) {
        emit({ds.extract_date(), ds.exported_by()});
    } else if constexpr (T == table::rates) {
        const auto& r = ds.rates();
        for (std::size_t i = 0; i < r.size(); ++i)
            emit({r.year[i], r.admits[i], r.category[i], r.amount[i]});
    } else if constexpr (T == table::reference_values) {
        const auto& v = ds.reference_values();
        for (std::size_t i = 0; i < v.size(); ++i)
            emit({v.kpi[i], v.year[i], v.value[i], v.source[i]});
    } else if constexpr (T == table::support_offers) {
        const auto& o = ds.support_offers();
        for (std::size_t i = 0; i < o.size(); ++i)
            emit({id_of(schools, o.school[i]), o.year[i], domain_of(ds, o.domain[i]),
                  static_cast<int>(o.level[i]),
                  o.places[i] < 0 ? std::nullopt : std::optional<int>(o.places[i]), o.tariff[i]});
    } else if constexpr (T == table::finances) {
        const auto& f = ds.finances();
        for (std::size_t i = 0; i < f.size(); ++i)
            emit({f.year[i], id_of(swvs, f.swv[i]), f.income[i], f.reserves[i]});
    } else {
        static_assert(T != T, "a table without its rows in table_rows.cpp");
    }
}
} // namespace

bool writes_table(const dataset& ds, table t) {
    // An extract date from an option is written too, so that the folder reads back the same.
    if (t == table::extract) return ds.extract_date_origin() != extract_origin::derived;
    return spec(t).required || ds.has_table(t);
}

void for_each_row(const dataset& ds, table t,
                  const std::function<void(const std::vector<std::string>&)>& row) {
    with_table(t, [&](auto tag) {
        constexpr table T = decltype(tag)::value;
        text_emitter<T> emit{row, {}};
        typed_rows<T>(ds, [&](const table_row_t<T>& r) { emit(r); });
    });
}

} // namespace detail
PASSEND_NAMESPACE_END
