// Diffing constitutions held in memory: each text is loaded and compiled as `clue diff` loads a
// constitution, from a reader that knows only that file.
#pragma once

#include "compiler/diff/diff_side.h"
#include "compiler/diff/semantic_diff.h"
#include "compiler/sema/source_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace clue::testing {

inline diff::DiffSide sideOf(const std::string& text, const std::string& label = "mem.clue") {
    MemoryReader reader;
    reader.add("/mem/" + label, text);
    diff::LoadedSide loaded = diff::loadSide("/mem/" + label, &reader, label);
    if (!loaded.side) {
        ADD_FAILURE() << label << " did not compile:\n" << text;
        return {label, {}, std::nullopt};
    }
    return std::move(*loaded.side);
}

inline diff::DiffReport diffTexts(const std::string& oldText, const std::string& newText,
                                  const diff::DiffOptions& options = {}) {
    return diff::diffSides(sideOf(oldText, "old.clue"), sideOf(newText, "new.clue"), options);
}

inline const diff::RuleDiff* findRule(const diff::DiffReport& report, const std::string& id) {
    for (const diff::RuleDiff& r : report.rules) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace clue::testing
