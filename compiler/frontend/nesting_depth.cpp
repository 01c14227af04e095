// Each '(' opens a level until its ')'; each 'not' opens one until its operand's atom ends.
#include "compiler/frontend/nesting_depth.h"

#include "ClueLexer.h"

#include <algorithm>

namespace clue {

using grammar::ClueLexer;

void NestingDepth::add(size_t tokenType) {
    switch (tokenType) {
    case ClueLexer::NOT:
        ++pendingNots_.back();
        ++totalNots_;
        break;
    case ClueLexer::LPAREN:
        pendingNots_.push_back(0);
        break;
    case ClueLexer::RPAREN:
        if (pendingNots_.size() > 1) {
            totalNots_ -= pendingNots_.back();
            pendingNots_.pop_back();
        }
        [[fallthrough]];
    case ClueLexer::IDENT:
    case ClueLexer::STRING:
    case ClueLexer::TRUE:
    case ClueLexer::FALSE:
        // An atom (or a closed parenthesis) completes the operand of every pending 'not'.
        totalNots_ -= pendingNots_.back();
        pendingNots_.back() = 0;
        break;
    default:
        break;
    }
    update();
}

void NestingDepth::update() {
    deepest_ = std::max(deepest_, pendingNots_.size() - 1 + totalNots_);
}

} // namespace clue
