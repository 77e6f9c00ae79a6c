// SPDX-License-Identifier: EUPL-1.2
// The snapshot file (docs/snapshot.md): a 64-byte header, a directory of named columns, then
// each column's bytes at a 64-byte aligned offset. Opening maps the file, checks the header,
// the directory and every column against their XXH3 checksums, and lets the dataset's columns
// borrow the mapped bytes (column.hpp): nothing is copied but the few metadata columns. The
// checks of the columns' contents (codes, offsets, row indices) run on every core.
#include "passend/snapshot.hpp"

#include "parallel.hpp"
#include "passend/enum_names.hpp"
#include "passend/error.hpp"
#include "passend/load.hpp"
#include "passend/version.hpp"

#include <fmt/core.h>
#define XXH_INLINE_ALL // header-only: the library links nothing more for it
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <fstream>
#include <functional>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

PASSEND_NAMESPACE_BEGIN

namespace {

constexpr std::array<char, 8> magic{'P', 'A', 'S', 'S', 'N', 'A', 'P', '\x1a'};
constexpr std::uint32_t byte_order_mark = 0x01020304; // reads back swapped on a big-endian host
constexpr std::size_t alignment = 64;

struct file_header {
    std::array<char, 8> magic;
    std::uint32_t byte_order;
    std::uint32_t format_version;
    char library_version[16];
    char contract_version[8];
    std::uint32_t column_count;
    std::uint32_t reserved;
    std::uint64_t file_bytes;
    std::uint64_t checksum; ///< XXH3 of the header's bytes before it and of the directory
};
static_assert(sizeof(file_header) == 64);

enum class column_kind : std::uint8_t { fixed = 1, text = 2 };

struct column_entry {
    char name[48];
    column_kind kind;
    std::uint8_t element_bytes; ///< sizeof an element; 0 for text
    std::uint8_t reserved[6];
    std::uint64_t rows;
    std::uint64_t offset; ///< from the start of the file, a multiple of 64
    std::uint64_t bytes;  ///< text: 8 × (rows + 1) offsets, then the characters
    std::uint64_t checksum;
};
static_assert(sizeof(column_entry) == 88);

template <class T>
constexpr bool fixed_width = std::is_trivially_copyable_v<T> && !std::is_same_v<T, bool>;

template <class>
constexpr bool always_false = false;

/// The codes an enum column may hold, first and last: a byte outside them would index past a
/// table of names or counts, so a snapshot (checksums resealed by hand) with one is refused.
template <class E>
constexpr std::pair<unsigned, unsigned> codes_of() {
    if constexpr (std::is_same_v<E, support_level>)
        return {1, 5};
    else if constexpr (named_enum<E>)
        return {0, enum_count<E> - 1};
    else if constexpr (std::is_same_v<E, unit_level> || std::is_same_v<E, severity>)
        return {0, 1};
    else if constexpr (std::is_same_v<E, extract_origin>)
        return {0, 2};
    else
        static_assert(always_false<E>, "an enum column needs the range of its codes here");
}

std::string_view fixed_text(const char* text, std::size_t size) {
    return {text, strnlen(text, size)};
}

template <std::size_t N>
void put_text(char (&out)[N], std::string_view text) {
    std::memset(out, 0, N);
    std::memcpy(out, text.data(), std::min(text.size(), N - 1));
}

std::uint64_t header_checksum(const file_header& h, const void* directory, std::size_t bytes) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, &h, offsetof(file_header, checksum));
    XXH3_64bits_update(state, directory, bytes);
    const auto sum = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return sum;
}

/// The dataset's metadata as columns, so that the file holds nothing but columns.
struct dataset_meta {
    std::vector<std::uint8_t> present;
    std::vector<day> extract_date;
    std::vector<extract_origin> origin;
    std::vector<std::string> exported_by;
    std::vector<severity> warning_level;
    std::vector<std::string> warning_file;
    std::vector<std::uint64_t> warning_line;
    std::vector<std::uint32_t> warning_column;
    std::vector<std::string> warning_rule;
    std::vector<std::string> warning_message;
};

} // namespace

/// Every column of a dataset by name: the one list the writer and the reader share. A new
/// table or column of the dataset is one line here (and a new library version, which old
/// snapshots then fail to match).
struct snapshot_access {
    template <class Dataset, class Meta, class Visit>
    static void columns(Dataset& d, Meta& m, Visit&& v) {
        v("meta.present", m.present);
        v("meta.extract_date", m.extract_date);
        v("meta.extract_origin", m.origin);
        v("meta.exported_by", m.exported_by);
        v("meta.school_years", d.school_years_);
        v("warnings.level", m.warning_level);
        v("warnings.file", m.warning_file);
        v("warnings.line", m.warning_line);
        v("warnings.column", m.warning_column);
        v("warnings.rule", m.warning_rule);
        v("warnings.message", m.warning_message);
        v("swvs.id", d.swvs_.id);
        v("swvs.name", d.swvs_.name);
        v("swvs.sector", d.swvs_.sector_of);
        v("boards.id", d.boards_.id);
        v("boards.name", d.boards_.name);
        v("municipalities.code", d.municipalities_.code);
        v("municipalities.po_swv", d.municipalities_.po_swv);
        v("municipalities.vo_swv", d.municipalities_.vo_swv);
        v("schools.id", d.schools_.id);
        v("schools.name", d.schools_.name);
        v("schools.board", d.schools_.board);
        v("schools.swv", d.schools_.swv);
        v("schools.kind", d.schools_.kind);
        v("schools.municipality", d.schools_.municipality);
        v("pupils.id", d.pupils_.id);
        v("pupils.birth_date", d.pupils_.birth_date);
        v("pupils.municipality", d.pupils_.municipality);
        v("enrolments.pupil", d.enrolments_.pupil);
        v("enrolments.school", d.enrolments_.school);
        v("enrolments.start", d.enrolments_.start);
        v("enrolments.end", d.enrolments_.end);
        v("enrolments.grade", d.enrolments_.grade);
        v("enrolments.exit", d.enrolments_.exit);
        v("enrolments.first", d.enrolments_.first);
        v("tlvs.id", d.tlvs_.id);
        v("tlvs.pupil", d.tlvs_.pupil);
        v("tlvs.swv", d.tlvs_.swv);
        v("tlvs.admits", d.tlvs_.admits);
        v("tlvs.category", d.tlvs_.category);
        v("tlvs.request_date", d.tlvs_.request_date);
        v("tlvs.complete_date", d.tlvs_.complete_date);
        v("tlvs.decision_date", d.tlvs_.decision_date);
        v("tlvs.outcome", d.tlvs_.outcome);
        v("tlvs.start", d.tlvs_.start);
        v("tlvs.end", d.tlvs_.end);
        v("tlvs.objection", d.tlvs_.objection);
        v("tlvs.first", d.tlvs_.first);
        v("arrangements.id", d.arrangements_.id);
        v("arrangements.pupil", d.arrangements_.pupil);
        v("arrangements.school", d.arrangements_.school);
        v("arrangements.level", d.arrangements_.level);
        v("arrangements.kind", d.arrangements_.kind);
        v("arrangements.start", d.arrangements_.start);
        v("arrangements.end", d.arrangements_.end);
        v("arrangements.cost", d.arrangements_.cost);
        v("arrangements.domain", d.arrangements_.domain);
        v("opps.pupil", d.opps_.pupil);
        v("opps.school", d.opps_.school);
        v("opps.start", d.opps_.start);
        v("opps.end", d.opps_.end);
        v("opps.first", d.opps_.first);
        v("absences.pupil", d.absences_.pupil);
        v("absences.kind", d.absences_.kind);
        v("absences.start", d.absences_.start);
        v("absences.end", d.absences_.end);
        v("absences.article", d.absences_.article);
        v("absences.first", d.absences_.first);
        v("funds.year", d.funds_.year);
        v("funds.swv", d.funds_.swv);
        v("funds.board", d.funds_.board);
        v("funds.stream", d.funds_.stream);
        v("funds.amount", d.funds_.amount);
        v("allocations.year", d.allocations_.year);
        v("allocations.board", d.allocations_.board);
        v("allocations.purpose", d.allocations_.purpose);
        v("allocations.amount", d.allocations_.amount);
        v("allocations.school", d.allocations_.school);
        v("allocations.kpi_id", d.allocations_.kpi_id);
        v("assessments.year", d.assessments_.year);
        v("assessments.level", d.assessments_.level);
        v("assessments.unit", d.assessments_.unit);
        v("assessments.framework", d.assessments_.framework);
        v("assessments.item", d.assessments_.item);
        v("assessments.score", d.assessments_.score);
        v("rates.year", d.rates_.year);
        v("rates.admits", d.rates_.admits);
        v("rates.category", d.rates_.category);
        v("rates.amount", d.rates_.amount);
        v("reference_values.kpi", d.reference_values_.kpi);
        v("reference_values.year", d.reference_values_.year);
        v("reference_values.value", d.reference_values_.value);
        v("reference_values.source", d.reference_values_.source);
        v("support_domains", d.support_domains_);
        v("support_offers.school", d.support_offers_.school);
        v("support_offers.year", d.support_offers_.year);
        v("support_offers.domain", d.support_offers_.domain);
        v("support_offers.level", d.support_offers_.level);
        v("support_offers.places", d.support_offers_.places);
        v("support_offers.tariff", d.support_offers_.tariff);
        v("finances.swv", d.finances_.swv);
        v("finances.year", d.finances_.year);
        v("finances.income", d.finances_.income);
        v("finances.reserves", d.finances_.reserves);
    }

    static dataset_meta meta_of(const dataset& d) {
        dataset_meta m;
        m.present.assign(std::begin(d.present_), std::end(d.present_));
        m.extract_date = {d.extract_date_};
        m.origin = {d.extract_origin_};
        m.exported_by = {d.exported_by_};
        for (const auto& w : d.warnings_) {
            m.warning_level.push_back(w.level);
            m.warning_file.push_back(w.file);
            m.warning_line.push_back(w.line);
            m.warning_column.push_back(w.column);
            m.warning_rule.push_back(w.rule);
            m.warning_message.push_back(w.message);
        }
        return m;
    }

    /// The metadata into `d`; false when its columns do not have the shape the dataset needs.
    static bool set_meta(dataset& d, dataset_meta& m) {
        const auto warnings = m.warning_level.size();
        for (const auto size :
             {m.warning_file.size(), m.warning_line.size(), m.warning_column.size(),
              m.warning_rule.size(), m.warning_message.size()})
            if (size != warnings) return false;
        if (m.present.size() != table_count || m.extract_date.size() != 1 || m.origin.size() != 1 ||
            m.exported_by.size() != 1)
            return false;
        std::copy(m.present.begin(), m.present.end(), std::begin(d.present_));
        d.extract_date_ = m.extract_date[0];
        d.extract_origin_ = m.origin[0];
        d.exported_by_ = std::move(m.exported_by[0]);
        for (std::size_t i = 0; i < warnings; ++i)
            d.warnings_.push_back({m.warning_level[i], std::move(m.warning_file[i]),
                                   m.warning_line[i], m.warning_column[i],
                                   std::move(m.warning_rule[i]), std::move(m.warning_message[i])});
        return true;
    }

    static std::shared_ptr<dataset> make() { return std::shared_ptr<dataset>(new dataset()); }
};

namespace {

/// Writes columns one after another, each aligned, and remembers their directory entries.
class column_writer {
public:
    explicit column_writer(std::ofstream& out) : out_(out) {}

    template <class T>
    void operator()(std::string_view name, const std::vector<T>& values) {
        if constexpr (std::is_same_v<T, std::string>) {
            text_column texts;
            for (const auto& s : values) texts.push_back(s);
            (*this)(name, texts);
        } else {
            (*this)(name, std::span<const T>(values));
        }
    }
    template <class T>
    void operator()(std::string_view name, const value_column<T>& values) {
        (*this)(name, values.span());
    }
    template <class T>
    void operator()(std::string_view name, std::span<const T> values) {
        static_assert(fixed_width<T>, "a snapshot column is text or fixed-width");
        auto& e = begin(name, column_kind::fixed, sizeof(T), values.size());
        e.bytes = values.size_bytes();
        e.checksum = XXH3_64bits(values.data(), e.bytes);
        write(values.data(), e.bytes);
    }
    /// A text column is written as it is held: its offsets, then its characters.
    void operator()(std::string_view name, const text_column& texts) {
        const auto offsets = texts.offsets();
        const auto chars = texts.chars();
        XXH3_state_t* state = XXH3_createState();
        XXH3_64bits_reset(state);
        XXH3_64bits_update(state, offsets.data(), offsets.size_bytes());
        XXH3_64bits_update(state, chars.data(), chars.size());
        auto& e = begin(name, column_kind::text, 0, texts.size());
        e.checksum = XXH3_64bits_digest(state);
        XXH3_freeState(state);
        write(offsets.data(), offsets.size_bytes());
        write(chars.data(), chars.size());
        e.bytes = position_ - e.offset;
    }

    const std::vector<column_entry>& entries() const noexcept { return entries_; }
    std::uint64_t size() const noexcept { return position_; }
    void start_at(std::uint64_t position) {
        position_ = position;
        out_.seekp(static_cast<std::streamoff>(position));
    }

private:
    column_entry& begin(std::string_view name, column_kind kind, std::size_t element_bytes,
                        std::size_t rows) {
        static const char zeros[alignment] = {};
        write(zeros, (alignment - position_ % alignment) % alignment);
        column_entry e{};
        put_text(e.name, name);
        e.kind = kind;
        e.element_bytes = static_cast<std::uint8_t>(element_bytes);
        e.rows = rows;
        e.offset = position_;
        entries_.push_back(e);
        return entries_.back();
    }
    void write(const void* data, std::size_t bytes) {
        out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
        position_ += bytes;
    }

    std::ofstream& out_;
    std::vector<column_entry> entries_;
    std::uint64_t position_ = 0;
};

/// A read-only mapping of a whole file, unmapped when it goes (when the last column borrowing
/// from it goes: the columns share its ownership).
class mapped_file {
public:
    explicit mapped_file(const std::filesystem::path& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open it");
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            throw std::system_error(EINVAL, std::generic_category(), "not a regular file");
        }
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ > 0) {
            // Populated at once: every page is read by the checksums right away, and mapping
            // them in one call costs less than a fault per few pages.
            void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p == MAP_FAILED) {
                ::close(fd);
                throw std::system_error(errno, std::generic_category(), "cannot map it");
            }
            data_ = static_cast<const std::byte*>(p);
        }
        ::close(fd);
    }
    ~mapped_file() {
        if (data_) ::munmap(const_cast<std::byte*>(data_), size_);
    }
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;

    const std::byte* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }

private:
    const std::byte* data_ = nullptr;
    std::size_t size_ = 0;
};

/// What is wrong with a snapshot: becomes the one diagnostic of a failed open.
struct snapshot_problem {
    std::string rule;
    std::string message;
};

[[nodiscard]] snapshot_problem damaged(std::string what) {
    return {"snapshot_damaged", "is damaged: " + std::move(what)};
}

/// A check of a column's bytes that may run beside the others: a problem, or none.
struct column_check {
    std::size_t bytes; ///< what it reads: the largest start first, to share the work evenly
    std::function<std::optional<snapshot_problem>()> run;
};

/// Runs `checks` on every core (one after another without threads) and throws the problem of
/// the first failing one in their order: the same error whichever ran first.
void run_checks(const std::vector<column_check>& checks) {
    std::vector<std::size_t> order(checks.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return checks[a].bytes > checks[b].bytes; });
    std::vector<std::optional<snapshot_problem>> found(checks.size());
    std::atomic<std::size_t> next{0};
    const auto threads = std::min<std::size_t>(detail::hardware_threads(), checks.size());
    detail::run_parallel(static_cast<unsigned>(threads), [&](unsigned) {
        for (auto i = next++; i < order.size(); i = next++)
            found[order[i]] = checks[order[i]].run();
    });
    for (auto& f : found)
        if (f) throw std::move(*f);
}

/// The first i in [0, n) for which `bad(i)`, or n. The rows go in blocks of 64 without a
/// branch, which the compiler vectorises; only a block with a bad row is searched row by row.
template <class Bad>
std::size_t first_where(std::size_t n, Bad bad) {
    constexpr std::size_t block = 64;
    std::size_t at = 0;
    for (; at + block <= n; at += block) {
        unsigned any = 0;
        for (std::size_t i = 0; i < block; ++i) any |= bad(at + i);
        if (any) break;
    }
    for (; at < n; ++at)
        if (bad(at)) return at;
    return n;
}

/// Whether values rise (or stay) from row to row.
template <class T>
bool rising(std::span<const T> values) {
    const auto pairs = values.empty() ? 0 : values.size() - 1;
    return first_where(pairs, [&](std::size_t i) { return values[i] > values[i + 1]; }) == pairs;
}

/// The first row of a category column holding a code outside its enum, as a problem.
template <class E>
std::optional<snapshot_problem> bad_code(std::string_view name, std::span<const E> column) {
    static constexpr auto codes = codes_of<E>();
    const auto row = first_where(column.size(), [&](std::size_t r) {
        const auto c = static_cast<unsigned>(column[r]);
        return (c < codes.first) | (c > codes.second);
    });
    if (row == column.size()) return std::nullopt;
    return damaged(fmt::format("row {} of column {} holds code {}, not one of its codes {} to {}",
                               row, name, static_cast<unsigned>(column[row]), codes.first,
                               codes.second));
}

/// A text column's offsets must rise and stay within its characters.
std::optional<snapshot_problem> bad_offsets(std::string_view name,
                                            std::span<const std::uint64_t> offsets,
                                            std::uint64_t text_bytes) {
    if (offsets.back() <= text_bytes && rising(offsets)) return std::nullopt;
    return snapshot_problem{"snapshot_damaged", fmt::format("column {} has a bad offset", name)};
}

/// Lets the dataset's columns borrow a checked mapping's bytes, by name. The checks of their
/// contents are queued (`checks`), to run together; the metadata columns are copied (a few
/// values each) and checked at once.
class column_reader {
public:
    column_reader(std::shared_ptr<const mapped_file> file, const column_entry* entries,
                  std::size_t count, std::vector<column_check>& checks)
        : file_(std::move(file)), checks_(checks) {
        for (std::size_t i = 0; i < count; ++i)
            by_name_.emplace(std::string(fixed_text(entries[i].name, sizeof entries[i].name)),
                             &entries[i]);
    }

    template <class T>
    void operator()(std::string_view name, value_column<T>& c) {
        const auto values = fixed<T>(name);
        c = value_column<T>::borrow(values.data(), values.size(), file_);
        // A category's code (the 4-byte enums are row indices, pupil_idx and the like).
        if constexpr (std::is_enum_v<T> && sizeof(T) == 1)
            checks_.push_back({values.size(), [name, values] { return bad_code(name, values); }});
    }
    void operator()(std::string_view name, text_column& c) {
        const auto [texts, text_bytes] = text(name);
        c = texts;
        checks_.push_back({texts.offsets().size_bytes(),
                           [name, offsets = texts.offsets(), text_bytes = text_bytes] {
                               return bad_offsets(name, offsets, text_bytes);
                           }});
    }
    template <class T>
    void operator()(std::string_view name, std::vector<T>& copy) {
        if constexpr (std::is_same_v<T, std::string>) {
            const auto [texts, text_bytes] = text(name);
            if (auto p = bad_offsets(name, texts.offsets(), text_bytes)) throw std::move(*p);
            copy.assign(texts.begin(), texts.end());
        } else {
            const auto values = fixed<T>(name);
            if constexpr (std::is_enum_v<T> && sizeof(T) == 1)
                if (auto p = bad_code(name, values)) throw std::move(*p);
            copy.assign(values.begin(), values.end());
        }
    }

private:
    const column_entry& entry(std::string_view name) const {
        const auto it = by_name_.find(std::string(name));
        if (it == by_name_.end())
            throw snapshot_problem{"snapshot_column_missing",
                                   fmt::format("has no column {}", name)};
        return *it->second;
    }
    template <class T>
    std::span<const T> fixed(std::string_view name) const {
        const auto& e = entry(name);
        if (e.kind != column_kind::fixed || e.element_bytes != sizeof(T) ||
            e.bytes % sizeof(T) != 0 || e.rows != e.bytes / sizeof(T))
            throw wrong_type(name);
        // 64-byte aligned in a page-aligned mapping: aligned for any T
        return {reinterpret_cast<const T*>(file_->data() + e.offset),
                static_cast<std::size_t>(e.rows)}; // within the file: fits
    }
    /// A text column (offsets unchecked) and the bytes its characters have.
    std::pair<text_column, std::uint64_t> text(std::string_view name) const {
        const auto& e = entry(name);
        if (e.kind != column_kind::text) throw wrong_type(name);
        const auto* offsets = reinterpret_cast<const std::uint64_t*>(file_->data() + e.offset);
        const auto* chars = reinterpret_cast<const char*>(offsets + e.rows + 1);
        return {text_column::borrow(offsets, chars, e.rows, file_),
                e.bytes - (e.rows + 1) * sizeof(std::uint64_t)};
    }
    static snapshot_problem wrong_type(std::string_view name) {
        return {"snapshot_column_type",
                fmt::format("column {} does not have the type this passend stores", name)};
    }

    std::shared_ptr<const mapped_file> file_;
    std::vector<column_check>& checks_;
    std::unordered_map<std::string, const column_entry*> by_name_;
};

/// The dataset's shape that reading it relies on, checked on a snapshot's columns once read.
/// The checksums catch accidental damage; a file whose checksums were resealed by hand must
/// still not make a reader index past a table. So: the columns of a table have one length,
/// every row index lies within its table (or is the absent value where a reference is
/// optional), each per-pupil offset column runs from 0 up to its table's length, and domain
/// and assessment unit indices lie within their lists. Lengths are checked at once, the
/// columns' values are queued (`checks`).
class structure_check {
public:
    structure_check(const dataset& d, std::vector<column_check>& checks) : d_(d), checks_(checks) {}

    template <class T>
    void operator()(std::string_view name, const std::vector<T>& values) {
        if (const auto table = table_of(name); !table.empty())
            same_length(name, table, values.size());
    }
    void operator()(std::string_view name, const text_column& texts) {
        if (const auto table = table_of(name); !table.empty())
            same_length(name, table, texts.size());
    }
    template <class T>
    void operator()(std::string_view name, const value_column<T>& values) {
        const auto table = table_of(name);
        if (table.empty()) return;
        const auto column = values.span();
        if constexpr (std::is_same_v<T, std::uint32_t>)
            if (name.substr(table.size() + 1) == "first") return offsets(name, table, column);
        same_length(name, table, column.size());
        if constexpr (std::is_same_v<T, std::uint32_t>) {
            if (name == "arrangements.domain" || name == "support_offers.domain")
                within(name, column, d_.support_domains().size(), name == "support_offers.domain");
            else if (name == "assessments.unit")
                assessment_units(column);
        } else if constexpr (std::is_same_v<T, pupil_idx>) {
            within(name, column, d_.pupils().size(), required(name));
        } else if constexpr (std::is_same_v<T, school_idx>) {
            within(name, column, d_.schools().size(), required(name));
        } else if constexpr (std::is_same_v<T, swv_idx>) {
            within(name, column, d_.swvs().size(), required(name));
        } else if constexpr (std::is_same_v<T, board_idx>) {
            within(name, column, d_.boards().size(), required(name));
        } else if constexpr (std::is_same_v<T, municipality_idx>) {
            within(name, column, d_.municipalities().size(), required(name));
        }
    }

private:
    /// The table a column belongs to; empty for the metadata (set_meta checks its shape) and
    /// the support domains (a list of its own).
    static std::string_view table_of(std::string_view name) {
        const auto dot = name.find('.');
        if (dot == std::string_view::npos || name.substr(0, dot) == "meta") return {};
        return name.substr(0, dot);
    }

    void same_length(std::string_view name, std::string_view table, std::size_t rows) {
        if (table != table_) {
            table_ = table;
            rows_ = rows;
        } else if (rows != rows_) {
            throw damaged(fmt::format(
                "column {} has {} rows, the columns before it in its table {}", name, rows, rows_));
        }
    }

    /// Whether a reference column must name a row: the contract's optional references (and a
    /// municipality outside every region) may hold the absent value, which readers test for;
    /// the required ones they read directly.
    static bool required(std::string_view name) {
        constexpr std::array<std::string_view, 6> optional{
            "pupils.municipality",   "schools.municipality", "municipalities.po_swv",
            "municipalities.vo_swv", "arrangements.pupil",   "allocations.school"};
        return std::find(optional.begin(), optional.end(), name) == optional.end();
    }

    /// Indices below `size`, or the absent value where the reference is not `required`.
    template <class Idx>
    void within(std::string_view name, std::span<const Idx> column, std::size_t size,
                bool required) {
        const auto limit = static_cast<std::uint32_t>(std::min<std::size_t>(size, 0xFFFFFFFFu));
        checks_.push_back({column.size_bytes(), [=]() -> std::optional<snapshot_problem> {
                               const auto r = first_where(column.size(), [&](std::size_t row) {
                                   const auto i = static_cast<std::uint32_t>(column[row]);
                                   return (i >= limit) & (required | (i != 0xFFFFFFFFu));
                               });
                               if (r == column.size()) return std::nullopt;
                               return damaged(fmt::format(
                                   "row {} of column {} points to row {} of a table of {} rows", r,
                                   name, static_cast<std::uint32_t>(column[r]), size));
                           }});
    }

    void offsets(std::string_view name, std::string_view table,
                 std::span<const std::uint32_t> first) {
        const auto problem = [name, rows = rows_] {
            return damaged(fmt::format("column {} does not run from 0 to the {} rows of its "
                                       "table, one offset per pupil",
                                       name, rows));
        };
        if (table != table_) throw damaged(fmt::format("column {} comes before its table", name));
        if (first.size() != d_.pupils().size() + 1 || first.front() != 0 || first.back() != rows_)
            throw problem();
        checks_.push_back({first.size_bytes(), [=]() -> std::optional<snapshot_problem> {
                               if (rising(first)) return std::nullopt;
                               return problem();
                           }});
    }

    void assessment_units(std::span<const std::uint32_t> unit) {
        same_length("assessments.unit", "assessments", unit.size());
        checks_.push_back(
            {unit.size_bytes(),
             [unit, level = d_.assessments().level.span(), schools = d_.schools().size(),
              boards = d_.boards().size()]() -> std::optional<snapshot_problem> {
                 for (std::size_t r = 0; r < unit.size() && r < level.size(); ++r) {
                     const auto size = level[r] == unit_level::school ? schools : boards;
                     if (unit[r] >= size)
                         return damaged(
                             fmt::format("row {} of column assessments.unit points to row {} "
                                         "of a table of {} rows",
                                         r, unit[r], size));
                 }
                 return std::nullopt;
             }});
    }

    const dataset& d_;
    std::vector<column_check>& checks_;
    std::string_view table_;
    std::size_t rows_ = 0;
};

file_header header_of(std::uint32_t columns) {
    file_header h{};
    h.magic = magic;
    h.byte_order = byte_order_mark;
    h.format_version = snapshot_format_version;
    put_text(h.library_version, version_string);
    put_text(h.contract_version, snapshot_contract_version);
    h.column_count = columns;
    return h;
}

/// The header and directory of a mapping, checked; throws snapshot_problem.
const column_entry* checked_directory(const mapped_file& file, file_header& h) {
    if (file.size() < magic.size() || std::memcmp(file.data(), magic.data(), magic.size()) != 0)
        throw snapshot_problem{"snapshot_magic", "is not a passend snapshot (no PASSNAP magic "
                                                 "at its start)"};
    if (file.size() < sizeof(file_header))
        throw snapshot_problem{"snapshot_truncated",
                               fmt::format("is truncated: {} bytes, shorter than the 64-byte "
                                           "header of a passend snapshot",
                                           file.size())};
    std::memcpy(&h, file.data(), sizeof h);
    if (h.byte_order != byte_order_mark)
        throw snapshot_problem{"snapshot_byte_order",
                               "was written on a machine of the other byte order"};
    const auto written_by = fixed_text(h.library_version, sizeof h.library_version);
    if (h.format_version != snapshot_format_version || written_by != version_string)
        throw snapshot_problem{
            "snapshot_version",
            fmt::format("is a snapshot of format version {} written by passend {}; this is "
                        "passend {}, which reads format version {}: write it again from the "
                        "data folder with `passend snapshot DIR --out FILE`",
                        h.format_version, written_by, version_string, snapshot_format_version)};
    const auto contract = fixed_text(h.contract_version, sizeof h.contract_version);
    if (contract != snapshot_contract_version)
        throw snapshot_problem{"snapshot_version",
                               fmt::format("holds data of contract version {}; this passend "
                                           "reads contract version {}",
                                           contract, snapshot_contract_version)};
    if (h.file_bytes != file.size())
        throw snapshot_problem{
            "snapshot_truncated",
            fmt::format("is {}: it has {} bytes, its header says {}",
                        file.size() < h.file_bytes ? "truncated" : "longer than written",
                        file.size(), h.file_bytes)};
    const std::size_t directory_bytes = std::size_t{h.column_count} * sizeof(column_entry);
    if (directory_bytes > file.size() - sizeof h)
        throw snapshot_problem{"snapshot_damaged", "is damaged: its directory does not fit"};
    const auto* entries = reinterpret_cast<const column_entry*>(file.data() + sizeof h);
    if (header_checksum(h, entries, directory_bytes) != h.checksum)
        throw snapshot_problem{"snapshot_checksum",
                               "is damaged: the checksum of its header and directory differs"};
    // The columns follow the directory in its order, each at the next multiple of 64 after the
    // one before, the file ending with the last; the zero bytes padding them are checked too,
    // so that no byte of the file can change unseen. The checksums, most of an open's work,
    // run on every core, once the columns' places are known; a problem is reported for the
    // first column, in the directory's order, that has one.
    std::optional<snapshot_problem> layout;
    std::vector<column_check> checksums;
    std::uint64_t at = sizeof h + directory_bytes;
    for (std::uint32_t i = 0; i < h.column_count && !layout; ++i) {
        const auto& e = entries[i];
        const auto name = fixed_text(e.name, sizeof e.name);
        if (e.offset > file.size() || e.bytes > file.size() - e.offset ||
            e.offset % alignment != 0 ||
            // rows compared by division: a crafted count must not wrap a product around
            (e.kind == column_kind::text && e.rows >= e.bytes / sizeof(std::uint64_t)))
            layout = damaged(fmt::format("column {} lies outside it", name));
        else if (e.offset < at || e.offset - at >= alignment)
            layout = damaged(fmt::format("column {} is not where the column before it ends", name));
        else if (std::any_of(file.data() + at, file.data() + e.offset,
                             [](std::byte b) { return b != std::byte{0}; }))
            layout = damaged(fmt::format("the padding before column {} (the bytes at offset {} "
                                         "to {}) is not zero",
                                         name, at, e.offset));
        if (layout) break;
        at = e.offset + e.bytes;
        checksums.push_back(
            {static_cast<std::size_t>(e.bytes),
             [&e, name, bytes = file.data() + e.offset]() -> std::optional<snapshot_problem> {
                 if (XXH3_64bits(bytes, e.bytes) == e.checksum) return std::nullopt;
                 return snapshot_problem{
                     "snapshot_checksum",
                     fmt::format("is damaged: the checksum of column {} differs (the bytes at "
                                 "offset {} to {} changed since it was written)",
                                 name, e.offset, e.offset + e.bytes)};
             }});
    }
    run_checks(checksums);
    if (layout) throw std::move(*layout);
    if (at != file.size())
        throw damaged(fmt::format("{} bytes follow its last column", file.size() - at));
    return entries;
}

load_result failed(const std::filesystem::path& file, snapshot_problem p) {
    load_result r;
    r.diagnostics.push_back(
        {severity::error, file.string(), 0, 0, std::move(p.rule), std::move(p.message)});
    return r;
}

} // namespace

void save_snapshot(const dataset& data, const std::filesystem::path& file) {
    // A snapshot stands for its folder: one of a partial load would read as a folder without
    // the tables left out.
    if (!data.tables_left_out().empty())
        throw error(fmt::format("{}: a partial load (tables left out) is not saved as a "
                                "snapshot; load every table",
                                file.string()));
    auto tmp = file;
    tmp += ".partial";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw error(fmt::format("{}: cannot write the snapshot", file.string()));
        auto meta = snapshot_access::meta_of(data);
        std::uint32_t count = 0;
        snapshot_access::columns(data, meta, [&](std::string_view, const auto&) { ++count; });
        auto header = header_of(count);
        column_writer columns(out);
        columns.start_at(sizeof header + std::size_t{count} * sizeof(column_entry));
        snapshot_access::columns(data, meta, columns);
        header.file_bytes = columns.size();
        const auto& entries = columns.entries();
        header.checksum =
            header_checksum(header, entries.data(), entries.size() * sizeof(column_entry));
        out.seekp(0);
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        out.write(reinterpret_cast<const char*>(entries.data()),
                  static_cast<std::streamsize>(entries.size() * sizeof(column_entry)));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            throw error(fmt::format("{}: cannot write the snapshot (disk full?)", file.string()));
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw error(fmt::format("{}: cannot write the snapshot: {}", file.string(), ec.message()));
    }
}

load_result load_snapshot(const std::filesystem::path& file, const load_options& options) {
    if (options.as_of)
        return failed(file, {"snapshot_as_of",
                             "is a snapshot, which keeps the extract date it was written with: "
                             "--as-of applies to loading a folder (write the snapshot again "
                             "with `passend snapshot DIR --as-of DATE --out FILE`)"});
    try {
        const auto mapping = std::make_shared<const mapped_file>(file);
        file_header header{};
        const auto* entries = checked_directory(*mapping, header);
        auto data = snapshot_access::make();
        dataset_meta meta;
        std::vector<column_check> checks;
        snapshot_access::columns(*data, meta,
                                 column_reader(mapping, entries, header.column_count, checks));
        if (!snapshot_access::set_meta(*data, meta))
            return failed(file, {"snapshot_damaged", "is damaged: its metadata columns do not "
                                                     "have the sizes a dataset needs"});
        snapshot_access::columns(*data, meta, structure_check(*data, checks));
        run_checks(checks); // the codes, offsets and row indices of every column
        load_result r;
        r.diagnostics = data->warnings();
        r.data = std::move(data);
        return r;
    } catch (snapshot_problem& p) {
        return failed(file, std::move(p));
    } catch (const std::system_error& e) {
        return failed(file, {"snapshot_unreadable", fmt::format("cannot be read: {}", e.what())});
    } catch (const std::bad_alloc&) {
        return failed(file, {"snapshot_damaged", "is damaged: a column is larger than memory"});
    } catch (const std::length_error&) {
        return failed(file, {"snapshot_damaged", "is damaged: a column is larger than memory"});
    }
}

dataset_ptr open_snapshot(const std::filesystem::path& file) {
    return load_snapshot(file).value();
}

bool is_snapshot(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    std::array<char, magic.size()> start{};
    in.read(start.data(), start.size());
    return in.gcount() == static_cast<std::streamsize>(start.size()) && start == magic;
}

load_result load_path(const std::filesystem::path& path, const load_options& options,
                      const progress_fn& progress) {
    if (is_snapshot(path)) return load_snapshot(path, options);
    std::error_code ec;
    if (path.extension() == ".json" && !std::filesystem::is_directory(path, ec))
        return load_json_file(path, options);
    return load_folder(path, options, progress);
}

PASSEND_NAMESPACE_END
