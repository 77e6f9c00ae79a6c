// SPDX-License-Identifier: EUPL-1.2
// Private: the identifiers of one kind (pupils, schools, ...), each stored once.
//
// Interning is the hot path of a national load (37% of `passend validate` before this index):
// 20 M lookups into a table of 4.5 M pupils, each a cache miss or two. Here a key of up to 11
// bytes (every id of the contract's examples and the demo) lives inline in its 16-byte slot, so
// a lookup reads one cache line; longer keys keep a hash in the slot and compare with the text.
// The texts themselves lie end to end in one buffer (no allocation per key).
#pragma once

#include "passend/config.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif

PASSEND_NAMESPACE_BEGIN
namespace detail {

/// Memory for a large index in 2 MiB pages where the kernel offers them (transparent huge
/// pages on request): random lookups then miss the TLB far less often.
template <class T>
struct huge_page_allocator {
    using value_type = T;
    static constexpr std::size_t huge = std::size_t{2} << 20;
    huge_page_allocator() = default;
    template <class U>
    huge_page_allocator(const huge_page_allocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge) return std::allocator<T>{}.allocate(n);
        void* p = std::aligned_alloc(huge, (bytes + huge - 1) & ~(huge - 1));
        if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        madvise(p, (bytes + huge - 1) & ~(huge - 1), MADV_HUGEPAGE);
#endif
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < huge) return std::allocator<T>{}.deallocate(p, n);
        std::free(p);
    }
    friend bool operator==(huge_page_allocator, huge_page_allocator) noexcept {
        return true;
    }
};

class key_domain {
public:
    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    /// The index of `key`, added if new; `none` for an empty key.
    std::uint32_t intern(std::string_view key) {
        if (key.empty()) return none;
        if (full(size() + 1)) grow(size() + 1);
        const auto probe = slot_of(key);
        for (std::size_t i = home(probe);; i = (i + 1) & mask_) {
            auto& s = slots_[i];
            if (s.id == none) {
                s = probe;
                s.id = static_cast<std::uint32_t>(size());
                text_.append(key);
                start_.push_back(text_.size());
                return s.id;
            }
            if (same(s, probe, key)) return s.id;
        }
    }
    /// The index of `key`, or `none` when it was never interned.
    std::uint32_t find(std::string_view key) const {
        if (key.empty() || slots_.empty()) return none;
        const auto probe = slot_of(key);
        for (std::size_t i = home(probe);; i = (i + 1) & mask_) {
            const auto& s = slots_[i];
            if (s.id == none) return none;
            if (same(s, probe, key)) return s.id;
        }
    }
    /// A hint that `key` is about to be interned: fetch its slot now.
    void prefetch(std::string_view key) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(&slots_[home(slot_of(key))]);
    }
    std::string_view key(std::uint32_t k) const {
        return std::string_view(text_).substr(start_[k], start_[k + 1] - start_[k]);
    }
    std::size_t size() const { return start_.size() - 1; }
    /// Room for `n` keys without growing (a loader's estimate).
    void reserve(std::size_t n) {
        if (full(n)) grow(n);
        start_.reserve(n + 1);
        // Room for texts of 16 bytes on average: the buffer then does not double by a copy
        // into fresh pages (untouched room costs no memory).
        text_.reserve(n * 16);
    }
    /// Free the index once every key is in: key() and size() still answer, intern(), find()
    /// and prefetch() may no longer be called. Its slots are the largest part of a domain.
    void release_index() {
        decltype(slots_)().swap(slots_);
        mask_ = 0;
        text_.shrink_to_fit();
    }

private:
    /// A key of up to 11 bytes inline: bytes 0-7 in `lo`, 8-10 and the length in `hi`. A longer
    /// key: its hash in `lo`, `long_key` in `hi`.
    struct slot {
        std::uint64_t lo = 0;
        std::uint32_t hi = 0;
        std::uint32_t id = none;
    };
    static constexpr std::uint32_t long_key = 0xFF000000u;
    static constexpr std::size_t max_inline = 11;

    static std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
        __extension__ using u128 = unsigned __int128;
        const auto m = static_cast<u128>(a ^ 0x9E3779B97F4A7C15ull) * (b ^ 0xC2B2AE3D27D4EB4Full);
        return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
    }
    static slot slot_of(std::string_view key) {
        slot s;
        if (key.size() <= max_inline) {
            char bytes[12] = {};
            std::memcpy(bytes, key.data(), key.size());
            std::memcpy(&s.lo, bytes, 8);
            std::memcpy(&s.hi, bytes + 8, 4);
            s.hi |= static_cast<std::uint32_t>(key.size()) << 24;
        } else {
            std::uint64_t h = key.size();
            std::size_t i = 0;
            for (; i + 8 <= key.size(); i += 8) {
                std::uint64_t w;
                std::memcpy(&w, key.data() + i, 8);
                h = mix(h, w);
            }
            std::uint64_t tail = 0;
            std::memcpy(&tail, key.data() + i, key.size() - i);
            s.lo = mix(h, tail);
            s.hi = long_key;
        }
        return s;
    }
    bool same(const slot& s, const slot& probe, std::string_view key) const {
        return s.lo == probe.lo && s.hi == probe.hi && (s.hi != long_key || this->key(s.id) == key);
    }
    /// Whether `n` keys would fill more than 3/4 of the slots. Linear probing stays short up
    /// to there (a miss probes about 2.5 slots, 4 to a cache line), and the pupils' index of a
    /// national load takes half the memory it took at 1/2.
    bool full(std::size_t n) const { return 4 * n > 3 * slots_.size(); }
    std::size_t home(const slot& s) const {
        if (s.hi == long_key) return s.lo & mask_;
        return mix(s.lo, s.hi) & mask_;
    }
    /// Room for `keys` keys: the least power of two of slots they fill at most 3/4 of.
    void grow(std::size_t keys) {
        std::size_t n = 1024;
        while (4 * keys > 3 * n) n *= 2;
        std::vector<slot, huge_page_allocator<slot>> old(n);
        old.swap(slots_);
        mask_ = n - 1;
        for (const auto& s : old) {
            if (s.id == none) continue;
            auto i = home(s);
            while (slots_[i].id != none) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }
    std::vector<slot, huge_page_allocator<slot>> slots_;
    std::size_t mask_ = 0;
    std::string text_;
    std::vector<std::uint64_t> start_{0};
};

} // namespace detail
PASSEND_NAMESPACE_END
