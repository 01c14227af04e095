// The duplicate-key walk over a loaded YAML document, without recursion.
#include "common/yaml_input.h"

#include <set>
#include <string>
#include <vector>

namespace clue {
namespace {

void checkMapping(const YAML::Node& map, std::vector<YAML::Node>& pending) {
    std::set<std::string> keys;
    for (const auto& entry : map) {
        if (entry.first.IsScalar() && !keys.insert(entry.first.Scalar()).second) {
            throw YAML::Exception(entry.first.Mark(),
                                  "duplicate key '" + entry.first.Scalar() +
                                      "': each key may appear once in a mapping");
        }
        pending.push_back(entry.first);
        pending.push_back(entry.second);
    }
}

} // namespace

YAML::Node loadYamlInput(std::string_view text) {
    YAML::Node root = YAML::Load(std::string(text));
    std::vector<YAML::Node> pending{root};
    std::size_t visited = 0;
    while (!pending.empty()) {
        const YAML::Node node = pending.back();
        pending.pop_back();
        if (++visited > kMaxYamlNodes) {
            throw YAML::Exception(root.Mark(), "the YAML holds more than " +
                                                   std::to_string(kMaxYamlNodes) +
                                                   " nodes (aliases counted at each use)");
        }
        if (node.IsMap()) {
            checkMapping(node, pending);
        } else if (node.IsSequence()) {
            for (const auto& item : node) {
                pending.push_back(item);
            }
        }
    }
    return root;
}

} // namespace clue
