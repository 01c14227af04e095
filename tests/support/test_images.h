// Small valid images of each decodable format for tests, distinct by seed, written with Debian's
// stb_image_write (PNG, JPEG, BMP) or by hand (GIF).
#pragma once

#include <string>

namespace clue::test {

std::string pngImage(int seed = 0, int width = 8, int height = 6);
std::string jpegImage(int seed = 0, int width = 8, int height = 6);
std::string bmpImage(int seed = 0, int width = 8, int height = 6);
// A 1 x 1 GIF89a whose color is drawn from the seed.
std::string gifImage(int seed = 0);

} // namespace clue::test
