// A sweep over the sorted scores.
#include "eval/metrics/pr_curve.h"

#include <algorithm>

namespace clue::eval {

PrCurve prCurve(std::vector<ScoredImage> images) {
    PrCurve curve;
    for (const ScoredImage& image : images) {
        ++(image.labelledUnsafe ? curve.positives : curve.negatives);
    }
    if (curve.positives == 0) {
        return curve;
    }
    std::sort(images.begin(), images.end(),
              [](const ScoredImage& a, const ScoredImage& b) { return a.score > b.score; });
    std::size_t tp = 0, fp = 0;
    double ap = 0, previousRecall = 0;
    for (std::size_t i = 0; i < images.size();) {
        const double threshold = images[i].score;
        for (; i < images.size() && images[i].score == threshold; ++i) {
            ++(images[i].labelledUnsafe ? tp : fp);
        }
        const double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
        const double recall = static_cast<double>(tp) / static_cast<double>(curve.positives);
        ap += (recall - previousRecall) * precision;
        previousRecall = recall;
        curve.points.push_back({threshold, precision, recall});
    }
    curve.averagePrecision = ap;
    return curve;
}

} // namespace clue::eval
