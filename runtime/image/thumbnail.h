// A small picture of an image for a report (`clue diff --thumbnails`): decoded with the project's
// stb decoder under the usual limits, scaled down, and encoded as a JPEG data URL of bounded size.
#pragma once

#include "runtime/image/image_loader.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <string>

namespace clue::runtime {

// The image's longer side at most `maxSide` pixels (never enlarged), as
// "data:image/jpeg;base64,...": at most maxSide^2 * 3 bytes before compression. The error says
// why not (the file cannot be read, is no image, is too large, does not decode).
Expected<std::string, ImageError> thumbnailDataUrl(const std::filesystem::path& path, int maxSide,
                                                   const ImageLimits& limits = {});

} // namespace clue::runtime
