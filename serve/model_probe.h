// The readiness probe of the model server: one language-prior question with the active plan's
// prompts, past the score cache, asked every --probe-interval. /readyz is ready only while the
// last probe was answered. A replay has no server to probe: it is always up.
#pragma once

#include "runtime/session/answer_stack.h"
#include "serve/active_plan.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace clue::serve {

class ModelProbe : public std::enable_shared_from_this<ModelProbe> {
public:
    // `onChange(up, problem)` runs when the state changes (for the log); `answers` must outlive
    // every probe in flight.
    ModelProbe(runtime::AnswerStack& answers,
               std::function<void(bool, const std::string&)> onChange);

    // Asks once, unless a probe is still in flight.
    void probe(const ActivePlan& plan);

    bool up() const;
    // Why the last probe failed; "no probe answered yet" before the first answer.
    std::string problem() const;

private:
    void record(bool up, std::string problem);

    runtime::AnswerStack& answers_;
    std::function<void(bool, const std::string&)> onChange_;
    mutable std::mutex mutex_;
    bool inFlight_ = false;
    bool answered_ = false;
    bool up_ = false;
    std::string problem_ = "no probe answered yet";
};

} // namespace clue::serve
