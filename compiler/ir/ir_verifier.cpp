// Verification walks the reachable graph once; cycles are found as back edges by Boost's DFS.
#include "compiler/ir/ir_verifier.h"

#include "compiler/ir/ir_traversal.h"

#include <boost/graph/depth_first_search.hpp>
#include <fmt/format.h>

namespace clue::ir {
namespace {

[[noreturn]] void fail(const std::string& message) {
    throw IRVerificationError("IR verification failed: " + message);
}

class CycleDetector : public boost::default_dfs_visitor {
public:
    void back_edge(Graph::edge_descriptor e, const Graph& g) const {
        fail(fmt::format("cycle through node {}", boost::source(e, g)));
    }
};

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
        if (module.kind(c) == NodeKind::Rule) {
            fail(fmt::format("node {} has a rule as its child", v));
        }
    }
}

void checkSchedule(const IRModule& module, const std::vector<Vertex>& reachable) {
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
    for (Vertex v : reachable) {
        if (module.kind(v) == NodeKind::Predicate && !seen[v]) {
            fail(fmt::format("predicate vertex {} is in no wave", v));
        }
    }
}

} // namespace

void verifyModule(const IRModule& module) {
    const Graph& g = module.graph();
    std::vector<boost::default_color_type> colors(boost::num_vertices(g), boost::white_color);
    auto colorMap =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
    for (Vertex rule : module.rules()) {
        if (rule >= module.vertexCount() || module.kind(rule) != NodeKind::Rule) {
            fail(fmt::format("rule list names vertex {}, which is not a rule", rule));
        }
        boost::depth_first_visit(g, rule, CycleDetector{}, colorMap);
    }
    if (module.rules().size() != module.ruleInfos().size()) {
        fail(fmt::format("{} rule vertices for {} rules", module.rules().size(),
                         module.ruleInfos().size()));
    }
    std::vector<Vertex> reachable = postOrder(module);
    for (Vertex v : reachable) {
        checkArity(module, v);
    }
    checkSchedule(module, reachable);
}

} // namespace clue::ir
