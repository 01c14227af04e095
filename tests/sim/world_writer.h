// Writes a world as a YAML world file that world_loader.h reads back into the same world, for the
// corpus generator. Faults and objectification scripts are not written: they are added by hand.
#pragma once

#include "tests/sim/world.h"

#include <string>

namespace clue::sim {

// Statements and images in sorted order, so that the same world gives the same text.
std::string worldToYaml(const World& world);

} // namespace clue::sim
