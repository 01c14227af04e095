// The objectify model on the runtime's OpenAI-compatible backend. It lives in the `clue`
// binary, which links both libraries, so that the compiler library never touches the network.
#pragma once

#include "compiler/objectify/objectify_model.h"
#include "runtime/backend/openai_backend.h"

namespace clue::cli {

class OpenAiObjectifyModel : public objectify::ObjectifyModel {
public:
    explicit OpenAiObjectifyModel(runtime::OpenAiBackend& backend) : backend_(backend) {}

    // One chat call at temperature 0; the schema goes as response_format json_schema, and the
    // backend falls back to describing it in the prompt when the server rejects that.
    objectify::ModelReply complete(const objectify::ModelRequest& request) override;

private:
    runtime::OpenAiBackend& backend_;
};

} // namespace clue::cli
