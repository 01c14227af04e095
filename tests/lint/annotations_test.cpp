// The lint golden cases, read a second way: each input marks its lines with `# want: CODES`
// (these codes must be reported on this line) and `# ok: CODES` (these must not be: the
// near-misses). For the rule a case is named after, every finding must be marked, so a rule
// cannot start firing on an unmarked line unnoticed. The golden runner checks the exact text.
#include "common/file_io.h"
#include "common/project_config.h"
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace clue::lint {
namespace {

namespace fs = std::filesystem;

struct Marks {
    std::set<std::pair<uint32_t, std::string>> want, ok; // (line, code)
};

// Reads the `# want:` and `# ok:` marks of one file.
Marks marksOf(const std::string& text) {
    Marks marks;
    std::istringstream lines(text);
    std::string line;
    for (uint32_t n = 1; std::getline(lines, line); ++n) {
        size_t hash = line.rfind("# want:");
        size_t okAt = line.rfind("# ok:");
        size_t start = std::min(hash, okAt);
        if (start == std::string::npos) {
            continue;
        }
        std::istringstream words(line.substr(start + 1));
        std::string word;
        std::set<std::pair<uint32_t, std::string>>* into = nullptr;
        while (words >> word) {
            if (word == "want:" || word == "ok:") {
                into = word == "want:" ? &marks.want : &marks.ok;
            } else if (into != nullptr) {
                into->insert({n, word});
            }
        }
    }
    return marks;
}

// The files a case lints: the .clue arguments of the first line of its `cmd`.
std::vector<std::string> rootsOf(const fs::path& folder) {
    std::ifstream cmd(folder / "cmd");
    std::string line;
    std::getline(cmd, line);
    std::istringstream words(line);
    std::vector<std::string> roots;
    std::string word;
    while (words >> word) {
        if (word.size() > 5 && word.substr(word.size() - 5) == ".clue") {
            roots.push_back(word);
        }
    }
    return roots;
}

LintConfig settingsOf(const fs::path& folder) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project;
    if (fs::exists(folder / "clue.yaml")) {
        project = ProjectConfig::load(folder / "clue.yaml", issues);
    }
    LintConfig config = LintConfig::read(project, Catalogue::standard(), issues);
    EXPECT_FALSE(hasErrors(issues)) << folder;
    return config;
}

void checkCase(const fs::path& folder) {
    std::vector<std::string> roots = rootsOf(folder);
    std::string readError;
    Marks policyMarks =
        marksOf(readFile((folder / "policy.clue").string(), readError).value_or(""));
    if (roots.empty() || (policyMarks.want.empty() && policyMarks.ok.empty())) {
        return; // a case about settings or output, with no marks
    }
    std::map<std::string, std::string> files;
    std::map<std::string, Marks> marks;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().extension() == ".clue") {
            std::string rel = fs::relative(entry.path(), folder).generic_string();
            std::string error;
            files[rel] = readFile(entry.path().string(), error).value();
            marks[rel] = marksOf(files[rel]);
        }
    }
    auto run = testing::lintFiles(files, roots, settingsOf(folder));
    std::map<std::string, std::set<std::pair<uint32_t, std::string>>> reported;
    for (const Finding& f : run->result.findings) {
        if (!f.suppressed() && f.diagnostic.span) {
            reported[run->sources.path(f.diagnostic.span->file)].insert(
                {run->line(f), f.diagnostic.code});
        }
    }
    const LintRule* named = Catalogue::standard().find(folder.filename().string());
    for (const auto& [file, m] : marks) {
        const auto& got = reported[file];
        for (const auto& w : m.want) {
            EXPECT_TRUE(got.count(w))
                << file << ":" << w.first << ": " << w.second << " is not reported\n"
                << run->rendered();
        }
        for (const auto& o : m.ok) {
            EXPECT_FALSE(got.count(o))
                << file << ":" << o.first << ": " << o.second << " is reported on a near miss\n"
                << run->rendered();
        }
        for (const auto& g : got) {
            if (named != nullptr && g.second == named->code()) {
                EXPECT_TRUE(m.want.count(g))
                    << file << ":" << g.first << ": unmarked " << g.second << "\n"
                    << run->rendered();
            }
        }
    }
}

TEST(LintAnnotations, EveryMarkedLineOfEveryCase) {
    fs::path root = fs::path(CLUE_SOURCE_DIR) / "tests" / "golden" / "lint";
    size_t cases = 0;
    std::set<std::string> covered;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory()) {
            SCOPED_TRACE(entry.path().filename().string());
            checkCase(entry.path());
            ++cases;
            covered.insert(entry.path().filename().string());
        }
    }
    EXPECT_GE(cases, 30u);
    // Every rule has a case of its own, with triggers and near misses.
    for (const auto& rule : Catalogue::standard().rules()) {
        if (rule->meta().category != Category::Suppression) {
            EXPECT_TRUE(covered.count(rule->name())) << rule->name() << " has no golden case";
        }
    }
}

TEST(LintAnnotations, MarksAreRead) {
    Marks m = marksOf("a\nb # want: L101 L103 ok: L104\nc # ok: L201\n");
    EXPECT_EQ(m.want, (std::set<std::pair<uint32_t, std::string>>{{2, "L101"}, {2, "L103"}}));
    EXPECT_EQ(m.ok, (std::set<std::pair<uint32_t, std::string>>{{2, "L104"}, {3, "L201"}}));
}

} // namespace
} // namespace clue::lint
