// Reading and writing plan files.
#include "plan/plan_loader.h"

#include "common/file_io.h"
#include "common/json_input.h"
#include "plan/plan_error.h"
#include "plan/plan_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw PlanError("", fmt::format("cannot read the plan: {}", ec.message()), path);
    }
    if (size > maxBytes) {
        throw PlanError("",
                        fmt::format("the plan is {} bytes; plans larger than {} bytes are "
                                    "refused",
                                    size, maxBytes),
                        path);
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw PlanError("", "cannot read the plan", path);
    }
    if (text.str().size() > maxBytes) { // it grew since its size was read
        throw PlanError("", fmt::format("plans larger than {} bytes are refused", maxBytes), path);
    }
    return std::move(text).str();
}

Plan loadPlanFile(const std::string& path, size_t maxBytes) {
    return parsePlan(readPlanText(path, maxBytes), path);
}

void writePlanFile(const Plan& plan, const std::string& path) {
    std::string error;
    if (!writeFileAtomically(path, toText(plan), error)) {
        throw std::runtime_error(fmt::format("{}: cannot write the plan: {}", path, error));
    }
}

} // namespace clue::plan
