// Reading and writing plan files.
#include "plan/plan_loader.h"

#include "common/file_io.h"
#include "common/json_input.h"
#include "plan/plan_error.h"
#include "plan/plan_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue::plan {

Plan parsePlan(const std::string& text, const std::string& name) {
    nlohmann::json doc;
    try {
        doc = parseJsonInput(text);
    } catch (const JsonInputError& e) {
        throw PlanError(e.pointer(), e.message(), name);
    }
    try {
        return fromJson(doc);
    } catch (const PlanError& e) {
        throw e.inSource(name);
    }
}

std::string readPlanText(const std::string& path, size_t maxBytes) {
    ReadError error;
    std::optional<std::string> text = readFile(path, error, maxBytes);
    if (!text) {
        throw PlanError("",
                        error.kind == ReadError::Kind::TooLarge
                            ? fmt::format("cannot read the plan: {}; plans larger than {} bytes "
                                          "are refused",
                                          error.message, maxBytes)
                            : fmt::format("cannot read the plan: {}", error.message),
                        path);
    }
    return std::move(*text);
}

Plan loadPlanFile(const std::string& path, size_t maxBytes) {
    return parsePlan(readPlanText(path, maxBytes), path);
}

void refuseEmptyPlan(const Plan& plan) {
    if (plan.rules.empty()) {
        throw PlanError("/rules", "the plan has no rules, so it would judge every image safe");
    }
}

void writePlanFile(const Plan& plan, const std::string& path) {
    std::string error;
    if (!writeFileAtomically(path, toText(plan), error)) {
        throw std::runtime_error(fmt::format("{}: cannot write the plan: {}", path, error));
    }
}

} // namespace clue::plan
