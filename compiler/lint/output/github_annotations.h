// `clue lint --format github`: one GitHub Actions workflow command per finding,
//   ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message
// so that findings show as annotations on the pull request. Suppressed findings are left out.
#pragma once

#include "compiler/lint/linter.h"

#include <string>

namespace clue::lint {

std::string githubAnnotations(const LintResult& result, const SourceManager& sources);

// Workflow-command escaping: a message escapes %, CR and LF; a property value also ':' and ','.
std::string escapeWorkflowData(const std::string& text);
std::string escapeWorkflowProperty(const std::string& text);

} // namespace clue::lint
