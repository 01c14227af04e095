// Reads a file of tests/runtime/fixtures/.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace clue::test {

inline std::string readFixture(const std::string& name) {
    const auto path = std::filesystem::path(CLUE_RUNTIME_FIXTURES) / name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("missing fixture " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace clue::test
