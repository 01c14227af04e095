// Lookups into the world.
#include "tests/sim/world.h"

namespace clue::sim {

const StatementBehaviour& World::behaviour(const std::string& normalizedStatement) const {
    auto it = statements.find(normalizedStatement);
    return it == statements.end() ? defaults : it->second;
}

const ImageFacts* World::image(const std::string& sha256) const {
    auto it = images.find(sha256);
    return it == images.end() ? nullptr : &it->second;
}

} // namespace clue::sim
