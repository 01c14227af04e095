// Tests of `clue-sim serve` as a process: fast start, loopback only, clean stop on SIGTERM and
// SIGINT (also with requests in flight), and a clear error for a bad world file.
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/sim_process.h"
#include "tests/sim/testing/temp_dir.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <optional>
#include <thread>

using namespace clue::sim::testing;

namespace {

// An IPv4 address of this machine other than loopback, if it has one.
std::optional<std::string> otherLocalAddress() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return std::nullopt;
    }
    std::optional<std::string> found;
    for (ifaddrs* a = list; a != nullptr && !found; a = a->ifa_next) {
        if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) {
            continue;
        }
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        if (std::string(text).rfind("127.", 0) != 0) {
            found = text;
        }
    }
    freeifaddrs(list);
    return found;
}

bool canConnect(const std::string& address, int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, address.c_str(), &target.sin_addr);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&target), sizeof target) == 0;
    close(fd);
    return ok;
}

} // namespace

// How fast it starts is measured in bench/, not asserted here; SimProcess only guards against a
// start that never comes.
TEST(Process, StartsOnLoopbackWithTheDocumentedLineAndAnswers) {
    TempDir dir;
    SimProcess sim(dir.write("world.yaml", "seed: 1\n").string());
    EXPECT_EQ(sim.firstLine(), "listening on 127.0.0.1:" + std::to_string(sim.port()));
    EXPECT_EQ(httpGet(sim.url("/health")).status, 200);
    EXPECT_EQ(sim.stop(SIGTERM), 0);
}

TEST(Process, BindsLoopbackOnly) {
    const auto other = otherLocalAddress();
    if (!other) {
        GTEST_SKIP() << "skipped: this machine has no non-loopback IPv4 address to try";
    }
    TempDir dir;
    SimProcess sim(dir.write("world.yaml", "").string());
    EXPECT_TRUE(canConnect("127.0.0.1", sim.port()));
    EXPECT_FALSE(canConnect(*other, sim.port())) << *other;
}

TEST(Process, StopsCleanlyOnSigtermWithRequestsInFlight) {
    TempDir dir;
    SimProcess sim(dir.write("world.yaml", "latency: {base_ms: 60000, slots: 1}\n").string());
    std::vector<std::string> bodies(5, yesNoRequest("", "fire is visible").dump());
    std::vector<HttpResponse> answers;
    std::thread clients(
        [&] { answers = httpPostAll(sim.url("/v1/chat/completions"), bodies, 30000); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto before = std::chrono::steady_clock::now();
    EXPECT_EQ(sim.stop(SIGTERM), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
    clients.join();
    for (const HttpResponse& a : answers) {
        EXPECT_NE(a.status, 200); // 503 or a closed connection, never a late answer
    }
}

TEST(Process, IdleConnectionsDoNotHoldUpTheStop) {
    TempDir dir;
    SimProcess sim(dir.write("world.yaml", "").string());
    const int idle = socket(AF_INET, SOCK_STREAM, 0); // connected, never sends a request
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(static_cast<uint16_t>(sim.port()));
    inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
    ASSERT_EQ(connect(idle, reinterpret_cast<sockaddr*>(&target), sizeof target), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto before = std::chrono::steady_clock::now();
    EXPECT_EQ(sim.stop(SIGTERM), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(4));
    close(idle);
}

TEST(Process, StopsCleanlyOnSigint) {
    TempDir dir;
    SimProcess sim(dir.write("world.yaml", "").string());
    EXPECT_EQ(httpPost(sim.url("/v1/chat/completions"), yesNoRequest("", "x").dump()).status, 200);
    EXPECT_EQ(sim.stop(SIGINT), 0);
}

TEST(Process, BadWorldFileIsAUsageErrorWithALocation) {
    TempDir dir;
    const auto world = dir.write("bad.yaml", "seed: 1\nslots: 4\n");
    std::string output;
    EXPECT_EQ(runSim({"serve", "--world", world.string()}, output), 2);
    EXPECT_NE(output.find("bad.yaml:2:1: unknown key 'slots'"), std::string::npos) << output;
    EXPECT_EQ(runSim({"serve"}, output), 2);
    EXPECT_NE(output.find("--world"), std::string::npos) << output;
}

TEST(Process, PortInUseIsAnError) {
    TempDir dir;
    const auto world = dir.write("world.yaml", "");
    SimProcess first(world.string());
    std::string output;
    EXPECT_EQ(runSim({"serve", "--world", world.string(), "--port", std::to_string(first.port())},
                     output),
              2);
    EXPECT_NE(output.find("cannot listen"), std::string::npos) << output;
}
