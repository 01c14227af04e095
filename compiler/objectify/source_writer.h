// `clue objectify --write`: puts the extracted chains into the source as `when` formulas (and,
// when asked, the final rewrite as the rule text), declares the new predicates, and formats
// the result with fmt, so every comment stays where it was.
#pragma once

#include "compiler/objectify/lock_entry.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::objectify {

struct ChainWrite {
    const ast::RuleDecl* rule; // a rule of the root file
    const LockEntry* entry;    // fresh for it
};

struct SourceWrite {
    std::string text;                  // the whole new file, formatted
    std::vector<std::string> declared; // names of the predicates added
};

// The new text of `root`, which is part of `program` and was loaded with the text `loaded`
// (the file must still hold it). A rule that has a `when` gets it replaced. The result is checked
// before it is returned: it must load as a program without errors and give each rule the intended
// formula; otherwise nothing, with `error` saying why.
std::optional<SourceWrite> writeChains(const Program& program, const SourceUnit& root,
                                       std::string_view loaded,
                                       const std::vector<ChainWrite>& writes, bool acceptRewrite,
                                       std::string& error);

} // namespace clue::objectify
