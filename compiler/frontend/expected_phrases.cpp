// Nouns for the tokens the parser expected, chosen from the tokens just before the error.
#include "compiler/frontend/expected_phrases.h"

#include "compiler/frontend/token_names.h"

#include "ClueLexer.h"
#include "ClueParser.h"

#include <algorithm>
#include <fmt/format.h>

namespace clue {

using grammar::ClueLexer;
using grammar::ClueParser;

namespace {

bool expects(const SyntaxSituation& s, size_t type) {
    return std::binary_search(s.expected.begin(), s.expected.end(), type);
}

bool inFormulaOrTest(size_t ruleIndex) {
    switch (ruleIndex) {
    case ClueParser::RuleFormula:
    case ClueParser::RuleConjunction:
    case ClueParser::RuleNegation:
    case ClueParser::RuleAtom:
    case ClueParser::RuleGivenItem:
    case ClueParser::RuleTestStmt:
        return true;
    default:
        return false;
    }
}

// The tokens of a group, in quotes: "'a', 'b' or 'c'".
std::string quotedGroup(const std::vector<size_t>& group) {
    std::vector<std::string> parts;
    for (size_t t : group) {
        parts.push_back(quotedToken(t));
    }
    return joinWithOr(parts);
}

const std::vector<size_t> declarationStarts = {ClueLexer::IMPORT,   ClueLexer::PREDICATE,
                                               ClueLexer::CATEGORY, ClueLexer::RULE,
                                               ClueLexer::TEST,     ClueLexer::SCORE};
const std::vector<size_t> clauseStarts = {ClueLexer::SEVERITY, ClueLexer::WHEN, ClueLexer::UNLESS,
                                          ClueLexer::TAGS};

} // namespace

std::string joinWithOr(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == parts.size() ? " or " : ", ") + parts[i];
    }
    return out;
}

std::string nameNoun(const SyntaxSituation& s) {
    switch (s.previous.type) {
    case ClueLexer::RULE:
        return "the rule's id";
    case ClueLexer::PREDICATE:
        return "the predicate's name";
    case ClueLexer::CATEGORY:
        return "the category's name";
    case ClueLexer::SEVERITY:
        return "a severity (low, medium, high or critical)";
    case ClueLexer::JUDGES:
        return "what the constitution judges (images or responses)";
    case ClueLexer::TAGS:
        return "a tag";
    case ClueLexer::VIOLATES:
        return "the id of a rule";
    case ClueLexer::COMMA:
        return s.ruleIndex == ClueParser::RuleRuleClause ? "a tag" : "a predicate name";
    default:
        break;
    }
    if (inFormulaOrTest(s.ruleIndex)) {
        return "a predicate name";
    }
    if (s.ruleIndex == ClueParser::RulePredicateDecl ||
        s.ruleIndex == ClueParser::RulePredicateOption) {
        return "an option such as 'object'";
    }
    return "a name";
}

std::string textNoun(const SyntaxSituation& s) {
    switch (s.previous.type) {
    case ClueLexer::CONSTITUTION:
        return "the constitution's name in quotes";
    case ClueLexer::VERSION:
        return "the version in quotes, such as \"1.0\"";
    case ClueLexer::DESCRIPTION:
        return "the description in quotes";
    case ClueLexer::IMPORT:
        return "the path of the file to import, in quotes";
    case ClueLexer::COLON:
        return "the predicate's statement in quotes";
    case ClueLexer::TEST:
        return "the test's name in quotes";
    case ClueLexer::IDENT:
        if (s.beforePrevious.type == ClueLexer::RULE) {
            return "the rule's text in quotes";
        }
        if (s.beforePrevious.type == ClueLexer::CATEGORY) {
            return "the category's title in quotes";
        }
        if (s.ruleIndex == ClueParser::RulePredicateOption) {
            return "a quoted text";
        }
        break;
    default:
        break;
    }
    return inFormulaOrTest(s.ruleIndex) ? "a quoted statement" : "a quoted text";
}

std::string expectedList(const SyntaxSituation& s) {
    std::vector<std::string> parts;
    std::vector<size_t> rest = s.expected;
    auto takeGroup = [&](const std::vector<size_t>& group, const char* noun) {
        if (!std::all_of(group.begin(), group.end(), [&](size_t t) { return expects(s, t); })) {
            return;
        }
        parts.push_back(fmt::format("{} ({})", noun, quotedGroup(group)));
        std::erase_if(rest, [&](size_t t) {
            return std::find(group.begin(), group.end(), t) != group.end();
        });
    };
    takeGroup(clauseStarts, "a rule clause");
    takeGroup(declarationStarts, "a declaration");
    for (size_t t : rest) {
        if (t == ClueLexer::IDENT) {
            parts.insert(parts.begin(), nameNoun(s));
        } else if (t == ClueLexer::STRING) {
            parts.insert(parts.begin(), textNoun(s));
        } else if (t == ClueLexer::NUMBER) {
            parts.push_back("a number");
        } else if (t == antlr4::Token::EOF) {
            parts.push_back("the end of the file");
        } else {
            parts.push_back(quotedToken(t));
        }
    }
    return joinWithOr(parts);
}

std::string afterPrevious(const SyntaxSituation& s) {
    if (s.previous.type == 0) {
        return "";
    }
    if (s.previous.type == ClueLexer::IDENT && (s.beforePrevious.type == ClueLexer::RULE ||
                                                s.beforePrevious.type == ClueLexer::PREDICATE ||
                                                s.beforePrevious.type == ClueLexer::CATEGORY)) {
        return fmt::format(" after '{} {}'", s.beforePrevious.text, s.previous.text);
    }
    if (s.previous.type == ClueLexer::STRING) {
        return " after the text";
    }
    return fmt::format(" after '{}'", s.previous.text);
}

} // namespace clue
