// The planted-problems constitution: every problem planted in tests/lint/planted/planted.clue
// (listed in planted.expected) must be found, and nothing else. The test prints, per lint rule,
// how many were planted, found and missed, so that a regression names its rule.
#include "compiler/lint/linter.h"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace clue::lint {
namespace {

using Place = std::pair<uint32_t, std::string>; // line, code

std::set<Place> readExpected(const std::string& path) {
    std::ifstream in(path);
    std::set<Place> expected;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        Place p;
        fields >> p.first >> p.second;
        expected.insert(p);
    }
    return expected;
}

TEST(PlantedProblems, EveryPlantedProblemIsFoundAndNothingElse) {
    std::string folder = std::string(CLUE_SOURCE_DIR) + "/tests/lint/planted";
    std::set<Place> expected = readExpected(folder + "/planted.expected");
    ASSERT_GE(expected.size(), 30u);

    SourceManager sources;
    LintResult result = runLint(
        {{folder + "/planted.clue"}, nullptr, std::string(CLUE_SOURCE_DIR) + "/stdlib-rules"}, {},
        Catalogue::standard(), sources);
    ASSERT_TRUE(result.failed.empty());
    std::set<Place> found;
    for (const Finding& f : result.findings) {
        if (!f.suppressed() && f.diagnostic.span) {
            found.insert(
                {sources.lineColumn(f.diagnostic.span->file, f.diagnostic.span->begin).line,
                 f.diagnostic.code});
        }
    }

    struct Tally {
        size_t planted = 0, found = 0, unexpected = 0;
    };
    std::map<std::string, Tally> byCode;
    for (const Place& p : expected) {
        ++byCode[p.second].planted;
        byCode[p.second].found += found.count(p);
    }
    for (const Place& p : found) {
        byCode[p.second].unexpected += expected.count(p) == 0;
    }
    std::string table = "code  rule                        planted found missed unexpected\n";
    size_t missed = 0, unexpected = 0;
    for (const auto& [code, t] : byCode) {
        const LintRule* rule = Catalogue::standard().find(code);
        table += fmt::format("{:<5} {:<27} {:>7} {:>5} {:>6} {:>10}\n", code,
                             rule ? rule->name() : "(compiler)", t.planted, t.found,
                             t.planted - t.found, t.unexpected);
        missed += t.planted - t.found;
        unexpected += t.unexpected;
    }
    std::cout << table;
    EXPECT_EQ(missed, 0u) << table;
    EXPECT_EQ(unexpected, 0u) << table;
    for (const Place& p : found) {
        EXPECT_TRUE(expected.count(p)) << "unexpected " << p.second << " at line " << p.first;
    }
    for (const Place& p : expected) {
        EXPECT_TRUE(found.count(p)) << "missed " << p.second << " at line " << p.first;
    }
    // Every rule of the catalogue has a planted problem.
    for (const auto& rule : Catalogue::standard().rules()) {
        EXPECT_TRUE(byCode.count(rule->code())) << rule->name() << " has nothing planted";
    }
}

} // namespace
} // namespace clue::lint
