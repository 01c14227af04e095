// Reading a model list and checking a model name against it.
#include "runtime/backend/model_list.h"

#include "common/edit_distance.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace clue::runtime {
namespace {

BackendError malformed(const std::string& why) {
    return {BackendErrorKind::MalformedResponse, "the model list is not usable: " + why};
}

std::string quotedList(const std::vector<std::string>& ids) {
    constexpr std::size_t shown = 10;
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < shown; ++i) {
        out += (i == 0 ? "'" : ", '") + ids[i] + "'";
    }
    if (ids.size() > shown) {
        out += " and " + std::to_string(ids.size() - shown) + " more";
    }
    return out;
}

} // namespace

Expected<std::vector<std::string>, BackendError> parseModelList(std::string_view body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return malformed("the answer is not a JSON object");
    }
    const auto data = json.find("data");
    if (data == json.end() || !data->is_array()) {
        return malformed("it has no \"data\" array");
    }
    std::vector<std::string> ids;
    for (const auto& entry : *data) {
        const auto id = entry.is_object() ? entry.find("id") : entry.end();
        if (entry.is_object() && id != entry.end() && id->is_string()) {
            ids.push_back(id->get<std::string>());
        }
    }
    return ids;
}

std::optional<BackendError> modelNotServed(const std::vector<std::string>& served,
                                           const std::string& model, const std::string& url) {
    if (std::find(served.begin(), served.end(), model) != served.end()) {
        return std::nullopt;
    }
    std::string message = "the server at " + url + " does not serve the model '" + model + "'";
    if (served.empty()) {
        message += ": its model list is empty";
    } else if (auto close = closestMatch(model, served)) {
        message += ": did you mean '" + *close + "'? It serves " + quotedList(served);
    } else {
        message += "; it serves " + quotedList(served);
    }
    return BackendError{BackendErrorKind::ModelNotServed, message + " (--model)"};
}

void checkModelServed(OpenAiBackend& backend,
                      std::function<void(std::optional<BackendError>)> done) {
    backend.listModels([&backend, done = std::move(done)](ModelListResult served) {
        const OpenAiBackendOptions& options = backend.options();
        if (served) {
            done(modelNotServed(served.value(), options.model, options.endpoint));
            return;
        }
        BackendError error = served.error();
        if (error.httpStatus == 404) {
            error.message += "; is the endpoint the API base, such as http://127.0.0.1:8000/v1?";
        }
        error.message = "the model server does not answer its model list: " + error.message;
        done(std::move(error));
    });
}

} // namespace clue::runtime
