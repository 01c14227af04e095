// Rates from counts.
#include "eval/metrics/confusion.h"

namespace clue::eval {
namespace {

std::optional<double> ratio(std::size_t numerator, std::size_t denominator) {
    if (denominator == 0) {
        return std::nullopt;
    }
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace

void Confusion::add(bool labelledUnsafe, bool judgedUnsafe) {
    if (labelledUnsafe) {
        ++(judgedUnsafe ? tp : fn);
    } else {
        ++(judgedUnsafe ? fp : tn);
    }
}

Confusion& Confusion::operator+=(const Confusion& other) {
    tp += other.tp;
    fp += other.fp;
    tn += other.tn;
    fn += other.fn;
    return *this;
}

Rates ratesOf(const Confusion& c) {
    Rates r;
    r.accuracy = ratio(c.tp + c.tn, c.total());
    r.precision = ratio(c.tp, c.tp + c.fp);
    r.recall = ratio(c.tp, c.tp + c.fn);
    r.f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
    return r;
}

} // namespace clue::eval
