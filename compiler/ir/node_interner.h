// The hash-consing table of IRBuilder: finds the vertex structurally equal to a node about to be
// built. Open addressing over vertex ids, so interning a million nodes allocates almost nothing:
// keys are read back from the graph instead of being stored.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace clue::ir {

class NodeInterner {
public:
    static constexpr Vertex kNone = ~Vertex{0};

    // The interned vertex equal to (data, children), or kNone; remembers where it would go, for
    // the insert() that follows. And/Or children count as a set.
    Vertex find(const Graph& graph, NodeData data, std::span<const Vertex> children);
    // Records `v`, just built from the arguments of the last find() that returned kNone.
    void insert(Vertex v);
    void clear();

private:
    static uint64_t hashOf(NodeData data, const std::vector<Vertex>& canonical);
    // Sorts and deduplicates `children` in place for And/Or, whose operands form a set.
    static void canonicalize(NodeData data, std::vector<Vertex>& children);
    bool equal(const Graph& graph, Vertex v, NodeData data);
    void grow();

    std::vector<std::pair<uint64_t, Vertex>> slots_; // (hash, vertex); vertex kNone: empty
    size_t used_ = 0;
    uint64_t pendingHash_ = 0;
    std::vector<Vertex> probe_; // canonical children of the node looked up
    std::vector<Vertex> other_; // canonical children of a candidate
};

} // namespace clue::ir
