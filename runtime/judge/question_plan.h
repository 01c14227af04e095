// What the executor computes once per plan to choose each image's questions: each predicate's
// wave, and for the adaptive order (adaptive_choice.h) each predicate's cone (the nodes whose
// value can depend on it, children first, and the rules among them), its chance of being true and
// its cost. Choosing then re-evaluates one cone per hypothetical answer instead of the plan.
#pragma once

#include "plan/plan.h"

#include <cstdint>
#include <vector>

namespace clue::runtime {

// The wave of each predicate in the plan's schedule (plans are validated: each is in one wave).
std::vector<int> waveIndex(const plan::Plan& plan);

class QuestionPlan {
public:
    explicit QuestionPlan(const plan::Plan& plan);

    const std::vector<int>& waves() const { return waves_; }
    int wave(uint32_t predicate) const { return waves_[predicate]; }
    // The nodes whose value can depend on `predicate`, in plan (topological) order.
    const std::vector<uint32_t>& cone(uint32_t predicate) const { return cones_[predicate]; }
    // The rules whose root is in the predicate's cone.
    const std::vector<uint32_t>& rulesReached(uint32_t predicate) const {
        return rules_[predicate];
    }
    // The predicate's `prior` where the plan gives one, else 0.5.
    double chanceTrue(uint32_t predicate) const { return chanceTrue_[predicate]; }
    // The predicate's `cost` (positive; 1 unless the author said otherwise).
    double cost(uint32_t predicate) const { return costs_[predicate]; }

private:
    std::vector<int> waves_;
    std::vector<std::vector<uint32_t>> cones_;
    std::vector<std::vector<uint32_t>> rules_;
    std::vector<double> chanceTrue_;
    std::vector<double> costs_;
};

} // namespace clue::runtime
