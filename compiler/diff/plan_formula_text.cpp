// Both forms are built bottom-up over the topologically sorted node array.
#include "compiler/diff/plan_formula_text.h"

#include "compiler/ast/string_literal.h"

#include <algorithm>

namespace clue::diff {

namespace {

std::string joined(std::vector<std::string> parts, const char* op, bool sort) {
    if (sort) {
        std::sort(parts.begin(), parts.end());
    }
    std::string out = op;
    out += '(';
    for (size_t i = 0; i < parts.size(); ++i) {
        out += (i ? "," : "") + parts[i];
    }
    return out + ')';
}

// The children's texts, in order; `wrap` parenthesizes the compound ones.
std::vector<std::string> childTexts(const plan::Plan& plan, const plan::Node& node,
                                    const std::vector<std::string>& texts, bool wrap) {
    std::vector<std::string> out;
    for (uint32_t c : node.children) {
        plan::NodeOp op = plan.nodes[c].op;
        bool compound = op == plan::NodeOp::And || op == plan::NodeOp::Or;
        out.push_back(wrap && compound ? "(" + texts[c] + ")" : texts[c]);
    }
    return out;
}

} // namespace

std::vector<std::string> canonicalFormulas(const plan::Plan& plan, const VariableTable& variables,
                                           int side) {
    std::vector<std::string> texts(plan.nodes.size());
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const plan::Node& node = plan.nodes[i];
        switch (node.op) {
        case plan::NodeOp::Predicate:
            texts[i] = "v" + std::to_string(variables.variableOf(side, node.predicate));
            break;
        case plan::NodeOp::Const:
            texts[i] = node.value ? "T" : "F";
            break;
        case plan::NodeOp::Not:
            texts[i] = "!" + texts[node.children.front()];
            break;
        case plan::NodeOp::And:
        case plan::NodeOp::Or:
            texts[i] = joined(childTexts(plan, node, texts, false),
                              node.op == plan::NodeOp::And ? "&" : "|", true);
            break;
        }
    }
    std::vector<std::string> out;
    for (const plan::Rule& rule : plan.rules) {
        out.push_back(texts[rule.root]);
    }
    return out;
}

std::vector<std::string> displayFormulas(const plan::Plan& plan) {
    std::vector<std::string> texts(plan.nodes.size());
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const plan::Node& node = plan.nodes[i];
        switch (node.op) {
        case plan::NodeOp::Predicate:
            texts[i] = ast::quoteString(plan.predicates[node.predicate].statement);
            break;
        case plan::NodeOp::Const:
            texts[i] = node.value ? "true" : "false";
            break;
        case plan::NodeOp::Not: {
            uint32_t c = node.children.front();
            bool compound =
                plan.nodes[c].op == plan::NodeOp::And || plan.nodes[c].op == plan::NodeOp::Or;
            texts[i] = "not " + (compound ? "(" + texts[c] + ")" : texts[c]);
            break;
        }
        case plan::NodeOp::And:
        case plan::NodeOp::Or: {
            std::string text;
            for (const std::string& part : childTexts(plan, node, texts, true)) {
                text +=
                    (text.empty() ? "" : (node.op == plan::NodeOp::And ? " and " : " or ")) + part;
            }
            texts[i] = text;
            break;
        }
        }
    }
    std::vector<std::string> out;
    for (const plan::Rule& rule : plan.rules) {
        out.push_back(texts[rule.root]);
    }
    return out;
}

} // namespace clue::diff
