#pragma once

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>

namespace spoon {

class MetricsRegistry;
class Gauge;
class Counter;

// The CPU offload pool (the seed's OptimizedProcessManager, on threads instead of
// processes): work that takes more than a millisecond of CPU runs here, never on the GUI
// thread or the network thread. Bounded by max_workers (0: one per core); how much waits is
// published as spoon_compute_queue_depth. Results come back as QFutures (QCoro awaits them).
class ComputePool
{
public:
    explicit ComputePool(int maxWorkers, MetricsRegistry *registry = nullptr);
    ~ComputePool();
    ComputePool(const ComputePool &) = delete;
    ComputePool &operator=(const ComputePool &) = delete;

    int maxWorkers() const { return m_pool.maxThreadCount(); }
    int queued() const { return m_queued.load(std::memory_order_relaxed); }
    int running() const { return m_running.load(std::memory_order_relaxed); }

    // Runs function() on the pool. Cancelling the future before a worker takes it means it
    // never runs; work that is long should also check the future itself.
    template <typename Function>
    auto run(Function &&function) -> QFuture<std::invoke_result_t<Function>>
    {
        using Result = std::invoke_result_t<Function>;
        enqueued();
        return QtConcurrent::run(&m_pool, [this, f = std::forward<Function>(function)](
                                              QPromise<Result> &promise) mutable {
            Started guard(*this);
            if (promise.isCanceled())
                return;
            if constexpr (std::is_void_v<Result>)
                f();
            else
                promise.addResult(f());
        });
    }

    // The seed's map_parallel: fn over every item, results in order.
    template <typename Sequence, typename Function>
    auto map(const Sequence &items, Function function)
    {
        using Item = typename Sequence::value_type;
        using Result = std::invoke_result_t<Function, const Item &>;
        for (qsizetype i = 0; i < qsizetype(items.size()); ++i)
            enqueued();
        return QtConcurrent::mapped(&m_pool, items, [this, function](const Item &item) -> Result {
            Started guard(*this);
            return function(item);
        });
    }

    // Waits for everything queued or running, e.g. before shutdown.
    void waitForDone() { m_pool.waitForDone(); }

private:
    // Counts a task from the queue into the running set, and out when it ends.
    struct Started
    {
        explicit Started(ComputePool &pool);
        ~Started();
        ComputePool &pool;
    };
    void enqueued();
    void publish();

    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    std::atomic<int> m_running{0};
    Gauge *m_queueDepth = nullptr;
    Gauge *m_busy = nullptr;
    Counter *m_completed = nullptr;
};

} // namespace spoon
