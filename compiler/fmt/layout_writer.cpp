// Line output with comment placement and blank line policy.
#include "compiler/fmt/layout_writer.h"

namespace clue {
namespace {

std::string trimRight(std::string_view text) {
    size_t end = text.find_last_not_of(" \t\r\f");
    return std::string(text.substr(0, end == std::string_view::npos ? 0 : end + 1));
}

} // namespace

void LayoutWriter::beginItem(bool blank) {
    blankRequested_ = blank;
    atItemStart_ = true;
}

bool LayoutWriter::isOwnLine(const ast::Comment& comment) const {
    size_t lineStart = source_.rfind('\n', comment.span.begin == 0 ? 0 : comment.span.begin - 1);
    lineStart = comment.span.begin == 0 || lineStart == std::string_view::npos ? 0 : lineStart + 1;
    std::string_view before = source_.substr(lineStart, comment.span.begin - lineStart);
    return before.find_first_not_of(" \t\r\f\xEF\xBB\xBF") == std::string_view::npos;
}

// Whether the source has an empty (or white) line somewhere between two offsets.
bool LayoutWriter::blankLineBetween(uint32_t from, uint32_t to) const {
    bool lineIsBlank = false;
    for (uint32_t i = from; i < to && i < source_.size(); ++i) {
        char c = source_[i];
        if (c == '\n') {
            if (lineIsBlank) {
                return true;
            }
            lineIsBlank = true;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
            lineIsBlank = false;
        }
    }
    return false;
}

// A blank line before the next comment or line of an item, when asked for or kept from the
// source; never at the top of the file, never two in a row.
void LayoutWriter::separate(uint32_t nextBegin) {
    bool wanted = blankRequested_ || (atItemStart_ && blankLineBetween(lastEnd_, nextBegin));
    if (wanted && !lines_.empty() && !lines_.back().blank) {
        lines_.push_back({true, false, 0, "", ""});
    }
    blankRequested_ = false;
}

bool LayoutWriter::lastTakesTrailing() const {
    return !lines_.empty() && !lines_.back().blank && !lines_.back().isComment &&
           lines_.back().trailing.empty();
}

void LayoutWriter::flushComments(uint32_t before, int indent) {
    while (nextComment_ < comments_.size() && comments_[nextComment_].span.begin < before) {
        const ast::Comment& comment = comments_[nextComment_++];
        std::string text = trimRight(comment.text);
        if (!isOwnLine(comment) && lastTakesTrailing()) {
            lines_.back().trailing = std::move(text);
        } else {
            separate(comment.span.begin);
            lines_.push_back({false, true, indent, std::move(text), ""});
        }
        lastEnd_ = comment.span.end;
    }
}

void LayoutWriter::line(int indent, std::string text, SourceSpan region, int commentIndent) {
    flushComments(region.begin, commentIndent < 0 ? indent : commentIndent);
    separate(region.begin);
    lines_.push_back({false, false, indent, std::move(text), ""});
    atItemStart_ = false;
    lastEnd_ = std::max(lastEnd_, region.end);
}

std::string LayoutWriter::finish() {
    atItemStart_ = true;
    flushComments(UINT32_MAX, 0);
    std::string out;
    for (const Line& l : lines_) {
        if (!l.blank) {
            out.append(static_cast<size_t>(l.indent), ' ');
            out += l.text;
            if (!l.trailing.empty()) {
                out += ' ' + l.trailing;
            }
        }
        out += '\n';
    }
    return out;
}

} // namespace clue
