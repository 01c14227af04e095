// Layout of nlohmann's dump(2): "{" or "[", then each member on its own line indented by two
// spaces per level, ",\n" between members, the closing bracket on its own line; "{}" and "[]"
// when empty; ": " after a key. Strings and doubles go through nlohmann itself, so escaping and
// number formatting cannot drift from the loader's parser.
#include "plan/json_text_writer.h"

#include <nlohmann/json.hpp>

namespace clue::plan {

void JsonTextWriter::newline(size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
}

void JsonTextWriter::beforeValue() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (stack_.empty()) {
        return;
    }
    Level& level = stack_.back();
    if (!level.empty) {
        out_ += ',';
    }
    level.empty = false;
    newline(stack_.size());
}

namespace {

// Printable ASCII without '"' and '\\' is written as is by nlohmann; everything else (escapes,
// UTF-8 validation) is left to nlohmann itself.
bool needsNoEscaping(std::string_view text) {
    for (char c : text) {
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
            return false;
        }
    }
    return true;
}

} // namespace

void JsonTextWriter::appendString(std::string_view text) {
    if (needsNoEscaping(text)) {
        out_ += '"';
        out_ += text;
        out_ += '"';
    } else {
        out_ += nlohmann::json(text).dump();
    }
}

void JsonTextWriter::key(std::string_view name) {
    beforeValue();
    appendString(name);
    out_ += ": ";
    afterKey_ = true;
}

void JsonTextWriter::beginObject() {
    beforeValue();
    out_ += '{';
    stack_.push_back({true});
}

void JsonTextWriter::beginArray() {
    beforeValue();
    out_ += '[';
    stack_.push_back({false});
}

void JsonTextWriter::endObject() {
    bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) {
        newline(stack_.size());
    }
    out_ += '}';
}

void JsonTextWriter::endArray() {
    bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) {
        newline(stack_.size());
    }
    out_ += ']';
}

void JsonTextWriter::value(std::string_view text) {
    beforeValue();
    appendString(text);
}

void JsonTextWriter::value(double number) {
    beforeValue();
    out_ += nlohmann::json(number).dump();
}

void JsonTextWriter::value(uint64_t number) {
    beforeValue();
    out_ += std::to_string(number);
}

void JsonTextWriter::value(int number) {
    beforeValue();
    out_ += std::to_string(number);
}

void JsonTextWriter::value(bool flag) {
    beforeValue();
    out_ += flag ? "true" : "false";
}

void JsonTextWriter::null() {
    beforeValue();
    out_ += "null";
}

std::string JsonTextWriter::take() {
    if (stack_.empty()) {
        out_ += '\n';
    }
    return std::move(out_);
}

} // namespace clue::plan
