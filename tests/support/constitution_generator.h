// Random constitutions for property tests, lint tests and benchmarks: N rules over a pool of
// predicates with heavy sharing (a skewed pick makes a few predicates very common), nested
// and/or/not, `unless`, inline statements written with case and punctuation variants of named
// ones, and rare constants. The same options and seed give the same text on every platform.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace clue::testing {

// A small deterministic generator (splitmix64): std's distributions differ across libraries.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next();
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
    // An index in [0, n) skewed toward 0: index k is picked with falling probability.
    size_t skewed(size_t n);

private:
    uint64_t state_;
};

struct FormulaShape {
    double orShare = 0.4;       // junctions that are `or` rather than `and`
    double notShare = 0.15;     // operands negated
    double constantShare = 0.0; // leaves that are `true` or `false`
};

// A formula with about `leaves` leaves, in the language's syntax; `leaf(random)` writes each
// leaf (a name or a string literal).
std::string randomFormula(Random& random, size_t leaves, const FormulaShape& shape,
                          const std::function<std::string(Random&)>& leaf);

struct GeneratorOptions {
    size_t rules = 10;
    size_t leavesPerRule = 5;   // average; each rule has 1 to 2 * leavesPerRule - 1
    size_t poolSize = 0;        // named predicates; 0: rules * leavesPerRule / 4, at least 8
    double inlineShare = 0.1;   // leaves written as inline statements
    double unlessShare = 0.3;   // rules with an `unless` clause
    double categoryShare = 0.5; // rules inside a category
    FormulaShape shape;
    uint64_t seed = 1;
};

// A whole constitution file: header, predicates, then rules, some inside categories.
std::string generateConstitution(const GeneratorOptions& options);

} // namespace clue::testing
