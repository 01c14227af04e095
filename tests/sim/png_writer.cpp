// Synthetic patterns, encoded as PNG by the runtime's stb encoder.
#include "tests/sim/png_writer.h"

#include "runtime/image/pixel_image.h"
#include "tests/sim/keyed_random.h"

#include <vector>

namespace clue::sim {
namespace {

std::vector<unsigned char> pattern(std::uint64_t seed, std::uint64_t index, int side) {
    const KeyedRandom random(seed);
    const std::uint64_t a = random.bits({"png", std::to_string(index), "a"});
    const std::uint64_t b = random.bits({"png", std::to_string(index), "b"});
    std::vector<unsigned char> pixels(static_cast<std::size_t>(side * side * 3));
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            unsigned char* p = &pixels[static_cast<std::size_t>((y * side + x) * 3)];
            p[0] = static_cast<unsigned char>((a >> ((x + y) % 56)) + x * 5);
            p[1] = static_cast<unsigned char>((b >> (x % 56)) + y * 7);
            p[2] = static_cast<unsigned char>(((a ^ b) >> (y % 56)) + (x ^ y));
        }
    }
    for (int i = 0; i < 8 && i < side * side; ++i) { // the index, one byte per red channel
        pixels[static_cast<std::size_t>(i * 3)] = static_cast<unsigned char>(index >> (8 * i));
    }
    return pixels;
}

} // namespace

std::string syntheticPng(std::uint64_t seed, std::uint64_t index, int side) {
    runtime::PixelImage image;
    image.width = side;
    image.height = side;
    image.rgb = pattern(seed, index, side);
    return runtime::encodePng(image);
}

} // namespace clue::sim
