#include "requestbatcher.h"

namespace spoon {

RequestBatcher::RequestBatcher(int batchSize, int batchTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_batchSize(std::max(1, batchSize))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(0, batchTimeoutMs));
    connect(&m_timer, &QTimer::timeout, this, &RequestBatcher::releaseBatch);
}

quint64 RequestBatcher::enqueue(Release release)
{
    const quint64 ticket = m_nextTicket++;
    m_pending.push_back(Pending{ticket, std::move(release)});
    if (int(m_pending.size()) >= m_batchSize)
        releaseBatch();
    else if (!m_timer.isActive())
        m_timer.start(); // the batch's clock starts with its first request
    return ticket;
}

bool RequestBatcher::withdraw(quint64 ticket)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->ticket == ticket) {
            m_pending.erase(it);
            if (m_pending.empty())
                m_timer.stop();
            return true;
        }
    }
    return false;
}

void RequestBatcher::releaseBatch()
{
    m_timer.stop();
    std::vector<Pending> batch;
    batch.swap(m_pending);
    if (batch.empty())
        return;
    ++m_batches;
    Q_EMIT batchReleased(int(batch.size()));
    for (Pending &pending : batch)
        pending.release();
}

} // namespace spoon
