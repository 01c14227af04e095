// The precondition graph: a Boost.Graph DAG of predicates, and/or/not/const nodes and one Rule
// root per rule, plus the tables of predicate and rule facts that vertices point into.
#pragma once

#include "compiler/ir/ir_node.h"
#include "compiler/ir/module_info.h"
#include "compiler/ir/predicate_info.h"
#include "compiler/ir/rule_info.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/range/iterator_range.hpp>

#include <memory>
#include <span>
#include <vector>

namespace clue::ir {

// vecS out-edge lists keep insertion order, which is the children's evaluation order.
// directedS: no in-edge lists, so rewiring a node never touches a shared child's parents.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, NodeData>;
using Vertex = Graph::vertex_descriptor;
using ChildRange = boost::iterator_range<Graph::adjacency_iterator>;
// Waves of predicate vertices that may be asked in parallel, in order.
using Schedule = std::vector<std::vector<Vertex>>;

// Invariant: vertex ids are a topological order, every child older (smaller) than its parent.
// addNode and the builders keep it by construction; the verifier checks it after each pass.
// Rewrites can thus visit children before parents by ascending id, with no graph search.
//
// Move-only: Boost's adjacency_list copies on copy, swap and (lacking a move) on move, so the
// graph lives behind a pointer and copying is the explicit clone().
class IRModule {
public:
    IRModule() : graph_(std::make_unique<Graph>()) {}
    IRModule(IRModule&&) = default;
    IRModule& operator=(IRModule&&) = default;
    IRModule clone() const;

    const Graph& graph() const { return *graph_; }
    const NodeData& node(Vertex v) const { return (*graph_)[v]; }
    NodeKind kind(Vertex v) const { return (*graph_)[v].kind; }
    ChildRange children(Vertex v) const;
    Vertex child(Vertex v, size_t index) const;
    size_t childCount(Vertex v) const { return boost::out_degree(v, *graph_); }
    size_t vertexCount() const { return boost::num_vertices(*graph_); }

    // Rule vertices, one per rule, in rule order (relative path, then source position).
    const std::vector<Vertex>& rules() const { return rules_; }
    Vertex ruleRoot(size_t rule) const { return child(rules_.at(rule), 0); }
    const RuleInfo& ruleInfo(Vertex ruleVertex) const {
        return ruleInfos_.at(node(ruleVertex).payload);
    }

    std::vector<PredicateInfo>& predicates() { return predicates_; }
    const std::vector<PredicateInfo>& predicates() const { return predicates_; }
    const PredicateInfo& predicate(Vertex v) const { return predicates_.at(node(v).payload); }
    std::vector<RuleInfo>& ruleInfos() { return ruleInfos_; }
    const std::vector<RuleInfo>& ruleInfos() const { return ruleInfos_; }
    ModuleInfo& info() { return info_; }
    const ModuleInfo& info() const { return info_; }

    Vertex addNode(NodeData data, std::span<const Vertex> children = {});
    // Adds a Rule vertex over `root` for ruleInfos()[info] and appends it to rules().
    Vertex addRule(uint32_t info, Vertex root);
    // Replaces the children of `v`, in evaluation order; each must be older than `v`.
    void setChildren(Vertex v, std::span<const Vertex> children);
    // Installs a rebuilt graph; the schedule, which named old vertices, is dropped.
    void replaceGraph(std::unique_ptr<Graph> graph, std::vector<Vertex> rules);

    const Schedule& schedule() const { return schedule_; }
    void setSchedule(Schedule schedule) { schedule_ = std::move(schedule); }

private:
    std::unique_ptr<Graph> graph_;
    std::vector<Vertex> rules_;
    std::vector<PredicateInfo> predicates_;
    std::vector<RuleInfo> ruleInfos_;
    ModuleInfo info_;
    Schedule schedule_;
};

} // namespace clue::ir
