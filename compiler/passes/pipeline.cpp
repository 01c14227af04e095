// The pipeline, spelled out. Each comment states an ordering constraint.
#include "compiler/passes/pipeline.h"

#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/isolate_pass.h"
#include "compiler/passes/normalize_pass.h"
#include "compiler/passes/order_pass.h"
#include "compiler/passes/schedule_pass.h"
#include "compiler/passes/simplify_pass.h"

#include <array>

namespace clue {

void runSimplification(PassRunner& runner, ir::IRModule& module) {
    // normalize first: dedup and simplify assume negation normal form and flat and/or, so that
    // `not (a or b)` and `not a and not b` are one shape and complements are `not` over a node.
    NormalizePass normalize;
    runner.run(normalize, module);
    // dedup before simplify: complements and absorption compare vertices, so equal
    // subformulas must already be one vertex.
    DedupPass dedup;
    runner.run(dedup, module);
    // simplify until it changes nothing: folding an operand can expose another rewrite above
    // it. normalize and dedup need no second run: simplify keeps negation normal form, flattens
    // what it collapses and hash-conses what it builds (a property test checks that both find
    // nothing to do after the pipeline). Each run only shrinks the graph; 8 bounds a
    // pathological case.
    SimplifyPass simplify;
    const std::array<Pass*, 1> passes{&simplify};
    runner.fixpoint(passes, module, 8);
}

PipelineResult runPipeline(ir::IRModule& module, PassContext& context,
                           const PipelineOptions& options) {
    PassRunner runner(context, options.runner);
    SchedulePass schedule;
    if (options.level == 0) {
        // -O0: the formulas as written, each rule with its own predicates. Schedule still runs
        // (last, as always) because a plan needs one: each rule's chain asked in its order.
        IsolatePass isolate;
        runner.run(isolate, module);
        runner.run(schedule, module);
    } else {
        runSimplification(runner, module);
        // order after simplification: it estimates each operand from its final shape, and
        // reordering must not be undone by a rebuild.
        OrderPass order;
        runner.run(order, module);
        // schedule last: a predicate's wave is its position in evaluation order, which order
        // fixes, and every rebuilding pass drops the schedule.
        runner.run(schedule, module);
    }
    return {runner.passNames(), runner.records()};
}

std::vector<std::string> knownPassNames() {
    return {"normalize", "dedup", "simplify", "order", "schedule", "isolate"};
}

bool isKnownLevel(int level) {
    return level == 0 || level == 2;
}

} // namespace clue
