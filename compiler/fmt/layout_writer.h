// Writes formatted lines and puts every comment of the source back in place: a comment alone
// on its line goes before the line that followed it, at that line's indentation; a comment
// after code stays at the end of the line that holds that code.
#pragma once

#include "compiler/ast/module.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue {

class LayoutWriter {
public:
    LayoutWriter(std::string_view source, const std::vector<ast::Comment>& comments)
        : source_(source), comments_(comments) {}

    // Starts an item (a declaration, or a rule in a category). `blank` asks for a blank line
    // before it; without it, a blank line is kept where the source had one or more.
    void beginItem(bool blank);
    // Writes a line of code at `indent`. The comments before `region` in the source come first;
    // own-line ones at `commentIndent` (the line's own indentation when negative).
    void line(int indent, std::string text, SourceSpan region, int commentIndent = -1);
    // Writes the comments after the last line, and returns the whole text.
    std::string finish();

private:
    struct Line {
        bool blank = false;
        bool isComment = false;
        int indent = 0;
        std::string text;
        std::string trailing; // a trailing comment
    };

    void flushComments(uint32_t before, int indent);
    bool isOwnLine(const ast::Comment& comment) const;
    bool blankLineBetween(uint32_t from, uint32_t to) const;
    void separate(uint32_t nextBegin);
    bool lastTakesTrailing() const;

    std::string_view source_;
    const std::vector<ast::Comment>& comments_;
    std::vector<Line> lines_;
    size_t nextComment_ = 0;
    bool blankRequested_ = false;
    bool atItemStart_ = true;
    uint32_t lastEnd_ = 0;
};

} // namespace clue
