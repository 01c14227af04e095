// stb's decoder, resizer and encoders, from Debian's libstb (its implementations are compiled
// there, not here).
#include "runtime/image/pixel_image.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <limits>
#include <memory>
#include <stdexcept>

namespace clue::runtime {
namespace {

constexpr int kChannels = 3;

const stbi_uc* data(std::string_view bytes) {
    return reinterpret_cast<const stbi_uc*>(bytes.data());
}

void appendBytes(void* context, void* chunk, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(chunk),
                                               static_cast<std::size_t>(size));
}

} // namespace

Expected<PixelImage, std::string> decodePixels(std::string_view bytes, std::uint64_t maxPixels) {
    if (bytes.empty() || bytes.size() > std::size_t(std::numeric_limits<int>::max())) {
        return std::string("no image data, or more than stb can read");
    }
    const int length = static_cast<int>(bytes.size());
    int width = 0, height = 0, channels = 0;
    if (stbi_info_from_memory(data(bytes), length, &width, &height, &channels) == 0) {
        return std::string("not a decodable image: ") + stbi_failure_reason();
    }
    if (width <= 0 || height <= 0 || std::uint64_t(width) * std::uint64_t(height) > maxPixels) {
        return std::to_string(width) + " x " + std::to_string(height) +
               " pixels, over the limit of " + std::to_string(maxPixels);
    }
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data(bytes), length, &width, &height, &channels, kChannels),
        stbi_image_free);
    if (!pixels) {
        return std::string("the image does not decode: ") + stbi_failure_reason();
    }
    PixelImage image;
    image.width = width;
    image.height = height;
    image.rgb.assign(pixels.get(), pixels.get() + image.pixelCount() * kChannels);
    return image;
}

PixelImage resizePixels(const PixelImage& image, int width, int height) {
    PixelImage out;
    out.width = std::max(1, width);
    out.height = std::max(1, height);
    out.rgb.resize(out.pixelCount() * kChannels);
    if (stbir_resize_uint8(image.rgb.data(), image.width, image.height, 0, out.rgb.data(),
                           out.width, out.height, 0, kChannels) == 0) {
        throw std::runtime_error("stb could not resize the image");
    }
    return out;
}

std::string encodePng(const PixelImage& image) {
    std::string png;
    if (stbi_write_png_to_func(appendBytes, &png, image.width, image.height, kChannels,
                               image.rgb.data(), image.width * kChannels) == 0) {
        throw std::runtime_error("stb could not encode the PNG");
    }
    return png;
}

std::string encodeJpeg(const PixelImage& image, int quality) {
    std::string jpeg;
    if (stbi_write_jpg_to_func(appendBytes, &jpeg, image.width, image.height, kChannels,
                               image.rgb.data(), quality) == 0) {
        throw std::runtime_error("stb could not encode the JPEG");
    }
    return jpeg;
}

} // namespace clue::runtime
