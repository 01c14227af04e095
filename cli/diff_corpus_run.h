// The corpus flags of `clue diff` (--images, --manifest, --results, the cache and the server),
// mapped to the runtime's corpus diff.
#pragma once

#include "cli/backend_flags.h"
#include "runtime/corpus/corpus_impact.h"

#include <CLI/CLI.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::cli {

struct CorpusFlags {
    std::vector<std::string> images; // files or folders
    std::string manifest;
    std::string results; // OLD's `clue judge` output
    bool thumbnails = false;
    BackendFlags backend;
    CacheFlags cache;

    void addOptions(CLI::App& command);
    bool wanted() const { return !images.empty() || !manifest.empty() || !results.empty(); }
    // A problem with the flags alone (before anything is loaded), or nothing.
    std::optional<std::string> usageProblem() const;
};

// Judges the corpus with both plans, replaying the cache, or asking what it lacks when
// --endpoint is given on the command line; nothing after printing why it could not run.
std::optional<runtime::CorpusImpact> runCorpus(const CorpusFlags& flags, const plan::Plan& oldPlan,
                                               const plan::Plan& newPlan);

// Data URLs of the flipped images' thumbnails, by path; an image that cannot be shown is left
// out, with a warning.
std::map<std::string, std::string> flipThumbnails(const runtime::CorpusImpact& impact);

} // namespace clue::cli
