#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace spoon {

class MetricsRegistry;
class Gauge;
class Counter;

// The CPU offload pool (the seed's OptimizedProcessManager, on threads instead of
// processes): work that takes more than a millisecond of CPU runs here, never on the GUI
// thread or the network thread. Bounded by max_workers (0: one per core); how much waits is
// published as spoon_compute_queue_depth. Results come back as QFutures (QCoro awaits them).
// A task cancelled while it waits never runs and is counted out of the queue.
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

    // Runs function() on the pool (QtConcurrent::run). Cancelling the future before a worker
    // takes it means it never runs; long work can look at the future too.
    template <typename Function>
    auto run(Function &&function) -> QFuture<std::invoke_result_t<Function>>
    {
        using Result = std::invoke_result_t<Function>;
        auto claimed = std::make_shared<std::atomic<bool>>(false);
        enqueued();
        QFuture<Result> future =
            QtConcurrent::run(&m_pool, [this, claimed, f = std::forward<Function>(function)](
                                           QPromise<Result> &promise) mutable {
                if (claimed->exchange(true))
                    return; // cancelled while queued, and already counted out
                Started guard(*this);
                if (promise.isCanceled())
                    return;
                if constexpr (std::is_void_v<Result>)
                    f();
                else
                    promise.addResult(f());
            });
        // QtConcurrent skips a task cancelled while queued: count it out of the queue here.
        future.onCanceled([this, claimed]() -> Result {
            if (!claimed->exchange(true))
                dequeuedUnstarted();
            if constexpr (!std::is_void_v<Result>)
                return Result{}; // a continuation must return one; nobody reads it
        });
        return future;
    }

    // The seed's map_parallel: function over every item, each a task on the pool, results
    // in the items' order. Cancelling the returned future cancels the items not yet started.
    template <typename Sequence, typename Function>
    auto map(const Sequence &items, Function function)
    {
        using Item = typename Sequence::value_type;
        using Result = std::invoke_result_t<Function, const Item &>;
        struct State
        {
            QPromise<QList<Result>> promise;
            QList<QFuture<Result>> parts;
            std::vector<Result> results;
            std::atomic<qsizetype> left{0};
        };
        auto state = std::make_shared<State>();
        state->results.resize(size_t(items.size()));
        state->left = qsizetype(items.size()) + 1;
        QFuture<QList<Result>> future = state->promise.future();
        state->promise.start();
        const auto oneDone = [state] {
            if (state->left.fetch_sub(1) != 1)
                return; // the last one delivers
            if (!state->promise.isCanceled())
                state->promise.addResult(
                    QList<Result>(state->results.begin(), state->results.end()));
            state->promise.finish();
        };
        qsizetype index = 0;
        for (const Item &item : items) {
            QFuture<Result> part = run([state, function, item, index] {
                Result result = function(item);
                state->results[size_t(index)] = result;
                return result;
            });
            part.then([oneDone](Result) { oneDone(); }).onCanceled([oneDone] { oneDone(); });
            state->parts.append(part);
            ++index;
        }
        future.onCanceled([state]() -> QList<Result> {
            for (QFuture<Result> &part : state->parts)
                part.cancel();
            return {};
        });
        oneDone();
        return future;
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
    void dequeuedUnstarted();
    void publish();

    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    std::atomic<int> m_running{0};
    Gauge *m_queueDepth = nullptr;
    Gauge *m_busy = nullptr;
    Counter *m_completed = nullptr;
};

} // namespace spoon
