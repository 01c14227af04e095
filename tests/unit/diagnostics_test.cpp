// Tests of source locations and of the text and JSON rendering of diagnostics.
#include "compiler/diag/diagnostic_renderer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace clue {
namespace {

SourceSpan spanOf(const SourceManager& sm, FileId file, std::string_view needle) {
    auto offset = static_cast<uint32_t>(sm.contents(file).find(needle));
    return {file, offset, offset + static_cast<uint32_t>(needle.size())};
}

TEST(SourceManager, MapsOffsetsToLinesAndCodePointColumns) {
    SourceManager sm;
    FileId f = sm.addFile("a.clue", "first\ncaf\xc3\xa9 x\r\nlast");
    EXPECT_EQ(sm.lineColumn(f, 0).line, 1u);
    LineColumn x = sm.lineColumn(f, spanOf(sm, f, "x").begin);
    EXPECT_EQ(x.line, 2u);
    EXPECT_EQ(x.column, 6u); // "café " is five code points
    EXPECT_EQ(sm.lineText(f, 2), "caf\xc3\xa9 x");
    EXPECT_EQ(sm.lineText(f, 3), "last");
    EXPECT_EQ(sm.lineColumn(f, 9999).line, 3u); // clamped to the end
}

TEST(DiagnosticRenderer, RendersRustcStyleWithCaret) {
    SourceManager sm;
    FileId f = sm.addFile("policy.clue", "rule r \"text\"\n  severity hgih\n");
    DiagnosticEngine engine;
    engine.error("E021", spanOf(sm, f, "hgih"), "unknown severity 'hgih'")
        .withHelp("use one of low, medium, high, critical");
    std::ostringstream out;
    renderAll(engine, sm, DiagnosticFormat::Text, out);
    EXPECT_EQ(out.str(), "policy.clue:2:12: error[E021]: unknown severity 'hgih'\n"
                         "  |\n"
                         "2 |   severity hgih\n"
                         "  |            ^^^^\n"
                         "  = help: use one of low, medium, high, critical\n");
}

TEST(DiagnosticRenderer, AlignsEveryGutterToTheWidestLineNumber) {
    SourceManager sm;
    std::string text = "predicate p : \"x\"\n" + std::string(9, '\n') + "predicate p : \"y\"\n";
    FileId f = sm.addFile("policy.clue", text);
    DiagnosticEngine engine;
    engine.error("E021", SourceSpan{f, 37, 38}, "duplicate predicate 'p'")
        .note("first declared here", SourceSpan{f, 10, 11})
        .note("declarations are shared by every file of the program")
        .withHelp("rename one of them");
    EXPECT_EQ(renderText(*engine.sorted().front(), sm),
              "policy.clue:11:11: error[E021]: duplicate predicate 'p'\n"
              "   |\n"
              "11 | predicate p : \"y\"\n"
              "   |           ^\n"
              "note: first declared here\n"
              "  --> policy.clue:1:11\n"
              "   |\n"
              " 1 | predicate p : \"x\"\n"
              "   |           ^\n"
              "   = note: declarations are shared by every file of the program\n"
              "   = help: rename one of them\n");
}

TEST(DiagnosticRenderer, ShowsAWindowOfVeryLongLines) {
    SourceManager sm;
    std::string line = std::string(5000, 'a') + " bad " + std::string(5000, 'b');
    FileId f = sm.addFile("long.clue", line);
    DiagnosticEngine engine;
    engine.error("E003", spanOf(sm, f, "bad"), "stray token");
    std::string text = renderText(*engine.sorted().front(), sm);
    EXPECT_LT(text.size(), 600u);
    EXPECT_NE(text.find("...aaa"), std::string::npos);
    EXPECT_NE(text.find(" bad "), std::string::npos);
    // The caret sits under "bad" in the windowed line.
    auto lineStart = text.find("1 | ") + 4;
    auto caretStart = text.find("  | ", lineStart) + 4;
    auto caret = text.find('^', caretStart);
    EXPECT_EQ(text.substr(lineStart + (caret - caretStart), 3), "bad");
}

TEST(DiagnosticRenderer, SortsByLocationAndCountsLevels) {
    SourceManager sm;
    FileId f = sm.addFile("x.clue", "aaa bbb");
    DiagnosticEngine engine;
    engine.warning("W001", spanOf(sm, f, "bbb"), "second");
    engine.error("E001", spanOf(sm, f, "aaa"), "first");
    engine.error("E002", std::nullopt, "no location");
    auto sorted = engine.sorted();
    ASSERT_EQ(sorted.size(), 3u);
    EXPECT_EQ(sorted[0]->message, "no location");
    EXPECT_EQ(sorted[1]->message, "first");
    EXPECT_EQ(sorted[2]->message, "second");
    EXPECT_EQ(engine.errorCount(), 2u);
    EXPECT_EQ(engine.warningCount(), 1u);
}

TEST(DiagnosticRenderer, RendersJsonWithRangesAndNotes) {
    SourceManager sm;
    FileId f = sm.addFile("x.clue", "predicate p : \"a\"\npredicate p : \"b\"\n");
    DiagnosticEngine engine;
    auto second = spanOf(sm, f, "p : \"b\"");
    second.end = second.begin + 1;
    engine.error("E030", second, "duplicate predicate 'p'")
        .note("first defined here", SourceSpan{f, 10, 11});
    std::ostringstream out;
    renderAll(engine, sm, DiagnosticFormat::Json, out);
    auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["errors"], 1);
    const auto& d = doc["diagnostics"][0];
    EXPECT_EQ(d["code"], "E030");
    EXPECT_EQ(d["line"], 2);
    EXPECT_EQ(d["column"], 11);
    EXPECT_EQ(d["endColumn"], 12);
    EXPECT_EQ(d["notes"][0]["line"], 1);
    EXPECT_EQ(d["notes"][0]["message"], "first defined here");
}

} // namespace
} // namespace clue
