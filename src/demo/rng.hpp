// SPDX-License-Identifier: EUPL-1.2
// The demo's own random numbers: xoshiro256** seeded by splitmix64, and integer-only sampling.
//
// std:: distributions are not used on purpose: their output differs between standard libraries,
// and the demo must be the same dataset on every machine.
#pragma once

#include "passend/config.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

PASSEND_NAMESPACE_BEGIN
namespace demo {

/// One step of splitmix64 (Steele, Lea, Flood 2014): a good mixer for seeds and hashes.
constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// A seed for stream `stream` of seed `seed` (one stream per pupil, school, board).
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream) noexcept {
    std::uint64_t s = seed ^ (stream * 0xD1B54A32D192ED03ull);
    return splitmix64(s);
}

/// xoshiro256** 1.0 (Blackman and Vigna).
class rng {
public:
    explicit rng(std::uint64_t seed) noexcept {
        for (auto& word : s_) word = splitmix64(seed);
    }

    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform in [0, n), n > 0, without bias (Lemire's multiply-and-reject).
    std::uint32_t below(std::uint32_t n) noexcept {
        std::uint64_t m = (next() >> 32) * n;
        auto low = static_cast<std::uint32_t>(m);
        if (low < n) {
            const std::uint32_t threshold = (0u - n) % n;
            while (low < threshold) {
                m = (next() >> 32) * n;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }
    /// Uniform in [lo, hi].
    int between(int lo, int hi) noexcept {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    /// True with probability `per_100k` / 100,000.
    bool chance(std::uint32_t per_100k) noexcept { return below(100'000) < per_100k; }

    /// An index drawn with the integer weights whose running sums are `cumulative`.
    std::size_t pick(const std::vector<std::uint32_t>& cumulative) noexcept {
        const auto r = below(cumulative.back());
        return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                        cumulative.begin());
    }
    /// An element of a non-empty list, uniformly.
    template <class T>
    const T& one_of(const std::vector<T>& items) noexcept {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
};

/// Running sums of integer weights, for rng::pick.
inline std::vector<std::uint32_t> cumulative(const std::vector<std::uint32_t>& weights) {
    std::vector<std::uint32_t> out(weights.size());
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) out[i] = sum += weights[i];
    return out;
}

} // namespace demo
PASSEND_NAMESPACE_END
