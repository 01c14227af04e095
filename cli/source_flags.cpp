// The source size limit option.
#include "cli/source_flags.h"

namespace clue::cli {

void SourceFlags::addOptions(CLI::App& command) {
    command
        .add_option("--max-source-bytes", maxSourceBytes,
                    "Refuse source files larger than this many bytes, before reading them "
                    "(default: 4 MiB)")
        ->check(CLI::PositiveNumber);
}

} // namespace clue::cli
