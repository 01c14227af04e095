// The objectification loop for one rule: rate; while under the threshold and rounds remain,
// rewrite and rate again; then extract the precondition chain from the best-rated text. Every
// answer is checked, and an unusable one is asked again, up to the attempt limit.
#pragma once

#include "compiler/objectify/objectify_model.h"
#include "compiler/objectify/objectify_settings.h"
#include "compiler/objectify/prompt_set.h"
#include "compiler/objectify/rule_outcome.h"

#include <functional>
#include <string>

namespace clue::objectify {

// Called as the loop moves on: the rule and what it does now ("rating round 1").
using ProgressCallback = std::function<void(const std::string& ruleId, const std::string& step)>;

class RuleObjectifier {
public:
    RuleObjectifier(ObjectifyModel& model, const PromptSet& prompts, ObjectifySettings settings,
                    std::string modelId)
        : model_(model), prompts_(prompts), settings_(std::move(settings)),
          modelId_(std::move(modelId)) {}

    RuleOutcome run(const RuleJob& job, const ProgressCallback& progress) const;

private:
    class Session;

    ObjectifyModel& model_;
    const PromptSet& prompts_;
    ObjectifySettings settings_;
    std::string modelId_;
};

} // namespace clue::objectify
