// SPDX-License-Identifier: EUPL-1.2
// Private: a table file's records parsed in blocks on worker threads.
//
// The records after a header are split at line ends into blocks of a few MiB. Workers parse
// the blocks into typed rows (table_row.hpp) ahead of the thread that hands them to the
// builder in file order. A block whose text has anything the loader must report (a syntax
// error, a field that does not parse, a wrong field count) comes back `dirty`: the loader then
// reads the rest of the file one record at a time, exactly as before, so every diagnostic is
// the same whatever the block size. A block boundary that falls inside a quoted field leaves the
// block before it with an unterminated quote, hence dirty: the first dirty block of a file
// always starts at a true record boundary.
#pragma once

#include "passend/config.hpp"
#include "passend/load.hpp"
#include "passend/table_row.hpp"

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Blocks of about 4 MiB: a few per worker in flight keep memory small and every core busy.
inline constexpr std::uint64_t csv_block_bytes = std::uint64_t{4} << 20;

/// load_folder with blocks of about `block_bytes` (tests use tiny ones to cross boundaries),
/// parsed by `threads` workers (0: on the loading thread, as in a build without threads).
load_result load_folder_in_blocks(const std::filesystem::path& dir, const load_options& options,
                                  const progress_fn& progress, std::uint64_t block_bytes,
                                  unsigned threads);
/// The workers load_folder uses: one per core, none in a build without threads.
unsigned csv_workers() noexcept;

/// Memory for a block's buffers straight from the system. They are filled on a worker thread and
/// freed on the loading thread; from malloc, glibc would keep their pages in the workers' arenas
/// after the load (100 MB of the national load's peak), where malloc_trim cannot reach them.
template <class T>
struct mapped_allocator {
    using value_type = T;
    mapped_allocator() = default;
    template <class U>
    mapped_allocator(const mapped_allocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
#ifdef MAP_ANONYMOUS
        void* p = ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        return static_cast<T*>(p);
#else
        return std::allocator<T>{}.allocate(n);
#endif
    }
    void deallocate(T* p, std::size_t n) noexcept {
#ifdef MAP_ANONYMOUS
        ::munmap(p, n * sizeof(T));
#else
        std::allocator<T>{}.deallocate(p, n);
#endif
    }
    friend bool operator==(mapped_allocator, mapped_allocator) noexcept {
        return true;
    }
};
template <class T>
using block_vector = std::vector<T, mapped_allocator<T>>;

/// Rows of any table, one vector type per table.
template <std::size_t... I>
auto rows_of_tables(std::index_sequence<I...>)
    -> std::variant<block_vector<table_row_t<static_cast<table>(I)>>...>;
using any_rows = decltype(rows_of_tables(std::make_index_sequence<table_count>{}));

/// Where a table file's records lie and how its header maps columns.
struct csv_layout {
    const table_spec* spec = nullptr;
    std::filesystem::path path;
    std::uint64_t data_begin = 0; ///< the byte after the header's line end
    std::uint64_t data_line = 0;  ///< the physical line there
    std::uint64_t size = 0;
    std::size_t width = 0;                ///< fields of the header
    std::vector<std::uint32_t> positions; ///< per contract column, 1-based; 0 absent
};

struct csv_block {
    std::size_t file; ///< index into the layouts
    std::uint64_t begin, end;
};

struct parsed_block {
    bool dirty = false;
    std::uint64_t newlines = 0; ///< line ends in the block: the next block's first line
    block_vector<char> text;    ///< the rows' texts point here
    any_rows rows;
    block_vector<std::uint32_t> lines; ///< each row's line, 1 for the block's first
};

/// Split a file's records into blocks of about `bytes`, each ending after a line end.
std::vector<csv_block> split_blocks(std::size_t file, const csv_layout& layout,
                                    std::uint64_t bytes);

/// Parses blocks on worker threads, at most `window` blocks ahead of the one taken last; with no
/// threads, each block when it is taken.
class block_parser {
public:
    block_parser(const std::vector<csv_layout>& layouts, std::vector<csv_block> blocks,
                 unsigned threads, std::size_t window);
    ~block_parser();
    block_parser(const block_parser&) = delete;
    block_parser& operator=(const block_parser&) = delete;

    const std::vector<csv_block>& blocks() const noexcept { return blocks_; }
    /// Block i, parsed (waits for it); each block is taken once, in order.
    parsed_block take(std::size_t i);
    /// Blocks [first, last) are not needed: workers skip them.
    void skip(std::size_t first, std::size_t last);
    /// A block taken and used: its buffers parse a later block (no fresh pages to fault in).
    void recycle(parsed_block&& used);

private:
    void work();
    const std::vector<csv_layout>& layouts_;
    std::vector<csv_block> blocks_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t next_ = 0, taken_ = 0;
    bool stopping_ = false;
    std::vector<std::optional<parsed_block>> done_;
    std::vector<parsed_block> spare_; ///< recycled, at most a window's worth
    parsed_block spare();
    std::vector<bool> skipped_;
    std::vector<std::thread> workers_; // joined by the destructor (libc++ 14 has no jthread)
};

} // namespace detail
PASSEND_NAMESPACE_END
