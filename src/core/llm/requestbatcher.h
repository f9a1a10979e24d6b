#pragma once

#include "telemetry/metricsregistry.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace spoon {

// The seed's BatchedLLMProvider, with its limits as upper bounds rather than a fixed delay.
// Requests for one lane (a provider and model) gather into a batch only while others of that
// lane are already waiting or running: a lone request leaves at once. A batch leaves when it
// holds batch_size requests, when batch_timeout has passed since its first one, or when its
// lane falls idle, whichever comes first. Each request then runs on its own and its caller gets
// its own result or error.
class RequestBatcher : public QObject
{
    Q_OBJECT
public:
    using Release = std::function<void()>;

    RequestBatcher(int batchSize, int batchTimeoutMs, QObject *parent = nullptr);
    ~RequestBatcher() override;

    // Returns a ticket for withdraw() and done(). `release` starts the request: at once when
    // the lane is idle, else with its batch.
    quint64 enqueue(const QString &lane, Release release);
    // Takes a waiting request out (its caller cancelled); false if its batch already left.
    bool withdraw(quint64 ticket);
    // A released request ended: its lane has one fewer running. When none runs, what waits
    // leaves at once, since nothing is left to gather for.
    void done(quint64 ticket);

    int waiting() const { return m_waiting.load(); }
    int running() const;
    int batchSize() const { return m_batchSize; }
    quint64 batchesReleased() const { return m_batches.load(); }
    // Requests sent the moment they came, their lane being idle.
    quint64 requestsSentAtOnce() const { return m_sentAtOnce.load(); }

    // Registers spoon_llm_batches_total, spoon_llm_batch_requests_total{sent="at_once"|
    // "in_batch"} and spoon_llm_batch_waiting, read from this batcher while it lives.
    void publish(MetricsRegistry &registry);

Q_SIGNALS:
    void batchReleased(int size);

private:
    struct Pending
    {
        quint64 ticket;
        Release release;
    };
    struct Lane
    {
        std::vector<Pending> pending;
        int running = 0;
        QTimer timer;
    };
    Lane &lane(const QString &name);
    void releaseBatch(const QString &name, bool alone = false);

    int m_batchSize;
    int m_batchTimeoutMs;
    QHash<QString, std::shared_ptr<Lane>> m_lanes;
    struct Ticket
    {
        QString lane;
        bool running = false;
    };
    QHash<quint64, Ticket> m_tickets; // waiting or running
    quint64 m_nextTicket = 1;
    // Atomic: the registry calls its read functions on the reader's thread, whichever that
    // is (metricsregistry.h).
    std::atomic<quint64> m_batches = 0;
    std::atomic<quint64> m_sentInBatch = 0;
    std::atomic<quint64> m_sentAtOnce = 0;
    std::atomic<int> m_waiting = 0;
    std::vector<SeriesHandle> m_published;
};

} // namespace spoon
