// A small picture of an image for recognising perturbed copies: decoded, then scaled to 16 x 16
// RGB. Two fingerprints are compared by the root mean square of their differences.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace clue::sim {

inline constexpr int kFingerprintSide = 16;

using Fingerprint = std::array<std::uint8_t, kFingerprintSide * kFingerprintSide * 3>;

// Nothing when the bytes do not decode, or declare more than 50 million pixels.
std::optional<Fingerprint> fingerprintOf(std::string_view imageBytes);

// In [0, 1]: 0 for equal fingerprints, 1 for black against white.
double fingerprintDistance(const Fingerprint& a, const Fingerprint& b);

} // namespace clue::sim
