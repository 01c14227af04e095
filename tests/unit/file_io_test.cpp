// Reading inputs without blocking or unbounded memory, and writing outputs without replacing
// what is not ours to replace (common/file_io.h).
#include "common/file_io.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace clue {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("clue-file-io-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
        fs::remove_all(dir_);
    }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }
    std::string read(const std::string& name) const {
        std::ifstream in(dir_ / name, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    mode_t mode(const std::string& name) const {
        struct stat info {};
        ::stat(path(name).c_str(), &info);
        return info.st_mode & 07777;
    }
    // Every name in the folder: a failed or finished write leaves no temporary file behind.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            out.push_back(entry.path().filename().string());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path dir_;
};

TEST_F(FileIoTest, AFifoIsRefusedWithoutWaitingForAWriter) {
    ASSERT_EQ(::mkfifo(path("pipe.clue").c_str(), 0644), 0);
    const auto start = std::chrono::steady_clock::now();
    ReadError error;
    EXPECT_FALSE(readFile(path("pipe.clue"), error));
    EXPECT_EQ(error.kind, ReadError::Kind::NotAFile);
    EXPECT_EQ(error.message, "it is a pipe (FIFO), not a regular file");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(FileIoTest, AFileOverTheLimitIsRefusedByItsSize) {
    {
        std::ofstream out(dir_ / "sparse.clue", std::ios::binary);
    }
    // Two gigabytes of nothing: reading it would take long and take the memory.
    ASSERT_EQ(::truncate(path("sparse.clue").c_str(), off_t(2) << 30), 0);
    ReadError error;
    EXPECT_FALSE(readFile(path("sparse.clue"), error, 1 << 20));
    EXPECT_EQ(error.kind, ReadError::Kind::TooLarge);
    EXPECT_EQ(error.message, "it is 2147483648 bytes, over the limit of 1048576 bytes");
    write("small.clue", "1234");
    EXPECT_EQ(readFile(path("small.clue"), error, 4), "1234");
    EXPECT_FALSE(readFile(path("small.clue"), error, 3));
}

TEST_F(FileIoTest, DirectoriesAndMissingFilesAreNamedAsSuch) {
    ReadError error;
    EXPECT_FALSE(readFile(dir_.string(), error));
    EXPECT_EQ(error.kind, ReadError::Kind::NotAFile);
    EXPECT_EQ(error.message, "it is a directory");
    EXPECT_FALSE(readFile(path("missing"), error));
    EXPECT_EQ(error.kind, ReadError::Kind::NotFound);
}

} // namespace
} // namespace clue
