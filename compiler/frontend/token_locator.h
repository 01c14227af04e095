// Source spans of ANTLR tokens and parse tree nodes, in bytes of the original file.
#pragma once

#include "compiler/frontend/code_point_map.h"
#include "compiler/source/source_span.h"

namespace antlr4 {
class Token;
class ParserRuleContext;
namespace tree {
class TerminalNode;
}
} // namespace antlr4

namespace clue {

class TokenLocator {
public:
    TokenLocator(FileId file, CodePointMap map) : file_(file), map_(std::move(map)) {}

    FileId file() const { return file_; }
    const CodePointMap& map() const { return map_; }
    SourceSpan span(const antlr4::Token& token) const;
    SourceSpan span(antlr4::tree::TerminalNode* node) const;
    SourceSpan span(antlr4::ParserRuleContext* context) const;
    // An empty span just after `token`, for "expected ... after" diagnostics.
    SourceSpan after(const antlr4::Token& token) const;

private:
    FileId file_;
    CodePointMap map_;
};

} // namespace clue
