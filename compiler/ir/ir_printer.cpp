// Renders nodes as `%N = op args`, predicates with their non-default options.
#include "compiler/ir/ir_printer.h"

#include "common/assert.h"
#include "compiler/ast/string_literal.h"
#include "compiler/ir/node_numbering.h"

#include <fmt/format.h>

namespace clue::ir {
namespace {

std::string predicateLine(const PredicateInfo& p) {
    std::string out = "pred " + ast::quoteString(p.statement);
    if (p.object) {
        out += " object " + ast::quoteString(*p.object);
    }
    if (p.cost != 1.0) {
        out += fmt::format(" cost {}", p.cost);
    }
    if (p.prior) {
        out += fmt::format(" prior {}", *p.prior);
    }
    if (!p.names.empty()) {
        out += " ; " + fmt::format("{}", fmt::join(p.names, ", "));
    }
    return out;
}

std::string operandList(const IRModule& module, Vertex v, const NodeNumbering& n) {
    std::string out;
    for (Vertex c : module.children(v)) {
        out += fmt::format("{}%{}", out.empty() ? "" : ", ", n.nodeIndex[c]);
    }
    return out;
}

std::string nodeLine(const IRModule& module, Vertex v, const NodeNumbering& n) {
    const NodeData& d = module.node(v);
    switch (d.kind) {
    case NodeKind::Predicate:
        return predicateLine(module.predicate(v));
    case NodeKind::Const:
        return d.value ? "const true" : "const false";
    case NodeKind::And:
    case NodeKind::Or:
    case NodeKind::Not:
    case NodeKind::Rule:
        return fmt::format("{} {}", kindName(d.kind), operandList(module, v, n));
    }
    CLUE_UNREACHABLE();
}

} // namespace

std::string printModule(const IRModule& module) {
    NodeNumbering n = numberNodes(module);
    std::string out;
    for (Vertex v : n.order) {
        if (module.kind(v) != NodeKind::Rule) {
            out += fmt::format("%{} = {}\n", n.nodeIndex[v], nodeLine(module, v, n));
            continue;
        }
        const RuleInfo& rule = module.ruleInfo(v);
        out += fmt::format("rule {} = %{}", rule.id, n.nodeIndex[module.child(v, 0)]);
        out += rule.location.empty() ? "\n" : " ; " + rule.location + "\n";
    }
    const Schedule& schedule = module.schedule();
    for (size_t w = 0; w < schedule.size(); ++w) {
        std::string members;
        for (Vertex p : schedule[w]) {
            members += fmt::format("{}%{}", members.empty() ? "" : ", ", n.nodeIndex[p]);
        }
        out += fmt::format("wave {}: {}\n", w, members);
    }
    return out;
}

} // namespace clue::ir
