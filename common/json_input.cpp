// Strict JSON parsing: nlohmann's parser with a callback that tracks the JSON pointer of every
// value, so that a duplicate key or an excessive depth is refused with its place.
#include "common/json_input.h"

#include <unordered_set>
#include <vector>

namespace clue {
namespace {

using nlohmann::json;

// One open object or array on the way down to the value being read.
struct Frame {
    bool isArray = false;
    std::size_t index = 0;                // arrays: the element being read
    std::string key;                      // objects: the member being read
    std::unordered_set<std::string> keys; // objects: the keys seen so far
};

class KeyChecker {
public:
    bool operator()(int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (depth >= kMaxJsonDepth) {
                throw JsonInputError("",
                                     "the JSON is nested deeper than " +
                                         std::to_string(kMaxJsonDepth) + " levels",
                                     0, false);
            }
            frames_.push_back({event == json::parse_event_t::array_start, 0, {}, {}});
            break;
        case json::parse_event_t::key:
            readKey(parsed.get_ref<const std::string&>());
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            frames_.pop_back();
            nextElement();
            break;
        case json::parse_event_t::value:
            nextElement();
            break;
        }
        return true;
    }

private:
    void readKey(const std::string& key) {
        Frame& object = frames_.back();
        object.key = key;
        if (!object.keys.insert(key).second) {
            throw JsonInputError(
                pointer(), "duplicate key \"" + key + "\": each key may appear once in an object",
                0, false);
        }
    }

    void nextElement() {
        if (!frames_.empty() && frames_.back().isArray) {
            ++frames_.back().index;
        }
    }

    std::string pointer() const {
        std::string out;
        for (const Frame& frame : frames_) {
            out += '/';
            out += frame.isArray ? std::to_string(frame.index) : jsonPointerToken(frame.key);
        }
        return out;
    }

    std::vector<Frame> frames_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at "; keep the
// part a person needs: the line, the column and what was expected. Other failures, such as a
// number too large for a double, only have the "[json...] " prefix.
std::string syntaxMessage(const json::exception& e) {
    const std::string what = e.what();
    static const std::string marker = "parse error at ";
    if (auto at = what.find(marker); at != std::string::npos) {
        return "invalid JSON at " + what.substr(at + marker.size());
    }
    const auto close = what.find("] ");
    return "invalid JSON: " + (close == std::string::npos ? what : what.substr(close + 2));
}

} // namespace

std::string jsonPointerToken(std::string_view key) {
    std::string out;
    for (char c : key) {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

json parseJsonInput(std::string_view text) {
    try {
        // The callback is copied into the parser; it is reached through a reference so that
        // the pointer stack lives here.
        KeyChecker checker;
        return json::parse(text, [&checker](int depth, json::parse_event_t event, json& parsed) {
            return checker(depth, event, parsed);
        });
    } catch (const json::parse_error& e) {
        throw JsonInputError("", syntaxMessage(e), e.byte, e.byte > text.size());
    } catch (const json::exception& e) {
        throw JsonInputError("", syntaxMessage(e), 0, false);
    }
}

std::optional<json> tryParseJsonInput(std::string_view text, std::string* problem) {
    try {
        return parseJsonInput(text);
    } catch (const JsonInputError& e) {
        if (problem != nullptr) {
            *problem = e.what();
        }
        return std::nullopt;
    }
}

} // namespace clue
