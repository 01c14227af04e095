// Builds a fresh graph for a rewriting pass. With hash-consing on, structurally identical nodes
// are created once: And/Or children count as a set for identity, and the first node built keeps
// its children's order, so the result stays deterministic.
#pragma once

#include "compiler/ir/ir_module.h"
#include "compiler/ir/node_interner.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace clue::ir {

class IRBuilder {
public:
    explicit IRBuilder(bool hashCons = false)
        : hashCons_(hashCons), graph_(std::make_unique<Graph>()) {}

    Vertex add(NodeData data, std::span<const Vertex> children = {});
    Vertex predicate(uint32_t info) { return add({NodeKind::Predicate, false, info}); }
    Vertex constant(bool value) { return add({NodeKind::Const, value, 0}); }
    Vertex negation(Vertex operand) { return add({NodeKind::Not, false, 0}, {&operand, 1}); }
    Vertex nary(NodeKind kind, std::span<const Vertex> children) {
        return add({kind, false, 0}, children);
    }
    Vertex rule(uint32_t info, Vertex root);

    const Graph& graph() const { return *graph_; }
    NodeKind kind(Vertex v) const { return (*graph_)[v].kind; }
    bool value(Vertex v) const { return (*graph_)[v].value; }
    ChildRange children(Vertex v) const;
    size_t childCount(Vertex v) const { return boost::out_degree(v, *graph_); }
    size_t vertexCount() const { return boost::num_vertices(*graph_); }

    // Installs the built graph and rules into `module`.
    void finishInto(IRModule& module);

private:
    bool hashCons_;
    std::unique_ptr<Graph> graph_;
    std::vector<Vertex> rules_;
    NodeInterner interned_;
};

} // namespace clue::ir
