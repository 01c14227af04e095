// Loading, checking and swapping plans.
#include "serve/plan_store.h"

#include "common/sha256.h"
#include "plan/plan_error.h"
#include "plan/plan_loader.h"

namespace clue::serve {

PlanStore::PlanStore(runtime::AnswerStack& answers, runtime::JudgeSettings settings,
                     bool allowEmpty)
    : answers_(answers), settings_(settings), allowEmpty_(allowEmpty) {}

std::shared_ptr<ActivePlan> PlanStore::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

PlanStore::Loaded PlanStore::loadFile(const std::filesystem::path& path) {
    std::lock_guard installing(installing_);
    std::string text;
    try {
        text = plan::readPlanText(path.string());
    } catch (const plan::PlanError& e) {
        return std::string(e.what());
    }
    return install(text, {"", "file", path.string(), {}}, path.string());
}

PlanStore::Loaded PlanStore::loadText(const std::string& text) {
    std::lock_guard installing(installing_);
    if (text.size() > plan::kMaxPlanBytes) {
        return "the uploaded plan is " + std::to_string(text.size()) +
               " bytes; plans larger than " + std::to_string(plan::kMaxPlanBytes) +
               " bytes are refused";
    }
    return install(text, {"", "upload", "", {}}, "the uploaded plan");
}

PlanStore::Loaded PlanStore::install(const std::string& text, PlanIdentity identity,
                                     const std::string& name) {
    plan::Plan parsed;
    try {
        parsed = plan::parsePlan(text, name);
        if (!allowEmpty_) {
            plan::refuseEmptyPlan(parsed);
        }
    } catch (const plan::PlanError& e) {
        return std::string(e.inSource(name).what());
    }
    identity.sha256 = sha256Hex(text);
    identity.loadedAt = std::chrono::system_clock::now();
    runtime::AnswerSource& source = answers_.source(parsed.prompts);
    auto next = std::make_shared<ActivePlan>(std::move(parsed), std::move(identity), source,
                                             answers_.backend().model, settings_);
    std::lock_guard lock(mutex_);
    current_ = next;
    return next;
}

} // namespace clue::serve
