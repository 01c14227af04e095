// Golden-style checks on inputs too large to commit, generated into a scratch folder.
#include "tests/golden/process_runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
        return runProcess(CLUE_BINARY, arguments, folder_.string(), {{"NO_COLOR", "1"}}, "", 60);
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

// A valid one-megabyte line parses and formats without trouble.
TEST_F(GeneratedInputs, AValidOneMegabyteLineChecksAndFormats) {
    std::string text = "predicate p : \"" + std::string(1 << 20, 'y') + "\"\n";
    EXPECT_EQ(clue({"check", "big.clue"}, "big.clue", text).exitCode, 0);
    EXPECT_EQ(clue({"fmt", "--check", "big.clue"}, "big.clue", text).exitCode, 0);
}

} // namespace
} // namespace clue::testing
