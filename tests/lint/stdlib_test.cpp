// The shipped constitutions lint clean at the default levels; every inline suppression in them
// gives its reason.
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/linter.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace clue::lint {
namespace {

std::vector<std::string> shipped(const char* folder) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::string(CLUE_SOURCE_DIR) + "/" + folder)) {
        if (entry.path().extension() == ".clue") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(ShippedConstitutions, StdlibLintsCleanAtDefaultLevels) {
    // os-bench-original.clue, the paper's rules before objectification, is among them: it
    // suppresses what objectification fixes, file-wide and with reasons.
    std::vector<std::string> files = shipped("stdlib-rules");
    ASSERT_GE(files.size(), 2u);
    SourceManager sources;
    LintResult result = runLint({files, nullptr, std::string(CLUE_SOURCE_DIR) + "/stdlib-rules"},
                                {}, Catalogue::standard(), sources);
    EXPECT_EQ(result.linted.size(), files.size());
    for (const Finding& f : result.findings) {
        if (!f.suppressed()) {
            ADD_FAILURE() << renderText(f.diagnostic, sources);
        } else {
            EXPECT_FALSE(f.suppression->reason.empty()) << renderText(f.diagnostic, sources);
        }
    }
}

} // namespace
} // namespace clue::lint
