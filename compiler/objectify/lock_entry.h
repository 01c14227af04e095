// One entry of a lockfile: what the model answered for one rule text, model and prompt version.
#pragma once

#include "compiler/ast/formula.h"
#include "compiler/objectify/chain.h"
#include "compiler/source/source_span.h"

#include <memory>
#include <string>
#include <vector>

namespace clue::objectify {

struct LockRound {
    std::string text; // the rewritten rule
    int rating = 0;
    std::string explanation;
};

struct LockEntry {
    std::string ruleId; // for people and for stale detection; the key is the next three
    std::string text;   // the rule text as written in the source
    std::string textSha256;
    std::string model;
    std::string promptVersion;
    int rating = 0; // of `text`
    std::string explanation;
    std::vector<LockRound> rewrites; // round by round
    int finalRound = 0;              // whose text was extracted: 0 is `text`, k is rewrites[k-1]
    std::string when;                // the extracted chain, a formula in the language's syntax
    std::vector<ChainStatement> objects; // central objects of the chain's statements
    SourceSpan span; // where the entry was read from (its `id`); empty for a new entry
    // `when` as the reader parsed it, with spans into the lockfile; null for a new entry.
    std::shared_ptr<const ast::Formula> formula;

    const std::string& finalText() const {
        return finalRound == 0 ? text : rewrites[finalRound - 1].text;
    }
    int finalRating() const { return finalRound == 0 ? rating : rewrites[finalRound - 1].rating; }
    // Whether this entry was made for `ruleText`: its original text or its final rewrite (which
    // `clue objectify --accept-rewrite` puts into the source).
    bool matchesText(const std::string& ruleText) const;
};

} // namespace clue::objectify
