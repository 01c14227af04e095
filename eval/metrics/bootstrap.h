// Percentile bootstrap confidence intervals for accuracy, precision, recall and F1: the judged
// images of a group are resampled with replacement `resamples` times, each rate is computed on
// every resample where it is defined, and the interval is cut from those values at
// (1 - level) / 2 and (1 + level) / 2 (linear interpolation between order statistics).
// Reproducible: the resamples of a group come from std::mt19937_64 seeded with the first 8 bytes
// of SHA-256("<seed>:<group>"), and indices are drawn by rejection, not std::uniform_int_...,
// whose algorithm the standard leaves open.
#pragma once

#include "eval/metrics/confusion.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

struct BootstrapOptions {
    int resamples = 1000; // 0: no intervals
    std::uint64_t seed = 1;
    double level = 0.95;
};

struct Interval {
    double low = 0;
    double high = 0;
};

struct RateIntervals {
    std::optional<Interval> accuracy;
    std::optional<Interval> precision;
    std::optional<Interval> recall;
    std::optional<Interval> f1;
};

// One judged image: its label and the judge's verdict (unsafe or not).
struct Judged {
    bool labelledUnsafe = false;
    bool judgedUnsafe = false;
};

RateIntervals bootstrapRates(const std::vector<Judged>& images, const BootstrapOptions& options,
                             const std::string& group);

// The q-quantile (q in [0, 1]) of sorted `values` by linear interpolation (R's type 7).
double quantile(const std::vector<double>& sorted, double q);

} // namespace clue::eval
