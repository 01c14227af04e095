// The oracle of the judge benchmark: given every predicate's true value on an image, the fewest
// predicate answers that prove the image's outcome in three-valued logic (a minimal
// certificate). No executor can ask fewer questions and still know the outcome.
#pragma once

#include "plan/plan.h"

#include <cstdint>
#include <vector>

namespace clue::bench {

// A set of predicate indices as a bit mask (plans of up to 64 predicates).
using PredicateSet = std::uint64_t;

// Minimal sets of predicates whose true values make node `n` evaluate to its true value, for
// every node (index = node). Supersets are dropped.
std::vector<std::vector<PredicateSet>> nodeCertificates(const plan::Plan& plan,
                                                        const std::vector<bool>& truth);

// The fewest predicates that decide every rule (the outcome `clue judge` reports: verdict and
// each rule's state). Exact: branch and bound over one certificate per rule.
int minimalAllRules(const plan::Plan& plan, const std::vector<bool>& truth);

// The fewest predicates that decide the verdict alone: one violated rule for an unsafe image,
// every rule for a safe one.
int minimalVerdict(const plan::Plan& plan, const std::vector<bool>& truth);

// Brute force over every subset of up to `maxSize` predicates: the smallest that decides every
// rule, or -1 when none is that small. For checking minimalAllRules on small cases.
int bruteForceAllRules(const plan::Plan& plan, const std::vector<bool>& truth, int maxSize);

} // namespace clue::bench
