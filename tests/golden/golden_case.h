// One golden case: a folder with input files, a `cmd` file and the expected results.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace clue::testing {

// The layout of a case folder (see tests/golden/README.md):
//   cmd             one `clue` command line per line (arguments only; paths relative to the case)
//   stdin           optional, fed to every command
//   stdout, stderr, exit            what the first command must print and return
//   stdout.N, stderr.N, exit.N      the same for command N (2, 3, ...)
//   expected/       optional: files that must exist in the case folder, with this content,
//                   after the commands ran (for verbs that write files)
class GoldenCase {
public:
    GoldenCase(std::filesystem::path folder, std::string name)
        : folder_(std::move(folder)), name_(std::move(name)) {}

    const std::string& name() const { return name_; }
    // Runs the case in a scratch copy of its folder and reports each difference as a gtest
    // failure; with `update`, rewrites the expected files instead.
    void run(const std::string& clueBinary, const std::string& sourceDir, bool update) const;

private:
    std::vector<std::vector<std::string>> commands() const;
    void compareWrittenFiles(const std::filesystem::path& scratch, const std::string& sourceDir,
                             bool update) const;

    std::filesystem::path folder_;
    std::string name_;
};

// Every case under `root` (a folder with a `cmd` file), in sorted order; names are paths
// relative to `root`.
std::vector<GoldenCase> findGoldenCases(const std::filesystem::path& root);

// Splits a command line at spaces; double quotes group, and \" and \\ escape inside them.
std::vector<std::string> splitCommandLine(const std::string& line);

} // namespace clue::testing
