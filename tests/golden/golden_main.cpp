// The golden test runner: one gtest per case folder under tests/golden/<suite>/, each running
// the `clue` binary and comparing what it prints, returns and writes. CLUE_UPDATE_GOLDEN=1
// rewrites the expected files from the actual results (review the diff before committing).
#include "tests/golden/golden_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace {

class GoldenTest : public ::testing::Test {
public:
    explicit GoldenTest(clue::testing::GoldenCase golden) : golden_(std::move(golden)) {}
    void TestBody() override {
        const char* update = std::getenv("CLUE_UPDATE_GOLDEN");
        golden_.run(CLUE_BINARY, CLUE_SOURCE_DIR, update != nullptr && std::string(update) == "1");
    }

private:
    clue::testing::GoldenCase golden_;
};

} // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    for (clue::testing::GoldenCase& golden :
         clue::testing::findGoldenCases(std::string(CLUE_SOURCE_DIR) + "/tests/golden")) {
        std::string name = golden.name();
        std::string suite = name.substr(0, name.find('/'));
        std::string test = name.substr(name.find('/') + 1);
        // '-' would be read as the start of a negative pattern by --gtest_filter, which CTest
        // runs each case with: "Golden_lint.parse-error" would run no test at all and pass.
        std::replace(test.begin(), test.end(), '/', '_');
        std::replace(test.begin(), test.end(), '-', '_');
        ::testing::RegisterTest(("Golden_" + suite).c_str(), test.c_str(), nullptr, nullptr,
                                __FILE__, __LINE__,
                                // gtest takes ownership of what its factory returns.
                                [golden]() -> ::testing::Test* { return new GoldenTest(golden); });
    }
    return RUN_ALL_TESTS();
}
