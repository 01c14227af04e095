// Key-derived randomness: SHA-256 of the seed and the key, read as 64-bit integers.
#include "tests/sim/keyed_random.h"

#include "common/sha256.h"

#include <cmath>
#include <numbers>
#include <string>

namespace clue::sim {
namespace {

std::string keyText(std::uint64_t seed, std::initializer_list<std::string_view> key) {
    std::string text = std::to_string(seed);
    for (std::string_view part : key) {
        text += '|';
        text += std::to_string(part.size());
        text += ':';
        text += part;
    }
    return text;
}

std::uint64_t hexPrefix(const std::string& hex, std::size_t offset) {
    return std::stoull(hex.substr(offset, 16), nullptr, 16);
}

double toUnit(std::uint64_t bits) {
    return static_cast<double>(bits >> 11) * 0x1.0p-53; // 53 random bits, in [0, 1)
}

} // namespace

std::uint64_t KeyedRandom::bits(std::initializer_list<std::string_view> key) const {
    return hexPrefix(sha256Hex(keyText(seed_, key)), 0);
}

double KeyedRandom::uniform(std::initializer_list<std::string_view> key) const {
    return toUnit(bits(key));
}

double KeyedRandom::normal(std::initializer_list<std::string_view> key) const {
    const std::string hex = sha256Hex(keyText(seed_, key));
    const double u1 = 1.0 - toUnit(hexPrefix(hex, 0)); // in (0, 1]: log() stays finite
    const double u2 = toUnit(hexPrefix(hex, 16));
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

} // namespace clue::sim
