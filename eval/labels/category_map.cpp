// The category map: YAML read strictly, names resolved against the plan.
#include "eval/labels/category_map.h"

#include "common/file_io.h"

#include <yaml-cpp/yaml.h>

namespace clue::eval {
namespace {

using runtime::Expected;

std::string where(const std::string& name, const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    return name + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
           ": ";
}

bool hasCategory(const plan::Plan& plan, const std::string& id) {
    for (const plan::Category& c : plan.categories) {
        if (c.id == id) {
            return true;
        }
    }
    return false;
}

bool hasRule(const plan::Plan& plan, const std::string& id) {
    for (const plan::Rule& r : plan.rules) {
        if (r.id == id) {
            return true;
        }
    }
    return false;
}

// Adds one constitution name (maybe prefixed) to `target`; an error message when it names
// nothing, or both a category and a rule without a prefix.
std::optional<std::string> resolve(const std::string& name, const plan::Plan& plan,
                                   CategoryTarget& target) {
    const bool asRule = name.rfind("rule:", 0) == 0;
    const bool asCategory = name.rfind("category:", 0) == 0;
    const std::string id = asRule ? name.substr(5) : asCategory ? name.substr(9) : name;
    const bool category = !asRule && hasCategory(plan, id);
    const bool rule = !asCategory && hasRule(plan, id);
    if (category && rule) {
        return "'" + id + "' is both a category and a rule of the plan: write 'category:" + id +
               "' or 'rule:" + id + "'";
    }
    if (!category && !rule) {
        return "'" + name + "' is no " +
               std::string(asRule       ? "rule"
                           : asCategory ? "category"
                                        : "category or rule") +
               " of the plan";
    }
    (category ? target.categories : target.rules).insert(id);
    return std::nullopt;
}

} // namespace

CategoryMap::CategoryMap(const plan::Plan& plan) {
    for (const plan::Rule& r : plan.rules) {
        ruleCategory_[r.id] = r.category.value_or("");
    }
}

CategoryMap CategoryMap::identity(const plan::Plan& plan) {
    CategoryMap map(plan);
    for (const plan::Rule& r : plan.rules) {
        map.entries_[r.id].rules.insert(r.id);
    }
    for (const plan::Category& c : plan.categories) {
        map.entries_[c.id] = CategoryTarget{{c.id}, {}}; // a category wins over a rule's id
    }
    return map;
}

Expected<CategoryMap, std::string>
CategoryMap::parse(const std::string& yaml, const std::string& name, const plan::Plan& plan) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return name + ":" + std::to_string(e.mark.line + 1) + ":" +
               std::to_string(e.mark.column + 1) + ": " + e.msg;
    }
    if (!root.IsMap()) {
        return name + ": the category map must be a mapping of dataset categories to names";
    }
    CategoryMap map(plan);
    for (const auto& entry : root) {
        if (!entry.first.IsScalar()) {
            return where(name, entry.first) + "a dataset category must be a plain name";
        }
        const std::string key = entry.first.Scalar();
        if (map.entries_.count(key) > 0) {
            return where(name, entry.first) + "dataset category '" + key + "' is given twice";
        }
        CategoryTarget target;
        const YAML::Node& value = entry.second;
        std::vector<YAML::Node> names;
        if (value.IsScalar()) {
            names.push_back(value);
        } else if (value.IsSequence()) {
            for (const YAML::Node& item : value) {
                names.push_back(item);
            }
        } else if (!value.IsNull()) {
            return where(name, value) + "expected a category or rule name, or a list of them";
        }
        for (const YAML::Node& item : names) {
            if (!item.IsScalar()) {
                return where(name, item) + "expected a category or rule name";
            }
            if (auto problem = resolve(item.Scalar(), plan, target)) {
                return where(name, item) + *problem;
            }
        }
        map.entries_[key] = std::move(target);
    }
    return map;
}

Expected<CategoryMap, std::string> CategoryMap::load(const std::filesystem::path& file,
                                                     const plan::Plan& plan) {
    std::string error;
    auto text = readFile(file.string(), error);
    if (!text) {
        return file.string() + ": " + error;
    }
    auto map = parse(*text, file.string(), plan);
    if (map) {
        map->file_ = file;
    }
    return map;
}

const CategoryTarget* CategoryMap::find(const std::string& datasetCategory) const {
    auto it = entries_.find(datasetCategory);
    return it == entries_.end() ? nullptr : &it->second;
}

bool CategoryMap::coversCategory(const CategoryTarget& target, const std::string& category) const {
    if (target.categories.count(category) > 0) {
        return true;
    }
    for (const std::string& rule : target.rules) {
        if (auto it = ruleCategory_.find(rule);
            it != ruleCategory_.end() && it->second == category) {
            return true;
        }
    }
    return false;
}

bool CategoryMap::coversRule(const CategoryTarget& target, const std::string& rule) {
    return target.rules.count(rule) > 0;
}

} // namespace clue::eval
