// How to read a labels file: its format, which columns hold what, which values mean unsafe and
// safe, and what to do with a bad row. The defaults read UnsafeBench's layout as is (`image`,
// `safety_label` Safe/Unsafe, `category`, `source`) and clue-sim's labels.jsonl (`path`,
// `label` safe/unsafe, `category`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace clue::eval {

enum class LabelFormat { Auto, Jsonl, Csv }; // Auto: CSV when the name ends in .csv, else JSONL
enum class BadRows { Fail, Skip };

struct LabelOptions {
    LabelFormat format = LabelFormat::Auto;
    // Each role is read from the first of its columns that a row (JSONL) or the header (CSV) has.
    std::vector<std::string> imageColumns = {"image", "path"};
    std::vector<std::string> labelColumns = {"safety_label", "label"};
    std::vector<std::string> categoryColumns = {"category"};
    std::vector<std::string> sourceColumns = {"source"};
    // Compared without regard to case or surrounding spaces; JSON true/false and numbers by
    // their text.
    std::vector<std::string> unsafeValues = {"unsafe", "1", "true"};
    std::vector<std::string> safeValues = {"safe", "0", "false"};
    BadRows badRows = BadRows::Fail;
    std::uintmax_t maxBytes = 256u << 20; // larger labels files are refused before reading
};

} // namespace clue::eval
