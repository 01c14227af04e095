// Decoding, resizing and encoding pixels with stb: exact PNG round trips, JPEG within its loss,
// the pixel limit checked before decoding, and errors for what is not an image.
#include "runtime/image/pixel_image.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace clue::runtime;

namespace {

PixelImage gradient(int width, int height) {
    PixelImage image;
    image.width = width;
    image.height = height;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.rgb.push_back(static_cast<std::uint8_t>(x * 255 / std::max(1, width - 1)));
            image.rgb.push_back(static_cast<std::uint8_t>(y * 255 / std::max(1, height - 1)));
            image.rgb.push_back(128);
        }
    }
    return image;
}

} // namespace

TEST(PixelImage, PngRoundTripsExactly) {
    const PixelImage image = gradient(17, 9);
    const std::string png = encodePng(image);
    ASSERT_EQ(png.substr(1, 3), "PNG");
    auto decoded = decodePixels(png, 1000);
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(decoded->width, 17);
    EXPECT_EQ(decoded->height, 9);
    EXPECT_EQ(decoded->rgb, image.rgb);
}

TEST(PixelImage, JpegStaysCloseAndLosesMoreAtLowQuality) {
    const PixelImage image = gradient(32, 32);
    auto error = [&](int quality) {
        auto decoded = decodePixels(encodeJpeg(image, quality), 10000);
        EXPECT_TRUE(decoded);
        long sum = 0;
        for (std::size_t i = 0; i < image.rgb.size(); ++i) {
            sum += std::abs(int(decoded->rgb[i]) - int(image.rgb[i]));
        }
        return double(sum) / double(image.rgb.size());
    };
    const double high = error(95);
    const double low = error(5);
    EXPECT_LT(high, 3.0);
    EXPECT_GT(low, high);
}

TEST(PixelImage, TheLimitIsCheckedBeforeDecoding) {
    const std::string png = encodePng(gradient(100, 50));
    auto refused = decodePixels(png, 4999);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().find("100 x 50 pixels, over the limit of 4999"), std::string::npos)
        << refused.error();
    EXPECT_TRUE(decodePixels(png, 5000));
}

TEST(PixelImage, WhatIsNotAnImageIsAnError) {
    EXPECT_FALSE(decodePixels("", 100));
    EXPECT_FALSE(decodePixels("plain text, not pixels", 100));
    const std::string png = encodePng(gradient(8, 8));
    EXPECT_FALSE(decodePixels(png.substr(0, png.size() / 2), 100)) << "a truncated PNG";
}

TEST(PixelImage, ResizeKeepsAFlatImageFlat) {
    PixelImage flat;
    flat.width = 40;
    flat.height = 20;
    flat.rgb.assign(40 * 20 * 3, 200);
    const PixelImage small = resizePixels(flat, 10, 5);
    EXPECT_EQ(small.width, 10);
    EXPECT_EQ(small.height, 5);
    ASSERT_EQ(small.rgb.size(), 150u);
    for (std::uint8_t v : small.rgb) {
        EXPECT_NEAR(v, 200, 1);
    }
    EXPECT_EQ(resizePixels(flat, 0, 0).pixelCount(), 1u) << "at least one pixel";
}
