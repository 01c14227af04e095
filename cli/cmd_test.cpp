// `clue test FILES...`: runs each file's `test` blocks on its -O2 plan, with three-valued logic.
#include "cli/commands.h"
#include "cli/compile_options.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "cli/source_flags.h"
#include "common/escaped_text.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/testing/test_case_builder.h"
#include "compiler/testing/test_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace clue::cli {
namespace {

struct TestCommand {
    std::vector<std::string> inputs;
    bool coverage = false;
    SourceFlags source;
    DiagnosticOutput diagnostics;
};

struct FileResult {
    std::string file;
    bool loaded = false;
    nlohmann::ordered_json json;
    size_t passed = 0, failed = 0;
};

nlohmann::ordered_json diagnosticsJson(const LoadedProgram& loaded) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Diagnostic* d : loaded.diagnostics.sorted()) {
        list.push_back(nlohmann::ordered_json::parse(toJson(*d, loaded.sources).dump()));
    }
    return list;
}

// Loads, compiles and tests one root file; text output goes straight to the terminal.
FileResult testFile(const TestCommand& t, const std::string& file, bool header) {
    FileResult result;
    result.file = file;
    auto loaded = loadRoots({file}, nullptr, t.source.maxSourceBytes);
    std::optional<Compilation> compiled;
    if (loaded->program) {
        CompileOptions options = CompileFlags().toOptions(*loaded);
        options.allowEmpty = true; // nothing is judged with what this verb compiles
        compiled = compileProgram(*loaded->program, loaded->sources, loaded->diagnostics, options);
    }
    result.json = {{"file", escapeFileName(file)}, {"diagnostics", diagnosticsJson(*loaded)}};
    if (!t.diagnostics.json()) {
        t.diagnostics.print(loaded->diagnostics, loaded->sources);
    }
    if (!compiled || loaded->diagnostics.hasErrors()) {
        return result;
    }
    result.loaded = true;
    TestReport report = runTests(
        compiled->plan, buildTestCases(*loaded->program, loaded->sources, loaded->stdlibDir));
    ReportContext context{&compiled->plan, predicateDisplayNames(compiled->module, compiled->plan),
                          t.coverage};
    result.passed = report.passed;
    result.failed = report.failed;
    result.json.update(testReportJson(report, context));
    if (!t.diagnostics.json()) {
        std::cout << (header ? "== " + terminalText(file) + "\n" : "")
                  << renderTestText(report, context);
    }
    return result;
}

int runTest(const TestCommand& t) {
    auto roots = expandInputs(t.inputs, false, std::cerr);
    if (!roots) {
        return ExitUsage;
    }
    std::vector<FileResult> results;
    size_t passed = 0, failed = 0;
    bool allLoaded = true;
    for (const std::string& file : *roots) {
        results.push_back(testFile(t, file, roots->size() > 1));
        passed += results.back().passed;
        failed += results.back().failed;
        allLoaded = allLoaded && results.back().loaded;
    }
    if (t.diagnostics.json()) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (FileResult& r : results) {
            files.push_back(std::move(r.json));
        }
        nlohmann::ordered_json doc = {{"files", files}, {"passed", passed}, {"failed", failed}};
        std::cout << doc.dump(2) << '\n';
    } else if (roots->size() > 1) {
        std::cout << fmt::format("total: {} passed, {} failed\n", passed, failed);
    }
    return failed == 0 && allLoaded ? ExitOk : ExitFindings;
}

} // namespace

void addTestCommand(CLI::App& app, RunState& state) {
    auto t = std::make_shared<TestCommand>();
    CLI::App* command = app.add_subcommand(
        "test", "Run the test blocks of constitutions: model-free, three-valued");
    command
        ->add_option("files", t->inputs,
                     "Constitution files, each tested on its own, or directories of *.clue files")
        ->required();
    command->add_flag("--coverage", t->coverage,
                      "Report the rules and predicates the tests exercised, both ways");
    t->source.addOptions(*command);
    t->diagnostics.addOptions(*command);
    command->callback([t, &state] { state.exitCode = runTest(*t); });
}

} // namespace clue::cli
