// A small libcurl client for the simulator's tests: one request at a time, or many at once over
// separate connections (curl multi).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clue::sim::testing {

struct HttpResponse {
    int curlCode = 0; // CURLcode; 0 when the transfer completed
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // lower-case names
    double seconds = 0;                         // total time of the transfer
};

HttpResponse httpGet(const std::string& url, long timeoutMs = 10000);
HttpResponse httpPost(const std::string& url, const std::string& body, long timeoutMs = 10000);
// Starts every POST at once, each on a connection of its own; answers in the order of `bodies`.
std::vector<HttpResponse> httpPostAll(const std::string& url,
                                      const std::vector<std::string>& bodies,
                                      long timeoutMs = 120000);

} // namespace clue::sim::testing
