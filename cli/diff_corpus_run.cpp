// Loading the corpus, opening the answer stack, and judging both sides.
#include "cli/diff_corpus_run.h"

#include "cli/user_messages.h"
#include "runtime/corpus/corpus_replay.h"
#include "runtime/image/image_inputs.h"
#include "runtime/image/thumbnail.h"
#include "runtime/judge/results_file.h"

#include <iostream>

namespace clue::cli {

using namespace runtime;

namespace {

constexpr int kThumbnailSide = 96; // pixels: the longer side of a thumbnail, at most

std::optional<std::vector<ImageInput>> corpusImages(const CorpusFlags& flags) {
    InputOptions options;
    if (!flags.manifest.empty()) {
        options.manifest = flags.manifest;
    }
    auto images = expandImageInputs(flags.images, options);
    if (!images) {
        printError(std::cerr, images.error());
        return std::nullopt;
    }
    if (images->empty()) {
        printError(std::cerr, "the corpus holds no images (--images, --manifest)");
        return std::nullopt;
    }
    return std::move(images).value();
}

std::optional<std::vector<ImageResult>> oldResults(const std::string& file,
                                                   const plan::Plan& oldPlan) {
    auto read = readResultsFile(file, oldPlan);
    if (!read) {
        printError(std::cerr, read.error());
        return std::nullopt;
    }
    for (const ResultsProblem& bad : read->badLines) {
        std::cerr << file << ':' << bad.line << ": error: " << bad.message << '\n';
    }
    if (!read->badLines.empty()) {
        printError(std::cerr, file + " does not hold OLD's results; nothing compared");
        return std::nullopt;
    }
    if (read->results.empty()) {
        printError(std::cerr, file + " holds no results");
        return std::nullopt;
    }
    std::vector<ImageResult> out;
    for (ResultsLine& line : read->results) {
        out.push_back(std::move(line.result));
    }
    return out;
}

std::unique_ptr<AnswerStack> openStack(const CorpusFlags& flags, bool ask) {
    auto config = resolveBackend(flags.backend, std::cerr);
    if (!config) {
        return nullptr;
    }
    flags.backend.failFast.applyTo(*config);
    auto stack = openAnswerStack(*config, flags.cache, !ask);
    if (stack && ask && !preflightPasses(stack->preflight())) {
        return nullptr;
    }
    return stack;
}

} // namespace

void CorpusFlags::addOptions(CLI::App& command) {
    command.add_option("--images", images,
                       "Corpus: image files, or folders searched recursively (repeatable)");
    command.add_option("--manifest", manifest,
                       "Corpus: JSONL file, one {\"path\": ...} per line (relative to its folder)");
    command.add_option("--results", results,
                       "Corpus: OLD's verdicts, `clue judge` output of OLD on the images");
    command.add_flag("--thumbnails", thumbnails,
                     "HTML: show small thumbnails of the images whose verdict flips");
    backend.addOptions(command);
    backend.failFast.addOptions(command);
    cache.addOptions(command);
}

std::optional<std::string> CorpusFlags::usageProblem() const {
    if (!results.empty() && (!images.empty() || !manifest.empty())) {
        return "--results names the images: it cannot go with --images or --manifest";
    }
    if (!wanted() && thumbnails) {
        return "--thumbnails shows a corpus: give --images, --manifest or --results";
    }
    if (wanted() && cache.disabled && backend.endpoint.empty()) {
        return "the corpus is replayed from the score cache: --no-cache needs --endpoint";
    }
    return std::nullopt;
}

std::optional<CorpusImpact> runCorpus(const CorpusFlags& flags, const plan::Plan& oldPlan,
                                      const plan::Plan& newPlan) {
    const bool ask = !flags.backend.endpoint.empty();
    std::optional<std::vector<ImageInput>> images;
    std::optional<std::vector<ImageResult>> before;
    if (flags.results.empty() ? !(images = corpusImages(flags))
                              : !(before = oldResults(flags.results, oldPlan))) {
        return std::nullopt;
    }
    auto stack = openStack(flags, ask);
    if (!stack) {
        return std::nullopt;
    }
    BatchOptions batch;
    batch.imagesInFlight = 2 * std::size_t(stack->backend().concurrency);
    CorpusImpact impact = before ? diffCorpus(*stack, oldPlan, newPlan, *before, batch)
                                 : diffCorpus(*stack, oldPlan, newPlan, *images, batch);
    reportStopped(stack->stopped());
    return impact;
}

std::map<std::string, std::string> flipThumbnails(const CorpusImpact& impact) {
    std::map<std::string, std::string> out;
    for (const auto* images : {&impact.toUnsafe, &impact.toSafe}) {
        for (const ImageChange& c : *images) {
            auto url = thumbnailDataUrl(c.path, kThumbnailSide);
            if (url) {
                out.emplace(c.path.string(), std::move(url.value()));
            } else {
                printWarning(std::cerr, "no thumbnail: " + url.error().message);
            }
        }
    }
    return out;
}

} // namespace clue::cli
