// Reading one input image safely: size limit before reading, magic-byte check, SHA-256, data URL.
#pragma once

#include "runtime/image/image_format.h"
#include "runtime/support/expected.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace clue::runtime {

struct ImageLimits {
    // Larger files are refused before their content is read.
    std::uintmax_t maxBytes = 20u << 20;
};

enum class ImageErrorKind {
    NotFound,   // no such file
    NotAFile,   // a directory, a device, a FIFO...
    Unreadable, // the file exists but cannot be read (permissions, I/O error)
    Empty,      // zero bytes
    TooLarge,   // over ImageLimits::maxBytes
    NotAnImage, // not PNG, JPEG, GIF, WebP or BMP by its magic bytes
};

std::string_view toString(ImageErrorKind kind); // "not-found", "not-a-file", ...
// The kind named by toString(), or nothing for another name.
std::optional<ImageErrorKind> parseImageErrorKind(std::string_view name);

// A per-image failure; `message` is complete and names the path ("photo.txt: not an image ...").
struct ImageError {
    ImageErrorKind kind;
    std::filesystem::path path;
    std::string message;
};

struct LoadedImage {
    std::filesystem::path path;
    ImageFormat format;
    std::string bytes;
    std::string sha256; // lower-case hex of `bytes`: the image's identity in caches and worlds

    std::string_view mime() const { return mimeType(format); }
    // "data:<mime>;base64,<bytes>", for an image_url content part.
    std::string dataUrl() const;
};

Expected<LoadedImage, ImageError> loadImage(const std::filesystem::path& path,
                                            const ImageLimits& limits = {});

// The same checks on bytes already in memory (an upload): empty, over the limit, not an image.
// `name` stands for the path in the result and in error messages.
Expected<LoadedImage, ImageError> imageFromBytes(std::string bytes,
                                                 const std::filesystem::path& name,
                                                 const ImageLimits& limits = {});

} // namespace clue::runtime
