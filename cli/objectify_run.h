// `clue objectify`'s options, and the run that carries them out.
#pragma once

#include "cli/backend_flags.h"
#include "cli/diagnostic_output.h"
#include "cli/source_flags.h"

#include <optional>
#include <string>

namespace clue::cli {

struct ObjectifyOptions {
    std::string file;
    std::string config; // --config FILE; empty: clue.yaml from the working directory up
    std::string endpoint;
    std::string model;
    std::optional<int> threshold;
    std::optional<int> rounds;
    std::string rule;
    bool force = false;
    bool write = false;
    bool acceptRewrite = false;
    SourceFlags source;
    FailFastFlags failFast;
    DiagnosticOutput output;
};

// Returns the exit code (docs/cli/objectify.md).
int runObjectify(const ObjectifyOptions& options);

} // namespace clue::cli
