// SPDX-License-Identifier: EUPL-1.2
// Reading a fuzzer's bytes as a sequence of choices: small numbers, flags and byte strings.
// Past the end every read gives zero or empty, so any input is a complete program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace passend_fuzz {

class fuzz_input {
public:
    fuzz_input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    bool empty() const noexcept { return pos_ >= size_; }
    std::uint8_t byte() noexcept { return pos_ < size_ ? data_[pos_++] : 0; }
    /// A number in [0, n) (n > 0).
    std::size_t below(std::size_t n) noexcept { return byte() % n; }
    bool flag() noexcept { return byte() & 1; }
    /// The next sizeof(T) bytes as a T (zero bytes past the end).
    template <class T>
    T value() noexcept {
        unsigned char raw[sizeof(T)] = {};
        for (auto& b : raw) b = byte();
        T v;
        std::memcpy(&v, raw, sizeof v);
        return v;
    }
    /// At most `limit` bytes, the count taken from the input.
    std::string text(std::size_t limit = 64) {
        const std::size_t n = below(limit + 1);
        std::string out;
        for (std::size_t i = 0; i < n && !empty(); ++i) out.push_back(static_cast<char>(byte()));
        return out;
    }
    /// The rest of the input.
    std::string_view rest() noexcept {
        const auto* p = reinterpret_cast<const char*>(data_) + (pos_ < size_ ? pos_ : size_);
        const std::size_t n = pos_ < size_ ? size_ - pos_ : 0;
        pos_ = size_;
        return {p, n};
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

} // namespace passend_fuzz
