// Running a golden case and comparing (or rewriting) its expected files.
#include "tests/golden/golden_case.h"

#include "common/file_io.h"
#include "tests/golden/process_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>

namespace clue::testing {

namespace fs = std::filesystem;

namespace {

std::string readOr(const fs::path& path, const std::string& otherwise) {
    std::string error;
    return readFile(path.string(), error).value_or(otherwise);
}

void write(const fs::path& path, const std::string& contents) {
    std::ofstream(path, std::ios::binary) << contents;
}

// Output with machine-specific paths replaced: the source tree becomes <src>, the scratch
// folder the commands run in <scratch>.
std::string normalize(std::string text, const std::string& sourceDir, const fs::path& scratch) {
    for (const auto& [path, name] : {std::pair<std::string, std::string>{sourceDir, "<src>"},
                                     {scratch.string(), "<scratch>"}}) {
        for (size_t at = text.find(path); at != std::string::npos; at = text.find(path, at)) {
            text.replace(at, path.size(), name);
        }
    }
    return text;
}

fs::path scratchCopy(const fs::path& folder) {
    std::random_device seed;
    fs::path scratch = fs::temp_directory_path() /
                       ("clue-golden-" + std::to_string(getpid()) + "-" + std::to_string(seed()));
    fs::copy(folder, scratch, fs::copy_options::recursive);
    return scratch;
}

// Compares `actual` with the expected file, or rewrites it.
void check(const fs::path& expectedFile, const std::string& actual, bool update,
           const std::string& what) {
    if (update) {
        write(expectedFile, actual);
        return;
    }
    std::string expected = readOr(expectedFile, "<missing " + expectedFile.string() + ">");
    EXPECT_EQ(expected, actual) << what << " differs from " << expectedFile;
}

// `<src>` in a command's argument names the source tree, so a case can use the shipped
// constitutions (stdlib-rules/, examples/) without copying them.
void expandSourceDir(std::string& argument, const std::string& sourceDir) {
    for (size_t at = argument.find("<src>"); at != std::string::npos;
         at = argument.find("<src>", at + sourceDir.size())) {
        argument.replace(at, 5, sourceDir);
    }
}

} // namespace

std::vector<std::string> splitCommandLine(const std::string& line) {
    std::vector<std::string> out;
    std::string current;
    bool quoted = false, any = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted && c == '\\' && i + 1 < line.size()) {
            current += line[++i];
        } else if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any || !current.empty()) {
                out.push_back(current);
            }
            current.clear();
            any = false;
        } else {
            current += c;
        }
    }
    if (any || !current.empty()) {
        out.push_back(current);
    }
    return out;
}

std::vector<std::vector<std::string>> GoldenCase::commands() const {
    std::vector<std::vector<std::string>> out;
    std::string all = readOr(folder_ / "cmd", "");
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\n', start);
        std::string line = all.substr(start, end == std::string::npos ? end : end - start);
        if (!line.empty() && line[0] != '#') {
            out.push_back(splitCommandLine(line));
        }
        start = end == std::string::npos ? all.size() : end + 1;
    }
    return out;
}

void GoldenCase::run(const std::string& clueBinary, const std::string& sourceDir,
                     bool update) const {
    fs::path scratch = scratchCopy(folder_);
    std::string input = readOr(folder_ / "stdin", "");
    std::map<std::string, std::string> env = {{"CLUE_STDLIB", sourceDir + "/stdlib-rules"},
                                              {"NO_COLOR", "1"}};
    std::vector<std::vector<std::string>> lines = commands();
    EXPECT_FALSE(lines.empty()) << folder_ << " has no command in its cmd file";
    for (size_t i = 0; i < lines.size(); ++i) {
        for (std::string& argument : lines[i]) {
            expandSourceDir(argument, sourceDir);
        }
        ProcessResult r = runProcess(clueBinary, lines[i], scratch.string(), env, input, 60);
        EXPECT_FALSE(r.timedOut) << "command " << i + 1 << " of " << name_ << " hung";
        std::string suffix = i == 0 ? "" : "." + std::to_string(i + 1);
        std::string what = "command " + std::to_string(i + 1) + " of " + name_ + ": ";
        check(folder_ / ("stdout" + suffix), normalize(r.out, sourceDir, scratch), update,
              what + "stdout");
        check(folder_ / ("stderr" + suffix), normalize(r.err, sourceDir, scratch), update,
              what + "stderr");
        check(folder_ / ("exit" + suffix), std::to_string(r.exitCode) + "\n", update,
              what + "exit code");
    }
    compareWrittenFiles(scratch, sourceDir, update);
    fs::remove_all(scratch);
}

void GoldenCase::compareWrittenFiles(const fs::path& scratch, const std::string& sourceDir,
                                     bool update) const {
    fs::path expected = folder_ / "expected";
    if (!fs::is_directory(expected)) {
        return;
    }
    for (const auto& entry : fs::recursive_directory_iterator(expected)) {
        if (entry.is_regular_file()) {
            fs::path relative = fs::relative(entry.path(), expected);
            std::string actual =
                normalize(readOr(scratch / relative, "<missing>"), sourceDir, scratch);
            check(entry.path(), actual, update, name_ + ": the written " + relative.string());
        }
    }
}

std::vector<GoldenCase> findGoldenCases(const fs::path& root) {
    std::vector<GoldenCase> cases;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().filename() == "cmd") {
            fs::path folder = entry.path().parent_path();
            cases.emplace_back(folder, fs::relative(folder, root).string());
        }
    }
    std::sort(cases.begin(), cases.end(),
              [](const GoldenCase& a, const GoldenCase& b) { return a.name() < b.name(); });
    return cases;
}

} // namespace clue::testing
