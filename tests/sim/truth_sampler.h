// Sets statements so that a formula comes out true or false, choosing among alternatives with
// key-derived randomness: the corpus generator's way to make an image violate a rule, or nearly.
#pragma once

#include "tests/sim/constitution_model.h"
#include "tests/sim/keyed_random.h"

#include <string>

namespace clue::sim {

class TruthSampler {
public:
    // `key` names the image and attempt; every choice adds a counter to it.
    TruthSampler(const ConstitutionModel& model, const KeyedRandom& random, std::string key)
        : model_(model), random_(random), key_(std::move(key)) {}

    // An Or makes one alternative true, an And every operand; Not flips.
    void makeTrue(const ast::Formula& formula, Assignment& truth);
    // An And makes one operand false, an Or every alternative; Not flips.
    void makeFalse(const ast::Formula& formula, Assignment& truth);
    // A near miss of an AND chain: every step true but one, which is made false. A formula that
    // is not an And with two or more steps is made false.
    void makeNearMiss(const ast::Formula& formula, Assignment& truth);

private:
    std::size_t choose(std::size_t count);

    const ConstitutionModel& model_;
    const KeyedRandom& random_;
    std::string key_;
    int choices_ = 0;
};

} // namespace clue::sim
