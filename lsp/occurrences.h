// Every place a file names a predicate, a rule, a category, a test or an imported file: the
// basis of hover, go to definition, find references and rename.
#pragma once

#include "compiler/ast/module.h"

#include <string>
#include <vector>

namespace clue::lsp {

enum class SymbolKind { Predicate, Rule, Category, Test, Import };

struct Occurrence {
    SymbolKind kind;
    std::string name; // the import's path as written, for Import
    SourceSpan span;  // the name alone
    bool declaration = false;
};

// In source order: declarations, references in `when` and `unless`, test facts (`given`) and
// expectations (`violates`).
std::vector<Occurrence> occurrencesIn(const ast::Module& module);

// The occurrence whose span holds `offset` (its end included, as a cursor after a name still
// points at it), if any.
const Occurrence* occurrenceAt(const std::vector<Occurrence>& occurrences, uint32_t offset);

} // namespace clue::lsp
