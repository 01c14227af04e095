// Embedding request bodies as ordered JSON, so that captured requests read in a stable order.
#include "runtime/embed/embedding_request_builder.h"

#include <nlohmann/json.hpp>

namespace clue::runtime {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson textInput(const std::vector<std::string>& texts) {
    OrderedJson input = OrderedJson::array();
    for (const std::string& text : texts) {
        input.push_back(text);
    }
    return input;
}

} // namespace

std::string buildTextEmbeddingBody(EmbeddingProtocol protocol, std::string_view model,
                                   const std::vector<std::string>& texts) {
    OrderedJson body = {{"model", model}, {"input", textInput(texts)}};
    if (protocol == EmbeddingProtocol::Infinity) {
        body["modality"] = "text";
    }
    body["encoding_format"] = "float";
    return body.dump();
}

std::string buildImageEmbeddingBody(EmbeddingProtocol protocol, std::string_view model,
                                    std::string_view imageDataUrl) {
    OrderedJson body = {{"model", model}};
    switch (protocol) {
    case EmbeddingProtocol::Vllm: {
        OrderedJson part = {{"type", "image_url"}, {"image_url", {{"url", imageDataUrl}}}};
        body["messages"] =
            OrderedJson::array({{{"role", "user"}, {"content", OrderedJson::array({part})}}});
        break;
    }
    case EmbeddingProtocol::Infinity:
        body["input"] = OrderedJson::array({imageDataUrl});
        body["modality"] = "image";
        break;
    }
    body["encoding_format"] = "float";
    return body.dump();
}

} // namespace clue::runtime
