// Probing the model server.
#include "serve/model_probe.h"

#include "common/statement.h"

namespace clue::serve {

ModelProbe::ModelProbe(runtime::AnswerStack& answers,
                       std::function<void(bool, const std::string&)> onChange)
    : answers_(answers), onChange_(std::move(onChange)) {}

void ModelProbe::probe(const ActivePlan& plan) {
    if (answers_.replaying()) {
        record(true, "");
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (inFlight_) {
            return;
        }
        inFlight_ = true;
    }
    // Any statement serves; the plan's first one also checks its prompt template.
    const std::string statement = plan.plan().predicates.empty()
                                      ? std::string("a person is visible via this image")
                                      : plan.plan().predicates.front().statement;
    answers_.probe(plan.plan().prompts, {statement, statementHash(statement)},
                   [self = shared_from_this()](runtime::ScoreResult result) {
                       self->record(result.ok(), result.ok() ? "" : result.error().error.message);
                   });
}

bool ModelProbe::up() const {
    std::lock_guard lock(mutex_);
    return up_;
}

std::string ModelProbe::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void ModelProbe::record(bool up, std::string problem) {
    bool changed = false;
    {
        std::lock_guard lock(mutex_);
        inFlight_ = false;
        changed = !answered_ || up != up_;
        answered_ = true;
        up_ = up;
        problem_ = problem;
    }
    if (changed && onChange_) {
        onChange_(up, problem);
    }
}

} // namespace clue::serve
