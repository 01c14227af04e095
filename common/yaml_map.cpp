// Key lookup and scalar conversion on yaml-cpp nodes.
#include "common/yaml_map.h"

#include <algorithm>

namespace clue {

YAML::Node YamlMap::value(std::string_view key) const {
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            if (entry.first.IsScalar() && entry.first.Scalar() == key) {
                return entry.second;
            }
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Mark YamlMap::keyMark(std::string_view key) const {
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            if (entry.first.IsScalar() && entry.first.Scalar() == key) {
                return entry.first.Mark();
            }
        }
    }
    return mark();
}

std::vector<std::string> YamlMap::keys() const {
    std::vector<std::string> out;
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            out.push_back(entry.first.IsScalar() ? entry.first.Scalar() : "");
        }
    }
    return out;
}

std::vector<std::pair<std::string, YAML::Mark>>
YamlMap::unknownKeys(const std::vector<std::string>& known) const {
    std::vector<std::pair<std::string, YAML::Mark>> out;
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                out.emplace_back(std::move(key), entry.first.Mark());
            }
        }
    }
    return out;
}

template <typename T> YamlValue<T> YamlMap::read(std::string_view key) const {
    YamlValue<T> out;
    const YAML::Node node = value(key);
    out.present = node.IsDefined();
    out.null = out.present && node.IsNull();
    out.mark = out.present ? node.Mark() : mark();
    T decoded{};
    if (out.present && node.IsScalar() && YAML::convert<T>::decode(node, decoded)) {
        out.value = std::move(decoded);
    }
    return out;
}

YamlValue<std::string> YamlMap::scalar(std::string_view key) const {
    return read<std::string>(key);
}

YamlValue<long long> YamlMap::integer(std::string_view key) const {
    return read<long long>(key);
}

YamlValue<double> YamlMap::number(std::string_view key) const {
    return read<double>(key);
}

YamlValue<bool> YamlMap::boolean(std::string_view key) const {
    return read<bool>(key);
}

YamlValue<std::vector<std::string>> YamlMap::stringList(std::string_view key) const {
    YamlValue<std::vector<std::string>> out;
    const YAML::Node node = value(key);
    out.present = node.IsDefined();
    out.null = out.present && node.IsNull();
    out.mark = out.present ? node.Mark() : mark();
    if (out.present && node.IsScalar()) {
        out.value = std::vector<std::string>{node.Scalar()};
    } else if (out.present && node.IsSequence()) {
        std::vector<std::string> items;
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                return out;
            }
            items.push_back(item.Scalar());
        }
        out.value = std::move(items);
    }
    return out;
}

} // namespace clue
