// Setting up one libcurl transfer and reading back what it did.
#include "runtime/http/curl_attempt.h"

#include "common/assert.h"
#include "runtime/http/header_text.h"
#include "runtime/http/retry_policy.h"
#include "runtime/http/secret_redactor.h"

#include <algorithm>
#include <ctime>

namespace clue::runtime {
namespace {

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto& job = *static_cast<HttpJob*>(user);
    const size_t length = size * count;
    if (job.responseBody.size() + length > job.maxResponseBytes) {
        job.tooLarge = true;
        return 0; // any count other than `length` aborts the transfer
    }
    job.responseBody.append(data, length);
    return length;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto& job = *static_cast<HttpJob*>(user);
    const std::string_view line(data, size * count);
    constexpr std::string_view retryAfter = "retry-after:";
    if (startsWithNoCase(line, "HTTP/")) {
        job.retryAfterHeader.clear(); // a new response (e.g. after a 100 Continue)
    } else if (startsWithNoCase(line, retryAfter)) {
        job.retryAfterHeader = trimHeaderText(line.substr(retryAfter.size()));
    }
    return size * count;
}

int onDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
    const auto& job = *static_cast<const HttpJob*>(user);
    const char* prefix = type == CURLINFO_TEXT         ? "* "
                         : type == CURLINFO_HEADER_IN  ? "< "
                         : type == CURLINFO_HEADER_OUT ? "> "
                                                       : nullptr;
    if (prefix == nullptr) {
        return 0; // bodies stay out of the log
    }
    std::string_view text(data, size);
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = trimHeaderText(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.empty()) {
            continue;
        }
        std::string shown =
            type == CURLINFO_HEADER_OUT ? redactAuthorizationHeader(line) : std::string(line);
        job.options->debugLog(prefix + redactSecret(std::move(shown), job.request.bearerToken));
    }
    return 0;
}

curl_slist* buildHeaders(const HttpRequest& request) {
    curl_slist* list = nullptr;
    auto append = [&list](const std::string& line) {
        if (auto* grown = curl_slist_append(list, line.c_str())) {
            list = grown;
        }
    };
    for (const auto& header : request.headers) {
        append(header);
    }
    if (!request.bearerToken.empty()) {
        append("Authorization: Bearer " + request.bearerToken);
    }
    append("Expect:"); // no 100-continue round trip before large bodies
    return list;
}

void setMethodAndBody(CURL* easy, const HttpRequest& request) {
    if (request.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (request.method != "POST") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
}

HttpErrorKind classify(CURLcode code, bool tooLarge) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return HttpErrorKind::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpErrorKind::Timeout;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_BAD_FUNCTION_ARGUMENT:
        return HttpErrorKind::InvalidRequest;
    case CURLE_FILESIZE_EXCEEDED:
        return HttpErrorKind::TooLarge;
    case CURLE_WRITE_ERROR:
        return tooLarge ? HttpErrorKind::TooLarge : HttpErrorKind::Transfer;
    default:
        return HttpErrorKind::Transfer;
    }
}

bool isRetryable(HttpErrorKind kind) {
    return kind == HttpErrorKind::Connect || kind == HttpErrorKind::Timeout ||
           kind == HttpErrorKind::Transfer;
}

std::chrono::microseconds infoTime(CURL* easy, CURLINFO info) {
    curl_off_t micros = 0;
    curl_easy_getinfo(easy, info, &micros);
    return std::chrono::microseconds(micros);
}

void recordCounters(HttpJob& job) {
    curl_off_t sent = 0;
    curl_off_t received = 0;
    long connects = 0;
    curl_easy_getinfo(job.easy, CURLINFO_SIZE_UPLOAD_T, &sent);
    curl_easy_getinfo(job.easy, CURLINFO_SIZE_DOWNLOAD_T, &received);
    curl_easy_getinfo(job.easy, CURLINFO_NUM_CONNECTS, &connects);
    job.result.bytesSent += sent;
    job.result.bytesReceived += received;
    job.result.newConnections += static_cast<int>(connects);
    job.result.timings.connect = infoTime(job.easy, CURLINFO_CONNECT_TIME_T);
    job.result.timings.firstByte = infoTime(job.easy, CURLINFO_STARTTRANSFER_TIME_T);
    job.result.timings.transfer = infoTime(job.easy, CURLINFO_TOTAL_TIME_T);
}

void releaseHandle(HttpJob& job) {
    curl_easy_cleanup(job.easy);
    curl_slist_free_all(job.headers);
    job.easy = nullptr;
    job.headers = nullptr;
}

// Why the request cannot be sent as it is: a control character in a header line, the bearer
// key or the URL would end the line and inject headers of its own. The text itself is never
// shown: it may be the key.
std::optional<std::string> injectionProblem(const HttpRequest& request) {
    for (std::size_t i = 0; i < request.headers.size(); ++i) {
        if (auto at = findControlCharacter(request.headers[i])) {
            return "header " + std::to_string(i + 1) + " holds a control character at byte " +
                   std::to_string(*at);
        }
    }
    if (auto at = findControlCharacter(request.bearerToken)) {
        return "the API key holds a control character at byte " + std::to_string(*at);
    }
    if (auto at = findControlCharacter(request.url)) {
        return "the URL holds a control character at byte " + std::to_string(*at);
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(HttpErrorKind kind) {
    switch (kind) {
    case HttpErrorKind::None:
        return "none";
    case HttpErrorKind::Connect:
        return "connection failed";
    case HttpErrorKind::Timeout:
        return "timed out";
    case HttpErrorKind::Transfer:
        return "transfer failed";
    case HttpErrorKind::TooLarge:
        return "response too large";
    case HttpErrorKind::InvalidRequest:
        return "invalid request";
    case HttpErrorKind::Cancelled:
        return "cancelled";
    }
    CLUE_UNREACHABLE();
}

bool prepareAttempt(HttpJob& job, const HttpClientOptions& options) {
    job.responseBody.clear();
    job.retryAfterHeader.clear();
    job.tooLarge = false;
    job.errorBuffer[0] = '\0';
    job.maxResponseBytes = job.request.maxResponseBytes > 0
                               ? std::min(job.request.maxResponseBytes, options.maxResponseBytes)
                               : options.maxResponseBytes;
    job.options = &options;
    if (auto problem = injectionProblem(job.request)) {
        job.result.error = HttpErrorKind::InvalidRequest;
        job.result.errorText = *problem + "; refused, nothing was sent";
        return false;
    }
    job.easy = curl_easy_init();
    if (job.easy == nullptr) {
        job.result.error = HttpErrorKind::InvalidRequest;
        job.result.errorText = "libcurl could not create a transfer handle";
        return false;
    }
    CURL* easy = job.easy;
    const auto timeout =
        job.request.totalTimeout.count() > 0 ? job.request.totalTimeout : options.totalTimeout;
    job.headers = buildHeaders(job.request);
    curl_easy_setopt(easy, CURLOPT_URL, job.request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job.headers);
    setMethodAndBody(easy, job.request);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options.userAgent.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options.connectTimeout.count()));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    // A Content-Length over the limit fails before any of the body arrives.
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(job.maxResponseBytes));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &job);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &job);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job.errorBuffer);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &job);
    if (options.debugLog) {
        curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, onDebug);
        curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &job);
        curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    }
    return true;
}

AttemptOutcome finishAttempt(HttpJob& job, CURLcode code) {
    AttemptOutcome outcome;
    HttpResult& result = job.result;
    curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &result.status);
    recordCounters(job);
    result.body = std::move(job.responseBody);
    if (code != CURLE_OK) {
        result.error = classify(code, job.tooLarge);
        const std::string detail =
            result.error == HttpErrorKind::TooLarge
                ? "the body is over the limit of " + std::to_string(job.maxResponseBytes) + " bytes"
            : job.errorBuffer[0] != '\0' ? job.errorBuffer
                                         : curl_easy_strerror(code);
        result.errorText = redactSecret(std::string(toString(result.error)) + ": " + detail,
                                        job.request.bearerToken);
        if (isRetryable(result.error)) {
            outcome.retryReason = result.errorText;
        }
    } else {
        result.error = HttpErrorKind::None;
        result.errorText.clear();
        if (isRetryableStatus(result.status)) {
            outcome.retryReason = "HTTP " + std::to_string(result.status);
            if (!job.retryAfterHeader.empty()) {
                outcome.retryAfter = parseRetryAfter(job.retryAfterHeader, std::time(nullptr));
            }
        } else if (result.status >= 200 && result.status < 300 && job.request.retryIf) {
            outcome.retryReason = job.request.retryIf(result.status, result.body);
        }
    }
    releaseHandle(job);
    return outcome;
}

} // namespace clue::runtime
