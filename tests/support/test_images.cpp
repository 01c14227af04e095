// Test images through stb_image_write's callback API.
#include "tests/support/test_images.h"

#include <stb_image_write.h>

#include <vector>

namespace clue::test {
namespace {

void append(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
}

std::vector<unsigned char> pixels(int seed, int width, int height) {
    std::vector<unsigned char> out(static_cast<std::size_t>(width * height * 3));
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] =
            static_cast<unsigned char>((i * 7919 + static_cast<std::size_t>(seed) * 104729) % 251);
    }
    return out;
}

} // namespace

std::string pngImage(int seed, int width, int height) {
    std::string out;
    const auto data = pixels(seed, width, height);
    stbi_write_png_to_func(append, &out, width, height, 3, data.data(), width * 3);
    return out;
}

std::string jpegImage(int seed, int width, int height) {
    std::string out;
    const auto data = pixels(seed, width, height);
    stbi_write_jpg_to_func(append, &out, width, height, 3, data.data(), 90);
    return out;
}

std::string bmpImage(int seed, int width, int height) {
    std::string out;
    const auto data = pixels(seed, width, height);
    stbi_write_bmp_to_func(append, &out, width, height, 3, data.data());
    return out;
}

std::string gifImage(int seed) {
    std::string out("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13);
    out += static_cast<char>(seed & 0xff); // the first color of the global table
    out += static_cast<char>((seed >> 8) & 0xff);
    out += std::string("\x00\x00\x00\x00", 4);
    out += std::string("\x21\xf9\x04\x01\x00\x00\x00\x00", 8);          // control
    out += std::string("\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10); // descriptor
    out += std::string("\x02\x02\x44\x01\x00", 5);                      // LZW data
    out += ';';                                                         // trailer
    return out;
}

} // namespace clue::test
