// Tests of the slot model: capacity, FIFO order, and prompt wake-up on stop.
#include "tests/sim/slot_scheduler.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace clue::sim;
using namespace std::chrono_literals;

TEST(SlotScheduler, StartsRequestsInArrivalOrderAndNeverExceedsTheSlots) {
    SlotScheduler slots(2);
    std::mutex mutex;
    std::vector<int> started;
    std::vector<std::thread> threads;
    // Two occupy the slots; the next six arrive one by one while both are busy. The first slot
    // frees after 150 ms and then serves the six in turn; the second stays busy meanwhile, so
    // that each start follows the previous one's end.
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            ASSERT_TRUE(slots.acquire().has_value());
            {
                std::lock_guard lock(mutex);
                started.push_back(i);
            }
            slots.hold(i == 0 ? 150.0 : i == 1 ? 600.0 : 5.0);
            slots.release();
        });
        std::this_thread::sleep_for(10ms);
    }
    for (auto& t : threads) {
        t.join();
    }
    ASSERT_EQ(started.size(), 8u);
    for (int i = 2; i < 8; ++i) {
        EXPECT_EQ(started[i], i);
    }
    const auto s = slots.snapshot();
    EXPECT_EQ(s.served, 8u);
    EXPECT_EQ(s.maxInService, 2);
    EXPECT_EQ(s.waited, 6u);
    EXPECT_EQ(s.maxQueueLength, 6);
    EXPECT_GT(s.maxWaitMs, 0.0);
    EXPECT_EQ(s.inService, 0);
    EXPECT_EQ(s.queued, 0);
}

TEST(SlotScheduler, StopWakesWaitersAndSleepers) {
    SlotScheduler slots(1);
    ASSERT_TRUE(slots.acquire().has_value());
    std::optional<double> waiterResult = 0.0;
    bool holdResult = true;
    std::thread waiter([&] { waiterResult = slots.acquire(); });
    std::thread sleeper([&] { holdResult = slots.hold(60000); });
    std::this_thread::sleep_for(50ms);
    const auto before = std::chrono::steady_clock::now();
    slots.stop();
    waiter.join();
    sleeper.join();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
    EXPECT_FALSE(waiterResult.has_value());
    EXPECT_FALSE(holdResult);
    EXPECT_FALSE(slots.acquire().has_value());
}
