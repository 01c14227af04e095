// Escaping text for HTML element content and quoted attribute values, for the HTML reports.
#pragma once

#include <string>
#include <string_view>

namespace clue {

// & < > " and ' as character references; every other byte (UTF-8 included) as is.
std::string htmlEscape(std::string_view text);

} // namespace clue
