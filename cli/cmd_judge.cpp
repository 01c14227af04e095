// `clue judge PLAN INPUTS...`: judges images against a plan on an OpenAI-compatible server and
// writes one JSON line per image, in input order (docs/cli/judge.md).
#include "cli/ask_flags.h"
#include "cli/backend_flags.h"
#include "cli/commands.h"
#include "cli/explain_trace.h"
#include "cli/jsonl_output.h"
#include "cli/judge_tally.h"
#include "cli/plan_input.h"
#include "cli/progress_bar.h"
#include "cli/user_messages.h"
#include "runtime/image/image_inputs.h"
#include "runtime/judge/batch_judge.h"
#include "runtime/judge/result_json.h"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace clue::cli {
namespace {

using namespace runtime;

struct JudgeOptions {
    std::string plan;
    std::vector<std::string> inputs;
    std::string manifest;
    std::string manifestRoot;
    std::string output;
    bool explain = false;
    bool allowEmpty = false;
    bool replay = false;
    std::string onError = "error";
    bool noDebias = false;
    bool noEscalate = false;
    int imagesInFlight = 0;
    AskFlags ask;
    std::uint64_t maxImageBytes = ImageLimits{}.maxBytes;
    std::uint64_t maxImagePixels = ImageLimits{}.maxPixels;
    bool noProgress = false;
    BackendFlags backend;
    CacheFlags cache;
};

// What a run needs before it starts; nothing when a usage, plan or settings error was printed.
struct Prepared {
    plan::Plan plan;
    std::vector<ImageInput> images;
    BackendConfig config;
};

std::optional<Prepared> prepare(const JudgeOptions& options) {
    Prepared p;
    auto plan = loadPlanToJudge(options.plan, options.allowEmpty, std::cerr);
    if (!plan) {
        return std::nullopt;
    }
    p.plan = std::move(*plan);
    InputOptions inputs;
    if (!options.manifest.empty()) {
        inputs.manifest = options.manifest;
    }
    if (!options.manifestRoot.empty()) {
        inputs.manifestRoot = options.manifestRoot;
    }
    auto images = expandImageInputs(options.inputs, inputs);
    if (!images) {
        printError(std::cerr, images.error());
        return std::nullopt;
    }
    if (images->empty()) {
        std::cerr << "clue: error: no images to judge (give files, folders or --manifest)\n";
        return std::nullopt;
    }
    if (options.explain && images->size() != 1) {
        std::cerr << "clue: error: --explain traces one image; the inputs name " << images->size()
                  << '\n';
        return std::nullopt;
    }
    p.images = std::move(images).value();
    auto config = resolveBackend(options.backend, std::cerr);
    if (!config) {
        return std::nullopt;
    }
    p.config = std::move(*config);
    return p;
}

int runJudge(const JudgeOptions& options) {
    auto prepared = prepare(options);
    if (!prepared) {
        return ExitUsage;
    }
    const Prepared& p = *prepared;
    // --explain alone prints the trace instead of the JSONL.
    std::optional<JsonlOutput> output;
    if (!options.explain || !options.output.empty()) {
        output.emplace(options.output);
        if (!output->ok()) {
            printError(std::cerr, output->problem());
            return ExitUsage;
        }
    }
    auto answers = openAnswerStack(p.config, options.cache, options.replay);
    if (!answers || !preflightPasses(answers->preflight())) {
        return ExitUsage;
    }
    AnswerSource& source = answers->source(p.plan.prompts);
    PriorTable priors(p.plan, p.config.model, source);
    JudgeSettings settings;
    settings.debias = !options.noDebias;
    settings.escalate = !options.noEscalate;
    PredicateJudge judge(p.plan, source, priors, settings);
    BatchOptions batch;
    batch.imagesInFlight =
        options.imagesInFlight > 0 ? options.imagesInFlight : 2 * std::size_t(p.config.concurrency);
    batch.ask = options.ask.policy();
    batch.limits.maxBytes = options.maxImageBytes;
    batch.limits.maxPixels = options.maxImagePixels;
    batch.onError = *parseOnError(options.onError);

    ProgressBar progress(std::cerr, p.images.size(),
                         !options.noProgress && !options.explain && ::isatty(STDERR_FILENO));
    JudgeTally tally;
    const auto start = std::chrono::steady_clock::now();
    BatchJudge(judge, batch).run(p.images, [&](const ImageResult& result, std::size_t) {
        if (output) {
            // resultJson writes names losslessly; `replace` is the last guard of the run.
            output->writeLine(resultJson(result, p.plan)
                                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        if (options.explain) {
            printExplanation(std::cout, result, p.plan);
        }
        tally.add(result);
        progress.advance(result.failed());
    });
    progress.finish();
    reportStopped(answers->stopped());
    tally.print(std::cerr,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (output && !output->commit()) {
        printError(std::cerr, output->problem());
        return ExitUsage;
    }
    return tally.failedImages() > 0 ? ExitFindings : ExitOk;
}

} // namespace

void addJudgeCommand(CLI::App& app, RunState& state) {
    auto o = std::make_shared<JudgeOptions>();
    CLI::App* command = app.add_subcommand(
        "judge", "Judge images against a compiled plan on an OpenAI-compatible model server");
    command->add_option("plan", o->plan, "The plan (clue compile's output)")->required();
    command->add_option("inputs", o->inputs,
                        "Image files, or folders searched recursively for images");
    command->add_option("--manifest", o->manifest,
                        "JSONL file, one {\"path\": ...} per line (relative to its folder)");
    command->add_option("--manifest-root", o->manifestRoot,
                        "Judge only manifest paths that lead inside this folder; others get an "
                        "error record");
    command->add_option("-o,--output", o->output, "Write the JSONL here (default: stdout)");
    command->add_flag("--explain", o->explain,
                      "Print a human-readable trace of the (single) image's judgment");
    command->add_flag("--allow-empty", o->allowEmpty,
                      "Judge with a plan of no rules, which calls every image safe");
    o->backend.addOptions(*command);
    o->backend.failFast.addOptions(*command);
    command
        ->add_option("--images-in-flight", o->imagesInFlight,
                     "Images judged at once (default: twice --concurrency)")
        ->check(CLI::Range(1, 100000));
    o->ask.addOptions(*command);
    o->cache.addOptions(*command);
    command->add_flag("--replay", o->replay,
                      "Answer from the cache only, without a server; a miss is an error");
    command
        ->add_option("--on-error", o->onError,
                     "Verdict of an image a failure left undecided: error, unsafe or safe")
        ->check(CLI::IsMember({"error", "unsafe", "safe"}));
    command->add_flag("--no-debias", o->noDebias,
                      "Ablation: decide by P(Yes) > 0.5, without priors, regions or reasoning");
    command->add_flag("--no-escalate", o->noEscalate,
                      "Decide undecided predicates by M(x,c) > M(None,c) instead of reasoning");
    command
        ->add_option("--max-image-bytes", o->maxImageBytes,
                     "Larger image files are reported as errors (default: 20 MiB)")
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--max-image-pixels", o->maxImagePixels,
                     "Images declaring more pixels are reported as errors before decoding "
                     "(default: 50,000,000)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 32));
    command->add_flag("--no-progress", o->noProgress, "No progress bar, even on a terminal");
    command->callback([o, &state] { state.exitCode = runJudge(*o); });
}

} // namespace clue::cli
