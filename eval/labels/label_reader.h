// Reading a labels file (JSONL or CSV) into a LabelSet. Every bad row is reported by its line:
// with BadRows::Skip it is left out and listed, with BadRows::Fail the whole read fails and lists
// them all.
#pragma once

#include "eval/labels/label_options.h"
#include "eval/labels/label_set.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <string>
#include <vector>

namespace clue::eval {

struct LabelFailure {
    std::string message;            // what is wrong with the file as a whole
    std::vector<LabelProblem> rows; // the bad rows, with BadRows::Fail
};

runtime::Expected<LabelSet, LabelFailure> readLabels(const std::filesystem::path& file,
                                                     const LabelOptions& options);

// The same from text; `file` names it and its folder resolves relative image paths.
runtime::Expected<LabelSet, LabelFailure> parseLabels(const std::string& text,
                                                      const std::filesystem::path& file,
                                                      const LabelOptions& options);

} // namespace clue::eval
