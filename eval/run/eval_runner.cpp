// Variants through BatchJudge; perturbed copies written to a scratch folder, then judged.
#include "eval/run/eval_runner.h"

#include "common/file_io.h"
#include "eval/run/direct_plan.h"
#include "runtime/image/image_loader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace clue::eval {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kMaxPerturbedPixels = 50'000'000;

bool judgedRight(const ImageOutcome& o, const LabeledImage& label) {
    return !o.error && o.judgedUnsafe() == label.unsafe;
}

// A new, empty folder under `parent`, removed with its content when this goes.
class ScratchFolder {
public:
    explicit ScratchFolder(const fs::path& parent) {
        std::string pattern = (parent / "clue-eval-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) {
            path_ = pattern;
        }
    }
    ~ScratchFolder() {
        std::error_code ignored;
        if (!path_.empty()) {
            fs::remove_all(path_, ignored);
        }
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Reads, perturbs and writes one image; an empty string, or why it could not.
std::string writePerturbed(const fs::path& from, const fs::path& to, const Perturbation& p,
                           std::uint64_t seed, const runtime::ImageLimits& limits) {
    auto loaded = runtime::loadImage(from, limits);
    if (!loaded) {
        return loaded.error().message;
    }
    auto pixels = runtime::decodePixels(loaded->bytes, kMaxPerturbedPixels);
    if (!pixels) {
        return from.string() + ": " + pixels.error();
    }
    std::string error;
    if (!writeFileAtomically(to.string(), perturbImage(pixels.value(), p, seed, loaded->sha256),
                             error)) {
        return error;
    }
    return "";
}

} // namespace

EvalRunner::EvalRunner(runtime::AnswerSource& source, RunnerOptions options, EvalObserver* observer)
    : source_(source), options_(std::move(options)), observer_(observer) {}

const plan::Plan& EvalRunner::planFor(const plan::Plan& plan, const VariantSpec& spec) {
    if (!spec.direct) {
        return plan;
    }
    if (!direct_) {
        direct_ = directPlan(plan);
    }
    return *direct_;
}

std::vector<ImageOutcome> EvalRunner::judge(const plan::Plan& plan, const VariantSpec& spec,
                                            const std::vector<fs::path>& images,
                                            const std::string& title) {
    const plan::Plan& judged = planFor(plan, spec);
    // A prior table per run: "measured once per run" means once per variant.
    runtime::PriorTable priors(judged, options_.model, source_);
    runtime::PredicateJudge judge(judged, source_, priors, spec.settings);
    std::vector<ImageOutcome> outcomes(images.size());
    if (observer_ != nullptr) {
        observer_->phaseStarted(title, images.size());
    }
    runtime::BatchJudge(judge, options_.batch)
        .run(images, [&](const runtime::ImageResult& result, std::size_t index) {
            outcomes[index] = outcomeOf(result, judged);
            if (observer_ != nullptr) {
                observer_->imageJudged(outcomes[index].failed);
            }
        });
    if (observer_ != nullptr) {
        observer_->phaseFinished();
    }
    return outcomes;
}

VariantRun EvalRunner::run(const plan::Plan& plan, const VariantSpec& spec,
                           const LabelSet& labels) {
    std::vector<fs::path> images;
    images.reserve(labels.images.size());
    for (const LabeledImage& image : labels.images) {
        images.push_back(image.path);
    }
    const auto start = Clock::now();
    VariantRun run{spec, judge(plan, spec, images, spec.title), 0};
    run.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    return run;
}

PerturbationRun EvalRunner::perturb(const plan::Plan& plan, const VariantSpec& spec,
                                    const LabelSet& labels, const VariantRun& reference,
                                    const Perturbation& perturbation) {
    PerturbationRun run{perturbation, {}};
    ScratchFolder scratch(options_.workDir);
    std::vector<fs::path> copies;
    std::vector<std::size_t> judgedIndex; // into run.images, for each copy
    for (std::size_t i = 0; i < labels.images.size(); ++i) {
        if (!judgedRight(reference.outcomes[i], labels.images[i])) {
            continue;
        }
        PerturbedImage image{i, reference.outcomes[i].verdict, std::nullopt, ""};
        if (scratch.path().empty()) {
            image.problem = "cannot create a scratch folder under " + options_.workDir.string();
        } else {
            char name[32];
            std::snprintf(name, sizeof name, "%06zu", i);
            const fs::path copy = scratch.path() / (name + perturbation.extension());
            image.problem = writePerturbed(labels.images[i].path, copy, perturbation,
                                           options_.perturbSeed, options_.batch.limits);
            if (image.problem.empty()) {
                judgedIndex.push_back(run.images.size());
                copies.push_back(copy);
            }
        }
        run.images.push_back(std::move(image));
    }
    std::vector<ImageOutcome> outcomes =
        judge(plan, spec, copies, spec.title + ", " + perturbation.spec());
    for (std::size_t c = 0; c < copies.size(); ++c) {
        run.images[judgedIndex[c]].outcome = std::move(outcomes[c]);
    }
    return run;
}

} // namespace clue::eval
