// Loading the built-in prompt files of the current version.
#include "compiler/objectify/prompt_set.h"

#include "compiler/objectify/prompt_files.h"

#include <stdexcept>

namespace clue::objectify {
namespace {

std::string_view requireFile(const std::string& name) {
    std::string_view text = promptFile(name);
    if (text.empty()) {
        throw std::logic_error("the prompt file " + name + " is not built in");
    }
    return text;
}

PromptSet load(const std::string& folder) {
    PromptSet set;
    set.version = kPromptVersion;
    set.rate = PromptTemplate::parse(requireFile(folder + "/rate.txt"));
    set.rewrite = PromptTemplate::parse(requireFile(folder + "/rewrite.txt"));
    set.extract = PromptTemplate::parse(requireFile(folder + "/extract.txt"));
    set.retry = PromptTemplate::parse(requireFile(folder + "/retry.txt"));
    set.extractSchema = nlohmann::json::parse(requireFile(folder + "/extract.schema.json"));
    return set;
}

} // namespace

const PromptSet& PromptSet::current() {
    static const PromptSet set = load("v1");
    return set;
}

} // namespace clue::objectify
