// The author's tools through the binary: `clue init` (a project that checks, lints clean and
// passes its tests, and that is never written over), `clue explain`, and the completion
// scripts, run by the shells themselves.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace clue::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Init, WritesAProjectThatChecksLintsCleanAndPassesItsTests) {
    test::TempDir dir;
    CommandResult init = clue({"init", "Safety Rules"}, dir.path().string());
    ASSERT_EQ(init.exitCode, 0) << init.err;
    std::filesystem::path project = dir / "Safety Rules";
    for (const char* name : {"clue.yaml", "safety-rules.clue", "README.md"}) {
        EXPECT_TRUE(std::filesystem::is_regular_file(project / name)) << name;
    }
    EXPECT_THAT(readText(project / "clue.yaml"), HasSubstr("# backend:\n#   endpoint: "));
    EXPECT_THAT(readText(project / "README.md"), HasSubstr("clue test safety-rules.clue"));

    CommandResult check = clue({"check", "safety-rules.clue"}, project.string());
    EXPECT_EQ(check.exitCode, 0) << check.err;
    CommandResult lint =
        clue({"lint", "--fail-level", "warning", "safety-rules.clue"}, project.string());
    EXPECT_EQ(lint.exitCode, 0) << lint.err;
    EXPECT_THAT(lint.err, HasSubstr("linted 1 file: no problems"));
    CommandResult tests =
        clue({"test", "--coverage-threshold", "100", "safety-rules.clue"}, project.string());
    EXPECT_EQ(tests.exitCode, 0) << tests.out << tests.err;
    EXPECT_THAT(tests.out, HasSubstr("4 tests: 4 passed, 0 failed"));
    CommandResult compile =
        clue({"compile", "safety-rules.clue", "-o", "p.json"}, project.string());
    EXPECT_EQ(compile.exitCode, 0) << compile.err;
}

TEST(Init, OverwritesNothing) {
    test::TempDir dir;
    ASSERT_EQ(clue({"init", "--name", "policy"}, dir.path().string()).exitCode, 0);
    std::ofstream(dir / "policy.clue", std::ios::app) << "# mine\n";
    std::string before = readText(dir / "policy.clue");
    CommandResult again = clue({"init", "--name", "policy", "."}, dir.path().string());
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_THAT(again.err, HasSubstr("exists already"));
    EXPECT_EQ(readText(dir / "policy.clue"), before);

    // One file of the project is enough to refuse, and nothing else is written.
    test::TempDir other;
    std::ofstream(other / "clue.yaml") << "lint: {}\n";
    CommandResult refused = clue({"init", "--name", "fresh"}, other.path().string());
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(other / "fresh.clue"));
    EXPECT_EQ(readText(other / "clue.yaml"), "lint: {}\n");

    EXPECT_EQ(clue({"init", "--name", "Bad Name"}, other.path().string()).exitCode, 2);
}

TEST(Explain, PrintsTheDocsOfACodeOrARule) {
    CommandResult e025 = clue({"explain", "E025"}, sourceDir());
    EXPECT_EQ(e025.exitCode, 0) << e025.err;
    EXPECT_THAT(e025.out, HasSubstr("### E025: unknown severity"));
    EXPECT_THAT(e025.out, Not(HasSubstr("### E026")));
    EXPECT_THAT(e025.out, HasSubstr("diagnostics.md#e025-unknown-severity"));

    for (const char* name : {"L206", "l206", "inline-matches-predicate"}) {
        CommandResult rule = clue({"explain", name}, sourceDir());
        EXPECT_EQ(rule.exitCode, 0) << name;
        EXPECT_THAT(rule.out, HasSubstr("# L206 inline-matches-predicate")) << name;
    }
    CommandResult w050 = clue({"explain", "w050"}, sourceDir());
    EXPECT_THAT(w050.out, HasSubstr("### W050: repeated import"));

    CommandResult unknown = clue({"explain", "E999"}, sourceDir());
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_THAT(unknown.err, HasSubstr("no diagnostic or lint rule is called 'E999'"));
    CommandResult near = clue({"explain", "unused-imprt"}, sourceDir());
    EXPECT_THAT(near.err, HasSubstr("did you mean unused-import?"));
}

// Where a shell is installed, or "" when it is not.
std::string installed(const std::string& program) {
    for (const char* dir : {"/usr/bin/", "/bin/", "/usr/local/bin/"}) {
        if (std::filesystem::exists(dir + program)) {
            return dir + program;
        }
    }
    return "";
}

// Runs `script` with SHELL -c and returns what it printed.
std::string shell(const std::string& program, const std::string& script) {
    CommandResult r = runCommand({installed(program), "-c", script}, sourceDir());
    EXPECT_EQ(r.exitCode, 0) << program << ": " << r.err;
    return r.out;
}

TEST(Completion, BashCompletesVerbsOptionsAndCodes) {
    std::string load = std::string("source <(") + CLUE_BINARY + " completion bash); ";
    auto complete = [&](const std::string& words, int index) {
        return shell("bash", load + "COMP_WORDS=(" + words + "); COMP_CWORD=" +
                                 std::to_string(index) + "; _clue; echo \"${COMPREPLY[*]}\"");
    };
    EXPECT_EQ(complete("clue ch", 1), "check\n");
    EXPECT_THAT(complete("clue lint --f", 2), HasSubstr("--fix"));
    EXPECT_THAT(complete("clue lint --f", 2), HasSubstr("--fail-level"));
    EXPECT_EQ(complete("clue explain L20", 2), "L201 L202 L203 L204 L205 L206 L207 L208 L209\n");
    EXPECT_EQ(complete("clue completion z", 2), "zsh\n");
}

TEST(Completion, ZshAndFishScriptsLoadAndComplete) {
    if (installed("zsh").empty() || installed("fish").empty()) {
        GTEST_SKIP() << "zsh or fish is not installed (Debian packages zsh, fish)";
    }
    std::string zsh =
        shell("zsh", std::string("autoload -U compinit; compinit -u -D; source <(") + CLUE_BINARY +
                         " completion zsh); print -r -- ${+functions[_clue]} "
                         "$_comps[clue]");
    EXPECT_EQ(zsh, "1 _clue\n");
    std::string fish = shell("fish", std::string(CLUE_BINARY) +
                                         " completion fish | source; complete -C 'clue te'; "
                                         "complete -C 'clue test --cov'");
    EXPECT_THAT(fish, HasSubstr("test\t"));
    EXPECT_THAT(fish, HasSubstr("--coverage\t"));
    EXPECT_THAT(fish, HasSubstr("--coverage-threshold\t"));
}

} // namespace
} // namespace clue::testing
