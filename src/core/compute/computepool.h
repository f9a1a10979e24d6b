#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace spoon {

class MetricsRegistry;
class Gauge;
class Counter;

// The CPU offload pool (the seed's OptimizedProcessManager, on threads instead of
// processes): work that takes more than a millisecond of CPU runs here, never on the GUI
// thread or the network thread. Bounded by max_workers (0: one per core); how much waits is
// published as spoon_compute_queue_depth. Results come back as QFutures (QCoro awaits them).
// A task cancelled while it waits never runs; the worker that reaches it counts it out of
// the queue at once.
class ComputePool
{
public:
    explicit ComputePool(int maxWorkers, MetricsRegistry *registry = nullptr);
    ~ComputePool();
    ComputePool(const ComputePool &) = delete;
    ComputePool &operator=(const ComputePool &) = delete;

    int maxWorkers() const { return m_pool.maxThreadCount(); }
    int queued() const { return m_queued.load(); }
    int running() const { return m_running.load(); }

    // Runs function() on the pool (QtConcurrent::run). Cancelling the future before a worker
    // takes it means it never runs. Long work can look at the future too. An exception thrown
    // by function() reaches the future's reader as itself (QtConcurrent would wrap one that is
    // not a QException in QUnhandledException).
    //
    // No continuation is attached here: Qt 6.4 keeps one per future (a caller's .then()
    // would replace it) and can run one twice when the future finishes on a worker while it
    // is attached. Await the future with QCoro or a QFutureWatcher; a .then() on it has the
    // same Qt 6.4 race. Waiting on the future does not run a queued task on the waiting
    // thread, as QtConcurrent's own future would: a task must not wait on another task of
    // the same pool.
    template <typename Function>
    auto run(Function &&function) -> QFuture<std::invoke_result_t<Function>>
    {
        using Result = std::invoke_result_t<Function>;
        QPromise<Result> promise;
        QFuture<Result> future = promise.future();
        promise.start();
        enqueued();
        // QtConcurrent's own future is dropped: nobody cancels it, so the task always runs
        // and sees our promise's cancellation itself.
        [[maybe_unused]] const QFuture<void> dropped =
            QtConcurrent::run(&m_pool, [this, promise = std::move(promise),
                                        f = std::forward<Function>(function)]() mutable {
                if (promise.isCanceled()) {
                    dequeuedUnstarted(); // cancelled while it waited
                    promise.finish();
                    return;
                }
                // Kept until the task is counted out, so that a reader woken by the result
                // finds the counts settled.
                std::optional<std::conditional_t<std::is_void_v<Result>, bool, Result>> result;
                {
                    Started guard(*this);
                    try {
                        if constexpr (std::is_void_v<Result>)
                            f();
                        else
                            result.emplace(f());
                    } catch (...) {
                        promise.setException(std::current_exception());
                    }
                }
                if constexpr (!std::is_void_v<Result>) {
                    if (result)
                        promise.addResult(std::move(*result));
                }
                promise.finish();
            });
        return future;
    }

    // The seed's map_parallel: function over every item, each a task on the pool, results
    // in the items' order. Cancelling the returned future makes the items not yet started
    // skip their work. Only the item tasks hold the shared state, so nothing outlives them.
    template <typename Sequence, typename Function>
    auto map(const Sequence &items, Function function)
    {
        using Item = typename Sequence::value_type;
        using Result = std::invoke_result_t<Function, const Item &>;
        struct State
        {
            QPromise<QList<Result>> promise;
            std::vector<Result> results;
            std::atomic<qsizetype> left{0};
        };
        auto state = std::make_shared<State>();
        state->results.resize(size_t(items.size()));
        state->left = qsizetype(items.size()) + 1;
        QFuture<QList<Result>> future = state->promise.future();
        state->promise.start();
        const auto oneDone = [](State &shared) {
            if (shared.left.fetch_sub(1) != 1)
                return; // the last one delivers
            if (!shared.promise.isCanceled())
                shared.promise.addResult(
                    QList<Result>(shared.results.begin(), shared.results.end()));
            shared.promise.finish();
        };
        qsizetype index = 0;
        for (const Item &item : items) {
            // The task always reports, even when it skips or is cancelled in the queue.
            struct Report
            {
                explicit Report(std::shared_ptr<State> shared)
                    : state(std::move(shared))
                {}
                Report(const Report &) = delete;
                Report &operator=(const Report &) = delete;
                ~Report() { decltype(oneDone){}(*state); }
                std::shared_ptr<State> state;
            };
            auto report = std::make_shared<Report>(state);
            run([report, function, item, index] {
                State &shared = *report->state;
                if (!shared.promise.isCanceled())
                    shared.results[size_t(index)] = function(item);
            });
            ++index;
        }
        oneDone(*state);
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

    QThreadPool m_pool;
    std::atomic<int> m_queued{0};
    std::atomic<int> m_running{0};
    Gauge *m_queueDepth = nullptr;
    Gauge *m_busy = nullptr;
    Counter *m_completed = nullptr;
};

} // namespace spoon
