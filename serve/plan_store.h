// The active plan and its replacement. A new plan (from the file, or uploaded) is read and
// checked completely before it replaces the old one; one that fails keeps the old one active.
// Installing swaps one shared_ptr: requests already holding the old plan finish on it.
//
// What is checked: the size limit, the JSON, and the plan loader's full validation (schema
// version, every field, every reference, the node order, the schedule covering each predicate
// once, the prompt placeholders) and, unless allowed, that the plan has rules: the same checks
// `clue judge` applies. A clue.plan/v1 plan
// carries no test blocks, so there are no decisions of the constitution's own tests to compare.
#pragma once

#include "runtime/session/answer_stack.h"
#include "runtime/support/expected.h"
#include "serve/active_plan.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace clue::serve {

class PlanStore {
public:
    using Loaded = runtime::Expected<std::shared_ptr<ActivePlan>, std::string>;

    // `answers` must outlive the store and every plan it hands out.
    // A plan of no rules is refused unless `allowEmpty`: it would call every image safe.
    PlanStore(runtime::AnswerStack& answers, runtime::JudgeSettings settings, bool allowEmpty);

    // The active plan; null before the first successful load.
    std::shared_ptr<ActivePlan> current() const;

    // Reads and checks the file, then installs it; an error message (naming the file) keeps the
    // active plan.
    Loaded loadFile(const std::filesystem::path& path);
    // The same for plan text sent by a client.
    Loaded loadText(const std::string& text);

private:
    Loaded install(const std::string& text, PlanIdentity identity, const std::string& name);

    runtime::AnswerStack& answers_;
    runtime::JudgeSettings settings_;
    bool allowEmpty_;
    std::mutex installing_; // one load at a time, so the last one read is the one kept
    mutable std::mutex mutex_;
    std::shared_ptr<ActivePlan> current_;
};

} // namespace clue::serve
