// --max-source-bytes, for every verb that reads constitutions (docs/cli.md).
#pragma once

#include "compiler/source/source_limits.h"

#include <CLI/CLI.hpp>

#include <cstdint>

namespace clue::cli {

struct SourceFlags {
    std::uint64_t maxSourceBytes = SourceLimits::defaultMaxFileBytes;

    void addOptions(CLI::App& command);
};

} // namespace clue::cli
