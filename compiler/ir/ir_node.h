// The node kinds of the precondition graph and the small record every vertex carries.
#pragma once

#include <cstdint>

namespace clue::ir {

enum class NodeKind : uint8_t {
    Predicate, // leaf: a yes/no statement; payload indexes IRModule::predicates()
    And,       // one or more children, evaluated in out-edge order
    Or,        // one or more children, evaluated in out-edge order
    Not,       // exactly one child
    Const,     // leaf: `value`
    Rule,      // root: exactly one child, its formula; payload indexes IRModule::ruleInfos()
};

const char* kindName(NodeKind kind);

// Kept small on purpose: the texts of predicates and rules live in the module's tables, so a
// graph of a million vertices stays a few tens of megabytes.
struct NodeData {
    NodeKind kind = NodeKind::Const;
    bool value = false;   // Const
    uint32_t payload = 0; // Predicate and Rule
};

} // namespace clue::ir
