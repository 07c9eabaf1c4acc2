// A small deterministic random number generator: the same seed gives the same
// numbers on every platform and compiler (std::mt19937 does, but the standard
// distributions do not: libstdc++, libc++ and MSVC differ), so demo rosters
// and randomised tests are reproducible natively and in wasm.
//
// Usage:
//   Rng rng(42);
//   int age = rng.between(18, 65);        // inclusive
//   if (rng.chance(0.3)) ...
//   const auto& name = rng.pick(names);
//
// Algorithm: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom
// number generators", 2018, prng.di.unimi.it), seeded through splitmix64 as
// its authors recommend. Not for cryptography.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace welkom {

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (std::uint64_t& s : m_state) s = splitmix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n), without modulo bias (rejection sampling). n > 0.
    std::uint64_t below(std::uint64_t n) {
        assert(n > 0);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t x = next();
        while (x >= limit) x = next();
        return x % n;
    }

    // Uniform in [lo, hi], inclusive. lo <= hi.
    int between(int lo, int hi) {
        assert(lo <= hi);
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1)));
    }

    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double p) { return unit() < p; }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        assert(!items.empty());
        return items[static_cast<std::size_t>(below(items.size()))];
    }

    // An index drawn with the given non-negative weights (not all zero).
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0.0;
        for (double w : weights) total += w;
        double x = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4] = {};
};

}  // namespace welkom
