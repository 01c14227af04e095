// The precision-recall curve of a score per image (unsafe the positive class): one point per
// distinct score, predicting unsafe at and above it, from the highest score down; and its area
// as average precision, AP = sum over points of (R_k - R_k-1) * P_k (ties form one point).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace clue::eval {

struct ScoredImage {
    double score = 0;
    bool labelledUnsafe = false;
};

struct PrPoint {
    double threshold = 0; // unsafe when score >= threshold
    double precision = 0;
    double recall = 0;
};

struct PrCurve {
    std::vector<PrPoint> points; // recall rising; empty without a positive image
    std::optional<double> averagePrecision;
    std::size_t positives = 0;
    std::size_t negatives = 0;
};

PrCurve prCurve(std::vector<ScoredImage> images);

} // namespace clue::eval
