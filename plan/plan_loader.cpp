// Reading and writing plan files.
#include "plan/plan_loader.h"

#include "common/file_io.h"
#include "plan/plan_error.h"
#include "plan/plan_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue::plan {
namespace {

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at "; keep the
// part a person needs: the line, the column and what was expected.
// Other failures, such as a number too large for a double, only have the "[json...] " prefix.
std::string jsonSyntaxMessage(const nlohmann::json::exception& e) {
    std::string what = e.what();
    static const std::string marker = "parse error at ";
    if (auto at = what.find(marker); at != std::string::npos) {
        return "invalid JSON at " + what.substr(at + marker.size());
    }
    auto close = what.find("] ");
    return "invalid JSON: " + (close == std::string::npos ? what : what.substr(close + 2));
}

} // namespace

Plan parsePlan(const std::string& text, const std::string& name) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw PlanError("", jsonSyntaxMessage(e), name);
    }
    try {
        return fromJson(doc);
    } catch (const PlanError& e) {
        throw e.inSource(name);
    }
}

Plan loadPlanFile(const std::string& path, size_t maxBytes) {
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
    return parsePlan(*text, path);
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
