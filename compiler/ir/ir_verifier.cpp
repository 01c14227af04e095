// Verification is linear and needs no search: the topological-id invariant (every child older
// than its parent) rules out cycles, and reachability is one sweep.
#include "compiler/ir/ir_verifier.h"

#include "compiler/ir/ir_traversal.h"

#include <fmt/format.h>

namespace clue::ir {
namespace {

[[noreturn]] void fail(const std::string& message) {
    throw IRVerificationError("IR verification failed: " + message);
}

void checkArity(const IRModule& module, Vertex v) {
    const NodeData& d = module.node(v);
    size_t kids = module.childCount(v);
    bool ok = true;
    switch (d.kind) {
    case NodeKind::Predicate:
        ok = kids == 0 && d.payload < module.predicates().size();
        break;
    case NodeKind::Const:
        ok = kids == 0;
        break;
    case NodeKind::Not:
        ok = kids == 1;
        break;
    case NodeKind::And:
    case NodeKind::Or:
        ok = kids >= 1;
        break;
    case NodeKind::Rule:
        ok = kids == 1 && d.payload < module.ruleInfos().size();
        break;
    }
    if (!ok) {
        fail(fmt::format("node {} ({}) has {} children or a bad payload {}", v, kindName(d.kind),
                         kids, d.payload));
    }
    for (Vertex c : module.children(v)) {
        if (c >= v) {
            fail(fmt::format("node {} has child {}, which is not older: vertex ids must be a "
                             "topological order (this also rules out cycles)",
                             v, c));
        }
        if (module.kind(c) == NodeKind::Rule) {
            fail(fmt::format("node {} has a rule as its child", v));
        }
    }
}

void checkSchedule(const IRModule& module, const std::vector<char>& reached) {
    if (module.schedule().empty()) {
        return;
    }
    std::vector<int> seen(module.vertexCount(), 0);
    for (const auto& wave : module.schedule()) {
        for (Vertex p : wave) {
            if (p >= seen.size() || module.kind(p) != NodeKind::Predicate || seen[p]++) {
                fail(fmt::format("schedule lists vertex {} twice or it is not a predicate", p));
            }
        }
    }
    for (Vertex v = 0; v < reached.size(); ++v) {
        if (reached[v] && module.kind(v) == NodeKind::Predicate && !seen[v]) {
            fail(fmt::format("predicate vertex {} is in no wave", v));
        }
    }
}

} // namespace

void verifyModule(const IRModule& module) {
    for (Vertex rule : module.rules()) {
        if (rule >= module.vertexCount() || module.kind(rule) != NodeKind::Rule) {
            fail(fmt::format("rule list names vertex {}, which is not a rule", rule));
        }
    }
    if (module.rules().size() != module.ruleInfos().size()) {
        fail(fmt::format("{} rule vertices for {} rules", module.rules().size(),
                         module.ruleInfos().size()));
    }
    for (Vertex v = 0; v < module.vertexCount(); ++v) {
        checkArity(module, v);
    }
    checkSchedule(module, reachableMask(module));
}

} // namespace clue::ir
