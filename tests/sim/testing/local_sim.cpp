// In-process simulator for protocol tests.
#include "tests/sim/testing/local_sim.h"

#include "tests/sim/testing/http_client.h"
#include "tests/sim/world_loader.h"

namespace clue::sim::testing {

LocalSim::LocalSim(const std::string& worldYaml)
    : server_(std::make_unique<SimServer>(parseWorld(worldYaml, "test-world.yaml"), 256)),
      port_(server_->start("127.0.0.1", 0)) {}

std::string LocalSim::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

nlohmann::ordered_json LocalSim::chat(const nlohmann::ordered_json& body, long* status) const {
    const HttpResponse response = httpPost(url("/v1/chat/completions"), body.dump());
    if (status != nullptr) {
        *status = response.status;
    }
    return nlohmann::ordered_json::parse(response.body);
}

nlohmann::ordered_json LocalSim::stats() const {
    return nlohmann::ordered_json::parse(httpGet(url("/sim/stats")).body);
}

} // namespace clue::sim::testing
