// A Content-Type value taken apart: "multipart/form-data; boundary=xyz" gives the type
// "multipart/form-data" (lower case) and the parameter boundary = "xyz" (quotes removed).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace clue::serve {

struct MediaType {
    std::string type;                          // "type/subtype", lower case; empty when absent
    std::map<std::string, std::string> params; // names lower case, values as sent

    bool is(std::string_view name) const { return type == name; }
    // "image/png" is an image type: the part before the slash is `top`.
    bool isTop(std::string_view top) const;
};

MediaType parseMediaType(std::string_view value);

} // namespace clue::serve
