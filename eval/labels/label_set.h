// A labelled image set: per image, whether it is unsafe, and optionally its dataset category and
// source (UnsafeBench's `category` and `source`), with the rows that could not be used.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

struct LabeledImage {
    std::size_t line = 0;       // where its row starts in the labels file, from 1
    std::string given;          // the image path as written in the row
    std::filesystem::path path; // resolved against the labels file's folder
    bool unsafe = false;
    std::optional<std::string> category;
    std::optional<std::string> source;
};

// A row that could not be used, and why.
struct LabelProblem {
    std::size_t line = 0;
    std::string message;
};

struct LabelSet {
    std::filesystem::path file;
    std::vector<LabeledImage> images;  // in file order
    std::vector<LabelProblem> skipped; // bad rows left out (BadRows::Skip)

    std::size_t unsafeCount() const;
};

} // namespace clue::eval
