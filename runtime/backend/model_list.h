// The server's model list (GET {endpoint}/models, as OpenAI, vLLM, SGLang, llama.cpp and Ollama
// answer it) and the preflight's verdict on it: does the server serve the model a run names?
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/backend/openai_backend.h"
#include "runtime/support/expected.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

// The ids of `{"data": [{"id": ...}, ...]}`, in the server's order; MalformedResponse otherwise.
Expected<std::vector<std::string>, BackendError> parseModelList(std::string_view body);

// Why `served` (the ids of `url`'s list) does not include `model`, naming the closest id as a
// "did you mean" and the served ids; nothing when it does.
std::optional<BackendError> modelNotServed(const std::vector<std::string>& served,
                                           const std::string& model, const std::string& url);

// The preflight, without blocking: `done` gets nothing when `backend`'s server answers its model
// list and the list names its model, else why not (the server does not answer; a 404 asks whether
// the endpoint is the API base; the model is not served). `done` runs on the client's loop thread.
void checkModelServed(OpenAiBackend& backend,
                      std::function<void(std::optional<BackendError>)> done);

} // namespace clue::runtime
