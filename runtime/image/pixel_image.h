// Decoded pixels, for code that changes images (eval's perturbations) or compares them (clue-sim's
// nearest known image): decoding under a pixel limit, resizing, and PNG or JPEG encoding, all with
// Debian's stb (stb_image, stb_image_resize, stb_image_write).
#pragma once

#include "runtime/support/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

// RGB, 8 bits per channel, rows top to bottom.
struct PixelImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb; // width * height * 3

    std::size_t pixelCount() const { return std::size_t(width) * std::size_t(height); }
};

// Decodes the (first frame of the) image in `bytes` to RGB. Refuses, before decoding, an image
// whose header declares more than `maxPixels` pixels, so memory stays within about 4 bytes per
// allowed pixel plus the decoder's working set. The error says why.
Expected<PixelImage, std::string> decodePixels(std::string_view bytes, std::uint64_t maxPixels);

// The image scaled to width x height (both at least 1) with stb's default filters.
PixelImage resizePixels(const PixelImage& image, int width, int height);

// Encodings; both throw std::runtime_error only when stb fails, which it does not for a valid
// PixelImage. `quality` is JPEG's 1..100.
std::string encodePng(const PixelImage& image);
std::string encodeJpeg(const PixelImage& image, int quality);

} // namespace clue::runtime
