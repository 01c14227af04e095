// The client's event loop: one thread owns the libcurl multi handle and every transfer on it.
//
// A dedicated loop thread (rather than a loop the caller drives) lets requests be submitted from
// any thread and lets retries wait out their backoff without the caller's help: libcurl handles
// are not thread-safe, so they are touched only here, and other threads reach the loop through a
// locked inbox and curl_multi_wakeup().
#include "runtime/http/http_client.h"

#include "runtime/http/curl_attempt.h"
#include "runtime/http/http_job.h"
#include "runtime/http/secret_redactor.h"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

namespace clue::runtime {
namespace {

using Clock = HttpJob::Clock;
using JobPtr = std::unique_ptr<HttpJob>;

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::chrono::microseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

void deliver(JobPtr job, const HttpClientOptions& options) {
    job->result.timings.total = since(job->submittedAt);
    try {
        job->done(std::move(job->result));
    } catch (const std::exception& e) {
        if (options.debugLog) {
            options.debugLog(std::string("http: a completion callback threw: ") + e.what());
        }
    } catch (...) {
        if (options.debugLog) {
            options.debugLog("http: a completion callback threw");
        }
    }
}

void cancel(JobPtr job, const HttpClientOptions& options) {
    job->result.error = HttpErrorKind::Cancelled;
    job->result.errorText = "cancelled: the HTTP client shut down before the request completed";
    deliver(std::move(job), options);
}

} // namespace

class HttpClient::Impl {
public:
    explicit Impl(HttpClientOptions opts) : options(std::move(opts)) {
        initCurlOnce();
        options.maxInFlight = std::max<std::size_t>(1, options.maxInFlight);
        const long slots = static_cast<long>(options.maxInFlight);
        multi_ = curl_multi_init();
        curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS,
                          options.maxHostConnections > 0 ? options.maxHostConnections : slots);
        curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                          options.maxTotalConnections > 0 ? options.maxTotalConnections : slots);
        curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS,
                          options.maxTotalConnections > 0 ? options.maxTotalConnections : slots);
        rng_.seed(options.jitterSeed != 0 ? options.jitterSeed : std::random_device{}());
        thread_ = std::thread([this] { run(); });
    }

    ~Impl() {
        shutdown();
        if (thread_.joinable()) {
            thread_.join();
        }
        curl_multi_cleanup(multi_);
    }

    void submit(JobPtr job) {
        {
            std::lock_guard lock(mutex_);
            if (!stopping_) {
                inbox_.push_back(std::move(job));
            }
        }
        if (job) {
            cancel(std::move(job), options);
            return;
        }
        curl_multi_wakeup(multi_);
    }

    void shutdown() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        curl_multi_wakeup(multi_);
        if (thread_.joinable() && std::this_thread::get_id() != thread_.get_id()) {
            thread_.join();
        }
    }

    HttpClientOptions options;

private:
    void run() {
        while (admitSubmissions()) {
            promoteDueRetries();
            startPending();
            int running = 0;
            curl_multi_perform(multi_, &running);
            collectFinished();
            if (!pending_.empty() && active_.size() < options.maxInFlight) {
                continue; // slots just freed: start the next requests without waiting
            }
            curl_multi_poll(multi_, nullptr, 0, pollTimeoutMs(), nullptr);
        }
        cancelEverything();
    }

    // Moves new submissions into the FIFO; false once the client is stopping.
    bool admitSubmissions() {
        std::lock_guard lock(mutex_);
        for (auto& job : inbox_) {
            pending_.push_back(std::move(job));
        }
        inbox_.clear();
        return !stopping_;
    }

    // Retries whose backoff is over go ahead of new requests: they were submitted earlier.
    void promoteDueRetries() {
        const auto now = Clock::now();
        std::vector<JobPtr> due;
        while (!retrying_.empty() && retrying_.begin()->first <= now) {
            due.push_back(std::move(retrying_.begin()->second));
            retrying_.erase(retrying_.begin());
        }
        pending_.insert(pending_.begin(), std::make_move_iterator(due.begin()),
                        std::make_move_iterator(due.end()));
    }

    void startPending() {
        while (!pending_.empty() && active_.size() < options.maxInFlight) {
            JobPtr job = std::move(pending_.front());
            pending_.pop_front();
            startAttempt(std::move(job));
        }
    }

    void startAttempt(JobPtr job) {
        if (!job->started) {
            job->started = true;
            job->result.timings.queued = since(job->submittedAt);
        }
        if (job->request.abandonIf && job->request.abandonIf()) {
            job->result.error = HttpErrorKind::Cancelled;
            job->result.errorText = "abandoned before attempt " +
                                    std::to_string(job->result.attempts + 1) + " by its sender";
            deliver(std::move(job), options);
            return;
        }
        if (!prepareAttempt(*job, options)) {
            deliver(std::move(job), options);
            return;
        }
        ++job->result.attempts;
        CURL* easy = job->easy;
        curl_multi_add_handle(multi_, easy);
        active_.emplace(easy, std::move(job));
    }

    void collectFinished() {
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
            if (message->msg == CURLMSG_DONE) {
                finish(message->easy_handle, message->data.result);
            }
        }
    }

    void finish(CURL* easy, CURLcode code) {
        auto node = active_.extract(easy);
        JobPtr job = std::move(node.mapped());
        curl_multi_remove_handle(multi_, easy);
        AttemptOutcome outcome = finishAttempt(*job, code);
        if (outcome.retryReason && job->result.attempts < options.retry.maxAttempts) {
            scheduleRetry(std::move(job), std::move(*outcome.retryReason), outcome.retryAfter);
            return;
        }
        log(*job, job->result.error == HttpErrorKind::None
                      ? "HTTP " + std::to_string(job->result.status)
                      : job->result.errorText);
        deliver(std::move(job), options);
    }

    void scheduleRetry(JobPtr job, std::string reason,
                       std::optional<std::chrono::milliseconds> retryAfter) {
        const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        const auto delay = retryDelay(options.retry, job->result.attempts, retryAfter, unit);
        log(*job, reason + "; retrying in " + std::to_string(delay.count()) + " ms");
        job->result.retryReasons.push_back(std::move(reason));
        job->result.retryDelays.push_back(delay);
        job->result.timings.backoff += delay;
        retrying_.emplace(Clock::now() + delay, std::move(job));
    }

    int pollTimeoutMs() const {
        constexpr long long idleMs = 1000;
        if (retrying_.empty()) {
            return static_cast<int>(idleMs);
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
            retrying_.begin()->first - Clock::now());
        return static_cast<int>(std::clamp<long long>(wait.count(), 0, idleMs));
    }

    void cancelEverything() {
        for (auto& [easy, job] : active_) {
            curl_multi_remove_handle(multi_, easy);
            curl_easy_cleanup(easy);
            curl_slist_free_all(job->headers);
            job->easy = nullptr;
            job->headers = nullptr;
            cancel(std::move(job), options);
        }
        active_.clear();
        for (auto& [due, job] : retrying_) {
            cancel(std::move(job), options);
        }
        retrying_.clear();
        for (auto& job : pending_) {
            cancel(std::move(job), options);
        }
        pending_.clear();
        std::vector<JobPtr> late;
        {
            std::lock_guard lock(mutex_);
            late.swap(inbox_);
        }
        for (auto& job : late) { // outside the lock: a callback may submit again
            cancel(std::move(job), options);
        }
    }

    void log(const HttpJob& job, const std::string& what) const {
        if (options.debugLog) {
            options.debugLog(redactSecret("http: " + job.request.method + " " + job.request.url +
                                              " attempt " + std::to_string(job.result.attempts) +
                                              ": " + what,
                                          job.request.bearerToken));
        }
    }

    CURLM* multi_ = nullptr;
    std::mutex mutex_;
    std::vector<JobPtr> inbox_;
    bool stopping_ = false;
    // Owned by the loop thread:
    std::deque<JobPtr> pending_;
    std::multimap<Clock::time_point, JobPtr> retrying_;
    std::unordered_map<CURL*, JobPtr> active_;
    std::mt19937_64 rng_;
    std::thread thread_;
};

HttpClient::HttpClient(HttpClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::submit(HttpRequest request, Callback done) {
    auto job = std::make_unique<HttpJob>();
    job->request = std::move(request);
    job->done = std::move(done);
    impl_->submit(std::move(job));
}

std::future<HttpResult> HttpClient::submit(HttpRequest request) {
    auto promise = std::make_shared<std::promise<HttpResult>>();
    auto future = promise->get_future();
    submit(std::move(request),
           [promise](HttpResult result) { promise->set_value(std::move(result)); });
    return future;
}

void HttpClient::shutdown() {
    impl_->shutdown();
}

const HttpClientOptions& HttpClient::options() const {
    return impl_->options;
}

} // namespace clue::runtime
