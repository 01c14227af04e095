// Golden-style checks on inputs too large to commit, generated into a scratch folder.
#include "tests/golden/process_runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace clue::testing {
namespace {

namespace fs = std::filesystem;

class GeneratedInputs : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() /
                  ("clue-generated-" + std::to_string(getpid()) + "-" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }

    ProcessResult clue(const std::vector<std::string>& arguments, const std::string& file,
                       const std::string& contents) {
        std::ofstream(folder_ / file, std::ios::binary) << contents;
        return runIn(arguments, 60);
    }
    ProcessResult runIn(const std::vector<std::string>& arguments, int timeoutSeconds) {
        return runProcess(CLUE_BINARY, arguments, folder_.string(), {{"NO_COLOR", "1"}}, "",
                          timeoutSeconds);
    }

    fs::path folder_;
};

// A one-megabyte line with an error near its end: the error is located exactly, and the
// excerpt shows a window of the line, not the megabyte.
TEST_F(GeneratedInputs, AnErrorAtTheEndOfAOneMegabyteLine) {
    std::string line = "rule r \"" + std::string(1 << 20, 'x') + "\" when a @ b";
    ProcessResult r = clue({"check", "long.clue"}, "long.clue", line + "\n");
    EXPECT_EQ(r.exitCode, 1);
    size_t column = line.find('@') + 1;
    EXPECT_NE(r.err.find("long.clue:1:" + std::to_string(column) +
                         ": error[E003]: stray "
                         "character '@'"),
              std::string::npos)
        << r.err.substr(0, 2000);
    EXPECT_LT(r.err.size(), 2000u);
    ProcessResult json = clue({"check", "--format", "json", "long.clue"}, "long.clue", line);
    EXPECT_NE(json.out.find("\"column\": " + std::to_string(column)), std::string::npos);
    EXPECT_LT(json.out.size(), 2000u);
}

// A valid one-megabyte line (a comment) and a statement at the length limit parse and format
// without trouble.
TEST_F(GeneratedInputs, AValidOneMegabyteLineChecksAndFormats) {
    std::string text =
        "# " + std::string(1 << 20, 'y') + "\npredicate p : \"" + std::string(4096, 'z') + "\"\n";
    EXPECT_EQ(clue({"check", "big.clue"}, "big.clue", text).exitCode, 0);
    EXPECT_EQ(clue({"fmt", "--check", "big.clue"}, "big.clue", text).exitCode, 0);
}

// Every verb that reads constitutions, on `file`.
std::vector<std::vector<std::string>> everyVerb(const std::string& file) {
    return {{"check", file},
            {"lint", file},
            {"fmt", "--check", file},
            {"compile", file, "-o", "p.json"},
            {"test", file},
            {"graph", file},
            {"objectify", file, "--endpoint", "http://127.0.0.1:9/v1", "--model", "m"}};
}

// A name of 30,000 characters crashed lint (a regular expression recursed on it): every verb now
// refuses it the same way, with the limit.
TEST_F(GeneratedInputs, AVeryLongNameIsAnErrorInEveryVerb) {
    const std::string name(30000, 'n');
    const std::string text =
        "predicate " + name + " : \"a person\"\nrule r \"R.\" when " + name + "\n";
    for (const auto& args : everyVerb("long.clue")) {
        ProcessResult r = clue(args, "long.clue", text);
        EXPECT_EQ(r.exitCode, 1) << args[0] << "\n" << r.err.substr(0, 2000);
        EXPECT_NE(r.err.find("long.clue:1:11: error[E013]: this name is 30000 characters long; "
                             "a name has at most 128"),
                  std::string::npos)
            << args[0] << "\n"
            << r.err.substr(0, 2000);
        EXPECT_LT(r.err.size(), 4000u) << args[0];
    }
}

// A FIFO hung every verb: it is refused without being opened for a blocking read, as a root
// and as an import.
TEST_F(GeneratedInputs, AFifoIsRefusedByEveryVerbWithoutWaiting) {
    ASSERT_EQ(::mkfifo((folder_ / "pipe.clue").c_str(), 0644), 0);
    for (const auto& args : everyVerb("pipe.clue")) {
        ProcessResult r = runIn(args, 20);
        EXPECT_FALSE(r.timedOut) << args[0];
        EXPECT_NE(r.exitCode, 0) << args[0];
        EXPECT_NE(r.err.find("pipe.clue"), std::string::npos) << args[0] << "\n" << r.err;
        // objectify checks that its one file is a file first, in its own words.
        const std::string why =
            args[0] == "objectify" ? "is not a file" : "it is a pipe (FIFO), not a regular file";
        EXPECT_NE(r.err.find(why), std::string::npos) << args[0] << "\n" << r.err;
    }
    ProcessResult imported = clue({"check", "main.clue"}, "main.clue", "import \"pipe.clue\"\n");
    EXPECT_FALSE(imported.timedOut);
    EXPECT_NE(imported.err.find("main.clue:1:8: error[E054]: cannot read 'pipe.clue': it is a "
                                "pipe (FIFO), not a regular file"),
              std::string::npos)
        << imported.err;
}

// A 2 GB sparse file took every verb past 60 s and 10 GB: it is refused by its size before a
// byte is read, as a root and as an import; --max-source-bytes raises the limit.
TEST_F(GeneratedInputs, AFileOverTheSizeLimitIsRefusedBeforeItIsRead) {
    { std::ofstream create(folder_ / "huge.clue"); }
    ASSERT_EQ(::truncate((folder_ / "huge.clue").c_str(), off_t(2) << 30), 0);
    const std::string refused =
        "cannot read 'huge.clue': it is 2147483648 bytes, over the limit of 4194304 bytes";
    for (const auto& args : everyVerb("huge.clue")) {
        ProcessResult r = runIn(args, 30);
        EXPECT_FALSE(r.timedOut) << args[0];
        EXPECT_NE(r.exitCode, 0) << args[0];
        EXPECT_NE(r.err.find(refused), std::string::npos) << args[0] << "\n" << r.err;
    }
    ProcessResult imported = clue({"check", "main.clue"}, "main.clue", "import \"huge.clue\"\n");
    EXPECT_NE(imported.err.find("main.clue:1:8: error[E054]: " + refused), std::string::npos)
        << imported.err;
    EXPECT_NE(imported.err.find("--max-source-bytes raises the limit"), std::string::npos);
    std::string five = "# " + std::string(5 << 20, 'c') + "\npredicate p : \"a\"\n";
    EXPECT_EQ(clue({"check", "five.clue"}, "five.clue", five).exitCode, 1);
    EXPECT_EQ(
        clue({"check", "--max-source-bytes", "6000000", "five.clue"}, "five.clue", five).exitCode,
        0);
}

// A 50 MB single-line statement took lint past 60 s and 5.4 GB: refused by the file size limit,
// and, with the limit raised, by the text length limit, at its place (shown on an 8 MiB
// statement, which costs each verb well under a second of work).
TEST_F(GeneratedInputs, AFiftyMegabyteStatementIsRefusedAtItsPlace) {
    const std::string fifty = "predicate p : \"" + std::string(50 << 20, 's') + "\"\n";
    ProcessResult capped = clue({"lint", "fifty.clue"}, "fifty.clue", fifty);
    EXPECT_EQ(capped.exitCode, 1);
    EXPECT_NE(capped.err.find("over the limit of 4194304 bytes"), std::string::npos)
        << capped.err.substr(0, 2000);
    const std::string eight = "predicate p : \"" + std::string(8 << 20, 's') + "\"\n";
    std::ofstream(folder_ / "long.clue", std::ios::binary) << eight;
    for (const char* verb : {"check", "lint"}) {
        ProcessResult raised = runIn({verb, "--max-source-bytes", "9000000", "long.clue"}, 60);
        EXPECT_EQ(raised.exitCode, 1) << verb;
        EXPECT_NE(raised.err.find("long.clue:1:15: error[E014]: this text is 8388608 characters "
                                  "long; a text has at most 4096"),
                  std::string::npos)
            << verb << "\n"
            << raised.err.substr(0, 2000);
        EXPECT_LT(raised.err.size(), 4000u) << verb;
    }
}

} // namespace
} // namespace clue::testing
