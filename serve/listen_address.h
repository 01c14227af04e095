// Where `clue serve` listens: HOST:PORT, an IPv6 host in brackets ([::1]:8080), loopback by
// default (docs/cli/serve.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clue::serve {

struct ListenAddress {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; // 0: any free port

    // "HOST:PORT", brackets around an IPv6 host.
    std::string text() const;
    // Whether only this machine can connect (127.0.0.0/8, ::1, localhost).
    bool loopback() const;
};

// Parses "HOST:PORT" or "[IPV6]:PORT"; nothing when it is not one. The host is not resolved.
std::optional<ListenAddress> parseListenAddress(std::string_view text);

} // namespace clue::serve
