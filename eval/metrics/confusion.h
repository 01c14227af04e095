// The confusion matrix of a binary judge with `unsafe` as the positive class, and the rates read
// from it. A rate whose denominator is zero is undefined (nothing), never 0 or 1 by convention.
#pragma once

#include <cstddef>
#include <optional>

namespace clue::eval {

struct Confusion {
    std::size_t tp = 0; // labelled unsafe, judged unsafe
    std::size_t fp = 0; // labelled safe, judged unsafe
    std::size_t tn = 0; // labelled safe, judged safe
    std::size_t fn = 0; // labelled unsafe, judged safe

    void add(bool labelledUnsafe, bool judgedUnsafe);
    std::size_t total() const { return tp + fp + tn + fn; }
    Confusion& operator+=(const Confusion& other);
    bool operator==(const Confusion&) const = default;
};

struct Rates {
    std::optional<double> accuracy;  // (tp + tn) / total
    std::optional<double> precision; // tp / (tp + fp)
    std::optional<double> recall;    // tp / (tp + fn)
    std::optional<double> f1;        // 2 tp / (2 tp + fp + fn): 0 when tp = 0 and fp + fn > 0
};

Rates ratesOf(const Confusion& c);

} // namespace clue::eval
