// Writes JSON text incrementally, byte for byte as nlohmann::json::dump(2) would lay it out,
// without building a document tree first: plans of a million nodes are written in one pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::plan {

class JsonTextWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The key of the next member of the current object.
    void key(std::string_view name);

    void value(std::string_view text); // escaped exactly as nlohmann escapes
    void value(const char* text) { value(std::string_view(text)); }
    void value(double number); // formatted exactly as nlohmann formats doubles
    void value(uint64_t number);
    void value(int number);
    void value(bool flag);
    void null();
    template <typename T> void value(const std::optional<T>& v) {
        if (v) {
            value(*v);
        } else {
            null();
        }
    }

    // The text so far; with a final newline once the top value is complete.
    std::string take();

private:
    struct Level {
        bool isObject;
        bool empty = true;
    };
    // Separator and indentation before a value (or before a key inside an object).
    void beforeValue();
    void newline(size_t depth);
    void appendString(std::string_view text);

    std::string out_;
    std::vector<Level> stack_;
    bool afterKey_ = false;
};

} // namespace clue::plan
