// A SimServer in the test process, on 127.0.0.1 and a free port, stopped at the end of the test.
#pragma once

#include "tests/sim/sim_server.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace clue::sim::testing {

class LocalSim {
public:
    // The world from YAML text (the format of world files).
    explicit LocalSim(const std::string& worldYaml);

    std::string url(const std::string& path) const;
    // POSTs `body` to /v1/chat/completions and parses the answer (throws when it is not JSON).
    nlohmann::ordered_json chat(const nlohmann::ordered_json& body, long* status = nullptr) const;
    nlohmann::ordered_json stats() const;
    SimServer& server() { return *server_; }

private:
    std::unique_ptr<SimServer> server_;
    int port_ = 0;
};

} // namespace clue::sim::testing
