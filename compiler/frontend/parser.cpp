// The front end's pipeline for one file: UTF-8 check, lexing with lexical checks, a fast SLL
// parse, an LL parse with error recovery only when that fails, then the transformer.
#include "compiler/frontend/parser.h"

#include "common/utf8.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/frontend/checked_lexer.h"
#include "compiler/frontend/source_char_stream.h"
#include "compiler/frontend/syntax_error_strategy.h"
#include "compiler/frontend/transformer.h"

#include "ClueParser.h"

#include <fmt/format.h>

namespace clue {
namespace {

constexpr std::string_view byteOrderMark = "\xEF\xBB\xBF";

bool reportInvalidUtf8(std::string_view contents, FileId file, DiagnosticEngine& diags) {
    std::optional<size_t> bad = findInvalidUtf8(contents);
    if (!bad) {
        return false;
    }
    auto at = static_cast<uint32_t>(*bad);
    diags
        .error(code::InvalidUtf8, SourceSpan{file, at, at + 1},
               fmt::format("the file is not valid UTF-8: byte 0x{:02X} cannot appear here",
                           static_cast<unsigned char>(contents[*bad])))
        .withHelp("constitutions are read as UTF-8; save the file in that encoding");
    return true;
}

using grammar::ClueParser;

// SLL prediction is enough for every valid file of this grammar and much faster; only a file
// with a syntax error is parsed again, with full LL prediction and error recovery.
ClueParser::FileContext* parseTree(ClueParser& parser, antlr4::CommonTokenStream& tokens,
                                   ParseSession& session) {
    auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
        return parser.file();
    } catch (const antlr4::ParseCancellationException&) {
    }
    tokens.seek(0);
    parser.reset();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(session));
    size_t before = session.errorCount();
    try {
        ClueParser::FileContext* tree = parser.file();
        // A file that needed LL prediction but parsed cleanly is still fine.
        return session.errorCount() == before ? tree : nullptr;
    } catch (const antlr4::ParseCancellationException&) {
        return nullptr; // too many errors; they are reported
    }
}

} // namespace

std::optional<ast::Module> parseModule(const SourceManager& sources, FileId file,
                                       DiagnosticEngine& diags) {
    std::string_view contents = sources.contents(file);
    if (reportInvalidUtf8(contents, file, diags)) {
        return std::nullopt;
    }
    uint32_t base = contents.starts_with(byteOrderMark) ? byteOrderMark.size() : 0;
    std::string_view text = contents.substr(base);
    ParseSession session(sources, diags, TokenLocator(file, CodePointMap(text, base)));
    SourceCharStream input(text, contents, session.locator().map());
    CheckedLexer lexer(&input, session);
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (lexer.tooDeep()) {
        session
            .error(code::NestingTooDeep, *lexer.tooDeep(),
                   fmt::format("conditions nest more than {} levels deep", NestingDepth::limit))
            .withHelp("simplify the formula; 'not not x' is just 'x'");
        return std::nullopt;
    }
    ClueParser parser(&tokens);
    parser.removeErrorListeners();
    ClueParser::FileContext* tree = parseTree(parser, tokens, session);
    if (tree == nullptr || session.errorCount() > 0) {
        return std::nullopt;
    }
    ast::Module module = Transformer(session).transformFile(tree, tokens);
    if (session.errorCount() > 0) {
        return std::nullopt;
    }
    return module;
}

} // namespace clue
