#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace spoon {

// The seed's BatchedLLMProvider: requests gather into a batch that leaves when it holds
// batch_size requests or when batch_timeout has passed since its first one, whichever comes
// first; each request then runs on its own and its caller gets its own result or error.
class RequestBatcher : public QObject
{
    Q_OBJECT
public:
    using Release = std::function<void()>;

    RequestBatcher(int batchSize, int batchTimeoutMs, QObject *parent = nullptr);

    // Returns a ticket for withdraw().
    quint64 enqueue(Release release);
    // Takes a waiting request out (its caller cancelled); false if its batch already left.
    bool withdraw(quint64 ticket);
    int waiting() const { return int(m_pending.size()); }
    quint64 batchesReleased() const { return m_batches; }

Q_SIGNALS:
    void batchReleased(int size);

private:
    void releaseBatch();

    struct Pending
    {
        quint64 ticket;
        Release release;
    };
    int m_batchSize;
    QTimer m_timer;
    std::vector<Pending> m_pending;
    quint64 m_nextTicket = 1;
    quint64 m_batches = 0;
};

} // namespace spoon
