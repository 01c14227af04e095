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
    { std::ofstream out(dir_ / "sparse.clue", std::ios::binary); }
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

TEST_F(FileIoTest, ANewFileHonoursTheUmask) {
    std::string error;
    const mode_t before = ::umask(077);
    EXPECT_TRUE(writeFileAtomically(path("private.json"), "{}", error)) << error;
    ::umask(022);
    EXPECT_TRUE(writeFileAtomically(path("shared.json"), "{}", error)) << error;
    ::umask(before);
    EXPECT_EQ(mode("private.json"), 0600u);
    EXPECT_EQ(mode("shared.json"), 0644u);
    EXPECT_EQ(names(), (std::vector<std::string>{"private.json", "shared.json"}));
}

TEST_F(FileIoTest, AnExistingFileKeepsItsPermissions) {
    write("plan.json", "old");
    ::chmod(path("plan.json").c_str(), 0640);
    std::string error;
    EXPECT_TRUE(writeFileAtomically(path("plan.json"), "new", error)) << error;
    EXPECT_EQ(read("plan.json"), "new");
    EXPECT_EQ(mode("plan.json"), 0640u);
}

TEST_F(FileIoTest, ASymlinkIsWrittenThroughAndStaysASymlink) {
    fs::create_directory(dir_ / "real");
    write("real/plan.json", "old");
    fs::create_symlink("real/plan.json", dir_ / "link.json");
    fs::create_symlink("real/new.json", dir_ / "dangling.json");
    std::string error;
    EXPECT_TRUE(writeFileAtomically(path("link.json"), "new", error)) << error;
    EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
    EXPECT_EQ(read("real/plan.json"), "new");
    EXPECT_TRUE(writeFileAtomically(path("dangling.json"), "created", error)) << error;
    EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.json"));
    EXPECT_EQ(read("real/new.json"), "created");
}

TEST_F(FileIoTest, ASymlinkLoopIsRefused) {
    fs::create_symlink("b.json", dir_ / "a.json");
    fs::create_symlink("a.json", dir_ / "b.json");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(path("a.json"), "x", error));
    EXPECT_EQ(error, "too many levels of symbolic links");
}

TEST_F(FileIoTest, AReadOnlyFileIsRefusedEvenToRoot) {
    write("plan.json", "keep me");
    ::chmod(path("plan.json").c_str(), 0444);
    EXPECT_EQ(outputPathProblem(path("plan.json")), "it is read-only");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(path("plan.json"), "new", error));
    EXPECT_EQ(error, "it is read-only");
    EXPECT_EQ(read("plan.json"), "keep me");
    EXPECT_EQ(names(), (std::vector<std::string>{"plan.json"}));
}

TEST_F(FileIoTest, HardLinksKeepSeeingOneFile) {
    write("plan.json", "old");
    fs::create_hard_link(dir_ / "plan.json", dir_ / "other-name.json");
    std::string error;
    EXPECT_TRUE(writeFileAtomically(path("plan.json"), "new", error)) << error;
    EXPECT_EQ(read("plan.json"), "new");
    EXPECT_EQ(read("other-name.json"), "new");
    EXPECT_EQ(fs::hard_link_count(dir_ / "plan.json"), 2u);
    EXPECT_EQ(names(), (std::vector<std::string>{"other-name.json", "plan.json"}));
}

TEST_F(FileIoTest, AnotherUsersFileKeepsItsOwner) {
    if (::geteuid() != 0) {
        GTEST_SKIP() << "only root can make a file another user's";
    }
    write("plan.json", "old");
    ASSERT_EQ(::chown(path("plan.json").c_str(), 65534, 65534), 0);
    std::string error;
    EXPECT_TRUE(writeFileAtomically(path("plan.json"), "new", error)) << error;
    struct stat info {};
    ::stat(path("plan.json").c_str(), &info);
    EXPECT_EQ(info.st_uid, 65534u);
    EXPECT_EQ(info.st_gid, 65534u);
}

TEST_F(FileIoTest, FoldersAndMissingFoldersAreRefusedBeforeAnyWork) {
    EXPECT_EQ(outputPathProblem(dir_.string()), "it is a directory");
    EXPECT_EQ(outputPathProblem(path("nowhere/plan.json")),
              "its folder '" + path("nowhere") + "' cannot be used: No such file or directory");
    EXPECT_EQ(outputPathProblem(path("plan.json")), std::nullopt);
    EXPECT_EQ(outputPathProblem("/dev/null"), std::nullopt);
}

TEST_F(FileIoTest, AnOutputNotCommittedLeavesTheOldFileAndNoTemporary) {
    write("out.jsonl", "old\n");
    {
        OutputFile file(path("out.jsonl"));
        ASSERT_TRUE(file.ok()) << file.problem();
        file.write("half a li");
    }
    EXPECT_EQ(read("out.jsonl"), "old\n");
    EXPECT_EQ(names(), (std::vector<std::string>{"out.jsonl"}));
}

} // namespace
} // namespace clue
