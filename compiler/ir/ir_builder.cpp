// Node creation with optional hash-consing.
#include "compiler/ir/ir_builder.h"

namespace clue::ir {

Vertex IRBuilder::add(NodeData data, std::span<const Vertex> children) {
    if (hashCons_) {
        if (Vertex known = interned_.find(*graph_, data, children); known != NodeInterner::kNone) {
            return known;
        }
    }
    Vertex v = boost::add_vertex(data, *graph_);
    for (Vertex c : children) {
        boost::add_edge(v, c, *graph_);
    }
    if (hashCons_) {
        interned_.insert(v);
    }
    return v;
}

Vertex IRBuilder::rule(uint32_t info, Vertex root) {
    Vertex v = boost::add_vertex(NodeData{NodeKind::Rule, false, info}, *graph_);
    boost::add_edge(v, root, *graph_);
    rules_.push_back(v);
    return v;
}

ChildRange IRBuilder::children(Vertex v) const {
    auto [begin, end] = boost::adjacent_vertices(v, *graph_);
    return {begin, end};
}

void IRBuilder::finishInto(IRModule& module) {
    module.replaceGraph(std::move(graph_), std::move(rules_));
    graph_ = std::make_unique<Graph>();
    rules_.clear();
    interned_.clear();
}

} // namespace clue::ir
