// Seeded resampling.
#include "eval/metrics/bootstrap.h"

#include "common/sha256.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace clue::eval {
namespace {

std::uint64_t groupSeed(std::uint64_t seed, const std::string& group) {
    const std::string digest = sha256Hex(std::to_string(seed) + ":" + group);
    return std::stoull(digest.substr(0, 16), nullptr, 16);
}

// Uniform in [0, bound), bound > 0, without modulo bias (Lemire's threshold).
std::uint64_t below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold) {
            return r % bound;
        }
    }
}

std::optional<Interval> cut(std::vector<double>& values, double level) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    return Interval{quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2)};
}

} // namespace

double quantile(const std::vector<double>& sorted, double q) {
    const double h = (static_cast<double>(sorted.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

RateIntervals bootstrapRates(const std::vector<Judged>& images, const BootstrapOptions& options,
                             const std::string& group) {
    RateIntervals out;
    if (images.empty() || options.resamples <= 0) {
        return out;
    }
    std::mt19937_64 rng(groupSeed(options.seed, group));
    std::vector<double> accuracy, precision, recall, f1;
    for (int r = 0; r < options.resamples; ++r) {
        Confusion c;
        for (std::size_t i = 0; i < images.size(); ++i) {
            const Judged& pick = images[below(rng, images.size())];
            c.add(pick.labelledUnsafe, pick.judgedUnsafe);
        }
        const Rates rates = ratesOf(c);
        for (auto [value, into] :
             {std::pair{rates.accuracy, &accuracy}, std::pair{rates.precision, &precision},
              std::pair{rates.recall, &recall}, std::pair{rates.f1, &f1}}) {
            if (value) {
                into->push_back(*value);
            }
        }
    }
    out.accuracy = cut(accuracy, options.level);
    out.precision = cut(precision, options.level);
    out.recall = cut(recall, options.level);
    out.f1 = cut(f1, options.level);
    return out;
}

} // namespace clue::eval
