// Recording what objectifying one rule gave: the entry into the lockfile, and a diagnostic at
// the rule when it still rates under the threshold (W080) or failed (E082, E083).
#pragma once

#include "compiler/ast/rule_decl.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/objectify/lockfile.h"
#include "compiler/objectify/rule_outcome.h"

#include <string>

namespace clue::objectify {

// The server and model that were asked, for the help of E083.
struct AskedModel {
    std::string endpoint;
    std::string model;
};

// Returns false when the model could not be asked (E083): the server, not the rule, is at
// fault, and the run ends as a usage error.
bool recordOutcome(const ast::RuleDecl& rule, const RuleOutcome& outcome, int threshold,
                   const AskedModel& asked, Lockfile& lockfile, DiagnosticEngine& diags);

} // namespace clue::objectify
