// The one numbering of formula nodes and predicates that the printer and plan emission share:
// nodes children-first in postOrder(), predicates in order of first appearance there.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace clue::ir {

struct NodeNumbering {
    static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

    std::vector<Vertex> order;            // post-order, Rule vertices included
    std::vector<uint32_t> nodeIndex;      // per vertex: index among formula nodes, or kNone
    std::vector<Vertex> nodes;            // formula vertices by node index
    std::vector<uint32_t> predicateIndex; // per vertex: index among Predicate vertices, or kNone
    std::vector<Vertex> predicates;       // Predicate vertices by predicate index
};

NodeNumbering numberNodes(const IRModule& module);

} // namespace clue::ir
