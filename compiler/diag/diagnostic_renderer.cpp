// Text and JSON rendering of diagnostics.
#include "compiler/diag/diagnostic_renderer.h"

#include "common/assert.h"
#include "common/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace clue {
namespace {

const char* levelColor(Level level) {
    switch (level) {
    case Level::Error:
        return "\x1b[1;31m";
    case Level::Warning:
        return "\x1b[1;33m";
    case Level::Note:
        return "\x1b[1;36m";
    }
    CLUE_UNREACHABLE();
}

// Byte offset of code point `index` in `text` (clamped to the end).
size_t byteOfCodePoint(std::string_view text, size_t index) {
    size_t seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == index) {
                return i;
            }
            ++seen;
        }
    }
    return text.size();
}

// A printable copy of `line`: control characters (tabs included) become one space each, and
// each byte of an invalid UTF-8 sequence becomes U+FFFD, so that a caret line counted in code
// points stays aligned.
std::string printable(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    while (!line.empty()) {
        std::optional<size_t> bad = findInvalidUtf8(line);
        std::string_view valid = line.substr(0, bad.value_or(line.size()));
        for (char c : valid) {
            out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
        if (!bad) {
            break;
        }
        out += "\xEF\xBF\xBD";
        line.remove_prefix(*bad + 1);
    }
    return out;
}

struct Excerpt {
    std::string line;
    size_t caretColumn; // 0-based, in code points of `line`
    size_t caretWidth;
};

// Cuts the source line down to a window around the caret when it is too long to show.
Excerpt excerpt(std::string_view line, size_t column0, size_t width, size_t maxWidth) {
    size_t total = countCodePoints(line);
    if (total <= maxWidth) {
        return {printable(line), column0, width};
    }
    size_t start = column0 > maxWidth / 3 ? column0 - maxWidth / 3 : 0;
    size_t length = std::min(maxWidth, total - start);
    size_t from = byteOfCodePoint(line, start);
    size_t to = byteOfCodePoint(line, start + length);
    std::string shown = printable(line.substr(from, to - from));
    size_t prefix = 0;
    if (start > 0) {
        shown = "..." + shown;
        prefix = 3;
    }
    if (start + length < total) {
        shown += "...";
    }
    return {shown, column0 - start + prefix, std::min(width, length - (column0 - start))};
}

// The source line under `span`, with its number in a gutter `gutterWidth` wide, and carets.
void appendSnippet(std::string& out, const SourceManager& sources, const SourceSpan& span,
                   size_t gutterWidth, const RenderOptions& options) {
    LineColumn begin = sources.lineColumn(span.file, span.begin);
    LineColumn end = sources.lineColumn(span.file, span.end);
    std::string_view line = sources.lineText(span.file, begin.line);
    size_t lineLength = countCodePoints(line);
    size_t width = end.line == begin.line
                       ? end.column - begin.column
                       : lineLength + 1 - std::min<size_t>(begin.column, lineLength + 1);
    width = std::max<size_t>(width, 1);
    Excerpt ex = excerpt(line, begin.column - 1, width, options.maxLineWidth);
    std::string gutter(gutterWidth, ' ');
    out += fmt::format("{} |\n{:>{}} | {}\n{} | {}{}\n", gutter, begin.line, gutterWidth, ex.line,
                       gutter, std::string(ex.caretColumn, ' '), std::string(ex.caretWidth, '^'));
}

// The width of the widest line number that the diagnostic shows, as rustc aligns its gutters:
// every snippet's `|` and every `= note` and `= help` line line up in one column.
size_t gutterWidth(const Diagnostic& d, const SourceManager& sources) {
    size_t width = 1;
    auto widen = [&](const std::optional<SourceSpan>& span) {
        if (span) {
            width = std::max(
                width, fmt::formatted_size("{}", sources.lineColumn(span->file, span->begin).line));
        }
    };
    widen(d.span);
    for (const DiagnosticNote& note : d.notes) {
        widen(note.span);
    }
    return width;
}

std::string location(const SourceManager& sources, const SourceSpan& span) {
    LineColumn lc = sources.lineColumn(span.file, span.begin);
    return fmt::format("{}:{}:{}", sources.path(span.file), lc.line, lc.column);
}

} // namespace

std::string renderText(const Diagnostic& d, const SourceManager& sources,
                       const RenderOptions& options) {
    std::string out;
    if (d.span) {
        out += location(sources, *d.span) + ": ";
    }
    const char* on = options.color ? levelColor(d.level) : "";
    const char* off = options.color ? "\x1b[0m" : "";
    out += fmt::format("{}{}[{}]{}: {}\n", on, levelName(d.level), d.code, off, d.message);
    const size_t gutter = gutterWidth(d, sources);
    const std::string margin(gutter + 1, ' ');
    if (d.span) {
        appendSnippet(out, sources, *d.span, gutter, options);
    }
    for (const DiagnosticNote& note : d.notes) {
        if (note.span) {
            out += fmt::format("note: {}\n{}--> {}\n", note.message, std::string(gutter, ' '),
                               location(sources, *note.span));
            appendSnippet(out, sources, *note.span, gutter, options);
        } else {
            out += fmt::format("{}= note: {}\n", margin, note.message);
        }
    }
    if (!d.help.empty()) {
        out += fmt::format("{}= help: {}\n", margin, d.help);
    }
    return out;
}

nlohmann::json toJson(const Diagnostic& d, const SourceManager& sources) {
    auto place = [&](nlohmann::json& j, const SourceSpan& span) {
        LineColumn begin = sources.lineColumn(span.file, span.begin);
        LineColumn end = sources.lineColumn(span.file, span.end);
        j["file"] = sources.path(span.file);
        j["line"] = begin.line;
        j["column"] = begin.column;
        j["endLine"] = end.line;
        j["endColumn"] = end.column;
    };
    nlohmann::json j = {{"level", levelName(d.level)}, {"code", d.code}, {"message", d.message}};
    if (d.span) {
        place(j, *d.span);
    }
    j["notes"] = nlohmann::json::array();
    for (const DiagnosticNote& note : d.notes) {
        nlohmann::json n = {{"message", note.message}};
        if (note.span) {
            place(n, *note.span);
        }
        j["notes"].push_back(std::move(n));
    }
    if (!d.help.empty()) {
        j["help"] = d.help;
    }
    return j;
}

void renderAll(const DiagnosticEngine& engine, const SourceManager& sources,
               DiagnosticFormat format, std::ostream& out, const RenderOptions& options) {
    if (format == DiagnosticFormat::Json) {
        nlohmann::json list = nlohmann::json::array();
        for (const Diagnostic* d : engine.sorted()) {
            list.push_back(toJson(*d, sources));
        }
        nlohmann::json doc = {{"diagnostics", std::move(list)},
                              {"errors", engine.errorCount()},
                              {"warnings", engine.warningCount()}};
        // Paths are bytes on Linux and need not be UTF-8; never let one abort the output.
        out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    for (const Diagnostic* d : engine.sorted()) {
        out << renderText(*d, sources, options);
    }
}

} // namespace clue
