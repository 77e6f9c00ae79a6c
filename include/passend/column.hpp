// SPDX-License-Identifier: EUPL-1.2
// A dataset's columns: read like a const std::vector, stored either in a vector of their own or
// borrowed from memory someone else keeps alive (a snapshot's mapping, docs/snapshot.md).
//
// value_column<T> holds fixed-width values; text_column holds texts as one run of characters and
// rows + 1 offsets into it (the snapshot's text layout), and reads a row as a string_view.
// A borrowed column shares ownership of what it points into (`owner`), so the memory lives as
// long as any column (or copy of one) reads it. Both are filled only while they own their
// storage: the builder's push_back and friends; on borrowed storage they are a logic error.
#pragma once

#include "passend/config.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PASSEND_NAMESPACE_BEGIN

/// What keeps borrowed storage alive: any shared_ptr, converted.
using storage_owner = std::shared_ptr<const void>;

template <class T>
class value_column {
public:
    using value_type = T;
    using size_type = std::size_t;
    using const_reference = const T&;
    using const_iterator = const T*;
    using iterator = const T*;

    value_column() noexcept = default;
    value_column(std::vector<T> values) noexcept : owned_(std::move(values)) { sync(); }
    value_column(std::initializer_list<T> values) : owned_(values) { sync(); }
    /// `size` values at `data`, kept alive by `owner`.
    static value_column borrow(const T* data, std::size_t size, storage_owner owner) noexcept {
        value_column c;
        c.data_ = data;
        c.size_ = size;
        c.owner_ = std::move(owner);
        return c;
    }

    value_column(const value_column& other) : owned_(other.owned_), owner_(other.owner_) {
        adopt(other);
    }
    value_column(value_column&& other) noexcept
        : owned_(std::move(other.owned_)), owner_(std::move(other.owner_)) {
        adopt(other);
        other.reset();
    }
    value_column& operator=(const value_column& other) {
        if (this != &other) *this = value_column(other);
        return *this;
    }
    value_column& operator=(value_column&& other) noexcept {
        owned_ = std::move(other.owned_);
        owner_ = std::move(other.owner_);
        adopt(other);
        other.reset();
        return *this;
    }
    /// Owned storage taken whole: the clear way to fill a column from values built apart.
    value_column& operator=(std::vector<T>&& values) noexcept {
        owned_ = std::move(values);
        owner_.reset();
        sync();
        return *this;
    }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const T* data() const noexcept { return data_; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    const T* begin() const noexcept { return data_; }
    const T* end() const noexcept { return data_ + size_; }
    const T& front() const noexcept { return data_[0]; }
    const T& back() const noexcept { return data_[size_ - 1]; }
    operator std::span<const T>() const noexcept { return {data_, size_}; }
    std::span<const T> span() const noexcept { return {data_, size_}; }
    /// Whether the values live in memory someone else keeps (a snapshot's mapping).
    bool borrowed() const noexcept { return owner_ != nullptr; }

    // Filling: owned storage only (the builder's), appended to or replaced whole; a value is
    // never changed in place (`operator[]` reads, whoever holds the column).
    void reserve(std::size_t n) { owned().reserve(n), sync(); }
    void push_back(const T& v) { owned().push_back(v), sync(); }
    void assign(std::size_t n, const T& v) { owned().assign(n, v), sync(); }

    friend bool operator==(const value_column& a, const value_column& b) noexcept {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    std::vector<T>& owned() noexcept {
        assert(!owner_ && "a borrowed column is read-only");
        return owned_;
    }
    void sync() noexcept {
        data_ = owned_.data();
        size_ = owned_.size();
    }
    void adopt(const value_column& other) noexcept {
        if (owner_) {
            data_ = other.data_;
            size_ = other.size_;
        } else {
            sync();
        }
    }
    void reset() noexcept {
        owned_.clear();
        owner_.reset();
        sync();
    }

    std::vector<T> owned_;
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    storage_owner owner_;
};

/// Texts as the snapshot lays them out: row r is chars[offsets[r], offsets[r + 1]).
class text_column {
public:
    using value_type = std::string_view;
    using size_type = std::size_t;

    /// A random-access iterator over the rows, each read as a string_view.
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using iterator_concept = std::random_access_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using reference = std::string_view;
        using pointer = void;

        const_iterator() noexcept = default;
        const_iterator(const text_column* c, std::size_t row) noexcept : c_(c), row_(row) {}
        std::string_view operator*() const noexcept { return (*c_)[row_]; }
        std::string_view operator[](difference_type n) const noexcept {
            return (*c_)[row_ + static_cast<std::size_t>(n)];
        }
        const_iterator& operator++() noexcept { return ++row_, *this; }
        const_iterator operator++(int) noexcept { return {c_, row_++}; }
        const_iterator& operator--() noexcept { return --row_, *this; }
        const_iterator operator--(int) noexcept { return {c_, row_--}; }
        const_iterator& operator+=(difference_type n) noexcept {
            return row_ += static_cast<std::size_t>(n), *this;
        }
        const_iterator& operator-=(difference_type n) noexcept {
            return row_ -= static_cast<std::size_t>(n), *this;
        }
        friend const_iterator operator+(const_iterator i, difference_type n) noexcept {
            return i += n;
        }
        friend const_iterator operator+(difference_type n, const_iterator i) noexcept {
            return i += n;
        }
        friend const_iterator operator-(const_iterator i, difference_type n) noexcept {
            return i -= n;
        }
        friend difference_type operator-(const_iterator a, const_iterator b) noexcept {
            return static_cast<difference_type>(a.row_) - static_cast<difference_type>(b.row_);
        }
        friend bool operator==(const_iterator a, const_iterator b) noexcept {
            return a.row_ == b.row_;
        }
        friend auto operator<=>(const_iterator a, const_iterator b) noexcept {
            return a.row_ <=> b.row_;
        }

    private:
        const text_column* c_ = nullptr;
        std::size_t row_ = 0;
    };
    using iterator = const_iterator;

    text_column() noexcept = default;
    /// Owned copies of `texts`, in order.
    text_column(std::initializer_list<std::string_view> texts) {
        for (auto t : texts) push_back(t);
    }
    /// `rows` texts: `rows + 1` offsets (the first 0) into `chars`, kept alive by `owner`.
    static text_column borrow(const std::uint64_t* offsets, const char* chars, std::size_t rows,
                              storage_owner owner) noexcept {
        text_column c;
        c.offsets_ = offsets;
        c.chars_ = chars;
        c.rows_ = rows;
        c.owner_ = std::move(owner);
        return c;
    }

    text_column(const text_column& other)
        : owned_offsets_(other.owned_offsets_), owned_chars_(other.owned_chars_),
          owner_(other.owner_) {
        adopt(other);
    }
    text_column(text_column&& other) noexcept
        : owned_offsets_(std::move(other.owned_offsets_)),
          owned_chars_(std::move(other.owned_chars_)), owner_(std::move(other.owner_)) {
        adopt(other);
        other.reset();
    }
    text_column& operator=(const text_column& other) {
        if (this != &other) *this = text_column(other);
        return *this;
    }
    text_column& operator=(text_column&& other) noexcept {
        owned_offsets_ = std::move(other.owned_offsets_);
        owned_chars_ = std::move(other.owned_chars_);
        owner_ = std::move(other.owner_);
        adopt(other);
        other.reset();
        return *this;
    }

    std::size_t size() const noexcept { return rows_; }
    bool empty() const noexcept { return rows_ == 0; }
    std::string_view operator[](std::size_t r) const noexcept {
        return {chars_ + offsets_[r], static_cast<std::size_t>(offsets_[r + 1] - offsets_[r])};
    }
    const_iterator begin() const noexcept { return {this, 0}; }
    const_iterator end() const noexcept { return {this, rows_}; }
    std::string_view front() const noexcept { return (*this)[0]; }
    std::string_view back() const noexcept { return (*this)[rows_ - 1]; }
    /// The rows + 1 offsets into chars() (the first 0, the last the characters' length).
    std::span<const std::uint64_t> offsets() const noexcept { return {offsets_, rows_ + 1}; }
    /// Every row's characters end to end.
    std::string_view chars() const noexcept {
        return {chars_, static_cast<std::size_t>(offsets_[rows_])};
    }
    bool borrowed() const noexcept { return owner_ != nullptr; }

    // Filling: owned storage only (the builder's); the characters go end to end, no string
    // per row.
    void reserve(std::size_t rows) { owned_offsets().reserve(rows + 1), sync(); }
    void reserve(std::size_t rows, std::size_t chars) {
        reserve(rows);
        owned_chars_.reserve(chars), sync();
    }
    void push_back(std::string_view text) {
        auto& offsets = owned_offsets();
        if (offsets.empty()) offsets.push_back(0);
        owned_chars_.append(text);
        offsets.push_back(owned_chars_.size());
        sync();
    }
    void emplace_back(std::string_view text = {}) { push_back(text); }

    friend bool operator==(const text_column& a, const text_column& b) noexcept {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    std::vector<std::uint64_t>& owned_offsets() noexcept {
        assert(!owner_ && "a borrowed column is read-only");
        return owned_offsets_;
    }
    void sync() noexcept {
        // Owned offsets are empty until the first row (no allocation for an empty column).
        offsets_ = owned_offsets_.empty() ? &zero_ : owned_offsets_.data();
        chars_ = owned_chars_.data();
        rows_ = owned_offsets_.empty() ? 0 : owned_offsets_.size() - 1;
    }
    void adopt(const text_column& other) noexcept {
        if (owner_) {
            offsets_ = other.offsets_;
            chars_ = other.chars_;
            rows_ = other.rows_;
        } else {
            sync();
        }
    }
    void reset() noexcept {
        owned_offsets_.clear();
        owned_chars_.clear();
        owner_.reset();
        sync();
    }

    std::vector<std::uint64_t> owned_offsets_;
    std::string owned_chars_;
    const std::uint64_t* offsets_ = &zero_;
    const char* chars_ = nullptr;
    std::size_t rows_ = 0;
    storage_owner owner_;
    static constexpr std::uint64_t zero_ = 0; ///< the one offset of an empty column
};

PASSEND_NAMESPACE_END
