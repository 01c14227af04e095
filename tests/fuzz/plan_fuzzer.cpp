// libFuzzer target for the plan loader (docs/fuzzing.md): any bytes either load as a plan or
// are refused with a PlanError that names the source. An accepted plan must survive what the
// runtime does with it: its canonical text loads again to the same text, and the three-valued
// evaluator and the lazy walk terminate on it for any assignment.
#include "plan/plan_error.h"
#include "plan/plan_evaluator.h"
#include "plan/plan_json.h"
#include "plan/plan_loader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "plan_fuzzer: %s: %s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace clue::plan;
    const std::string text(reinterpret_cast<const char*>(data), size);
    Plan plan;
    try {
        plan = parsePlan(text, "fuzz.plan.json");
    } catch (const PlanError& e) {
        if (std::string(e.what()).rfind("fuzz.plan.json: ", 0) != 0) {
            fail("an error that does not name its source", e.what());
        }
        return 0;
    }

    const std::string canonical = toText(plan);
    try {
        if (toText(parsePlan(canonical, "canonical")) != canonical) {
            fail("the canonical text changed when loaded again", canonical);
        }
    } catch (const PlanError& e) {
        fail("the canonical text of an accepted plan was refused", e.what());
    }

    std::vector<Truth> predicates(plan.predicates.size(), Truth::Unknown);
    neededPredicates(plan, evaluateNodes(plan, predicates));
    for (size_t i = 0; i < predicates.size() && size > 0; ++i) {
        predicates[i] = static_cast<Truth>(data[i % size] % 3);
    }
    const std::vector<Truth> values = evaluateNodes(plan, predicates);
    if (values.size() != plan.nodes.size()) {
        fail("the evaluator did not value every node", std::to_string(values.size()));
    }
    neededPredicates(plan, values);
    return 0;
}
