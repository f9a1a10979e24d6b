#include "tickclock.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <time.h>

namespace spoon {

std::atomic<qint64> TickClock::s_nowMs{0};

namespace {
qint64 coarseMonotonicMs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}
} // namespace

class Ticker
{
public:
    Ticker()
    {
        TickClock::s_nowMs.store(coarseMonotonicMs(), std::memory_order_relaxed);
        m_thread = std::thread([this] { run(); });
    }
    ~Ticker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    Ticker(const Ticker &) = delete;
    Ticker &operator=(const Ticker &) = delete;

private:
    void run()
    {
        ::pthread_setname_np(::pthread_self(), "spoon-tick");
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(TickClock::kTickMs),
                                [this] { return m_stopping; }))
            TickClock::s_nowMs.store(coarseMonotonicMs(), std::memory_order_relaxed);
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

TickClock::TickClock()
{
    static Ticker ticker; // thread-safe first start; joined at exit
}

} // namespace spoon
