// Tests of image sniffing and loading: formats, per-image errors with the path, hash, data URL,
// and the full decode that refuses truncated, corrupt and oversized images.
#include "runtime/image/image_loader.h"

#include "child_process.h"
#include "common/base64.h"
#include "common/sha256.h"
#include "temp_dir.h"
#include "tests/support/test_images.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace clue::runtime;
using namespace std::string_literals;
using clue::test::TempDir;
using namespace clue::test;

namespace {

// Minimal headers of each format, as the first bytes of real files have them.
const std::string png = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0"s;
const std::string jpeg = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"s;
const std::string gif = "GIF89a\x01\0\x01\0\x80\0\0"s;
const std::string webp = "RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0"s;
const std::string bmp = "BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x01\0\0\0\x01\0\0\0"s;

} // namespace

TEST(ImageFormat, RecognizesEachFormatByItsMagicBytes) {
    EXPECT_EQ(sniffImageFormat(png), ImageFormat::Png);
    EXPECT_EQ(sniffImageFormat(jpeg), ImageFormat::Jpeg);
    EXPECT_EQ(sniffImageFormat(gif), ImageFormat::Gif);
    EXPECT_EQ(sniffImageFormat("GIF87a\x01\0"s), ImageFormat::Gif);
    EXPECT_EQ(sniffImageFormat(webp), ImageFormat::WebP);
    EXPECT_EQ(sniffImageFormat(bmp), ImageFormat::Bmp);
}

TEST(ImageFormat, RejectsLookalikesAndOtherFiles) {
    EXPECT_FALSE(sniffImageFormat("BMW is a car brand, not a bitmap."));
    EXPECT_FALSE(sniffImageFormat("RIFF\x24\0\0\0WAVEfmt "s)); // audio, not WebP
    EXPECT_FALSE(sniffImageFormat("%PDF-1.7\n"));
    EXPECT_FALSE(sniffImageFormat("\x89PNG\r\n"s)); // cut short
    EXPECT_FALSE(sniffImageFormat(""));
    EXPECT_FALSE(sniffImageFormat("GIF90a"));
}

TEST(ImageFormat, NamesTheMimeTypes) {
    EXPECT_EQ(mimeType(ImageFormat::Png), "image/png");
    EXPECT_EQ(mimeType(ImageFormat::Jpeg), "image/jpeg");
    EXPECT_EQ(mimeType(ImageFormat::Gif), "image/gif");
    EXPECT_EQ(mimeType(ImageFormat::WebP), "image/webp");
    EXPECT_EQ(mimeType(ImageFormat::Bmp), "image/bmp");
}

TEST(ImageLoader, LoadsAnImageWithItsHashAndDataUrl) {
    TempDir dir;
    const std::string bytes = jpegImage();
    const auto path = dir.write("cat.jpg", bytes);
    const auto image = loadImage(path);
    ASSERT_TRUE(image) << image.error().message;
    EXPECT_EQ(image->format, ImageFormat::Jpeg);
    EXPECT_EQ(image->bytes, bytes);
    EXPECT_EQ(image->sha256, clue::sha256Hex(bytes));
    EXPECT_EQ(image->dataUrl(), "data:image/jpeg;base64," + clue::base64Encode(bytes));
    EXPECT_EQ(image->path, path);
    EXPECT_EQ(image->width, 8);
    EXPECT_EQ(image->height, 6);
}

TEST(ImageLoader, DecodesEachFormat) {
    TempDir dir;
    for (const auto& [name, bytes] : {std::pair{"a.png", pngImage()},
                                      {"a.jpg", jpegImage()},
                                      {"a.bmp", bmpImage()},
                                      {"a.gif", gifImage()}}) {
        const auto image = loadImage(dir.write(name, bytes));
        EXPECT_TRUE(image) << name << ": " << image.error().message;
    }
}

TEST(ImageLoader, TheFileNameDoesNotDecideTheFormat) {
    TempDir dir;
    const auto image = loadImage(dir.write("really-a-png.jpg", pngImage()));
    ASSERT_TRUE(image);
    EXPECT_EQ(image->mime(), "image/png");
}

namespace {

ImageError refusal(const std::string& bytes, const ImageLimits& limits = {}) {
    TempDir dir;
    const auto image = loadImage(dir.write("x.img", bytes), limits);
    if (image) {
        ADD_FAILURE() << "loaded " << bytes.size() << " bytes";
        return {};
    }
    EXPECT_EQ(image.error().message.find(dir.path().string()), 0u) << image.error().message;
    return image.error();
}

void expectUndecodable(const std::string& bytes, const std::string& message) {
    const ImageError error = refusal(bytes);
    EXPECT_EQ(error.kind, ImageErrorKind::Undecodable) << error.message;
    EXPECT_NE(error.message.find(message), std::string::npos) << error.message;
}

std::string garbage(std::size_t size) {
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += static_cast<char>((i * 131 + 7) % 256);
    }
    return out;
}

} // namespace

// Each was sent to the model and came back `safe`: the magic bytes of an image, not an image.
TEST(ImageLoader, RefusesTruncatedImages) {
    for (const std::string& whole : {pngImage(), jpegImage(), bmpImage(), gifImage()}) {
        for (double share : {0.97, 0.8, 0.5}) {
            const auto cut = whole.substr(0, static_cast<std::size_t>(whole.size() * share));
            const ImageError error = refusal(cut);
            EXPECT_EQ(error.kind, ImageErrorKind::Undecodable) << error.message;
        }
    }
    expectUndecodable(pngImage().substr(0, 100), "not a valid PNG image: the file ends early");
    expectUndecodable(gifImage().substr(0, 36), "not a valid GIF image: the file ends early");
    expectUndecodable(bmpImage().substr(0, 150), "not a valid BMP image: the file ends early");
    expectUndecodable(jpegImage().substr(0, 300), "the JPEG image does not decode");
}

TEST(ImageLoader, RefusesAHeaderFollowedByGarbage) {
    expectUndecodable(pngImage().substr(0, 33) + garbage(3000), "not a valid PNG image");
    expectUndecodable(jpegImage().substr(0, 20) + garbage(3000), "JPEG");
    expectUndecodable(gifImage().substr(0, 13) + garbage(3000), "not a valid GIF image");
    expectUndecodable(bmpImage().substr(0, 54) + garbage(100), "not a valid BMP image");
    // A whole PNG's chunks, the image data replaced by garbage of the same length.
    std::string image = pngImage();
    const auto idat = image.find("IDAT") + 4;
    image.replace(idat, 20, garbage(20));
    expectUndecodable(image, "the PNG image does not decode");
}

// stb has no WebP decoder: a WebP is refused as unsupported rather than sent unchecked.
TEST(ImageLoader, RefusesWebPAsUnsupported) {
    const ImageError error = refusal(webp + garbage(100));
    EXPECT_EQ(error.kind, ImageErrorKind::Unsupported);
    EXPECT_NE(error.message.find("a WebP image, which clue cannot decode"), std::string::npos)
        << error.message;
}

namespace {

// A PNG header (with a valid IHDR CRC, which nothing checks) declaring width x height.
std::string pngDeclaring(std::uint32_t width, std::uint32_t height) {
    std::string image = pngImage();
    for (int i = 0; i < 4; ++i) {
        image[16 + i] = static_cast<char>((width >> (24 - 8 * i)) & 0xff);
        image[20 + i] = static_cast<char>((height >> (24 - 8 * i)) & 0xff);
    }
    return image;
}

} // namespace

TEST(ImageLoader, RefusesMorePixelsThanTheLimitBeforeDecoding) {
    const ImageError error = refusal(pngDeclaring(100000, 100000));
    EXPECT_EQ(error.kind, ImageErrorKind::TooManyPixels);
    EXPECT_NE(error.message.find("100000 x 100000 pixels, over the limit of 50000000"),
              std::string::npos)
        << error.message;
    std::string gif = gifImage();
    gif[6] = gif[7] = gif[8] = gif[9] = '\xff'; // a logical screen of 65535 x 65535
    EXPECT_NE(refusal(gif).message.find("65535 x 65535 pixels, over the limit"), std::string::npos);
    ImageLimits limits;
    limits.maxPixels = 47;
    EXPECT_EQ(refusal(pngImage(), limits).kind, ImageErrorKind::TooManyPixels);
    limits.maxPixels = 48;
    TempDir dir;
    EXPECT_TRUE(loadImage(dir.write("a.png", pngImage()), limits));
}

// A decompression bomb: a few kilobytes whose image data inflates far past what the header
// declares; the decoder's allocations are bounded, so it fails instead of eating memory.
TEST(ImageLoader, RefusesADecompressionBomb) {
    std::string image = pngImage(0, 1, 1);
    const auto idat = image.find("IDAT") - 4;
    // An IDAT chunk holding a zlib stream of 64 MiB of zeros (stored deflate blocks would be
    // large; fixed-Huffman runs are tiny): built from repeated 258-byte matches.
    std::string zlib = "\x78\x01"s;
    std::string bits; // deflate is written LSB first; gather bits, then pack
    auto put = [&](unsigned value, int count) {
        for (int i = 0; i < count; ++i) {
            bits += static_cast<char>((value >> i) & 1);
        }
    };
    auto putReversed = [&](unsigned code, int count) { // Huffman codes go MSB first
        for (int i = count - 1; i >= 0; --i) {
            bits += static_cast<char>((code >> i) & 1);
        }
    };
    put(1, 1);            // the final block
    put(1, 2);            // fixed Huffman
    putReversed(0x30, 8); // the literal 0
    for (int i = 0; i < (64 << 20) / 258; ++i) {
        putReversed(0xc5, 8); // length 258 (code 285)
        putReversed(0, 5);    // distance 1
    }
    putReversed(0, 7); // end of block (256)
    for (std::size_t i = 0; i < bits.size(); i += 8) {
        unsigned char byte = 0;
        for (std::size_t b = 0; b < 8 && i + b < bits.size(); ++b) {
            byte |= static_cast<unsigned char>(bits[i + b] << b);
        }
        zlib += static_cast<char>(byte);
    }
    zlib += "\0\0\0\0"s; // the Adler-32, which stb does not check
    std::string chunk;
    for (int i = 0; i < 4; ++i) {
        chunk += static_cast<char>((zlib.size() >> (24 - 8 * i)) & 0xff);
    }
    chunk += "IDAT" + zlib + "\0\0\0\0"s;
    const auto end = image.find("IEND") - 4;
    image.replace(idat, end - idat, chunk);
    ImageLimits limits;
    limits.maxPixels = 1000; // a budget of 16,000 bytes plus twice the file
    const ImageError error = refusal(image, limits);
    EXPECT_EQ(error.kind, ImageErrorKind::Undecodable) << error.message;
    EXPECT_NE(error.message.find("decoding needs more than"), std::string::npos) << error.message;
    EXPECT_LT(image.size(), 8u << 20);
}

TEST(ImageLoader, AFileThatIsNotAnImageIsReportedWithItsPath) {
    TempDir dir;
    const auto path = dir.write("notes.png", "just some text\n");
    const auto image = loadImage(path);
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::NotAnImage);
    EXPECT_EQ(image.error().path, path);
    EXPECT_EQ(image.error().message,
              path.string() +
                  ": not an image (PNG, JPEG, GIF or BMP expected, by its first bytes)");
}

// An error record showed the file's first 8 bytes in hex: here, of /etc/shadow. No message
// shows any of the file's content.
TEST(ImageLoader, NoMessageShowsTheFilesContent) {
    const std::string secret = "root:$6$saltsalt$hash:19000:0:99999:7:::\n";
    std::string hex;
    for (unsigned char c : secret.substr(0, 4)) {
        hex += "0123456789abcdef"[c >> 4];
        hex += "0123456789abcdef"[c & 15];
    }
    for (const std::string& bytes : {secret, pngImage().substr(0, 40) + secret,
                                     gifImage().substr(0, 13) + secret, webp + secret}) {
        const ImageError error = refusal(bytes);
        EXPECT_EQ(error.message.find("root"), std::string::npos) << error.message;
        EXPECT_EQ(error.message.find(hex), std::string::npos) << error.message;
        EXPECT_EQ(error.message.find("72 6f 6f 74"), std::string::npos) << error.message;
    }
}

TEST(ImageLoader, AnEmptyFileIsReported) {
    TempDir dir;
    const auto image = loadImage(dir.write("empty.png", ""));
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::Empty);
}

TEST(ImageLoader, AFileOverTheLimitIsRefusedBeforeItIsRead) {
    TempDir dir;
    // A sparse file: 1 GiB by its size, nothing on disk. Reading it would take a gigabyte.
    const auto path = dir / "huge.png";
    dir.write("huge.png", png);
    ASSERT_EQ(::truncate(path.c_str(), 1LL << 30), 0);
    const auto image = loadImage(path);
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::TooLarge);
    EXPECT_NE(image.error().message.find("1073741824 bytes, over the image size limit of 20971520"),
              std::string::npos)
        << image.error().message;
}

TEST(ImageLoader, TheSizeLimitIsConfigurable) {
    TempDir dir;
    const std::string bytes = pngImage();
    const auto path = dir.write("small.png", bytes);
    EXPECT_FALSE(loadImage(path, ImageLimits{bytes.size() - 1}));
    EXPECT_TRUE(loadImage(path, ImageLimits{bytes.size()}));
}

TEST(ImageLoader, AMissingFileIsReported) {
    TempDir dir;
    const auto image = loadImage(dir / "absent.png");
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::NotFound);
    EXPECT_NE(image.error().message.find("absent.png: no such file"), std::string::npos);
}

TEST(ImageLoader, ADirectoryIsNotAnImageFile) {
    TempDir dir;
    const auto image = loadImage(dir.path());
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::NotAFile);
}

TEST(ImageLoader, AFifoIsNotAnImageFileAndIsNotOpened) {
    TempDir dir;
    const auto path = dir / "pipe";
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    const auto image = loadImage(path); // opening a FIFO would block forever
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::NotAFile);
}

namespace {

bool reportsPermissionDenied(const std::filesystem::path& path) {
    const auto image = loadImage(path);
    return !image && image.error().kind == ImageErrorKind::Unreadable &&
           image.error().message.find("cannot read: Permission denied") != std::string::npos;
}

} // namespace

TEST(ImageLoader, AnUnreadableFileIsReported) {
    TempDir dir;
    const auto path = dir.write("locked.png", png);
    ASSERT_EQ(::chmod(path.c_str(), 0), 0);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
    EXPECT_TRUE(clue::test::withoutRoot([&] { return reportsPermissionDenied(path); }));
}

TEST(ImageLoader, BytesInMemoryGetTheSameChecksUnderTheNameGiven) {
    const std::string png = clue::test::pngImage(); // one that decodes
    auto image = imageFromBytes(png, "upload.png");
    ASSERT_TRUE(image);
    EXPECT_EQ(image->format, ImageFormat::Png);
    EXPECT_EQ(image->sha256, clue::sha256Hex(png));
    EXPECT_EQ(image->path, "upload.png");

    auto text = imageFromBytes("hello, world", "note");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().kind, ImageErrorKind::NotAnImage);
    EXPECT_EQ(text.error().message.rfind("note: not an image", 0), 0u) << text.error().message;
    EXPECT_EQ(imageFromBytes("", "x").error().kind, ImageErrorKind::Empty);
    ImageLimits small;
    small.maxBytes = png.size() - 1;
    auto large = imageFromBytes(png, "big.png", small);
    ASSERT_FALSE(large);
    EXPECT_EQ(large.error().kind, ImageErrorKind::TooLarge);
}
