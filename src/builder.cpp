// SPDX-License-Identifier: EUPL-1.2
// dataset_builder: staging, the contract's rules, and the sorted columnar dataset.
//
// Rows are staged with their identifiers interned per kind (pupil, school, ...). finish() checks
// references, duplicates, overlaps and ages, then lays the tables out sorted by id (entities) and
// by pupil and start (per-pupil tables) so that equal inputs give equal datasets whatever their
// row order.
#include "passend/builder.hpp"

#include "key_domain.hpp"
#include "text_check.hpp"
#include "text_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <numeric>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::uint32_t none = 0xFFFFFFFFu;
/// def_row of a key whose defining row failed to parse: references to it raise no second error.
constexpr std::uint32_t broken = 0xFFFFFFFEu;

/// The identifiers of one kind, each stored once, and the row of the table defining each.
struct key_domain {
    detail::key_domain ids;
    std::vector<std::uint32_t> def_row; // row of the defining table, none or broken

    std::uint32_t intern(std::string_view key) {
        const auto k = ids.intern(key);
        if (k == def_row.size()) def_row.push_back(none);
        return k;
    }
    /// The key as text, for the dataset's columns and messages.
    std::string text(std::uint32_t k) const { return std::string(ids.key(k)); }
    std::string_view key(std::uint32_t k) const { return ids.key(k); }
    bool defined(std::uint32_t k) const { return def_row[k] != none; }
    std::size_t size() const { return def_row.size(); }
    void reserve(std::size_t n) {
        ids.reserve(n);
        def_row.reserve(n);
    }
};

struct staged_swv {
    std::uint32_t key;
    std::string name;
    sector sector_of;
    std::uint32_t line;
};
struct staged_board {
    std::uint32_t key;
    std::string name;
    std::uint32_t line;
};
struct staged_school {
    std::uint32_t key;
    std::string name;
    std::uint32_t board, swv;
    setting kind;
    std::uint32_t municipality, line;
};
struct staged_pupil {
    std::uint32_t key;
    day birth;
    std::uint32_t municipality, line;
};
struct staged_region {
    std::uint32_t municipality, swv, line;
};
struct staged_enrolment {
    std::uint32_t pupil, school;
    day start, end;
    std::uint8_t grade;
    exit_reason exit;
    std::uint32_t line;
};
struct staged_tlv {
    std::uint32_t key, pupil, swv;
    setting admits;
    funding_category category;
    day request, decision;
    tlv_outcome outcome;
    day start, end;
    std::int8_t objection;
    day complete;
    std::uint32_t line;
};
struct staged_arrangement {
    std::uint32_t key, pupil, school;
    support_level level;
    arrangement_kind kind;
    day start, end;
    cents cost;
    std::uint32_t domain; // a key of impl::domain_keys, none when not given
    std::uint32_t line;
};
struct staged_opp {
    std::uint32_t pupil, school;
    day start, end;
    std::uint32_t line;
};
struct staged_absence {
    std::uint32_t pupil;
    absence_kind kind;
    day start, end;
    std::string article;
    std::uint32_t line;
};
struct staged_fund {
    school_year year;
    std::uint32_t swv, board;
    std::string stream;
    cents amount;
    std::uint32_t line;
};
struct staged_allocation {
    school_year year;
    std::uint32_t board;
    std::string purpose;
    cents amount;
    std::uint32_t school;
    std::string kpi;
    std::uint32_t line;
};
/// A row of a table of over a million rows whose texts repeat: its texts are keys of
/// impl::words (none when empty), 32 bytes a row instead of 120 and a heap text.
struct staged_assessment {
    school_year year;
    std::uint32_t unit, framework, item;
    double score;
    std::uint32_t line;
};

struct staged_extract {
    day date;
    std::string source;
    std::uint32_t line;
};
struct staged_rate {
    rate_row row;
    std::uint32_t line;
};
struct staged_reference_value {
    std::string kpi;
    school_year year;
    double value;
    std::string source;
    std::uint32_t line;
};

struct staged_offer {
    std::uint32_t school;
    school_year year;
    std::uint32_t domain;
    support_level level;
    std::int32_t places;
    cents tariff;
    std::uint32_t line;
};
struct staged_finance {
    int year;
    std::string swv; // resolved in finish(): finances alone never define a partnership
    cents income, reserves;
    std::uint32_t line;
};

/// A support domain code (contract v1.1) as stored: lower case; false when a character is not
/// one of a-z, 0-9 and _ (any case is accepted, as for every code).
bool domain_code(std::string_view text, std::string& out) {
    out.clear();
    for (const char c : text) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_')) return false;
        out += l;
    }
    return true;
}

struct ranked_diagnostic {
    int rank; // table order; -1 for problems of a whole source
    diagnostic d;
};

/// Ranks of the defined keys of a domain in id order: remap[key] = new index or none.
std::vector<std::uint32_t> rank_defined(const key_domain& d, std::vector<std::uint32_t>& order) {
    order.clear();
    for (std::uint32_t k = 0; k < d.size(); ++k)
        if (d.def_row[k] != none && d.def_row[k] != broken) order.push_back(k);
    // Sorted by the keys' first eight bytes (big-endian, so in byte order) and only on a tie by
    // the whole text: the sort stays in one array instead of chasing each key's text.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_prefix(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto key = d.key(order[i]);
        unsigned char bytes[8] = {};
        std::memcpy(bytes, key.data(), std::min<std::size_t>(key.size(), 8));
        std::uint64_t prefix = 0;
        for (const unsigned char b : bytes) prefix = prefix << 8 | b;
        by_prefix[i] = {prefix, order[i]};
    }
    std::sort(by_prefix.begin(), by_prefix.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return d.key(a.second) < d.key(b.second);
    });
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = by_prefix[i].second;
    std::vector<std::uint32_t> remap(d.size(), none);
    for (std::uint32_t i = 0; i < order.size(); ++i) remap[order[i]] = i;
    return remap;
}

/// Group rows by pupil (counting sort), then order each pupil's rows with `less`; fills the
/// per-pupil offsets `first` and returns the row order.
template <class Row, class Less>
std::vector<std::uint32_t>
group_by_pupil(const std::vector<Row>& rows, const std::vector<std::uint32_t>& pupil_remap,
               std::size_t pupil_count, value_column<std::uint32_t>& offsets, Less less) {
    std::vector<std::uint32_t> first(pupil_count + 1, 0);
    for (const auto& r : rows) ++first[pupil_remap[r.pupil] + 1];
    std::partial_sum(first.begin(), first.end(), first.begin());
    std::vector<std::uint32_t> order(rows.size());
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t i = 0; i < rows.size(); ++i) order[next[pupil_remap[rows[i].pupil]]++] = i;
    for (std::size_t p = 0; p < pupil_count; ++p)
        std::sort(order.begin() + first[p], order.begin() + first[p + 1],
                  [&](std::uint32_t a, std::uint32_t b) { return less(rows[a], rows[b]); });
    offsets = std::move(first);
    return order;
}

/// Room for `n` rows in each of a table's columns, so that they fill without growing by copies
/// (a copy holds the old and the new buffer at once, up to three times the column).
template <class... Column>
void reserve_rows(std::size_t n, Column&... columns) {
    (columns.reserve(n), ...);
}

/// Free staged rows (or ids) once their columns are laid out: finish() then never holds every
/// staged table and every column at once.
template <class... Staged>
void release(Staged&... staged) {
    ((staged = Staged{}), ...);
}

template <class Idx>
Idx to_idx(std::uint32_t v) {
    return v == none ? no_index<Idx> : Idx{v};
}

} // namespace

struct dataset_builder::impl {
    load_options options;
    key_domain pupil_keys, school_keys, swv_keys, board_keys, municipality_keys, tlv_keys,
        arrangement_keys, domain_keys;
    /// Texts of the large tables that repeat (assessments' units, frameworks, items), each once.
    detail::key_domain words;
    std::string_view word(std::uint32_t k) const {
        return k == none ? std::string_view{} : words.key(k);
    }

    /// The ids a table defines, if it defines any.
    key_domain* keys_defined_by(table t) noexcept {
        switch (t) {
        case table::swvs:
            return &swv_keys;
        case table::boards:
            return &board_keys;
        case table::schools:
            return &school_keys;
        case table::pupils:
            return &pupil_keys;
        case table::tlvs:
            return &tlv_keys;
        case table::arrangements:
            return &arrangement_keys;
        default:
            return nullptr;
        }
    }
    /// A row that is not staged: counted, and its id (if the table defines ids) marked as
    /// defined, so that rows referring to it do not report a second, misleading error.
    void reject(table t, std::string_view id);
    /// The id of a row that is not staged, taken as defined (no cascade of unknown references).
    void mark_broken(table t, std::string_view id);

    /// A typed row's texts (contract column, text) must be UTF-8 (contract v1.1): false, with
    /// the error located at the first bad one, when one is not; the row is then not staged.
    using column_text = std::pair<std::string_view, std::string_view>; // column name, text
    bool utf8(table t, std::uint32_t line, std::initializer_list<column_text> texts) {
        for (const auto& [col, text] : texts)
            if (const auto b = detail::find_bad_utf8(text)) {
                fail(t, col, line, "invalid_utf8",
                     std::string(col) + ' ' + detail::describe_bad_utf8(*b));
                if (texts.begin()->first == spec(t).columns[0].name)
                    mark_broken(t, texts.begin()->second);
                return false;
            }
        return true;
    }
    std::vector<staged_swv> swvs;
    std::vector<staged_board> boards;
    std::vector<staged_school> schools;
    std::vector<staged_pupil> pupils;
    std::vector<staged_region> regions;
    std::vector<staged_enrolment> enrolments;
    std::vector<staged_tlv> tlvs;
    std::vector<staged_arrangement> arrangements;
    std::vector<staged_opp> opps;
    std::vector<staged_absence> absences;
    std::vector<staged_fund> funds;
    std::vector<staged_allocation> allocations;
    std::vector<staged_assessment> assessments;
    std::vector<staged_extract> extracts;
    std::vector<staged_rate> rates;
    std::vector<staged_reference_value> reference_values;
    std::vector<staged_offer> offers;
    std::vector<staged_finance> finances;
    std::map<std::pair<std::string, int>, std::uint32_t> finance_lines;
    /// The line of the first rate per (year, setting, category) and of the first reference value
    /// per (kpi, year): a second one is an error naming it.
    std::map<std::tuple<int, setting, funding_category>, std::uint32_t> rate_lines;
    std::map<std::pair<std::string, int>, std::uint32_t> reference_value_lines;

    struct source {
        std::string file;
        std::vector<std::uint32_t> positions; // per contract column, 1-based; 0 absent
        std::uint64_t rows = 0;
        bool present = false, unread = false;
        /// A required column the source lacks (reported once, not as an empty field per row).
        bool missing(std::size_t col) const { return col < positions.size() && !positions[col]; }
    };
    std::array<source, table_count> sources;
    table_set left_out; ///< by request (load_options::tables)
    std::vector<ranked_diagnostic> diagnostics;
    std::size_t errors = 0, warnings = 0, dropped_errors = 0, dropped_warnings = 0;

    explicit impl(load_options o) : options(o) {
        for (const auto& t : all_tables()) {
            auto& s = sources[static_cast<std::size_t>(t.id)];
            s.file = std::string(t.file);
            for (std::uint32_t c = 0; c < t.columns.size(); ++c) s.positions.push_back(c + 1);
        }
    }

    source& src(table t) { return sources[static_cast<std::size_t>(t)]; }

    std::uint32_t next_line(table t, std::uint64_t line) {
        auto& s = src(t);
        s.present = true;
        ++s.rows;
        return static_cast<std::uint32_t>(line ? line : s.rows);
    }

    bool capped() const { return options.max_errors && errors >= options.max_errors; }

    void add(int rank, diagnostic d) {
        const bool is_error = d.level == severity::error;
        auto& count = is_error ? errors : warnings;
        if (options.max_errors && count >= options.max_errors) {
            ++(is_error ? dropped_errors : dropped_warnings);
            return;
        }
        ++count;
        diagnostics.push_back({rank, std::move(d)});
    }

    /// Report a problem at a row of table t, in contract column `column` (npos: whole row).
    void problem(severity level, table t, std::size_t column, std::uint64_t line,
                 std::string_view rule, std::string message) {
        const auto& s = src(t);
        const std::uint32_t col = column < s.positions.size() ? s.positions[column] : 0;
        add(static_cast<int>(t),
            diagnostic{level, s.file, line, col, std::string(rule), std::move(message)});
    }
    void fail(table t, std::size_t column, std::uint64_t line, std::string_view rule,
              std::string message) {
        problem(severity::error, t, column, line, rule, std::move(message));
    }
    /// The contract names each column once (schema.cpp); rules refer to columns by that name.
    static std::size_t column_of(table t, std::string_view name) {
        return spec(t).find(name).value();
    }
    void problem(severity level, table t, std::string_view column, std::uint64_t line,
                 std::string_view rule, std::string message) {
        problem(level, t, column_of(t, column), line, rule, std::move(message));
    }
    void fail(table t, std::string_view column, std::uint64_t line, std::string_view rule,
              std::string message) {
        fail(t, column_of(t, column), line, rule, std::move(message));
    }

    /// end >= start for a period whose columns are `start_col` and the one after it.
    bool check_period(table t, std::string_view start_col, day start, day end, std::uint64_t line) {
        if (end == open_end || end >= start) return true;
        fail(t, column_of(t, start_col) + 1, line, "end_before_start",
             "end_date " + format_day(end) + " is before start_date " + format_day(start));
        return false;
    }

    /// Contract v1.1's rules of a request: a decision has an outcome and an outcome a decision;
    /// an open request (no decision_date) has a request_date and no validity; the request is
    /// complete between its receipt and its decision.
    bool check_request(const tlv_row& r, std::uint32_t line);

    /// A second row with the same key as an earlier one (`first` maps keys to lines): an error
    /// at column `col` naming the earlier line.
    template <class Key>
    bool first_of(std::map<Key, std::uint32_t>& first, Key key, table t, std::string_view col,
                  std::uint32_t line, const std::string& what) {
        const auto [it, inserted] = first.emplace(std::move(key), line);
        if (inserted) return true;
        fail(t, col, line, "duplicate_row",
             what + " is given twice; the first is on line " + std::to_string(it->second));
        return false;
    }

    /// The domain of a row in column `col`, interned (none when empty); false, with the
    /// error, when it is not a code of a-z, 0-9 and _.
    bool domain(table t, std::string_view col, std::uint32_t line, std::string_view text,
                std::uint32_t& key) {
        std::string code;
        if (!domain_code(text, code)) {
            fail(t, col, line, "malformed_code",
                 "domain '" + std::string(text) +
                     "' is not a code of lower-case letters a-z, digits and _");
            return false;
        }
        key = domain_keys.intern(code);
        return true;
    }

    /// Mark the key of a row that failed to parse, so references to it do not cascade.
    void define(key_domain& d, std::uint32_t key, std::uint32_t row, table t, std::string_view col,
                std::uint32_t line) {
        if (key == none) return;
        if (d.def_row[key] != none && d.def_row[key] != broken) {
            fail(t, col, line, "duplicate_id",
                 std::string(col) + " " + d.text(key) + " is a duplicate; ids must be unique");
            return;
        }
        d.def_row[key] = row;
    }

    /// A reference to a key of domain d that must be defined by table `target`.
    bool check_ref(const key_domain& d, std::uint32_t key, table t, std::string_view col,
                   std::uint32_t line, table target) {
        if (key == none || d.def_row[key] != none) return true;
        // A table that is missing, or lacks its id column, is reported once, not per reference.
        if (!src(target).present || src(target).missing(0) || src(target).unread) return true;
        fail(t, col, line, "unknown_reference",
             std::string(col) + " " + d.text(key) + " is not in " + std::string(src(target).file));
        return false;
    }

    /// The extract date and where it came from: the option, else extract.csv, else the latest
    /// request, decision, or start of an enrolment, absence or OPP (day{} when there is none).
    std::pair<day, extract_origin> extract_date() const;
    /// No request, decision, or start of an enrolment, absence or OPP after the extract date.
    void check_extract_date(day extract, extract_origin origin);

    /// Support offers by school, year, domain, level; finances by partnership and year.
    template <class School, class Swv, class Domain>
    void lay_out_coverage(dataset& d, School sc, Swv sw, Domain dom,
                          const std::vector<std::uint32_t>& finance_swv);

    load_result finish();
};

dataset_builder::dataset_builder(load_options options) : impl_(std::make_unique<impl>(options)) {}
dataset_builder::~dataset_builder() = default;
dataset_builder::dataset_builder(dataset_builder&&) noexcept = default;
dataset_builder& dataset_builder::operator=(dataset_builder&&) noexcept = default;

void dataset_builder::set_source(table t, std::string file,
                                 std::vector<std::uint32_t> column_positions) {
    auto& s = impl_->src(t);
    s.file = std::move(file);
    column_positions.resize(spec(t).columns.size(), 0);
    s.positions = std::move(column_positions);
    s.present = true;
    const auto& columns = spec(t).columns;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].required && s.missing(c))
            impl_->add(
                static_cast<int>(t),
                diagnostic{severity::error, s.file, 1, 0, "missing_column",
                           "required column '" + std::string(columns[c].name) + "' is missing"});
}

void dataset_builder::declare(table t) {
    impl_->src(t).present = true;
}

void dataset_builder::declare_unread(table t) {
    impl_->src(t).present = impl_->src(t).unread = true;
}

void dataset_builder::leave_out(table t, std::string_view file) {
    impl_->left_out.insert(t);
    if (!file.empty())
        report({severity::warning, std::string(file), 0, 0, "table_not_read",
                "not read: a partial load reads only the tables asked for; a KPI that needs " +
                    std::string(spec(t).name) + " has no value"});
}

table_set tables_read(const load_options& options, bool extract_given) {
    if (!options.tables) return table_set::all();
    auto read = *options.tables;
    read |= always_read_tables;
    // The extract date derived from the data is the latest event of these tables too.
    if (!options.as_of && !extract_given) read |= {table::tlvs, table::opps, table::absences};
    return read;
}

void dataset_builder::report(diagnostic d) {
    // Listed with the table whose file it names, so a file's problems stay together.
    int rank = -1;
    for (const auto& t : all_tables())
        if (impl_->src(t.id).file == d.file) rank = static_cast<int>(t.id);
    impl_->add(rank, std::move(d));
}
void dataset_builder::reserve(table t, std::size_t rows) {
    auto& m = *impl_;
    if (auto* keys = m.keys_defined_by(t)) keys->reserve(rows);
    // The staged rows get a quarter more: a loader's estimate from its first block runs low when
    // later rows are shorter (the national enrolments: by 16%), and growing by a copy holds both
    // buffers at once, while pages never written cost no memory.
    rows += rows / 4;
    switch (t) {
    case table::pupils:
        m.pupils.reserve(rows);
        break;
    case table::enrolments:
        m.enrolments.reserve(rows);
        break;
    case table::tlvs:
        m.tlvs.reserve(rows);
        break;
    case table::arrangements:
        m.arrangements.reserve(rows);
        break;
    case table::opps:
        m.opps.reserve(rows);
        break;
    case table::absences:
        m.absences.reserve(rows);
        break;
    case table::assessments:
        m.assessments.reserve(rows);
        break;
    default: // the small tables grow as they come
        break;
    }
}
void dataset_builder::prefetch_pupil(std::string_view id) const noexcept {
    impl_->pupil_keys.ids.prefetch(id);
}
std::size_t dataset_builder::error_count() const noexcept {
    return impl_->errors + impl_->dropped_errors;
}
bool dataset_builder::error_cap_reached() const noexcept {
    return impl_->capped();
}

// ---- typed rows ---------------------------------------------------------------------------------

void dataset_builder::add(const swv_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::swvs, line);
    if (!m.utf8(table::swvs, l, {{"swv_id", r.swv_id}, {"name", r.name}})) return;
    const auto key = m.swv_keys.intern(r.swv_id);
    m.define(m.swv_keys, key, static_cast<std::uint32_t>(m.swvs.size()), table::swvs, "swv_id", l);
    m.swvs.push_back({key, std::string(r.name), r.sector_of, l});
}

void dataset_builder::add(const board_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::boards, line);
    if (!m.utf8(table::boards, l, {{"board_id", r.board_id}, {"name", r.name}})) return;
    const auto key = m.board_keys.intern(r.board_id);
    m.define(m.board_keys, key, static_cast<std::uint32_t>(m.boards.size()), table::boards,
             "board_id", l);
    m.boards.push_back({key, std::string(r.name), l});
}

void dataset_builder::add(const school_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::schools, line);
    if (!m.utf8(table::schools, l,
                {{"school_id", r.school_id},
                 {"name", r.name},
                 {"board_id", r.board_id},
                 {"swv_id", r.swv_id},
                 {"municipality", r.municipality}}))
        return;
    const auto key = m.school_keys.intern(r.school_id);
    m.define(m.school_keys, key, static_cast<std::uint32_t>(m.schools.size()), table::schools,
             "school_id", l);
    m.schools.push_back({key, std::string(r.name), m.board_keys.intern(r.board_id),
                         m.swv_keys.intern(r.swv_id), r.kind,
                         m.municipality_keys.intern(r.municipality), l});
}

void dataset_builder::add(const pupil_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::pupils, line);
    if (!m.utf8(table::pupils, l, {{"pupil_id", r.pupil_id}, {"municipality", r.municipality}}))
        return;
    const auto key = m.pupil_keys.intern(r.pupil_id);
    m.define(m.pupil_keys, key, static_cast<std::uint32_t>(m.pupils.size()), table::pupils,
             "pupil_id", l);
    m.pupils.push_back({key, r.birth_date, m.municipality_keys.intern(r.municipality), l});
}

void dataset_builder::add(const region_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::regions, line);
    if (!m.utf8(table::regions, l, {{"municipality", r.municipality}, {"swv_id", r.swv_id}}))
        return;
    m.regions.push_back(
        {m.municipality_keys.intern(r.municipality), m.swv_keys.intern(r.swv_id), l});
}

void dataset_builder::add(const enrolment_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::enrolments, line);
    if (!m.utf8(table::enrolments, l, {{"pupil_id", r.pupil_id}, {"school_id", r.school_id}}))
        return;
    bool ok = m.check_period(table::enrolments, "start_date", r.start_date, r.end_date, l);
    if (r.grade < 0 || r.grade > 8) {
        m.fail(table::enrolments, "grade", l, "grade_range",
               "grade " + std::to_string(r.grade) + " is not between 1 and 8");
        ok = false;
    }
    if (!ok) return;
    m.enrolments.push_back({m.pupil_keys.intern(r.pupil_id), m.school_keys.intern(r.school_id),
                            r.start_date, r.end_date, static_cast<std::uint8_t>(r.grade), r.exit,
                            l});
}

void dataset_builder::add(const tlv_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::tlvs, line);
    if (!m.utf8(table::tlvs, l,
                {{"tlv_id", r.tlv_id}, {"pupil_id", r.pupil_id}, {"swv_id", r.swv_id}}))
        return;
    const auto key = m.tlv_keys.intern(r.tlv_id);
    m.define(m.tlv_keys, key, static_cast<std::uint32_t>(m.tlvs.size()), table::tlvs, "tlv_id", l);
    bool ok = true;
    if (is_regular(r.admits)) {
        m.fail(table::tlvs, "setting", l, "unknown_code",
               "setting " + std::string(to_string(r.admits)) + " is not one of sbo|so|vso|pro");
        ok = false;
    }
    if (r.outcome == tlv_outcome::toegekend && r.start_date == no_day) {
        m.fail(table::tlvs, "start_date", l, "missing_value",
               "start_date is empty; a granted TLV needs its validity");
        ok = false;
    }
    if (r.start_date != no_day)
        ok &= m.check_period(table::tlvs, "start_date", r.start_date, r.end_date, l);
    ok &= m.check_request(r, l);
    if (!ok) return;
    m.tlvs.push_back({key, m.pupil_keys.intern(r.pupil_id), m.swv_keys.intern(r.swv_id), r.admits,
                      r.category, r.request_date, r.decision_date, r.outcome, r.start_date,
                      r.end_date, static_cast<std::int8_t>(r.objection), r.complete_date, l});
}

void dataset_builder::add(const arrangement_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::arrangements, line);
    if (!m.utf8(table::arrangements, l,
                {{"arrangement_id", r.arrangement_id},
                 {"pupil_id", r.pupil_id},
                 {"school_id", r.school_id},
                 {"domain", r.domain}}))
        return;
    const auto key = m.arrangement_keys.intern(r.arrangement_id);
    m.define(m.arrangement_keys, key, static_cast<std::uint32_t>(m.arrangements.size()),
             table::arrangements, "arrangement_id", l);
    bool ok = m.check_period(table::arrangements, "start_date", r.start_date, r.end_date, l);
    if (r.level < 1 || r.level > 5) {
        m.fail(table::arrangements, "level", l, "level_range",
               "level " + std::to_string(r.level) + " is not a support level 1-5");
        ok = false;
    }
    if (r.cost < -1) {
        m.fail(table::arrangements, "cost_eur", l, "negative_amount",
               "cost_eur " + detail::format_cents(r.cost) + " is negative");
        ok = false;
    }
    std::uint32_t domain = none;
    ok &= m.domain(table::arrangements, "domain", l, r.domain, domain);
    if (!ok) return;
    m.arrangements.push_back(
        {key, m.pupil_keys.intern(r.pupil_id), m.school_keys.intern(r.school_id),
         static_cast<support_level>(r.level), r.kind, r.start_date, r.end_date, r.cost, domain, l});
}

void dataset_builder::add(const opp_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::opps, line);
    if (!m.utf8(table::opps, l, {{"pupil_id", r.pupil_id}, {"school_id", r.school_id}})) return;
    if (!m.check_period(table::opps, "start_date", r.start_date, r.end_date, l)) return;
    m.opps.push_back({m.pupil_keys.intern(r.pupil_id), m.school_keys.intern(r.school_id),
                      r.start_date, r.end_date, l});
}

void dataset_builder::add(const absence_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::absences, line);
    if (!m.utf8(table::absences, l, {{"pupil_id", r.pupil_id}, {"article", r.article}})) return;
    if (!m.check_period(table::absences, "start_date", r.start_date, r.end_date, l)) return;
    m.absences.push_back({m.pupil_keys.intern(r.pupil_id), r.kind, r.start_date, r.end_date,
                          std::string(r.article), l});
}

void dataset_builder::add(const fund_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::funds, line);
    if (!m.utf8(table::funds, l,
                {{"swv_id", r.swv_id}, {"board_id", r.board_id}, {"stream", r.stream}}))
        return;
    if (r.amount < 0) {
        m.fail(table::funds, "amount_eur", l, "negative_amount",
               "amount_eur " + detail::format_cents(r.amount) + " is negative");
        return;
    }
    m.funds.push_back({r.year, m.swv_keys.intern(r.swv_id), m.board_keys.intern(r.board_id),
                       std::string(r.stream), r.amount, l});
}

void dataset_builder::add(const allocation_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::allocations, line);
    if (!m.utf8(table::allocations, l,
                {{"board_id", r.board_id},
                 {"purpose", r.purpose},
                 {"school_id", r.school_id},
                 {"kpi_id", r.kpi_id}}))
        return;
    if (r.amount < 0) {
        m.fail(table::allocations, "amount_eur", l, "negative_amount",
               "amount_eur " + detail::format_cents(r.amount) + " is negative");
        return;
    }
    m.allocations.push_back({r.year, m.board_keys.intern(r.board_id), std::string(r.purpose),
                             r.amount, m.school_keys.intern(r.school_id), std::string(r.kpi_id),
                             l});
}

void dataset_builder::add(const assessment_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::assessments, line);
    if (!m.utf8(table::assessments, l,
                {{"unit_id", r.unit_id}, {"framework", r.framework}, {"item", r.item}}))
        return;
    if (!(r.score >= 0.0 && r.score <= 1.0)) {
        m.fail(table::assessments, "score", l, "score_range",
               "score " + std::to_string(r.score) + " is not between 0 and 1");
        return;
    }
    m.assessments.push_back({r.year, m.words.intern(r.unit_id), m.words.intern(r.framework),
                             m.words.intern(r.item), r.score, l});
}

void dataset_builder::add(const extract_row& r, std::uint64_t line) {
    auto& m = *impl_;
    const auto l = m.next_line(table::extract, line);
    if (!m.extracts.empty()) {
        m.fail(table::extract, "extract_date", l, "extract_rows",
               "a second extract date " + format_day(r.extract_date) + "; " +
                   m.src(table::extract).file + " holds one row, the day the data were exported");
        return;
    }
    m.extracts.push_back({r.extract_date, std::string(r.source), l});
}

bool dataset_builder::impl::check_request(const tlv_row& r, std::uint32_t l) {
    constexpr auto t = table::tlvs;
    bool ok = true;
    const auto bad = [&](std::string_view col, std::string_view rule, std::string message) {
        fail(t, col, l, rule, std::move(message));
        ok = false;
    };
    const bool decided = r.decision_date != no_day;
    if (decided && r.outcome == tlv_outcome::open)
        bad("outcome", "decision_without_outcome",
            "outcome is empty; a TLV decided on " + format_day(r.decision_date) +
                " needs its outcome (toegekend|afgewezen|ingetrokken)");
    if (!decided && r.outcome != tlv_outcome::open)
        bad("decision_date", "outcome_without_decision",
            "decision_date is empty but outcome is " + std::string(to_string(r.outcome)) +
                "; a request without a decision is open and has no outcome");
    if (!decided && r.request_date == no_day)
        bad("request_date", "missing_value",
            "request_date is empty; an open request (no decision_date) needs the day it was "
            "received");
    if (!decided && r.outcome == tlv_outcome::open) {
        if (r.start_date != no_day)
            bad("start_date", "open_request_validity",
                "start_date " + format_day(r.start_date) +
                    " is given but decision_date is empty; an open request has no validity");
        else if (r.end_date != open_end)
            bad("end_date", "open_request_validity",
                "end_date " + format_day(r.end_date) +
                    " is given but decision_date is empty; an open request has no validity");
    }
    if (r.complete_date != no_day && r.request_date != no_day && r.complete_date < r.request_date)
        bad("complete_date", "date_order",
            "complete_date " + format_day(r.complete_date) + " is before request_date " +
                format_day(r.request_date) + "; a request is complete on or after its receipt");
    if (r.complete_date != no_day && decided && r.complete_date > r.decision_date)
        bad("complete_date", "date_order",
            "complete_date " + format_day(r.complete_date) + " is after decision_date " +
                format_day(r.decision_date) + "; a request is complete on or before its decision");
    return ok;
}

void dataset_builder::add(const rate_row& r, std::uint64_t line) {
    auto& m = *impl_;
    constexpr auto t = table::rates;
    const auto l = m.next_line(t, line);
    if (r.admits != setting::so && r.admits != setting::vso) {
        m.fail(t, "setting", l, "unknown_code",
               "setting " + std::string(to_string(r.admits)) +
                   " is not one of so|vso; a rate follows an so or vso TLV");
        return;
    }
    if (r.category == funding_category::none) {
        m.fail(t, "category", l, "missing_value",
               "category is empty; a rate is per laag|midden|hoog");
        return;
    }
    if (r.amount < 0) {
        m.fail(t, "amount_eur", l, "negative_amount",
               "amount_eur " + detail::format_cents(r.amount) + " is negative");
        return;
    }
    if (!m.first_of(m.rate_lines, std::tuple{r.year.start_year(), r.admits, r.category}, t,
                    "school_year", l,
                    "the rate of " + r.year.to_string() + " " + std::string(to_string(r.admits)) +
                        " " + std::string(to_string(r.category))))
        return;
    m.rates.push_back({r, l});
}

void dataset_builder::add(const reference_value_row& r, std::uint64_t line) {
    auto& m = *impl_;
    constexpr auto t = table::reference_values;
    const auto l = m.next_line(t, line);
    if (!m.utf8(t, l, {{"kpi", r.kpi}, {"source", r.source}})) return;
    bool ok = true;
    for (const auto& [col, text] :
         {std::pair<std::string_view, std::string_view>{"kpi", r.kpi}, {"source", r.source}})
        if (text.empty()) {
            m.fail(t, col, l, "missing_value", std::string(col) + " is empty; a value is required");
            ok = false;
        }
    if (!std::isfinite(r.value)) {
        m.fail(t, "value", l, "malformed_number", "value is not a finite number");
        ok = false;
    }
    if (!ok ||
        !m.first_of(m.reference_value_lines, std::pair{std::string(r.kpi), r.year.start_year()}, t,
                    "kpi", l,
                    "the reference value of " + std::string(r.kpi) + " in " + r.year.to_string()))
        return;
    m.reference_values.push_back({std::string(r.kpi), r.year, r.value, std::string(r.source), l});
}

void dataset_builder::add(const support_offer_row& r, std::uint64_t line) {
    auto& m = *impl_;
    constexpr auto t = table::support_offers;
    const auto l = m.next_line(t, line);
    if (!m.utf8(t, l, {{"school_id", r.school_id}, {"domain", r.domain}})) return;
    bool ok = true;
    if (r.level < 1 || r.level > 5) {
        m.fail(t, "level", l, "level_range",
               "level " + std::to_string(r.level) + " is not a support level 1-5");
        ok = false;
    }
    if (r.places && *r.places < 0) {
        m.fail(t, "places", l, "negative_places",
               "places " + std::to_string(*r.places) + " is negative; places count pupils");
        ok = false;
    }
    if (r.tariff < -1) {
        m.fail(t, "tariff_eur", l, "negative_amount",
               "tariff_eur " + detail::format_cents(r.tariff) + " is negative");
        ok = false;
    }
    std::uint32_t domain = none;
    if (r.domain.empty()) {
        m.fail(t, "domain", l, "missing_value", "domain is empty; an offer is in a support domain");
        ok = false;
    } else
        ok &= m.domain(t, "domain", l, r.domain, domain);
    if (!ok) return;
    m.offers.push_back({m.school_keys.intern(r.school_id), r.year, domain,
                        static_cast<support_level>(r.level), r.places.value_or(-1), r.tariff, l});
}

void dataset_builder::add(const finance_row& r, std::uint64_t line) {
    auto& m = *impl_;
    constexpr auto t = table::finances;
    const auto l = m.next_line(t, line);
    if (!m.utf8(t, l, {{"swv_id", r.swv_id}})) return;
    bool ok = true;
    for (const auto& [col, amount] :
         {std::pair<std::string_view, cents>{"income_eur", r.income}, {"reserves_eur", r.reserves}})
        if (amount < 0) {
            m.fail(t, col, l, "negative_amount",
                   std::string(col) + " " + detail::format_cents(amount) + " is negative");
            ok = false;
        }
    if (r.swv_id.empty()) {
        m.fail(t, "swv_id", l, "missing_value", "swv_id is empty; a value is required");
        ok = false;
    }
    if (!ok || !m.first_of(m.finance_lines, std::pair{std::string(r.swv_id), r.year}, t, "year", l,
                           "the row of " + std::string(r.swv_id) + " in " + std::to_string(r.year)))
        return;
    m.finances.push_back({r.year, std::string(r.swv_id), r.income, r.reserves, l});
}

// ---- text rows ----------------------------------------------------------------------------------

void dataset_builder::impl::mark_broken(table t, std::string_view id) {
    if (auto* d = keys_defined_by(t))
        if (const auto k = d->intern(id); k != none && d->def_row[k] == none)
            d->def_row[k] = broken;
}

void dataset_builder::impl::reject(table t, std::string_view id) {
    mark_broken(t, id);
    ++src(t).rows;
    src(t).present = true;
}

void dataset_builder::reject_row(table t, std::string_view id) {
    auto& m = *impl_;
    // A load must not succeed without the row: if the loader reported nothing, say it here.
    if (error_count() == 0)
        m.fail(t, 0, m.src(t).rows + 1, "rejected_row", "the row was rejected by its loader");
    m.reject(t, id);
}

void dataset_builder::add_text_row(table t, std::span<const std::string_view> fields,
                                   std::uint64_t line) {
    auto& m = *impl_;
    const auto& ts = spec(t);
    if (line == 0) line = m.src(t).rows + 1;
    detail::field_reader f{ts, fields, [&](std::size_t col, std::string rule, std::string msg) {
                               if (rule == "missing_value" && m.src(t).missing(col)) return;
                               m.fail(t, col, line, rule, std::move(msg));
                           }};
    const bool added = with_table(t, [&](auto tag) {
        const auto row = detail::read_row<decltype(tag)::value>(f);
        if (f.ok()) add(row, line);
        return f.ok();
    });
    if (added) return;
    // Its fields do not parse: not staged. The id as text() reads it, without reporting an
    // empty one a second time.
    m.reject(t, fields.empty() ? std::string_view{} : detail::trim(fields[0]));
}

// ---- finish -------------------------------------------------------------------------------------

std::size_t load_result::error_count() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const diagnostic& d) { return d.level == severity::error; }));
}

dataset_ptr load_result::value() const {
    if (!data) throw load_error(diagnostics);
    return data;
}

load_result dataset_builder::finish() {
    auto result = impl_->finish();
    impl_ = std::make_unique<impl>(impl_->options);
    return result;
}

std::pair<day, extract_origin> dataset_builder::impl::extract_date() const {
    if (options.as_of) return {*options.as_of, extract_origin::option};
    if (!extracts.empty()) return {extracts.front().date, extract_origin::file};
    day latest = day{};
    const auto see = [&](day d) {
        if (d != no_day && d > latest) latest = d;
    };
    for (const auto& e : enrolments) see(e.start);
    for (const auto& t : tlvs) see(t.request), see(t.complete), see(t.decision);
    for (const auto& o : opps) see(o.start);
    for (const auto& a : absences) see(a.start);
    return {latest, extract_origin::derived};
}

void dataset_builder::impl::check_extract_date(day extract, extract_origin origin) {
    using T = table;
    if (src(T::extract).present && src(T::extract).rows == 0)
        fail(T::extract, "extract_date", 0, "extract_rows",
             src(T::extract).file +
                 " has no row; it holds one row, the day the data were exported");
    if (origin == extract_origin::derived) return; // the latest event: nothing lies after it
    const std::string from =
        origin == extract_origin::option
            ? std::string("given as an option (--as-of)")
            : "in " + src(T::extract).file + " line " + std::to_string(extracts.front().line);
    const auto after = [&](table t, std::string_view column, std::uint32_t line, day d) {
        if (d == no_day || d <= extract) return;
        fail(t, column, line, "after_extract_date",
             std::string(column) + " " + format_day(d) + " is after the extract date " +
                 format_day(extract) + " (" + from +
                 "); no request, decision, or start of an enrolment, absence or OPP may lie "
                 "after the day the data were exported");
    };
    for (const auto& e : enrolments) after(T::enrolments, "start_date", e.line, e.start);
    for (const auto& t : tlvs) {
        after(T::tlvs, "request_date", t.line, t.request);
        after(T::tlvs, "complete_date", t.line, t.complete);
        after(T::tlvs, "decision_date", t.line, t.decision);
    }
    for (const auto& o : opps) after(T::opps, "start_date", o.line, o.start);
    for (const auto& a : absences) after(T::absences, "start_date", a.line, a.start);
}

template <class School, class Swv, class Domain>
void dataset_builder::impl::lay_out_coverage(dataset& d, School sc, Swv sw, Domain dom,
                                             const std::vector<std::uint32_t>& finance_swv) {
    std::vector<std::uint32_t> order(offers.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto offer_key = [&](std::uint32_t i) {
        const auto& o = offers[i];
        return std::tuple{sc(o.school), o.year, dom(o.domain), o.level, o.places, o.tariff};
    };
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return offer_key(a) < offer_key(b); });
    auto& so = d.support_offers_;
    for (auto i : order) {
        const auto& o = offers[i];
        if (sc(o.school) == none) continue; // an unknown school: the load fails anyway
        so.school.push_back(school_idx{sc(o.school)});
        so.year.push_back(o.year);
        so.domain.push_back(dom(o.domain));
        so.level.push_back(o.level);
        so.places.push_back(o.places);
        so.tariff.push_back(o.tariff);
    }
    order.resize(finances.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) {
        return std::pair{sw(finance_swv[a]), finances[a].year} <
               std::pair{sw(finance_swv[b]), finances[b].year};
    });
    auto& fi = d.finances_;
    for (auto i : order) {
        if (sw(finance_swv[i]) == none) continue; // an unknown partnership: the load fails
        fi.swv.push_back(swv_idx{sw(finance_swv[i])});
        fi.year.push_back(finances[i].year);
        fi.income.push_back(finances[i].income);
        fi.reserves.push_back(finances[i].reserves);
    }
}

load_result dataset_builder::impl::finish() {
    using T = table;
    // Every id is in: the indexes of the large domains are not looked up again (references are
    // checked by key), and they are the largest part of the staging.
    for (auto* keys : {&pupil_keys, &tlv_keys, &arrangement_keys}) keys->ids.release_index();
    words.release_index();
    const bool swvs_given = src(T::swvs).present, boards_given = src(T::boards).present;
    for (T t : {T::schools, T::pupils, T::enrolments})
        if (!src(t).present)
            add(static_cast<int>(t),
                diagnostic{severity::error, src(t).file, 0, 0, "missing_table",
                           "the required table " + std::string(spec(t).name) + " is missing"});

    // Partnerships and boards are derived from the schools (and the other tables naming them)
    // when their own table is absent.
    std::vector<sector> derived_sector;
    if (!swvs_given) {
        derived_sector.assign(swv_keys.size(), sector::po);
        std::vector<bool> known(swv_keys.size(), false);
        for (const auto& s : schools)
            if (s.swv != none && !known[s.swv])
                derived_sector[s.swv] = sector_of(s.kind), known[s.swv] = true;
        for (const auto& t : tlvs)
            if (t.swv != none && !known[t.swv])
                derived_sector[t.swv] = sector_of(t.admits), known[t.swv] = true;
        for (std::uint32_t k = 0; k < swv_keys.size(); ++k) {
            if (!known[k] &&
                (swv_keys.key(k).starts_with("VO") || swv_keys.key(k).starts_with("vo")))
                derived_sector[k] = sector::vo;
            if (swv_keys.def_row[k] == none) swv_keys.def_row[k] = k; // derived: defined by use
        }
    }
    if (!boards_given)
        for (std::uint32_t k = 0; k < board_keys.size(); ++k)
            if (board_keys.def_row[k] == none) board_keys.def_row[k] = k;
    for (std::uint32_t k = 0; k < municipality_keys.size(); ++k) municipality_keys.def_row[k] = k;

    // References.
    for (const auto& s : schools) {
        check_ref(board_keys, s.board, T::schools, "board_id", s.line, T::boards);
        check_ref(swv_keys, s.swv, T::schools, "swv_id", s.line, T::swvs);
    }
    for (const auto& r : regions) check_ref(swv_keys, r.swv, T::regions, "swv_id", r.line, T::swvs);
    for (const auto& e : enrolments) {
        check_ref(pupil_keys, e.pupil, T::enrolments, "pupil_id", e.line, T::pupils);
        check_ref(school_keys, e.school, T::enrolments, "school_id", e.line, T::schools);
    }
    for (const auto& t : tlvs) {
        check_ref(pupil_keys, t.pupil, T::tlvs, "pupil_id", t.line, T::pupils);
        check_ref(swv_keys, t.swv, T::tlvs, "swv_id", t.line, T::swvs);
    }
    for (const auto& a : arrangements) {
        check_ref(pupil_keys, a.pupil, T::arrangements, "pupil_id", a.line, T::pupils);
        check_ref(school_keys, a.school, T::arrangements, "school_id", a.line, T::schools);
    }
    for (const auto& o : opps) {
        check_ref(pupil_keys, o.pupil, T::opps, "pupil_id", o.line, T::pupils);
        check_ref(school_keys, o.school, T::opps, "school_id", o.line, T::schools);
    }
    for (const auto& a : absences)
        check_ref(pupil_keys, a.pupil, T::absences, "pupil_id", a.line, T::pupils);
    for (const auto& f : funds) {
        check_ref(swv_keys, f.swv, T::funds, "swv_id", f.line, T::swvs);
        check_ref(board_keys, f.board, T::funds, "board_id", f.line, T::boards);
    }
    for (const auto& a : allocations) {
        check_ref(board_keys, a.board, T::allocations, "board_id", a.line, T::boards);
        check_ref(school_keys, a.school, T::allocations, "school_id", a.line, T::schools);
    }
    for (const auto& o : offers)
        check_ref(school_keys, o.school, T::support_offers, "school_id", o.line, T::schools);
    // A partnership named only by finances.csv is unknown, whether swvs.csv is given or the
    // partnerships are derived from the other tables (above).
    std::vector<std::uint32_t> finance_swv(finances.size(), none);
    for (std::size_t i = 0; i < finances.size(); ++i) {
        const auto& f = finances[i];
        if (const auto k = swv_keys.ids.find(f.swv); k != none && swv_keys.def_row[k] != none)
            finance_swv[i] = k;
        else if (!src(T::swvs).unread && !(swvs_given && src(T::swvs).missing(0)))
            fail(T::finances, "swv_id", f.line, "unknown_reference",
                 "swv_id " + f.swv + " is not in " +
                     (swvs_given ? src(T::swvs).file
                                 : "the partnerships the data name (schools, regions, TLVs, "
                                   "funds)"));
    }
    // `none` until resolved: with schools or boards unread (an error already) a unit stays so.
    std::vector<std::pair<unit_level, std::uint32_t>> assessment_unit(assessments.size(),
                                                                      {unit_level::school, none});
    for (std::size_t i = 0; i < assessments.size(); ++i) {
        const auto& a = assessments[i];
        const auto unit = word(a.unit);
        if (const auto k = school_keys.ids.find(unit); k != none && school_keys.defined(k))
            assessment_unit[i] = {unit_level::school, k};
        else if (const auto b = board_keys.ids.find(unit); b != none && board_keys.defined(b))
            assessment_unit[i] = {unit_level::board, b};
        else if (!src(T::schools).unread && !src(T::boards).unread)
            fail(T::assessments, "unit_id", a.line, "unknown_reference",
                 "unit_id " + std::string(unit) + " is not in " + src(T::schools).file + " or " +
                     src(T::boards).file);
    }

    const auto [extract, origin] = extract_date();
    check_extract_date(extract, origin);

    // Ids in order.
    std::vector<std::uint32_t> swv_order, board_order, school_order, pupil_order, mun_order;
    const auto swv_remap = rank_defined(swv_keys, swv_order);
    const auto board_remap = rank_defined(board_keys, board_order);
    const auto school_remap = rank_defined(school_keys, school_order);
    const auto pupil_remap = rank_defined(pupil_keys, pupil_order);
    const auto mun_remap = rank_defined(municipality_keys, mun_order);
    const auto sw = [&](std::uint32_t k) { return k == none ? none : swv_remap[k]; };
    const auto bo = [&](std::uint32_t k) { return k == none ? none : board_remap[k]; };
    const auto sc = [&](std::uint32_t k) { return k == none ? none : school_remap[k]; };
    const auto mu = [&](std::uint32_t k) { return k == none ? none : mun_remap[k]; };
    // Support domains in code order: every one named is used, so every one is defined.
    std::vector<std::uint32_t> domain_order;
    for (std::uint32_t k = 0; k < domain_keys.size(); ++k) domain_keys.def_row[k] = k;
    const auto domain_remap = rank_defined(domain_keys, domain_order);
    const auto dom = [&](std::uint32_t k) { return k == none ? no_domain : domain_remap[k]; };

    std::shared_ptr<dataset> ds(new dataset());
    auto& d = *ds;
    for (auto t : all_tables()) d.present_[static_cast<std::size_t>(t.id)] = src(t.id).present;
    d.left_out_ = left_out;

    for (auto k : domain_order) d.support_domains_.push_back(domain_keys.text(k));
    for (auto k : swv_order) {
        d.swvs_.id.push_back(swv_keys.text(k));
        if (swvs_given) {
            const auto& s = swvs[swv_keys.def_row[k]];
            d.swvs_.name.push_back(s.name);
            d.swvs_.sector_of.push_back(s.sector_of);
        } else {
            d.swvs_.name.emplace_back();
            d.swvs_.sector_of.push_back(derived_sector[k]);
        }
    }
    for (auto k : board_order) {
        d.boards_.id.push_back(board_keys.text(k));
        d.boards_.name.push_back(boards_given ? boards[board_keys.def_row[k]].name : "");
    }
    std::vector<swv_idx> po_swv(mun_order.size(), no_index<swv_idx>);
    std::vector<swv_idx> vo_swv(mun_order.size(), no_index<swv_idx>);
    for (auto k : mun_order) d.municipalities_.code.push_back(municipality_keys.text(k));
    for (const auto& r : regions) {
        if (r.swv == none || swv_remap[r.swv] == none) continue;
        const auto s = to_idx<swv_idx>(swv_remap[r.swv]);
        const auto m = mu(r.municipality);
        auto& slot = d.swvs_.sector_of[pos(s)] == sector::po ? po_swv[m] : vo_swv[m];
        if (has(slot) && slot != s)
            fail(T::regions, "swv_id", r.line, "region_conflict",
                 "swv_id " + swv_keys.text(r.swv) + ": municipality " +
                     municipality_keys.text(r.municipality) + " already belongs to partnership " +
                     std::string(d.swvs_.id[pos(slot)]) + " of the same sector");
        else
            slot = s;
    }
    d.municipalities_.po_swv = std::move(po_swv);
    d.municipalities_.vo_swv = std::move(vo_swv);
    for (auto k : school_order) {
        const auto& s = schools[school_keys.def_row[k]];
        d.schools_.id.push_back(school_keys.text(k));
        d.schools_.name.push_back(s.name);
        d.schools_.board.push_back(to_idx<board_idx>(bo(s.board)));
        d.schools_.swv.push_back(to_idx<swv_idx>(sw(s.swv)));
        d.schools_.kind.push_back(s.kind);
        d.schools_.municipality.push_back(to_idx<municipality_idx>(mu(s.municipality)));
    }
    reserve_rows(pupil_order.size(), d.pupils_.id, d.pupils_.birth_date, d.pupils_.municipality);
    for (auto k : pupil_order) {
        const auto& p = pupils[pupil_keys.def_row[k]];
        d.pupils_.id.push_back(pupil_keys.text(k));
        d.pupils_.birth_date.push_back(p.birth);
        d.pupils_.municipality.push_back(to_idx<municipality_idx>(mu(p.municipality)));
    }
    const std::size_t pupil_count = pupil_order.size();
    release(pupils, pupil_keys, pupil_order);

    // Rows whose references failed are left out of the per-pupil layout (the load fails anyway).
    const auto drop_unresolved = [&](auto& rows) {
        std::erase_if(
            rows, [&](const auto& r) { return r.pupil == none || pupil_remap[r.pupil] == none; });
    };
    drop_unresolved(enrolments);
    drop_unresolved(tlvs);
    drop_unresolved(opps);
    drop_unresolved(absences);
    std::erase_if(enrolments, [&](const auto& e) { return sc(e.school) == none; });

    // Open enrolments are checked for age up to the extract date.
    const day horizon = extract;

    // Enrolments: by pupil and start; no overlaps; pupils between 2 and 30 years old.
    std::vector<std::uint32_t> enrolment_line; // in the column's order, for the warnings below
    {
        auto& en = d.enrolments_;
        const auto order = group_by_pupil(
            enrolments, pupil_remap, pupil_count, en.first, [](const auto& a, const auto& b) {
                return std::tie(a.start, a.end) < std::tie(b.start, b.end);
            });
        reserve_rows(order.size(), en.pupil, en.school, en.start, en.end, en.grade, en.exit);
        for (auto i : order) {
            const auto& e = enrolments[i];
            en.pupil.push_back(pupil_idx{pupil_remap[e.pupil]});
            en.school.push_back(school_idx{sc(e.school)});
            en.start.push_back(e.start);
            en.end.push_back(e.end);
            en.grade.push_back(e.grade);
            en.exit.push_back(e.exit);
        }
        for (std::size_t p = 0; p < pupil_count; ++p) {
            const day birth = d.pupils_.birth_date[p];
            // Compare with the earlier enrolment that ends last, not just the previous one: a
            // long enrolment can overlap several later ones.
            const staged_enrolment* latest = nullptr;
            for (auto r = en.first[p]; r < en.first[p + 1]; ++r) {
                const auto& e = enrolments[order[r]];
                if (latest) {
                    const auto& prev = *latest;
                    if (prev.end == open_end || e.start < prev.end)
                        fail(T::enrolments, "start_date", e.line, "overlapping_enrolments",
                             "enrolment of pupil " + std::string(d.pupils_.id[p]) + " at " +
                                 school_keys.text(e.school) + " from " + format_day(e.start) +
                                 " overlaps the one at " + school_keys.text(prev.school) +
                                 " from " + format_day(prev.start) + " (line " +
                                 std::to_string(prev.line) + ")");
                }
                if (!latest || e.end > latest->end) latest = &e;
                if (age_on(birth, e.start) < 2)
                    fail(T::enrolments, "start_date", e.line, "age_range",
                         "start_date " + format_day(e.start) + ": pupil " +
                             std::string(d.pupils_.id[p]) + " is " +
                             std::to_string(age_on(birth, e.start)) +
                             " years old; pupils must be 2 to 30 on every enrolment day");
                const day last = e.end == open_end ? std::max(horizon, e.start) : e.end;
                if (age_on(birth, last) > 30)
                    fail(T::enrolments, e.end == open_end ? "start_date" : "end_date", e.line,
                         "age_range",
                         (e.end == open_end ? "enrolment running on " : "end_date ") +
                             format_day(last) + ": pupil " + std::string(d.pupils_.id[p]) + " is " +
                             std::to_string(age_on(birth, last)) +
                             " years old; pupils must be 2 to 30 on every enrolment day");
            }
        }
        enrolment_line.reserve(order.size());
        for (auto i : order) enrolment_line.push_back(enrolments[i].line);
        release(enrolments);
    }

    // TLVs, by pupil and decision date (ties by tlv_id).
    {
        auto& tv = d.tlvs_;
        const auto order = group_by_pupil(tlvs, pupil_remap, pupil_count, tv.first,
                                          [&](const auto& a, const auto& b) {
                                              if (a.decision != b.decision)
                                                  return a.decision < b.decision;
                                              return tlv_keys.key(a.key) < tlv_keys.key(b.key);
                                          });
        reserve_rows(order.size(), tv.id, tv.pupil, tv.swv, tv.admits, tv.category, tv.request_date,
                     tv.complete_date, tv.decision_date, tv.outcome, tv.start, tv.end,
                     tv.objection);
        for (auto i : order) {
            const auto& t = tlvs[i];
            tv.id.push_back(tlv_keys.text(t.key));
            tv.pupil.push_back(pupil_idx{pupil_remap[t.pupil]});
            tv.swv.push_back(to_idx<swv_idx>(sw(t.swv)));
            tv.admits.push_back(t.admits);
            tv.category.push_back(t.category);
            tv.request_date.push_back(t.request);
            tv.complete_date.push_back(t.complete);
            tv.decision_date.push_back(t.decision);
            tv.outcome.push_back(t.outcome);
            tv.start.push_back(t.start);
            tv.end.push_back(t.end);
            tv.objection.push_back(t.objection);
        }
        release(tlvs, tlv_keys);
    }

    // Warning: a pupil in sbo, so or vso without a granted TLV covering the enrolment's start.
    if (src(T::tlvs).present) {
        const auto& en = d.enrolments_;
        const auto& tv = d.tlvs_;
        for (std::size_t p = 0; p < pupil_count; ++p)
            for (auto r = en.first[p]; r < en.first[p + 1]; ++r) {
                const setting s = d.schools_.kind[pos(en.school[r])];
                if (s != setting::sbo && s != setting::so && s != setting::vso) continue;
                bool covered = false;
                for (auto t = tv.first[p]; t < tv.first[p + 1] && !covered; ++t)
                    covered = tv.outcome[t] == tlv_outcome::toegekend && tv.admits[t] == s &&
                              period{tv.start[t], tv.end[t]}.covers(en.start[r]);
                if (!covered)
                    problem(severity::warning, T::enrolments, "start_date", enrolment_line[r],
                            "no_tlv",
                            "pupil " + std::string(d.pupils_.id[p]) + " enrolled at " +
                                std::string(d.schools_.id[pos(en.school[r])]) + " (" +
                                std::string(to_string(s)) + ") from " + format_day(en.start[r]) +
                                " has no granted TLV covering that day");
            }
    }

    {
        auto& ar = d.arrangements_;
        std::vector<std::uint32_t> order(arrangements.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) {
            return arrangement_keys.key(arrangements[a].key) <
                   arrangement_keys.key(arrangements[b].key);
        });
        reserve_rows(order.size(), ar.id, ar.pupil, ar.school, ar.level, ar.kind, ar.start, ar.end,
                     ar.cost, ar.domain);
        for (auto i : order) {
            const auto& a = arrangements[i];
            ar.id.push_back(arrangement_keys.text(a.key));
            ar.pupil.push_back(a.pupil == none ? no_index<pupil_idx>
                                               : to_idx<pupil_idx>(pupil_remap[a.pupil]));
            ar.school.push_back(to_idx<school_idx>(sc(a.school)));
            ar.level.push_back(a.level);
            ar.kind.push_back(a.kind);
            ar.start.push_back(a.start);
            ar.end.push_back(a.end);
            ar.cost.push_back(a.cost);
            ar.domain.push_back(dom(a.domain));
        }
        release(arrangements, arrangement_keys);
    }
    {
        auto& op = d.opps_;
        const auto order = group_by_pupil(
            opps, pupil_remap, pupil_count, op.first, [](const auto& a, const auto& b) {
                return std::tie(a.start, a.end) < std::tie(b.start, b.end);
            });
        reserve_rows(order.size(), op.pupil, op.school, op.start, op.end);
        for (auto i : order) {
            const auto& o = opps[i];
            op.pupil.push_back(pupil_idx{pupil_remap[o.pupil]});
            op.school.push_back(to_idx<school_idx>(sc(o.school)));
            op.start.push_back(o.start);
            op.end.push_back(o.end);
        }
        release(opps);
    }
    {
        auto& ab = d.absences_;
        const auto order = group_by_pupil(
            absences, pupil_remap, pupil_count, ab.first, [](const auto& a, const auto& b) {
                return std::tie(a.start, a.end, a.kind) < std::tie(b.start, b.end, b.kind);
            });
        reserve_rows(order.size(), ab.pupil, ab.kind, ab.start, ab.end, ab.article);
        for (auto i : order) {
            const auto& a = absences[i];
            ab.pupil.push_back(pupil_idx{pupil_remap[a.pupil]});
            ab.kind.push_back(a.kind);
            ab.start.push_back(a.start);
            ab.end.push_back(a.end);
            ab.article.push_back(a.article);
        }
        release(absences);
    }
    for (const auto& f : funds) {
        d.funds_.year.push_back(f.year);
        d.funds_.swv.push_back(to_idx<swv_idx>(sw(f.swv)));
        d.funds_.board.push_back(to_idx<board_idx>(bo(f.board)));
        d.funds_.stream.push_back(f.stream);
        d.funds_.amount.push_back(f.amount);
    }
    for (const auto& a : allocations) {
        d.allocations_.year.push_back(a.year);
        d.allocations_.board.push_back(to_idx<board_idx>(bo(a.board)));
        d.allocations_.purpose.push_back(a.purpose);
        d.allocations_.amount.push_back(a.amount);
        d.allocations_.school.push_back(to_idx<school_idx>(sc(a.school)));
        d.allocations_.kpi_id.push_back(a.kpi);
    }
    auto& as = d.assessments_;
    reserve_rows(assessments.size(), as.year, as.level, as.unit, as.framework, as.item, as.score);
    for (std::size_t i = 0; i < assessments.size(); ++i) {
        const auto& a = assessments[i];
        const auto [level, key] = assessment_unit[i];
        as.year.push_back(a.year);
        as.level.push_back(level);
        as.unit.push_back(level == unit_level::school ? sc(key) : bo(key));
        as.framework.emplace_back(word(a.framework));
        as.item.emplace_back(word(a.item));
        as.score.push_back(a.score);
    }
    release(assessments, assessment_unit, words);
    // Rates and reference values in key order, whatever the input's row order.
    std::sort(rates.begin(), rates.end(), [](const auto& a, const auto& b) {
        return std::tie(a.row.year, a.row.admits, a.row.category) <
               std::tie(b.row.year, b.row.admits, b.row.category);
    });
    std::sort(reference_values.begin(), reference_values.end(), [](const auto& a, const auto& b) {
        return std::tie(a.kpi, a.year) < std::tie(b.kpi, b.year);
    });
    for (const auto& r : rates) {
        d.rates_.year.push_back(r.row.year);
        d.rates_.admits.push_back(r.row.admits);
        d.rates_.category.push_back(r.row.category);
        d.rates_.amount.push_back(r.row.amount);
    }
    for (const auto& r : reference_values) {
        d.reference_values_.kpi.push_back(r.kpi);
        d.reference_values_.year.push_back(r.year);
        d.reference_values_.value.push_back(r.value);
        d.reference_values_.source.push_back(r.source);
    }
    lay_out_coverage(d, sc, sw, dom, finance_swv);
    d.finish(extract, origin, extracts.empty() ? std::string{} : extracts.front().source);

    // Diagnostics in source order; a note when the cap cut them short.
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.rank, a.d.line, a.d.column) < std::tie(b.rank, b.d.line, b.d.column);
    });
    load_result result;
    for (auto& r : diagnostics) result.diagnostics.push_back(std::move(r.d));
    if (dropped_errors || dropped_warnings)
        result.diagnostics.push_back(
            {dropped_errors ? severity::error : severity::warning, "passend", 0, 0,
             "too_many_diagnostics",
             "stopped listing after " + std::to_string(options.max_errors) +
                 " errors/warnings: " + std::to_string(dropped_errors) + " more error(s) and " +
                 std::to_string(dropped_warnings) + " more warning(s) not shown"});
    if (errors + dropped_errors == 0) {
        for (const auto& diag : result.diagnostics) d.warnings_.push_back(diag);
        result.data = std::move(ds);
    }
    return result;
}

PASSEND_NAMESPACE_END
