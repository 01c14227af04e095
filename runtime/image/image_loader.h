// Reading one input image safely: size limit before reading, magic-byte check, a full decode
// within pixel and memory bounds, SHA-256, data URL.
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
    // Images whose header declares more pixels (width x height) are refused before decoding.
    std::uint64_t maxPixels = 50'000'000;

    // What decoding may allocate at once: 16 bytes per allowed pixel (a 16-bit RGBA PNG holds its
    // filtered rows and its pixels together) plus twice the file. A zlib stream that inflates
    // past it (a decompression bomb) fails instead of exhausting memory.
    std::uint64_t decodeMemoryBudget() const { return 16 * maxPixels + 2 * maxBytes; }
};

enum class ImageErrorKind {
    NotFound,      // no such file
    NotAFile,      // a directory, a device, a FIFO...
    Unreadable,    // the file exists but cannot be read (permissions, I/O error)
    Empty,         // zero bytes
    TooLarge,      // over ImageLimits::maxBytes
    NotAnImage,    // not PNG, JPEG, GIF, WebP or BMP by its magic bytes
    Unsupported,   // a format recognized but not decoded here (WebP)
    Undecodable,   // an image's first bytes, but it does not decode (truncated, corrupt, or over
                   // the decoding memory budget: a decompression bomb)
    TooManyPixels, // its header declares more than ImageLimits::maxPixels
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
    int width = 0; // pixels, as decoded
    int height = 0;
    std::string bytes;
    std::string sha256; // lower-case hex of `bytes`: the image's identity in caches and worlds

    std::string_view mime() const { return mimeType(format); }
    // "data:<mime>;base64,<bytes>", for an image_url content part.
    std::string dataUrl() const;
};

// Every failure is an ImageError; its message never shows the file's content.
Expected<LoadedImage, ImageError> loadImage(const std::filesystem::path& path,
                                            const ImageLimits& limits = {});

// The same checks on bytes already in memory (an upload): empty, over the limit, not an image,
// not decodable within the limits.
// `name` stands for the path in the result and in error messages.
Expected<LoadedImage, ImageError> imageFromBytes(std::string bytes,
                                                 const std::filesystem::path& name,
                                                 const ImageLimits& limits = {});

} // namespace clue::runtime
