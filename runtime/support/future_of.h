// A future for a call that answers through a callback, for callers that would rather wait.
#pragma once

#include <functional>
#include <future>
#include <memory>

namespace clue::runtime {

// Runs `call` with a callback that fulfils the returned future with the result it is given.
template <typename Result>
std::future<Result> futureOf(const std::function<void(std::function<void(Result)>)>& call) {
    auto promise = std::make_shared<std::promise<Result>>();
    auto future = promise->get_future();
    call([promise](Result result) { promise->set_value(std::move(result)); });
    return future;
}

} // namespace clue::runtime
