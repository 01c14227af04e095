// Tests of loading programs: import resolution and order, each file parsed once, and the
// import errors (missing file, cycle, broken import, empty root).
#include "compiler/sema/source_reader.h"
#include "compiler/sema/stdlib_dir.h"
#include "tests/sema/load_helpers.h"

#include <cstdlib>

namespace clue::testing {
namespace {

TEST(Loader, OrdersRootsThenImportsDepthFirst) {
    auto l = load({{"main.clue", "constitution \"m\"\nimport \"a.clue\"\nimport \"std/s.clue\"\n"},
                   {"second.clue", "import \"a.clue\"\npredicate x : \"x\"\n"},
                   {"a.clue", "import \"sub/b.clue\"\npredicate a : \"a\"\n"},
                   {"sub/b.clue", "import \"../std-like.clue\"\npredicate b : \"b\"\n"},
                   {"std-like.clue", "predicate c : \"c\"\n"},
                   {"lib/std/s.clue", "predicate s : \"s\"\n"}},
                  {"main.clue", "second.clue"});
    ASSERT_TRUE(l->program) << l->rendered();
    std::vector<std::string> paths;
    for (const auto& unit : l->program->units) {
        paths.push_back(unit->path + (unit->isRoot ? "*" : ""));
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"main.clue*", "second.clue*", "a.clue", "sub/b.clue",
                                               "std-like.clue", "lib/std/s.clue"}));
    EXPECT_EQ(l->program->header->name, "m");
    EXPECT_EQ(l->program->predicates.size(), 5u);
    // a.clue is imported twice and parsed once.
    EXPECT_EQ(l->sources.fileCount(), 6u);
}

TEST(Loader, FillsTheSymbolMaps) {
    auto l = loadOne("predicate p : \"x\"\ncategory c { rule r \"t\" when p }\n"
                     "rule top \"t\"\ntest \"t\" { given p expect violates r }\n");
    ASSERT_TRUE(l->program) << l->rendered();
    const Program& program = *l->program;
    EXPECT_EQ(program.header, nullptr);
    EXPECT_EQ(program.rules.size(), 2u);
    EXPECT_EQ(program.rules.at("r")->category, "c");
    EXPECT_EQ(program.categories.at("c")->rules.size(), 1u);
    EXPECT_EQ(program.tests.at("t")->expectations.size(), 1u);
    EXPECT_EQ(program.predicates.at("p")->statement.value(), "x");
}

TEST(Loader, ReportsAMissingImportAtTheImport) {
    auto l = loadOne("import \"nowhere.clue\"\npredicate p : \"x\"\n");
    EXPECT_FALSE(l->program);
    const Diagnostic& d = l->only();
    EXPECT_EQ(d.code, "E050");
    EXPECT_EQ(d.message, "cannot find the imported file 'nowhere.clue'");
    EXPECT_EQ(d.span->begin, 7u);
}

TEST(Loader, ReportsAMissingRoot) {
    auto l = load({}, {"absent.clue"});
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->only().code, "E054");
    EXPECT_FALSE(l->only().span);
}

TEST(Loader, ShowsTheWholeImportCycle) {
    auto l = load({{"main.clue", "import \"b.clue\"\n"},
                   {"b.clue", "import \"c.clue\"\n"},
                   {"c.clue", "import \"main.clue\"\n"}});
    EXPECT_FALSE(l->program);
    const Diagnostic& d = l->only();
    EXPECT_EQ(d.code, "E051");
    EXPECT_EQ(d.message, "import cycle: b.clue -> c.clue -> main.clue -> b.clue");
    ASSERT_EQ(d.notes.size(), 2u);
    EXPECT_EQ(d.notes[0].message, "'b.clue' imports 'c.clue' here");
    EXPECT_EQ(d.notes[1].message, "'c.clue' imports 'main.clue' here");
}

TEST(Loader, ReportsAFileImportingItself) {
    auto l = loadOne("import \"main.clue\"\npredicate p : \"x\"\n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->only().code, "E051");
}

TEST(Loader, ReportsAnImportOfABrokenFileAndItsErrors) {
    auto l = load({{"main.clue", "import \"broken.clue\"\n"}, {"broken.clue", "predicate\n"}});
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(), (std::vector<std::string>{"E053", "E005"})) << l->rendered();
}

TEST(Loader, WarnsAboutARepeatedImport) {
    auto l = load({{"main.clue", "import \"a.clue\"\nimport \"./a.clue\"\n"},
                   {"a.clue", "predicate a : \"a\"\n"}});
    ASSERT_TRUE(l->program) << l->rendered();
    EXPECT_EQ(l->only().code, "W050");
    EXPECT_EQ(l->only().level, Level::Warning);
}

TEST(Loader, RejectsAnEmptyRootButNotAnEmptyImport) {
    auto empty = loadOne("# only a comment\n");
    EXPECT_FALSE(empty->program);
    EXPECT_EQ(empty->only().code, "E032");
    auto imported = load({{"main.clue", "import \"e.clue\"\n"}, {"e.clue", ""}});
    EXPECT_TRUE(imported->program) << imported->rendered();
}

TEST(Loader, StopsBeforeSemaWhenAFileDoesNotParse) {
    // The undefined predicate would be a sema error; the syntax error stops loading first.
    auto l = loadOne("rule r \"t\" when undefined\nrule s\n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(), (std::vector<std::string>{"E005"}));
}

} // namespace
} // namespace clue::testing

namespace clue {
namespace {

// An editor's unsaved text stands in for the file on disk, and an import of a file that
// exists only on disk is read from there.
TEST(OverlayReader, ServesItsTextsOverTheBaseReader) {
    MemoryReader disk;
    disk.add("dir/main.clue", "import \"lib.clue\"\npredicate old : \"saved\"\n");
    disk.add("dir/lib.clue", "predicate shared : \"from disk\"\n");
    OverlayReader overlay(disk);
    overlay.set("dir/./main.clue", "import \"lib.clue\"\npredicate fresh : \"unsaved\"\n");
    overlay.set("dir/untitled.clue", "predicate only : \"in memory\"\n");
    EXPECT_TRUE(overlay.holds("dir/main.clue"));
    EXPECT_FALSE(overlay.holds("dir/lib.clue"));

    SourceManager sources;
    DiagnosticEngine diags;
    LoadOptions options;
    options.reader = &overlay;
    auto program = loadProgram({"dir/main.clue", "dir/untitled.clue"}, sources, diags, options);
    ASSERT_TRUE(program);
    EXPECT_TRUE(program->predicates.contains("fresh"));
    EXPECT_FALSE(program->predicates.contains("old"));
    EXPECT_EQ(program->predicates.at("shared")->statement.value(), "from disk");
    EXPECT_TRUE(program->predicates.contains("only"));

    overlay.remove("dir/main.clue");
    EXPECT_EQ(overlay.read("dir/main.clue").contents, disk.read("dir/main.clue").contents);
    EXPECT_EQ(overlay.read("dir/none.clue").status, SourceReader::Status::NotFound);
}

TEST(StdlibDirectory, PrefersTheOptionThenTheEnvironmentThenTheSourceTree) {
    const char* saved = std::getenv("CLUE_STDLIB");
    std::string previous = saved != nullptr ? saved : "";
    setenv("CLUE_STDLIB", "/from/environment", 1);
    EXPECT_EQ(stdlibDirectory("/from/option"), "/from/option");
    EXPECT_EQ(stdlibDirectory(""), "/from/environment");
    unsetenv("CLUE_STDLIB");
    EXPECT_EQ(stdlibDirectory(""), CLUE_STDLIB_DIR);
    if (saved != nullptr) {
        setenv("CLUE_STDLIB", previous.c_str(), 1);
    }
}

} // namespace
} // namespace clue
