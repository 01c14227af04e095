// Reads a world file (YAML). Every mistake is a WorldError naming the file, line and column.
#pragma once

#include "tests/sim/world.h"

#include <stdexcept>
#include <string>

namespace clue::sim {

class WorldError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

World loadWorldFile(const std::string& path);
// `name` stands for the file in messages.
World parseWorld(const std::string& yamlText, const std::string& name);

} // namespace clue::sim
