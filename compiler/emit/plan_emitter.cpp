// Plan emission: a straight copy of the numbered graph into the plan model.
#include "compiler/emit/plan_emitter.h"

#include "common/assert.h"
#include "compiler/ir/node_numbering.h"

namespace clue {
namespace {

using ir::NodeKind;
using ir::Vertex;

plan::Predicate toPlanPredicate(const ir::PredicateInfo& p) {
    return {p.statement, p.key, p.object, p.cost, p.prior, std::nullopt}; // m_none: calibrate
}

plan::Node toPlanNode(const ir::IRModule& module, Vertex v, const ir::NodeNumbering& n) {
    plan::Node node;
    const ir::NodeData& d = module.node(v);
    switch (d.kind) {
    case NodeKind::Predicate:
        node.op = plan::NodeOp::Predicate;
        node.predicate = n.predicateIndex[v];
        return node;
    case NodeKind::Const:
        node.op = plan::NodeOp::Const;
        node.value = d.value;
        return node;
    case NodeKind::Not:
        node.op = plan::NodeOp::Not;
        break;
    case NodeKind::And:
        node.op = plan::NodeOp::And;
        break;
    case NodeKind::Or:
        node.op = plan::NodeOp::Or;
        break;
    case NodeKind::Rule: // rules are the plan's rules, not nodes
        CLUE_UNREACHABLE();
    }
    for (Vertex c : module.children(v)) {
        node.children.push_back(n.nodeIndex[c]);
    }
    return node;
}

plan::Rule toPlanRule(const ir::IRModule& module, Vertex rule, const ir::NodeNumbering& n) {
    const ir::RuleInfo& r = module.ruleInfo(rule);
    plan::Rule out{r.id,       r.text,      r.category,
                   r.severity, r.tags,      n.nodeIndex[module.child(rule, 0)],
                   r.location, std::nullopt};
    if (r.objectifiedModel) {
        out.objectified = plan::Objectified{*r.objectifiedModel, r.objectifiedPromptVersion};
    }
    return out;
}

std::vector<std::vector<uint32_t>> toPlanSchedule(const ir::IRModule& module,
                                                  const ir::NodeNumbering& n) {
    std::vector<std::vector<uint32_t>> waves;
    for (const std::vector<Vertex>& wave : module.schedule()) {
        waves.emplace_back();
        for (Vertex p : wave) {
            waves.back().push_back(n.predicateIndex[p]);
        }
    }
    if (waves.empty() && !n.predicates.empty()) {
        waves.emplace_back();
        for (uint32_t i = 0; i < n.predicates.size(); ++i) {
            waves.back().push_back(i);
        }
    }
    return waves;
}

} // namespace

plan::Plan emitPlan(const ir::IRModule& module, const EmitOptions& options) {
    ir::NodeNumbering n = ir::numberNodes(module);
    const ir::ModuleInfo& info = module.info();
    plan::Plan p;
    p.compiler = std::string("clue ") + CLUE_VERSION;
    p.source = {info.sourceDigest, info.sourceFiles};
    p.constitution = {info.name, info.version, info.description};
    p.optimization = {options.level, options.passes};
    p.prompts = plan::defaultPrompts();
    for (Vertex v : n.predicates) {
        p.predicates.push_back(toPlanPredicate(module.predicate(v)));
    }
    for (Vertex v : n.nodes) {
        p.nodes.push_back(toPlanNode(module, v, n));
    }
    for (Vertex rule : module.rules()) {
        p.rules.push_back(toPlanRule(module, rule, n));
    }
    for (const ir::CategoryInfo& c : info.categories) {
        p.categories.push_back({c.id, c.title});
    }
    p.schedule = toPlanSchedule(module, n);
    return p;
}

} // namespace clue
