// Sorting a program's files by the relative paths that plans record.
#include "compiler/lower/unit_order.h"

#include "compiler/lower/source_paths.h"

#include <algorithm>

namespace clue {

std::vector<OrderedUnit> orderUnits(const Program& program, const std::string& stdlibDir) {
    std::vector<std::string> roots;
    for (const auto& unit : program.units) {
        if (unit->isRoot) {
            roots.push_back(unit->path);
        }
    }
    SourcePaths paths(roots, stdlibDir);
    std::vector<OrderedUnit> units;
    for (const auto& unit : program.units) {
        units.push_back({paths.relative(unit->path), unit.get()});
    }
    std::sort(units.begin(), units.end(),
              [](const OrderedUnit& a, const OrderedUnit& b) { return a.relative < b.relative; });
    return units;
}

} // namespace clue
