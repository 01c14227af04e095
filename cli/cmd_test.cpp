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
    std::vector<std::string> filters;
    std::optional<double> coverageThreshold; // percent
    DiagnosticOutput diagnostics;
};

struct FileResult {
    std::string file;
    bool loaded = false;
    nlohmann::ordered_json json;
    size_t passed = 0, failed = 0, notTestable = 0;
    RuleCoverageCount rules;
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
    std::vector<std::string> chainless; // rules with no chain: left out, their tests skipped
    if (loaded->program) {
        CompileOptions options = CompileFlags().toOptions(*loaded);
        options.allowEmpty = true; // nothing is judged with what this verb compiles
        options.allowResponses = true;
        options.chainless = &chainless;
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
    TestReport report =
        runTests(compiled->plan,
                 selectTests(buildTestCases(*loaded->program, loaded->sources, loaded->stdlibDir),
                             t.filters),
                 chainless);
    ReportContext context{&compiled->plan, predicateDisplayNames(compiled->module, compiled->plan),
                          t.coverage};
    result.passed = report.passed;
    result.failed = report.failed;
    result.notTestable = report.notTestable;
    result.rules = ruleCoverage(report);
    result.json.update(testReportJson(report, context));
    if (!t.diagnostics.json()) {
        std::cout << (header ? "== " + terminalText(file) + "\n" : "")
                  << renderTestText(report, context);
    }
    return result;
}

// Below --coverage-threshold: says so on standard error and returns true.
bool belowThreshold(const TestCommand& t, RuleCoverageCount rules) {
    if (!t.coverageThreshold) {
        return false;
    }
    double percent = rules.total == 0 ? 100.0 : 100.0 * double(rules.covered) / double(rules.total);
    if (percent >= *t.coverageThreshold) {
        return false;
    }
    std::cerr << fmt::format("clue: rule coverage {}/{} ({:.1f}%) is below --coverage-threshold "
                             "{}: a rule counts when some test makes it fire and some test "
                             "clears it\n",
                             rules.covered, rules.total, percent, *t.coverageThreshold);
    return true;
}

int runTest(const TestCommand& t) {
    auto roots = expandInputs(t.inputs, false, std::cerr);
    if (!roots) {
        return ExitUsage;
    }
    std::vector<FileResult> results;
    size_t passed = 0, failed = 0, notTestable = 0;
    RuleCoverageCount rules;
    bool allLoaded = true;
    for (const std::string& file : *roots) {
        results.push_back(testFile(t, file, roots->size() > 1));
        passed += results.back().passed;
        failed += results.back().failed;
        notTestable += results.back().notTestable;
        rules.covered += results.back().rules.covered;
        rules.total += results.back().rules.total;
        allLoaded = allLoaded && results.back().loaded;
    }
    if (t.diagnostics.json()) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (FileResult& r : results) {
            files.push_back(std::move(r.json));
        }
        nlohmann::ordered_json doc = {
            {"files", files},
            {"passed", passed},
            {"failed", failed},
            {"notTestable", notTestable},
            {"ruleCoverage", {{"covered", rules.covered}, {"total", rules.total}}}};
        std::cout << doc.dump(2) << '\n';
    } else if (roots->size() > 1) {
        std::cout << fmt::format("total: {} passed, {} failed{}\n", passed, failed,
                                 notTestable == 0 ? ""
                                                  : fmt::format(", {} not testable", notTestable));
    }
    bool below = belowThreshold(t, rules);
    return failed == 0 && allLoaded && !below ? ExitOk : ExitFindings;
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
    command->add_option("--filter", t->filters,
                        "Run only the tests whose name contains this text, or matches this glob "
                        "(* and ?); repeatable");
    command
        ->add_option("--coverage-threshold", t->coverageThreshold,
                     "Exit 1 when fewer than this percentage of the rules were seen both firing "
                     "and cleared")
        ->check(CLI::Range(0.0, 100.0));
    t->diagnostics.addOptions(*command);
    command->callback([t, &state] { state.exitCode = runTest(*t); });
}

} // namespace clue::cli
