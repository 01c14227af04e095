// A fixed number of parallel slots with a FIFO queue in front, like a GPU server's batch: a
// request waits for its turn, then holds a slot for its service time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace clue::sim {

class SlotScheduler {
public:
    struct Snapshot {
        int slots = 0;
        std::uint64_t served = 0; // requests that got a slot
        std::uint64_t waited = 0; // of those, requests that found no free slot on arrival
        double totalWaitMs = 0;
        double maxWaitMs = 0;
        int maxInService = 0;   // most slots ever busy at once (never above `slots`)
        int maxQueueLength = 0; // most requests ever waiting at once
        int inService = 0;
        int queued = 0;
    };

    explicit SlotScheduler(int slots) : slots_(slots) {}

    // Waits for a free slot, in arrival order. Returns the milliseconds waited, or nothing when
    // the scheduler stops first.
    std::optional<double> acquire();
    void release();
    // Sleeps `ms` (service time or a stall), or less when the scheduler stops; false then.
    bool hold(double ms);
    // Wakes every waiter and sleeper; acquire() and hold() fail from now on.
    void stop();

    Snapshot snapshot() const;
    void resetCounters();

private:
    // A queued request; release() hands its slot straight to the first one, so that only that
    // one wakes up.
    struct Waiter {
        std::condition_variable granted;
        bool hasSlot = false;
    };

    void recordStart(double waitedMs, bool waited);

    const int slots_;
    mutable std::mutex mutex_;
    std::condition_variable stopped_;
    std::deque<Waiter*> queue_;
    int inService_ = 0;
    bool stopping_ = false;
    Snapshot counters_;
};

// Holds a slot for the lifetime of the guard.
class SlotGuard {
public:
    explicit SlotGuard(SlotScheduler& scheduler) : scheduler_(scheduler) {}
    ~SlotGuard() { scheduler_.release(); }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;

private:
    SlotScheduler& scheduler_;
};

} // namespace clue::sim
