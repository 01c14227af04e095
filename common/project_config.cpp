// Loading clue.yaml with yaml-cpp and checking sections key by key.
#include "common/project_config.h"

#include "common/edit_distance.h"
#include "common/file_io.h"
#include "common/yaml_input.h"

#include <algorithm>

#include <sstream>

namespace clue {
namespace {

ConfigIssue issueAt(ConfigIssue::Severity severity, const std::string& file, const YAML::Mark& mark,
                    std::string message) {
    const bool known = !mark.is_null();
    return {severity, file, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
            std::move(message)};
}

} // namespace

std::string ConfigIssue::format() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    return out + message;
}

bool hasErrors(const std::vector<ConfigIssue>& issues) {
    for (const auto& issue : issues) {
        if (issue.severity == ConfigIssue::Severity::Error) {
            return true;
        }
    }
    return false;
}

std::optional<std::filesystem::path> ProjectConfig::find(const std::filesystem::path& start) {
    std::error_code ec;
    auto dir = std::filesystem::absolute(start, ec);
    if (ec) {
        return std::nullopt;
    }
    for (;; dir = dir.parent_path()) {
        const auto candidate = dir / kProjectConfigName;
        std::error_code missing; // a directory without the file is no error
        if (std::filesystem::is_regular_file(candidate, missing)) {
            return candidate;
        }
        if (dir == dir.parent_path()) {
            return std::nullopt;
        }
    }
}

ProjectConfig ProjectConfig::load(const std::filesystem::path& path,
                                  std::vector<ConfigIssue>& issues) {
    std::string error;
    const auto text = readFile(path.string(), error);
    if (!text) {
        issues.push_back({ConfigIssue::Severity::Error, path.string(), 0, 0,
                          "cannot read the settings file: " + error});
        return {};
    }
    return parse(*text, path.string(), issues);
}

ProjectConfig ProjectConfig::parse(std::string_view text, std::string file,
                                   std::vector<ConfigIssue>& issues) {
    ProjectConfig config;
    config.file_ = std::move(file);
    try {
        YAML::Node root = loadYamlInput(text);
        if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
            issues.push_back(issueAt(ConfigIssue::Severity::Error, config.file_, root.Mark(),
                                     "the settings file must be a mapping of sections"));
            return config;
        }
        config.root_ = root;
    } catch (const YAML::Exception& e) {
        issues.push_back(
            issueAt(ConfigIssue::Severity::Error, config.file_, e.mark, "invalid YAML: " + e.msg));
    }
    return config;
}

YAML::Node ProjectConfig::section(std::string_view name) const {
    if (!root_.IsMap()) {
        return YAML::Node(YAML::NodeType::Null);
    }
    const YAML::Node found = root_[std::string(name)];
    return found.IsDefined() ? found : YAML::Node(YAML::NodeType::Null);
}

ConfigSection::ConfigSection(YAML::Node node, std::string path, std::string file,
                             std::vector<ConfigIssue>& issues)
    : node_(std::move(node)), path_(std::move(path)), file_(std::move(file)), issues_(&issues) {
    if (present() && !node_.IsMap()) {
        report(ConfigIssue::Severity::Error, node_.Mark(), path_ + " must be a mapping of keys");
        node_ = YAML::Node(YAML::NodeType::Null);
    }
}

void ConfigSection::expectOnly(std::initializer_list<std::string_view> known) {
    expectOnly(std::vector<std::string>(known.begin(), known.end()));
}

void ConfigSection::expectOnly(const std::vector<std::string>& names) {
    if (!node_.IsMap()) {
        return;
    }
    for (const auto& entry : node_) {
        const std::string key = entry.first.Scalar();
        if (std::find(names.begin(), names.end(), key) != names.end()) {
            continue;
        }
        std::string message = "unknown key '" + key + "' in " + path_;
        if (auto suggestion = closestMatch(key, names)) {
            message += "; did you mean '" + *suggestion + "'?";
        } else {
            std::string list;
            for (const auto& name : names) {
                list += (list.empty() ? "" : ", ") + name;
            }
            message += " (known: " + list + ")";
        }
        report(ConfigIssue::Severity::Warning, entry.first.Mark(), message);
    }
}

bool ConfigSection::has(std::string_view key) const {
    return value(key).IsDefined();
}

YAML::Node ConfigSection::value(std::string_view key) const {
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            if (entry.first.Scalar() == key) {
                return entry.second;
            }
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Mark ConfigSection::keyMark(std::string_view key) const {
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            if (entry.first.Scalar() == key) {
                return entry.first.Mark();
            }
        }
    }
    return node_.IsDefined() ? node_.Mark() : YAML::Mark::null_mark();
}

void ConfigSection::report(ConfigIssue::Severity severity, const YAML::Mark& mark,
                           const std::string& message) {
    issues_->push_back(issueAt(severity, file_, mark, message));
}

void ConfigSection::error(std::string_view key, const std::string& message) {
    report(ConfigIssue::Severity::Error, keyMark(key),
           path_ + "." + std::string(key) + ": " + message);
}

void ConfigSection::warning(std::string_view key, const std::string& message) {
    report(ConfigIssue::Severity::Warning, keyMark(key),
           path_ + "." + std::string(key) + ": " + message);
}

std::optional<std::string> ConfigSection::string(std::string_view key) {
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        error(key, "must be a string");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<long long> ConfigSection::integer(std::string_view key, long long min,
                                                long long max) {
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    long long number = 0;
    if (!node.IsScalar() || !YAML::convert<long long>::decode(node, number)) {
        error(key, "must be a whole number");
        return std::nullopt;
    }
    if (number < min || number > max) {
        error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                       ", not " + std::to_string(number));
        return std::nullopt;
    }
    return number;
}

std::optional<double> ConfigSection::number(std::string_view key, double min, double max) {
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    double number = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, number)) {
        error(key, "must be a number");
        return std::nullopt;
    }
    if (!(number >= min && number <= max)) {
        std::ostringstream range;
        range << "must be between " << min << " and " << max << ", not " << node.Scalar();
        error(key, range.str());
        return std::nullopt;
    }
    return number;
}

std::optional<bool> ConfigSection::boolean(std::string_view key) {
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    bool flag = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, flag)) {
        error(key, "must be true or false");
        return std::nullopt;
    }
    return flag;
}

std::optional<std::vector<std::string>> ConfigSection::stringList(std::string_view key) {
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    if (node.IsScalar()) {
        return std::vector<std::string>{node.Scalar()};
    }
    std::vector<std::string> items;
    if (node.IsSequence()) {
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                break;
            }
            items.push_back(item.Scalar());
        }
        if (items.size() == node.size()) {
            return items;
        }
    }
    error(key, "must be a list of strings");
    return std::nullopt;
}

std::vector<std::string> ConfigSection::keys() const {
    std::vector<std::string> out;
    if (node_.IsMap()) {
        for (const auto& entry : node_) {
            out.push_back(entry.first.Scalar());
        }
    }
    return out;
}

bool ConfigSection::isMapping(std::string_view key) const {
    return value(key).IsMap();
}

ConfigSection ConfigSection::section(std::string_view key) {
    return ConfigSection(value(key), path_ + "." + std::string(key), file_, *issues_);
}

} // namespace clue
