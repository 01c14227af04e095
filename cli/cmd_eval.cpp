// `clue eval PLAN LABELS`: judges a labelled image set (or scores the verdicts of an earlier
// `clue judge` run, --results) and reports accuracy, precision, recall and F1 with bootstrap
// intervals, per category and source, image scores, cost, ablations and robustness
// (docs/cli/eval.md). The library (eval/) decides everything; this file maps flags and prints.
#include "cli/ask_flags.h"
#include "cli/backend_flags.h"
#include "cli/commands.h"
#include "cli/eval_progress.h"
#include "cli/jsonl_output.h"
#include "cli/plan_input.h"
#include "cli/user_messages.h"
#include "eval/labels/category_map.h"
#include "eval/labels/label_reader.h"
#include "eval/report/html_report.h"
#include "eval/report/json_report.h"
#include "eval/report/report_builder.h"
#include "eval/report/text_report.h"
#include "eval/run/results_file.h"
#include "plan/plan_error.h"
#include "plan/plan_loader.h"

#include <unistd.h>

#include <iostream>
#include <memory>

namespace clue::cli {
namespace {

using namespace eval;

struct EvalOptions {
    std::string plan;
    std::string labels;
    std::string results;
    std::string categoryMap;
    std::string output;
    std::string format = "text";
    std::string labelsFormat = "auto";
    std::string imageColumn, labelColumn, categoryColumn, sourceColumn;
    std::vector<std::string> unsafeValues, safeValues;
    std::string badRows = "fail";
    std::string ablate;
    std::string baseline;
    std::string perturb;
    std::uint64_t perturbSeed = 1;
    std::string workDir;
    int bootstrap = 1000;
    std::uint64_t seed = 1;
    bool replay = false;
    bool noDebias = false;
    bool noEscalate = false;
    bool noProgress = false;
    bool allowEmpty = false;
    int imagesInFlight = 0;
    AskFlags ask;
    std::uint64_t maxImageBytes = runtime::ImageLimits{}.maxBytes;
    BackendFlags backend;
    CacheFlags cache;
};

// What a run needs before it starts; nothing when a usage or input error was printed.
struct Prepared {
    plan::Plan plan;
    LabelSet labels;
    std::optional<CategoryMap> map;
    std::vector<Ablation> ablations;
    std::vector<Perturbation> perturbations;
};

void printProblems(const std::string& file, const std::vector<LabelProblem>& rows,
                   const char* level) {
    for (const LabelProblem& p : rows) {
        std::cerr << "clue: " << level << ": " << file << ":" << p.line << ": " << p.message
                  << '\n';
    }
}

LabelOptions labelOptions(const EvalOptions& o) {
    LabelOptions l;
    l.format = o.labelsFormat == "csv"     ? LabelFormat::Csv
               : o.labelsFormat == "jsonl" ? LabelFormat::Jsonl
                                           : LabelFormat::Auto;
    auto one = [](const std::string& flag, std::vector<std::string>& columns) {
        if (!flag.empty()) {
            columns = {flag};
        }
    };
    one(o.imageColumn, l.imageColumns);
    one(o.labelColumn, l.labelColumns);
    one(o.categoryColumn, l.categoryColumns);
    one(o.sourceColumn, l.sourceColumns);
    l.unsafeValues = o.unsafeValues.empty() ? l.unsafeValues : o.unsafeValues;
    l.safeValues = o.safeValues.empty() ? l.safeValues : o.safeValues;
    l.badRows = o.badRows == "skip" ? BadRows::Skip : BadRows::Fail;
    return l;
}

bool usage(const std::string& message) {
    std::cerr << "clue: error: " << message << '\n';
    return false;
}

bool readInputs(const EvalOptions& o, Prepared& p) {
    auto plan = loadPlanToJudge(o.plan, o.allowEmpty, std::cerr);
    if (!plan) {
        return false;
    }
    p.plan = std::move(*plan);
    auto labels = readLabels(o.labels, labelOptions(o));
    if (!labels) {
        printProblems(o.labels, labels.error().rows, "error");
        return usage(o.labels + ": " + labels.error().message);
    }
    p.labels = std::move(labels.value());
    printProblems(o.labels, p.labels.skipped, "warning");
    if (o.categoryMap.empty()) {
        p.map = CategoryMap::identity(p.plan);
        return true;
    }
    auto map = CategoryMap::load(o.categoryMap, p.plan);
    if (!map) {
        return usage(map.error());
    }
    p.map = std::move(map.value());
    return true;
}

bool readSwitches(const EvalOptions& o, Prepared& p) {
    if (!o.results.empty() && (!o.ablate.empty() || !o.baseline.empty() || !o.perturb.empty())) {
        return usage("--results scores verdicts already made: --ablate, --baseline and "
                     "--perturb need judging");
    }
    if (!o.ablate.empty()) {
        auto ablations = parseAblations(o.ablate);
        if (!ablations) {
            return usage("--ablate: " + ablations.error());
        }
        p.ablations = std::move(ablations.value());
    }
    if (!o.perturb.empty()) {
        auto perturbations = parsePerturbations(o.perturb);
        if (!perturbations) {
            return usage("--perturb: " + perturbations.error());
        }
        p.perturbations = std::move(perturbations.value());
    }
    return true;
}

std::optional<Prepared> prepare(const EvalOptions& o) {
    Prepared p;
    if (!readInputs(o, p) || !readSwitches(o, p)) {
        return std::nullopt;
    }
    return p;
}

runtime::JudgeSettings judgeSettings(const EvalOptions& o) {
    runtime::JudgeSettings s;
    s.debias = !o.noDebias;
    s.escalate = !o.noEscalate;
    return s;
}

struct Runs {
    std::vector<VariantRun> variants;
    std::vector<PerturbationRun> perturbations;
    std::optional<std::string> model;
    std::optional<ResultsInfo> results;
};

std::optional<Runs> judgeAll(const EvalOptions& o, const Prepared& p) {
    auto config = resolveBackend(o.backend, std::cerr);
    if (!config) {
        return std::nullopt;
    }
    auto answers = openAnswerStack(*config, o.cache, o.replay);
    if (!answers || !preflightPasses(answers->preflight())) {
        return std::nullopt;
    }
    RunnerOptions options;
    options.model = config->model;
    options.batch.imagesInFlight =
        o.imagesInFlight > 0 ? std::size_t(o.imagesInFlight) : 2 * std::size_t(config->concurrency);
    options.batch.ask = o.ask.policy();
    options.batch.limits.maxBytes = o.maxImageBytes;
    options.perturbSeed = o.perturbSeed;
    if (!o.workDir.empty()) {
        options.workDir = o.workDir;
    }
    EvalProgress progress(std::cerr, !o.noProgress && ::isatty(STDERR_FILENO));
    EvalRunner runner(answers->source(p.plan.prompts), options, &progress);
    Runs runs;
    runs.model = config->model;
    for (const VariantSpec& spec :
         variantsFor(judgeSettings(o), p.ablations, o.baseline == "direct")) {
        runs.variants.push_back(runner.run(p.plan, spec, p.labels));
    }
    for (const Perturbation& perturbation : p.perturbations) {
        runs.perturbations.push_back(runner.perturb(p.plan, runs.variants.front().spec, p.labels,
                                                    runs.variants.front(), perturbation));
    }
    reportStopped(answers->stopped());
    return runs;
}

std::optional<Runs> scoreFile(const EvalOptions& o, const Prepared& p) {
    auto scored = scoreResults(o.results, p.labels, p.plan,
                               o.badRows == "skip" ? BadRows::Skip : BadRows::Fail);
    if (!scored) {
        printProblems(o.results, scored.error().badLines, "error");
        usage(scored.error().message);
        return std::nullopt;
    }
    printProblems(o.results, scored->badLines, "warning");
    Runs runs;
    runs.variants.push_back(std::move(scored->run));
    runs.results = ResultsInfo{o.results, scored->unlisted, scored->badLines};
    if (!o.backend.model.empty()) {
        runs.model = o.backend.model;
    }
    return runs;
}

std::string render(const EvalReport& report, const std::string& format) {
    if (format == "json") {
        return reportJson(report).dump(2);
    }
    if (format == "markdown") {
        return markdownReport(report);
    }
    return format == "html" ? htmlReport(report) : textReport(report);
}

bool anyFailure(const EvalReport& r) {
    for (const VariantReport& v : r.variants) {
        if (v.metrics.errors > 0) {
            return true;
        }
    }
    for (const RobustnessRow& row : r.robustness) {
        if (row.errors > 0) {
            return true;
        }
    }
    return r.summary.errors > 0;
}

int runEval(const EvalOptions& o) {
    auto prepared = prepare(o);
    if (!prepared) {
        return ExitUsage;
    }
    JsonlOutput output(o.output); // opened now, so a bad -o fails before any judging
    if (!output.ok()) {
        printError(std::cerr, output.problem());
        return ExitUsage;
    }
    auto runs = o.results.empty() ? judgeAll(o, *prepared) : scoreFile(o, *prepared);
    if (!runs) {
        return ExitUsage;
    }
    ReportInputs in;
    in.plan = &prepared->plan;
    in.planFile = o.plan;
    in.labels = &prepared->labels;
    in.categoryMap = &*prepared->map;
    in.runs = &runs->variants;
    in.perturbations = &runs->perturbations;
    in.bootstrap = {o.bootstrap, o.seed, 0.95};
    in.model = runs->model;
    in.results = runs->results;
    const EvalReport report = buildReport(in);
    std::string text = render(report, o.format);
    if (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    output.writeLine(text);
    if (!output.commit()) {
        printError(std::cerr, output.problem());
        return ExitUsage;
    }
    return anyFailure(report) ? ExitFindings : ExitOk;
}

void addLabelOptions(CLI::App& command, EvalOptions& o) {
    command.add_option("--labels-format", o.labelsFormat, "auto (by extension), jsonl or csv")
        ->check(CLI::IsMember({"auto", "jsonl", "csv"}));
    command.add_option("--image-col", o.imageColumn,
                       "Column of the image path (default: image, else path)");
    command.add_option("--label-col", o.labelColumn,
                       "Column of the label (default: safety_label, else label)");
    command.add_option("--category-col", o.categoryColumn, "Column of the category (category)");
    command.add_option("--source-col", o.sourceColumn, "Column of the source (source)");
    command.add_option("--unsafe-value", o.unsafeValues,
                       "A label value meaning unsafe (repeatable; default: unsafe, 1, true)");
    command.add_option("--safe-value", o.safeValues,
                       "A label value meaning safe (repeatable; default: safe, 0, false)");
    command
        .add_option("--bad-rows", o.badRows,
                    "A bad labels row (or results line): fail (default) or skip, reported "
                    "by line either way")
        ->check(CLI::IsMember({"fail", "skip"}));
    command.add_option("--category-map", o.categoryMap,
                       "YAML: dataset categories to constitution categories or rules");
}

void addRunOptions(CLI::App& command, EvalOptions& o) {
    o.backend.addOptions(command);
    o.backend.failFast.addOptions(command);
    command
        .add_option("--images-in-flight", o.imagesInFlight,
                    "Images judged at once (default: twice --concurrency)")
        ->check(CLI::Range(1, 100000));
    o.ask.addOptions(command);
    o.cache.addOptions(command);
    command.add_flag("--replay", o.replay, "Answer from the cache only, without a server");
    command.add_flag("--no-debias", o.noDebias, "Judge with P(Yes) > 0.5 (as clue judge)");
    command.add_flag("--no-escalate", o.noEscalate,
                     "Decide undecided predicates without reasoning (as clue judge)");
    command.add_option("--max-image-bytes", o.maxImageBytes, "Larger images are errors (20 MiB)")
        ->check(CLI::PositiveNumber);
    command.add_option("--ablate", o.ablate,
                       "Also run without parts of the method: debias,cascade,calibration,lazy");
    command.add_option("--baseline", o.baseline, "Also run a baseline: direct")
        ->check(CLI::IsMember({"direct"}));
    command.add_option("--perturb", o.perturb,
                       "Judge right-judged images again perturbed: gaussian:SIGMA,jpeg:Q,"
                       "resize:F");
    command.add_option("--perturb-seed", o.perturbSeed, "Seed of the Gaussian noise (1)");
    command.add_option("--work-dir", o.workDir,
                       "Where perturbed copies are written for a while (default: the temp dir)");
}

} // namespace

void addEvalCommand(CLI::App& app, RunState& state) {
    auto o = std::make_shared<EvalOptions>();
    CLI::App* command = app.add_subcommand(
        "eval", "Measure a plan and a model on labelled images: metrics, ablations, robustness");
    command->add_option("plan", o->plan, "The plan (clue compile's output)")->required();
    command->add_option("labels", o->labels, "Labels: JSONL or CSV, one image per row")->required();
    command->add_option("--results", o->results,
                        "Score this clue judge output instead of judging again");
    addLabelOptions(*command, *o);
    addRunOptions(*command, *o);
    command->add_option("--bootstrap", o->bootstrap, "Bootstrap resamples (1000; 0: none)")
        ->check(CLI::Range(0, 100000));
    command->add_option("--seed", o->seed, "Seed of the bootstrap (1)");
    command->add_option("--format", o->format, "text (default), json, markdown or html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    command->add_option("-o,--output", o->output, "Write the report here (default: stdout)");
    command->add_flag("--no-progress", o->noProgress, "No progress bar, even on a terminal");
    command->add_flag("--allow-empty", o->allowEmpty,
                      "Evaluate a plan of no rules, which calls every image safe");
    command->callback([o, &state] { state.exitCode = runEval(*o); });
}

} // namespace clue::cli
