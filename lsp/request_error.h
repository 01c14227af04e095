// An error answer to a request, thrown by a handler and sent by the dispatcher.
#pragma once

#include <stdexcept>
#include <string>

namespace clue::lsp {

class RequestError : public std::runtime_error {
public:
    RequestError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

} // namespace clue::lsp
