// Loading input images with every failure reported per image, never thrown.
#include "runtime/image/image_loader.h"

#include "common/assert.h"
#include "common/base64.h"
#include "common/sha256.h"
#include "runtime/image/image_structure.h"
#include "runtime/image/stb_decoder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clue::runtime {
namespace {

namespace fs = std::filesystem;

ImageError failure(ImageErrorKind kind, const fs::path& path, const std::string& what) {
    return ImageError{kind, path, path.string() + ": " + what};
}

// Checks what the file system says before a single byte is read.
std::optional<ImageError> checkFile(const fs::path& path, const ImageLimits& limits) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        return ec && ec != std::errc::no_such_file_or_directory
                   ? failure(ImageErrorKind::Unreadable, path, "cannot read: " + ec.message())
                   : failure(ImageErrorKind::NotFound, path, "no such file");
    }
    if (!fs::is_regular_file(status)) {
        return failure(ImageErrorKind::NotAFile, path,
                       fs::is_directory(status) ? "is a directory, not an image file"
                                                : "is not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        return failure(ImageErrorKind::Unreadable, path, "cannot read: " + ec.message());
    }
    if (size == 0) {
        return failure(ImageErrorKind::Empty, path, "empty file");
    }
    if (size > limits.maxBytes) {
        return failure(ImageErrorKind::TooLarge, path,
                       std::to_string(size) + " bytes, over the image size limit of " +
                           std::to_string(limits.maxBytes) + " bytes");
    }
    return std::nullopt;
}

// Reads at most maxBytes + 1 bytes, so that a file that grew since it was checked is caught.
Expected<std::string, ImageError> readBytes(const fs::path& path, const ImageLimits& limits) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return failure(ImageErrorKind::Unreadable, path,
                       std::string("cannot read: ") + std::strerror(errno));
    }
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() <= limits.maxBytes) {
        const ssize_t got = ::read(fd, buffer, sizeof(buffer));
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            return failure(ImageErrorKind::Unreadable, path, "cannot read: " + reason);
        }
        if (got == 0) {
            break;
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    if (bytes.size() > limits.maxBytes) {
        return failure(ImageErrorKind::TooLarge, path,
                       "over the image size limit of " + std::to_string(limits.maxBytes) +
                           " bytes");
    }
    return bytes; // imageFromBytes() reports an empty one
}

// Decodes the whole image, after checking its container and its declared size.
std::optional<ImageError> checkDecodes(LoadedImage& image, const ImageLimits& limits) {
    const std::string name(formatName(image.format));
    if (image.format == ImageFormat::WebP) {
        return failure(ImageErrorKind::Unsupported, image.path,
                       "a WebP image, which clue cannot decode (stb has no WebP decoder); "
                       "convert it to PNG or JPEG");
    }
    if (auto problem = structureProblem(image.bytes, image.format)) {
        return failure(ImageErrorKind::Undecodable, image.path,
                       "not a valid " + name + " image: " + *problem);
    }
    const auto size = declaredSize(image.bytes, image.format);
    if (!size) {
        return failure(ImageErrorKind::Undecodable, image.path,
                       "not a valid " + name + " image: its header declares no size");
    }
    if (size->width * size->height > limits.maxPixels) {
        return failure(ImageErrorKind::TooManyPixels, image.path,
                       std::to_string(size->width) + " x " + std::to_string(size->height) +
                           " pixels, over the limit of " + std::to_string(limits.maxPixels));
    }
    ImageGeometry decoded;
    if (auto problem = decodeProblem(image.bytes, limits.decodeMemoryBudget(), decoded)) {
        return failure(ImageErrorKind::Undecodable, image.path,
                       "the " + name + " image does not decode: " + *problem);
    }
    image.width = decoded.width;
    image.height = decoded.height;
    return std::nullopt;
}

} // namespace

std::string_view toString(ImageErrorKind kind) {
    switch (kind) {
    case ImageErrorKind::NotFound:
        return "not-found";
    case ImageErrorKind::NotAFile:
        return "not-a-file";
    case ImageErrorKind::Unreadable:
        return "unreadable";
    case ImageErrorKind::Empty:
        return "empty";
    case ImageErrorKind::TooLarge:
        return "too-large";
    case ImageErrorKind::NotAnImage:
        return "not-an-image";
    case ImageErrorKind::Unsupported:
        return "unsupported-format";
    case ImageErrorKind::Undecodable:
        return "undecodable";
    case ImageErrorKind::TooManyPixels:
        return "too-many-pixels";
    }
    CLUE_UNREACHABLE();
}

std::optional<ImageErrorKind> parseImageErrorKind(std::string_view name) {
    for (ImageErrorKind kind :
         {ImageErrorKind::NotFound, ImageErrorKind::NotAFile, ImageErrorKind::Unreadable,
          ImageErrorKind::Empty, ImageErrorKind::TooLarge, ImageErrorKind::NotAnImage}) {
        if (toString(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string LoadedImage::dataUrl() const {
    std::string url = "data:";
    url += mime();
    url += ";base64,";
    url += base64Encode(bytes);
    return url;
}

Expected<LoadedImage, ImageError> loadImage(const fs::path& path, const ImageLimits& limits) {
    if (auto problem = checkFile(path, limits)) {
        return *problem;
    }
    auto bytes = readBytes(path, limits);
    if (!bytes) {
        return bytes.error();
    }
    return imageFromBytes(std::move(bytes).value(), path, limits);
}

Expected<LoadedImage, ImageError> imageFromBytes(std::string bytes, const fs::path& name,
                                                 const ImageLimits& limits) {
    if (bytes.empty()) {
        return failure(ImageErrorKind::Empty, name, "empty file");
    }
    if (bytes.size() > limits.maxBytes) {
        return failure(ImageErrorKind::TooLarge, name,
                       std::to_string(bytes.size()) + " bytes, over the image size limit of " +
                           std::to_string(limits.maxBytes) + " bytes");
    }
    const auto format = sniffImageFormat(std::string_view(bytes).substr(0, kImageSniffBytes));
    if (!format) {
        return failure(ImageErrorKind::NotAnImage, name,
                       "not an image (PNG, JPEG, GIF or BMP expected, by its first bytes)");
    }
    LoadedImage image{name, *format, 0, 0, std::move(bytes), {}};
    if (auto problem = checkDecodes(image, limits)) {
        return *problem;
    }
    image.sha256 = sha256Hex(image.bytes);
    return image;
}

} // namespace clue::runtime
