// The header, imports, predicates and categories.
#include "compiler/ast/string_literal.h"
#include "compiler/fmt/module_printer.h"

namespace clue {

void ModulePrinter::printMorePieces(const ast::Text& text, int indent) {
    for (size_t i = 1; i < text.pieces.size(); ++i) {
        out_.line(indent, ast::quoteString(text.pieces[i].value), text.pieces[i].span);
    }
}

void ModulePrinter::printHeader(const ast::Header& header) {
    out_.line(0, "constitution " + ast::quoteString(header.name),
              {header.span.file, header.span.begin, header.nameSpan.end});
    auto printVersion = [&] {
        out_.line(step, "version " + ast::quoteString(*header.version), header.versionSpan);
    };
    auto printDescription = [&] {
        const ast::Text& text = *header.description;
        out_.line(step, "description " + ast::quoteString(text.pieces.front().value),
                  text.pieces.front().span);
        printMorePieces(text, 2 * step);
    };
    auto printJudges = [&] {
        out_.line(step, "judges " + header.judges->name, header.judges->span);
    };
    bool versionFirst =
        !header.description || (header.version && header.versionSpan < header.description->span);
    if (header.version && versionFirst) {
        printVersion();
    }
    if (header.description) {
        printDescription();
    }
    if (header.version && !versionFirst) {
        printVersion();
    }
    if (header.judges) {
        printJudges();
    }
}

void ModulePrinter::printImport(const ast::ImportDecl& import) {
    out_.line(0, "import " + ast::quoteString(import.path), import.span);
}

void ModulePrinter::printPredicate(const ast::PredicateDecl& predicate) {
    const ast::StringPiece& first = predicate.statement.pieces.front();
    out_.line(0, "predicate " + predicate.name + " : " + ast::quoteString(first.value),
              {predicate.span.file, predicate.span.begin, first.span.end});
    printMorePieces(predicate.statement, step);
    for (const ast::PredicateOption& option : predicate.options) {
        std::string value =
            option.isNumber ? option.rawValue : ast::quoteString(option.stringValue);
        out_.line(step, option.name + " " + value, option.span);
    }
}

void ModulePrinter::printCategory(const ast::CategoryDecl& category) {
    std::string open = "category " + category.name;
    SourceSpan region = category.nameSpan;
    if (category.title) {
        for (const ast::StringPiece& piece : category.title->pieces) {
            open += " " + ast::quoteString(piece.value);
        }
        region = region.cover(category.title->span);
    }
    out_.line(0, open + " {", {region.file, category.span.begin, region.end});
    for (size_t i = 0; i < category.rules.size(); ++i) {
        out_.beginItem(i > 0);
        printRule(category.rules[i], step);
    }
    out_.line(0, "}", {category.span.file, category.span.end - 1, category.span.end}, step);
}

} // namespace clue
