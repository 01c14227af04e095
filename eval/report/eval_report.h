// Everything an evaluation reports, computed once (report_builder.h) and then written as text,
// JSON (docs/eval.schema.json), Markdown or HTML, so that every format shows the same figures.
#pragma once

#include "eval/labels/label_set.h"
#include "eval/metrics/bootstrap.h"
#include "eval/metrics/confusion.h"
#include "eval/metrics/pr_curve.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/image_result.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

// The metrics of one group of labelled images. Images without a verdict (errors) are counted
// apart and left out of the confusion matrix: an error is never read as safe.
struct MetricSet {
    std::size_t images = 0;    // labelled images in the group
    std::size_t errors = 0;    // of which without a verdict
    std::size_t positives = 0; // labelled unsafe, with a verdict
    Confusion confusion;
    Rates rates;
    RateIntervals intervals;
};

struct GroupMetrics {
    std::string name;
    MetricSet metrics;
};

struct HistogramBin {
    int from = 0; // questions per image, inclusive
    int to = 0;
    std::size_t images = 0;
};

// What judging cost. Questions are the model calls a run would make without a cache
// (questionsOf), so variants that share a cache compare fairly; calls are those it made.
struct CostSummary {
    std::size_t images = 0;
    long questions = 0;
    long calls = 0;
    long cacheHits = 0;
    long promptTokens = 0;
    long completionTokens = 0;
    long escalations = 0;
    long predicates = 0;
    double imageSeconds = 0; // summed per-image time, start to verdict
    double wallSeconds = 0;
    std::vector<HistogramBin> questionsHistogram;

    double perImage(double total) const { return images > 0 ? total / double(images) : 0; }
};

struct VariantReport {
    std::string id;
    std::string title;
    MetricSet metrics;
    std::optional<double> averagePrecision;
    CostSummary cost;
};

struct RobustnessRow {
    std::string perturbation;            // its spec, "gaussian:0.01"
    std::optional<std::string> category; // nothing: every category
    std::size_t images = 0;              // correctly judged images perturbed (or tried)
    std::size_t judged = 0;              // perturbed copies with a verdict
    std::size_t flipped = 0;             // whose verdict changed
    std::size_t unsafeToSafe = 0;        // of which unsafe images now judged safe
    std::size_t safeToUnsafe = 0;
    std::size_t errors = 0;               // copies without a verdict, or not made
    std::optional<double> robustAccuracy; // 1 - flipped / judged
};

struct ImageRow {
    std::string path; // as the labels file gives it
    bool unsafe = false;
    std::optional<std::string> category;
    std::optional<std::string> source;
    runtime::Verdict verdict = runtime::Verdict::Error;
    std::vector<std::string> violated; // rule ids
    std::optional<double> score;
    std::string errorKind;
    std::string errorMessage;
    long questions = 0;
    long calls = 0;
    long cacheHits = 0;
    int escalations = 0;
    double seconds = 0;
};

struct CategoryCount {
    std::string name;
    std::size_t images = 0;
};

// Where the verdicts came from with --results.
struct ResultsInfo {
    std::string file;
    std::size_t unlisted = 0;               // results for images the labels do not list
    std::vector<LabelProblem> skippedLines; // lines that could not be used
};

struct EvalReport {
    // What was measured.
    std::string planFile;
    std::optional<std::string> constitution;
    std::optional<std::string> constitutionVersion;
    std::string sourceDigest;
    std::string promptVersion;
    std::optional<std::string> calibrationModel;
    std::optional<std::string> model;
    std::optional<ResultsInfo> results; // scored from `clue judge` output, not judged
    std::string labelsFile;
    std::size_t labelledImages = 0;
    std::size_t unsafeImages = 0;
    std::vector<LabelProblem> skippedRows;
    BootstrapOptions bootstrap;

    MetricSet summary;
    std::vector<GroupMetrics> byCategory; // dataset categories
    std::vector<GroupMetrics> bySource;
    std::vector<GroupMetrics> byConstitutionCategory;
    std::vector<GroupMetrics> byRule;
    std::optional<std::string> categoryMapFile;
    std::vector<CategoryCount> unmappedCategories;  // named by no map entry
    std::vector<CategoryCount> uncoveredCategories; // mapped to nothing on purpose

    std::map<std::string, std::size_t> errorsByKind;
    PrCurve prCurve;
    CostSummary cost;
    std::vector<VariantReport> variants; // the first is the main run
    std::vector<RobustnessRow> robustness;
    std::vector<ImageRow> images;
};

} // namespace clue::eval
