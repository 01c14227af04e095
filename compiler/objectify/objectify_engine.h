// Objectifies many rules, several at once: a rule that fails does not stop the others.
#pragma once

#include "compiler/objectify/rule_objectifier.h"

#include <vector>

namespace clue::objectify {

// Runs `jobs` on up to settings.concurrency threads. The outcomes come back in the order of
// `jobs`, whatever order they finished in. `progress` may be called from several threads at
// once; `finished` (optional) is called once per rule, also from worker threads.
std::vector<RuleOutcome> objectifyRules(const RuleObjectifier& objectifier,
                                        const std::vector<RuleJob>& jobs, int concurrency,
                                        const ProgressCallback& progress,
                                        const std::function<void(const RuleOutcome&)>& finished);

} // namespace clue::objectify
