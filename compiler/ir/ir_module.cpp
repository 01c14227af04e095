// Construction and rewiring of the precondition graph.
#include "compiler/ir/ir_module.h"

#include "common/assert.h"

#include <stdexcept>

namespace clue::ir {

const char* kindName(NodeKind kind) {
    switch (kind) {
    case NodeKind::Predicate:
        return "pred";
    case NodeKind::And:
        return "and";
    case NodeKind::Or:
        return "or";
    case NodeKind::Not:
        return "not";
    case NodeKind::Const:
        return "const";
    case NodeKind::Rule:
        return "rule";
    }
    CLUE_UNREACHABLE();
}

IRModule IRModule::clone() const {
    IRModule copy;
    for (Vertex v = 0; v < vertexCount(); ++v) {
        boost::add_vertex(node(v), *copy.graph_);
    }
    for (Vertex v = 0; v < vertexCount(); ++v) {
        for (Vertex c : children(v)) {
            boost::add_edge(v, c, *copy.graph_);
        }
    }
    copy.rules_ = rules_;
    copy.predicates_ = predicates_;
    copy.ruleInfos_ = ruleInfos_;
    copy.info_ = info_;
    copy.schedule_ = schedule_;
    return copy;
}

ChildRange IRModule::children(Vertex v) const {
    auto [begin, end] = boost::adjacent_vertices(v, *graph_);
    return {begin, end};
}

Vertex IRModule::child(Vertex v, size_t index) const {
    if (index >= childCount(v)) {
        throw std::out_of_range("IR node has no child at this index");
    }
    return *(boost::adjacent_vertices(v, *graph_).first + static_cast<std::ptrdiff_t>(index));
}

Vertex IRModule::addNode(NodeData data, std::span<const Vertex> children) {
    Vertex v = boost::add_vertex(data, *graph_);
    for (Vertex c : children) {
        boost::add_edge(v, c, *graph_);
    }
    return v;
}

Vertex IRModule::addRule(uint32_t info, Vertex root) {
    Vertex v = addNode({NodeKind::Rule, false, info}, std::span<const Vertex>(&root, 1));
    rules_.push_back(v);
    return v;
}

void IRModule::setChildren(Vertex v, std::span<const Vertex> children) {
    boost::clear_out_edges(v, *graph_);
    for (Vertex c : children) {
        boost::add_edge(v, c, *graph_);
    }
}

void IRModule::replaceGraph(std::unique_ptr<Graph> graph, std::vector<Vertex> rules) {
    graph_ = std::move(graph);
    rules_ = std::move(rules);
    schedule_.clear();
}

} // namespace clue::ir
