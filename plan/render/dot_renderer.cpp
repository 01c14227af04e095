// Node ids: r<i> for rules, n<i> for plan nodes; edge labels give evaluation order.
#include "plan/render/dot_renderer.h"

#include "common/assert.h"
#include "plan/render/rule_reach.h"

#include <fmt/format.h>

namespace clue {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

// Breaks a long statement into lines of about `width` bytes at spaces, for readable boxes.
std::string wrap(const std::string& text, size_t width = 28) {
    std::string out;
    size_t line = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && line >= width) {
            out += "\\n";
            line = 0;
            continue;
        }
        out += text[i];
        ++line;
    }
    return out;
}

// Shape and fill per kind; shared nodes get a double outline and a stronger fill.
std::string nodeStyle(const plan::Plan& plan, uint32_t n, bool shared) {
    const plan::Node& node = plan.nodes[n];
    const char* periphery = shared ? ", peripheries=2, penwidth=1.5" : "";
    switch (node.op) {
    case plan::NodeOp::Predicate: {
        const plan::Predicate& p = plan.predicates[node.predicate];
        return fmt::format("shape=ellipse, style=filled, fillcolor=\"{}\"{}, label=\"{}\"",
                           shared ? "#9fc5e8" : "#deebf7", periphery, wrap(escape(p.statement)));
    }
    case plan::NodeOp::And:
        return fmt::format("shape=box, style=\"rounded,filled\", fillcolor=\"#fff2cc\"{}, "
                           "label=\"AND\"",
                           periphery);
    case plan::NodeOp::Or:
        return fmt::format("shape=diamond, style=filled, fillcolor=\"#d9ead3\"{}, label=\"OR\"",
                           periphery);
    case plan::NodeOp::Not:
        return fmt::format("shape=circle, style=filled, fillcolor=\"#eeeeee\"{}, label=\"NOT\"",
                           periphery);
    case plan::NodeOp::Const:
        return fmt::format("shape=plaintext, label=\"{}\"", node.value ? "true" : "false");
    }
    CLUE_UNREACHABLE();
}

std::string ruleLabel(const plan::Rule& rule) {
    std::string label = "rule " + escape(rule.id);
    return rule.severity ? label + "\\n" + escape(*rule.severity) : label;
}

const char* kLegend = R"(  subgraph cluster_legend {
    label="legend"; fontsize=10; style=dashed;
    legend_rule [shape=box, style="filled,bold", fillcolor="#f4cccc", label="rule"];
    legend_pred [shape=ellipse, style=filled, fillcolor="#deebf7", label="predicate"];
    legend_shared [shape=ellipse, style=filled, fillcolor="#9fc5e8", peripheries=2, label="shared: asked once for several rules"];
    legend_and [shape=box, style="rounded,filled", fillcolor="#fff2cc", label="AND"];
    legend_or [shape=diamond, style=filled, fillcolor="#d9ead3", label="OR"];
    legend_not [shape=circle, style=filled, fillcolor="#eeeeee", label="NOT"];
    legend_rule -> legend_and -> legend_or -> legend_not -> legend_pred -> legend_shared [style=invis];
  }
)";

} // namespace

std::string renderDot(const plan::Plan& plan) {
    RuleReach reach = computeRuleReach(plan);
    std::string out = "digraph clue {\n  node [fontname=\"Helvetica\", fontsize=11];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    out += kLegend;
    for (uint32_t r = 0; r < plan.rules.size(); ++r) {
        out += fmt::format("  r{} [shape=box, style=\"filled,bold\", fillcolor=\"#f4cccc\", "
                           "label=\"{}\"];\n  r{} -> n{};\n",
                           r, ruleLabel(plan.rules[r]), r, plan.rules[r].root);
    }
    for (uint32_t n = 0; n < plan.nodes.size(); ++n) {
        out += fmt::format("  n{} [{}];\n", n, nodeStyle(plan, n, reach.nodeRules[n] > 1));
        const std::vector<uint32_t>& kids = plan.nodes[n].children;
        for (size_t i = 0; i < kids.size(); ++i) {
            std::string order = kids.size() > 1 ? fmt::format(" [label=\"{}\"]", i + 1) : "";
            out += fmt::format("  n{} -> n{}{};\n", n, kids[i], order);
        }
    }
    return out + "}\n";
}

} // namespace clue
