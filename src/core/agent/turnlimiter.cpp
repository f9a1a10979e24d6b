#include "turnlimiter.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <algorithm>

namespace spoon {

TurnLimiter::TurnLimiter(int maxConcurrent, MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_max(std::max(1, maxConcurrent))
{
    if (registry) {
        m_runningGauge = &registry->gauge(metric::kAgentTurnsRunning);
        m_queuedGauge = &registry->gauge(metric::kAgentTurnsQueued);
        registry->gauge(metric::kAgentTurnsMax).set(m_max);
    }
}

quint64 TurnLimiter::enqueue()
{
    const quint64 ticket = m_nextTicket++;
    m_queue.push_back(ticket);
    publish();
    return ticket;
}

bool TurnLimiter::tryTake(quint64 ticket)
{
    if (m_queue.empty() || m_queue.front() != ticket || m_running >= m_max)
        return false;
    m_queue.pop_front();
    ++m_running;
    publish();
    if (!m_queue.empty() && m_running < m_max)
        announceChange(); // the next in line may go too
    return true;
}

void TurnLimiter::release()
{
    m_running = std::max(0, m_running - 1);
    publish();
    announceChange();
}

void TurnLimiter::abandon(quint64 ticket)
{
    const auto it = std::find(m_queue.begin(), m_queue.end(), ticket);
    if (it == m_queue.end())
        return;
    m_queue.erase(it);
    publish();
    announceChange();
}

int TurnLimiter::ahead(quint64 ticket) const
{
    const auto it = std::find(m_queue.begin(), m_queue.end(), ticket);
    return it == m_queue.end() ? -1 : int(it - m_queue.begin());
}

// A waiting turn awaits changed() with qCoro(), whose slot is queued: two emits before it runs
// post two calls, and the second runs on an awaiter the first one's resumption has already
// destroyed (QCoro 0.8; bench_agent crashed in QTimer::stop). So changes are announced once,
// from the event loop, and changes made while announcing are not announced again: every
// waiter looks at the whole state when it wakes, and looks before it waits.
void TurnLimiter::announceChange()
{
    if (m_announcePending)
        return;
    m_announcePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT changed();
            m_announcePending = false;
        },
        Qt::QueuedConnection);
}

void TurnLimiter::publish()
{
    if (m_runningGauge)
        m_runningGauge->set(m_running);
    if (m_queuedGauge)
        m_queuedGauge->set(double(m_queue.size()));
}

} // namespace spoon
