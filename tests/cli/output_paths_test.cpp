// Output paths end to end (compile, lint, graph, fmt): a symlink is written through and stays a
// symlink, a read-only file is refused and kept, a folder fails before the work, hard links keep
// seeing one file, and new files honour the umask. `clue judge` and `clue calibrate` are checked
// in tests/judge/cli_test.cpp.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace clue {
namespace {

namespace fs = std::filesystem;
using testing::clue;
using ::testing::HasSubstr;

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

mode_t modeOf(const fs::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return info.st_mode & 07777;
}

class OutputPaths : public ::testing::Test {
protected:
    void SetUp() override {
        dir_.write("p.clue", "constitution \"c\"\npredicate a : \"a person is visible\"\n"
                             "rule r \"R.\" when a\n");
        fs::create_directory(dir_ / "real");
    }

    // Each verb that writes an output, writing to `output`.
    std::vector<std::vector<std::string>> verbs(const std::string& output) const {
        return {{"compile", "p.clue", "-o", output},
                {"lint", "p.clue", "--format", "sarif", "-o", output},
                {"graph", "p.clue", "-o", output}};
    }

    test::TempDir dir_;
};

TEST_F(OutputPaths, ASymlinkIsWrittenThroughAndStaysASymlink) {
    for (const auto& args : verbs("link.out")) {
        dir_.write("real/target.out", "old");
        fs::remove(dir_ / "link.out");
        fs::create_symlink("real/target.out", dir_ / "link.out");
        auto r = clue(args, dir_.path());
        EXPECT_EQ(r.exitCode, 0) << args[0] << "\n" << r.err;
        EXPECT_TRUE(fs::is_symlink(dir_ / "link.out")) << args[0] << " replaced the symlink";
        EXPECT_NE(readText(dir_ / "real/target.out"), "old") << args[0];
    }
}

TEST_F(OutputPaths, AReadOnlyFileIsRefusedAndKept) {
    dir_.write("locked.out", "keep me");
    ::chmod((dir_ / "locked.out").c_str(), 0444);
    for (const auto& args : verbs("locked.out")) {
        auto r = clue(args, dir_.path());
        EXPECT_EQ(r.exitCode, 2) << args[0] << "\n" << r.err;
        EXPECT_THAT(r.err, HasSubstr("clue: error: cannot write 'locked.out': it is read-only"))
            << args[0];
        EXPECT_EQ(readText(dir_ / "locked.out"), "keep me") << args[0];
        EXPECT_EQ(modeOf(dir_ / "locked.out"), 0444u) << args[0];
    }
}

// The output is checked before the work: no summary of a compilation that could not be kept.
TEST_F(OutputPaths, AFolderFailsBeforeTheWork) {
    for (const auto& args : verbs("real")) {
        auto r = clue(args, dir_.path());
        EXPECT_EQ(r.exitCode, 2) << args[0] << "\n" << r.err;
        EXPECT_THAT(r.err, HasSubstr("clue: error: cannot write 'real': it is a directory"))
            << args[0];
        EXPECT_THAT(r.err, ::testing::Not(HasSubstr("compiled"))) << args[0];
    }
    auto missing = clue({"compile", "p.clue", "-o", "nowhere/p.json"}, dir_.path());
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_THAT(missing.err, HasSubstr("cannot write 'nowhere/p.json': its folder 'nowhere'"));
}

TEST_F(OutputPaths, HardLinksKeepSeeingOneFile) {
    dir_.write("plan.json", "old");
    fs::create_hard_link(dir_ / "plan.json", dir_ / "real/same.json");
    auto r = clue({"compile", "p.clue", "-o", "plan.json"}, dir_.path());
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(fs::hard_link_count(dir_ / "plan.json"), 2u);
    EXPECT_EQ(readText(dir_ / "real/same.json"), readText(dir_ / "plan.json"));
    EXPECT_NE(readText(dir_ / "plan.json"), "old");
}

TEST_F(OutputPaths, NewOutputsHonourTheUmask) {
    const mode_t before = ::umask(027);
    for (const auto& args : verbs("new.out")) {
        fs::remove(dir_ / "new.out");
        auto r = clue(args, dir_.path());
        EXPECT_EQ(r.exitCode, 0) << args[0] << "\n" << r.err;
        EXPECT_EQ(modeOf(dir_ / "new.out"), 0640u) << args[0];
    }
    ::umask(before);
}

// fmt rewrites the file a symlink points to, and leaves a read-only source alone.
TEST_F(OutputPaths, FmtWritesThroughSymlinksAndRefusesReadOnlySources) {
    dir_.write("real/messy.clue", "predicate   a :   \"a\"\n");
    fs::create_symlink("real/messy.clue", dir_ / "linked.clue");
    auto linked = clue({"fmt", "linked.clue"}, dir_.path());
    EXPECT_EQ(linked.exitCode, 0) << linked.err;
    EXPECT_TRUE(fs::is_symlink(dir_ / "linked.clue"));
    EXPECT_EQ(readText(dir_ / "real/messy.clue"), "predicate a : \"a\"\n");
    dir_.write("locked.clue", "predicate   a :   \"a\"\n");
    ::chmod((dir_ / "locked.clue").c_str(), 0444);
    auto locked = clue({"fmt", "locked.clue"}, dir_.path());
    EXPECT_EQ(locked.exitCode, 2);
    EXPECT_THAT(locked.err, HasSubstr("cannot write 'locked.clue': it is read-only"));
    EXPECT_EQ(readText(dir_ / "locked.clue"), "predicate   a :   \"a\"\n");
}

} // namespace
} // namespace clue
