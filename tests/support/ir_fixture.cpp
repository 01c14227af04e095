// A small recursive-descent parser for formulas (or < and < not), producing AST formulas that
// the real lowering turns into IR.
#include "tests/support/ir_fixture.h"

#include "compiler/ast/formula.h"
#include "compiler/lower/formula_lowering.h"

#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

namespace clue::testing {
namespace {

class FormulaParser {
public:
    explicit FormulaParser(const std::string& text) : text_(text) {}

    // With `toEnd`, the formula must be all that is left; else it may stop at `unless`.
    std::unique_ptr<ast::Formula> parse(bool toEnd) {
        auto f = disjunction();
        if (toEnd && !peek().empty()) {
            throw std::invalid_argument("unexpected '" + peek() + "' in: " + text_);
        }
        return f;
    }
    std::string peek() {
        size_t save = pos_;
        std::string token = next();
        pos_ = save;
        return token;
    }
    std::string next() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
        if (pos_ >= text_.size()) {
            return "";
        }
        if (text_[pos_] == '(' || text_[pos_] == ')') {
            return std::string(1, text_[pos_++]);
        }
        size_t start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
            ++pos_;
        }
        if (start == pos_) {
            throw std::invalid_argument("bad character in: " + text_);
        }
        return text_.substr(start, pos_ - start);
    }

private:
    std::unique_ptr<ast::Formula>
    junction(ast::FormulaKind kind, const char* keyword,
             std::unique_ptr<ast::Formula> (FormulaParser::*operand)()) {
        std::vector<std::unique_ptr<ast::Formula>> operands;
        operands.push_back((this->*operand)());
        while (peek() == keyword) {
            next();
            operands.push_back((this->*operand)());
        }
        if (operands.size() == 1) {
            return std::move(operands.front());
        }
        return ast::Formula::makeNary(kind, std::move(operands), {});
    }
    std::unique_ptr<ast::Formula> disjunction() {
        return junction(ast::FormulaKind::Or, "or", &FormulaParser::conjunction);
    }
    std::unique_ptr<ast::Formula> conjunction() {
        return junction(ast::FormulaKind::And, "and", &FormulaParser::negation);
    }
    std::unique_ptr<ast::Formula> negation() {
        if (peek() == "not") {
            next();
            return ast::Formula::makeNot(negation(), {});
        }
        std::string token = next();
        if (token == "(") {
            auto inner = disjunction();
            if (next() != ")") {
                throw std::invalid_argument("missing ')' in: " + text_);
            }
            return inner;
        }
        if (token == "true" || token == "false") {
            return ast::Formula::makeConst(token == "true", {});
        }
        if (token.empty() || token == ")" || token == "and" || token == "or" || token == "unless") {
            throw std::invalid_argument("expected an operand in: " + text_);
        }
        return ast::Formula::makeRef(token, {});
    }

    std::string text_;
    size_t pos_ = 0;
};

void collectNames(const ast::Formula& f, std::map<std::string, ast::PredicateDecl>& decls) {
    if (f.kind == ast::FormulaKind::Ref && !decls.count(f.name)) {
        ast::PredicateDecl decl;
        decl.name = f.name;
        decl.statement.pieces.push_back({f.name, {}});
        decls.emplace(f.name, std::move(decl));
    }
    for (const auto& child : f.children) {
        collectNames(*child, decls);
    }
}

ast::PredicateDecl declare(const TestPredicate& p) {
    ast::PredicateDecl decl;
    decl.name = p.name;
    decl.statement.pieces.push_back({p.name, {}});
    ast::PredicateOption cost;
    cost.name = "cost";
    cost.isNumber = true;
    cost.numberValue = p.cost;
    decl.options.push_back(cost);
    if (p.prior) {
        ast::PredicateOption prior = cost;
        prior.name = "prior";
        prior.numberValue = *p.prior;
        decl.options.push_back(prior);
    }
    return decl;
}

} // namespace

ir::IRModule buildModule(const std::vector<TestRule>& rules,
                         const std::vector<TestPredicate>& predicates) {
    std::vector<ast::RuleDecl> decls;
    std::map<std::string, ast::PredicateDecl> predicateDecls;
    for (const TestPredicate& p : predicates) {
        predicateDecls.emplace(p.name, declare(p));
    }
    for (const TestRule& r : rules) {
        ast::RuleDecl rule;
        rule.id = r.id;
        rule.text.pieces.push_back({"Rule " + r.id + ".", {}});
        FormulaParser parser(r.formula);
        rule.when = parser.parse(/*toEnd=*/false);
        if (parser.peek() == "unless") {
            parser.next();
            rule.unless = parser.parse(/*toEnd=*/true);
        } else if (!parser.peek().empty()) {
            throw std::invalid_argument("unexpected '" + parser.peek() + "' in: " + r.formula);
        }
        collectNames(*rule.when, predicateDecls);
        if (rule.unless) {
            collectNames(*rule.unless, predicateDecls);
        }
        decls.push_back(std::move(rule));
    }
    ir::IRModule module;
    DiagnosticEngine diagnostics;
    FormulaLowering lowering(module, diagnostics,
                             [&](const std::string& name) { return &predicateDecls.at(name); });
    for (const auto& [name, decl] : predicateDecls) {
        lowering.declarePredicate(decl);
    }
    for (const ast::RuleDecl& rule : decls) {
        lowering.lowerRule(rule, "", "test.clue");
    }
    return module;
}

} // namespace clue::testing
