// The JSON bodies sent to POST {endpoint}/embeddings, in the form of each protocol.
#pragma once

#include "runtime/embed/embedding_protocol.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

// Texts, one embedding each, in order: `input` as a list (and `modality: "text"` for Infinity);
// `encoding_format: "float"`.
std::string buildTextEmbeddingBody(EmbeddingProtocol protocol, std::string_view model,
                                   const std::vector<std::string>& texts);

// One image given as a data URL. vLLM: `messages` with one user message whose content is the
// image_url part alone; Infinity: `input` [the data URL] with `modality: "image"`.
std::string buildImageEmbeddingBody(EmbeddingProtocol protocol, std::string_view model,
                                    std::string_view imageDataUrl);

} // namespace clue::runtime
