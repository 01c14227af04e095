// Small synthetic PNG images, distinct by index, for the corpus generator and the tests.
#pragma once

#include <cstdint>
#include <string>

namespace clue::sim {

// A valid RGB PNG of side x side pixels: a pattern drawn from (seed, index), with the index also
// written into the first pixels, so that two indexes never give the same bytes.
std::string syntheticPng(std::uint64_t seed, std::uint64_t index, int side = 32);

} // namespace clue::sim
