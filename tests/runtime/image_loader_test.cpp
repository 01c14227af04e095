// Tests of image sniffing and loading: formats, per-image errors with the path, hash, data URL.
#include "runtime/image/image_loader.h"

#include "child_process.h"
#include "common/base64.h"
#include "common/sha256.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace clue::runtime;
using namespace std::string_literals;
using clue::test::TempDir;

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
    const auto path = dir.write("cat.jpg", jpeg);
    const auto image = loadImage(path);
    ASSERT_TRUE(image) << image.error().message;
    EXPECT_EQ(image->format, ImageFormat::Jpeg);
    EXPECT_EQ(image->bytes, jpeg);
    EXPECT_EQ(image->sha256, clue::sha256Hex(jpeg));
    EXPECT_EQ(image->dataUrl(), "data:image/jpeg;base64," + clue::base64Encode(jpeg));
    EXPECT_EQ(image->path, path);
}

TEST(ImageLoader, TheFileNameDoesNotDecideTheFormat) {
    TempDir dir;
    const auto image = loadImage(dir.write("really-a-png.jpg", png));
    ASSERT_TRUE(image);
    EXPECT_EQ(image->mime(), "image/png");
}

TEST(ImageLoader, AFileThatIsNotAnImageIsReportedWithItsPath) {
    TempDir dir;
    const auto path = dir.write("notes.png", "just some text\n");
    const auto image = loadImage(path);
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().kind, ImageErrorKind::NotAnImage);
    EXPECT_EQ(image.error().path, path);
    EXPECT_EQ(image.error().message.rfind(path.string() + ": not an image", 0), 0u)
        << image.error().message;
    EXPECT_NE(image.error().message.find("6a 75 73 74"), std::string::npos); // "just"
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
    const auto path = dir.write("small.png", png);
    EXPECT_FALSE(loadImage(path, ImageLimits{png.size() - 1}));
    EXPECT_TRUE(loadImage(path, ImageLimits{png.size()}));
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
