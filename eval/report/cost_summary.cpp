// Sums and the histogram.
#include "eval/report/cost_summary.h"

#include <algorithm>

namespace clue::eval {
namespace {

constexpr int kMaxBins = 24;

} // namespace

std::vector<HistogramBin> histogramOf(const std::vector<int>& counts) {
    if (counts.empty()) {
        return {};
    }
    const int most = *std::max_element(counts.begin(), counts.end());
    const int width = std::max(1, (most + kMaxBins) / kMaxBins);
    std::vector<HistogramBin> bins;
    for (int from = 0; from <= most; from += width) {
        bins.push_back({from, from + width - 1, 0});
    }
    for (int count : counts) {
        ++bins[static_cast<std::size_t>(count / width)].images;
    }
    return bins;
}

CostSummary costOf(const VariantRun& run) {
    CostSummary c;
    c.images = run.outcomes.size();
    c.wallSeconds = run.wallSeconds;
    std::vector<int> questions;
    for (const ImageOutcome& o : run.outcomes) {
        c.questions += o.questions;
        c.calls += o.cost.calls;
        c.cacheHits += o.cost.cacheHits;
        c.promptTokens += o.cost.tokens.prompt;
        c.completionTokens += o.cost.tokens.completion;
        c.escalations += o.escalations;
        c.predicates += o.predicatesAsked;
        c.imageSeconds += o.seconds;
        questions.push_back(o.questions);
    }
    c.questionsHistogram = histogramOf(questions);
    return c;
}

} // namespace clue::eval
