// Typed access to one YAML mapping, quietly: a key that is absent, or a value of another type,
// reads as nothing, with the mark of the key or value for the caller's message. clue.yaml's
// sections (ConfigSection) and lockfile entries both read their YAML through it; each words its
// own messages.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clue {

// One value read from a mapping.
template <typename T> struct YamlValue {
    bool present = false;   // the key is there (its value may still be null or of another type)
    bool null = false;      // the value is YAML null (`key:` or `key: ~`)
    std::optional<T> value; // the value, when it has the type asked for
    YAML::Mark mark;        // the value's, or the mapping's when the key is absent
};

class YamlMap {
public:
    // A node that is not a mapping reads as an empty one (isMap() says which).
    explicit YamlMap(YAML::Node node) : node_(std::move(node)) {}

    bool isMap() const { return node_.IsMap(); }
    const YAML::Node& node() const { return node_; }
    YAML::Mark mark() const { return node_.IsDefined() ? node_.Mark() : YAML::Mark::null_mark(); }

    bool has(std::string_view key) const { return value(key).IsDefined(); }
    // The value at `key`; an undefined node when absent.
    YAML::Node value(std::string_view key) const;
    // The key's own mark, or the mapping's when absent.
    YAML::Mark keyMark(std::string_view key) const;
    // The keys in file order.
    std::vector<std::string> keys() const;
    // The keys not in `known`, in file order, with their marks.
    std::vector<std::pair<std::string, YAML::Mark>>
    unknownKeys(const std::vector<std::string>& known) const;

    YamlValue<std::string> scalar(std::string_view key) const;
    YamlValue<long long> integer(std::string_view key) const;
    YamlValue<double> number(std::string_view key) const;
    YamlValue<bool> boolean(std::string_view key) const;
    // A sequence of strings; a single string reads as a list of one.
    YamlValue<std::vector<std::string>> stringList(std::string_view key) const;

private:
    template <typename T> YamlValue<T> read(std::string_view key) const;

    YAML::Node node_;
};

} // namespace clue
