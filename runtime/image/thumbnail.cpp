// Thumbnails through pixel_image's decoder, resizer and JPEG encoder.
#include "runtime/image/thumbnail.h"

#include "common/base64.h"
#include "runtime/image/pixel_image.h"

#include <algorithm>

namespace clue::runtime {

Expected<std::string, ImageError> thumbnailDataUrl(const std::filesystem::path& path, int maxSide,
                                                   const ImageLimits& limits) {
    auto loaded = loadImage(path, limits);
    if (!loaded) {
        return loaded.error();
    }
    auto decoded = decodePixels(loaded->bytes, limits.maxPixels);
    if (!decoded) {
        return ImageError{ImageErrorKind::Undecodable, path,
                          path.string() + ": " + decoded.error()};
    }
    PixelImage pixels = std::move(decoded).value();
    const int side = std::max(1, maxSide);
    const int longer = std::max(pixels.width, pixels.height);
    if (longer > side) {
        const double scale = double(side) / double(longer);
        pixels = resizePixels(pixels, std::max(1, int(pixels.width * scale)),
                              std::max(1, int(pixels.height * scale)));
    }
    return std::string("data:image/jpeg;base64,") + base64Encode(encodeJpeg(pixels, 80));
}

} // namespace clue::runtime
