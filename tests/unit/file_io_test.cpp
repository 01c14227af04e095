// Atomic writes: a new file gets the mode open(2) would give it (0666 less the umask), an
// existing file keeps its own, and the contents are replaced.
#include "common/file_io.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace clue {
namespace {

mode_t modeOf(const std::filesystem::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 07777;
}

// Sets the umask for one test and puts the old one back.
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(old_); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;

private:
    mode_t old_;
};

TEST(WriteFileAtomically, ANewFileHonoursTheUmask) {
    test::TempDir dir;
    std::string error;
    {
        ScopedUmask mask(022);
        ASSERT_TRUE(writeFileAtomically((dir / "a.json").string(), "{}\n", error)) << error;
        EXPECT_EQ(modeOf(dir / "a.json"), 0644);
    }
    {
        ScopedUmask mask(027);
        ASSERT_TRUE(writeFileAtomically((dir / "b.json").string(), "{}\n", error)) << error;
        EXPECT_EQ(modeOf(dir / "b.json"), 0640);
    }
}

TEST(WriteFileAtomically, AnExistingFileKeepsItsMode) {
    test::TempDir dir;
    std::string error;
    ScopedUmask mask(022);
    ASSERT_TRUE(writeFileAtomically((dir / "plan.json").string(), "old\n", error)) << error;
    ASSERT_EQ(::chmod((dir / "plan.json").c_str(), 0600), 0);
    ASSERT_TRUE(writeFileAtomically((dir / "plan.json").string(), "new\n", error)) << error;
    EXPECT_EQ(modeOf(dir / "plan.json"), 0600);
    EXPECT_EQ(readFile((dir / "plan.json").string(), error).value_or(""), "new\n");
}

} // namespace
} // namespace clue
