// Randomness derived from a key instead of a shared generator, so that the simulator's answers do
// not depend on the order or the concurrency of the requests that ask for them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace clue::sim {

class KeyedRandom {
public:
    explicit KeyedRandom(std::uint64_t seed) : seed_(seed) {}

    // 64 bits from SHA-256 over the seed and the key parts (each part length-prefixed, so that
    // ("ab","c") and ("a","bc") differ).
    std::uint64_t bits(std::initializer_list<std::string_view> key) const;
    // Uniform in [0, 1).
    double uniform(std::initializer_list<std::string_view> key) const;
    // Standard normal (Box-Muller over two uniforms of the same key).
    double normal(std::initializer_list<std::string_view> key) const;

    std::uint64_t seed() const { return seed_; }

private:
    std::uint64_t seed_;
};

} // namespace clue::sim
