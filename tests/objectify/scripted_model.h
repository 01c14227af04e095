// An ObjectifyModel for unit tests: answers from per-task queues, and a record of every request.
#pragma once

#include "compiler/objectify/objectify_model.h"

#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace clue::objectify::testing {

class ScriptedModel : public ObjectifyModel {
public:
    // Answers for a task ("rate", "rewrite", "extract"), used in order; the last one repeats.
    void script(const std::string& task, std::vector<std::string> answers) {
        queues_[task] = std::deque<std::string>(answers.begin(), answers.end());
    }
    // Every call of the task fails with this error.
    void failing(const std::string& task, std::string error) { errors_[task] = std::move(error); }
    // Every call whose last message contains `marker` fails.
    void failingRule(std::string marker) { failingMarker_ = std::move(marker); }

    ModelReply complete(const ModelRequest& request) override {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
        std::string task = taskOf(request);
        if (auto error = errors_.find(task); error != errors_.end()) {
            return {std::nullopt, error->second};
        }
        if (!failingMarker_.empty() &&
            request.messages.back().text.find(failingMarker_) != std::string::npos) {
            return {std::nullopt, "scripted failure"};
        }
        std::deque<std::string>& queue = queues_[task];
        if (queue.empty()) {
            return {std::nullopt, "no scripted answer for " + task};
        }
        std::string answer = queue.front();
        if (queue.size() > 1) {
            queue.pop_front();
        }
        return {answer, {}};
    }

    std::vector<ModelRequest> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    // The task of a request, by the phrase of its first message (the system prompt).
    static std::string taskOf(const ModelRequest& request) {
        std::string all;
        for (const PromptMessage& m : request.messages) {
            all += m.text;
        }
        if (all.find("Rewrite the rule") != std::string::npos) {
            return "rewrite";
        }
        return all.find("precondition") != std::string::npos ? "extract" : "rate";
    }

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::deque<std::string>> queues_;
    std::map<std::string, std::string> errors_;
    std::string failingMarker_;
    std::vector<ModelRequest> requests_;
};

} // namespace clue::objectify::testing
