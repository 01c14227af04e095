// Cosine similarity, accumulated in double precision.
#include "runtime/embed/cosine_similarity.h"

#include <algorithm>
#include <cmath>

namespace clue::runtime {

std::optional<double> cosineSimilarity(const Embedding& a, const Embedding& b) {
    if (a.size() != b.size() || a.empty()) {
        return std::nullopt;
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += static_cast<double>(a[i]) * b[i];
        normA += static_cast<double>(a[i]) * a[i];
        normB += static_cast<double>(b[i]) * b[i];
    }
    if (!(normA > 0) || !(normB > 0) || !std::isfinite(dot)) {
        return std::nullopt;
    }
    return std::clamp(dot / std::sqrt(normA * normB), -1.0, 1.0);
}

} // namespace clue::runtime
