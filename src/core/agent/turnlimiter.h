#pragma once

#include <QObject>

#include <deque>

namespace spoon {

class Gauge;
class MetricsRegistry;

// performance.agents.max_concurrent: at most that many agent turns run at once across every
// conversation; the rest wait their turn in order (first asked, first served). A waiting
// turn holds a ticket, takes a slot with tryTake() when it is at the head and one is free,
// and gives it back with release(). Running and queued turns are in the registry.
class TurnLimiter : public QObject
{
    Q_OBJECT
public:
    explicit TurnLimiter(int maxConcurrent, MetricsRegistry *registry = nullptr,
                         QObject *parent = nullptr);

    quint64 enqueue();
    // True (and the slot is taken) when the ticket is first in line and a slot is free.
    bool tryTake(quint64 ticket);
    void release();
    // A queued turn that is no longer wanted (cancelled, or its agent went away).
    void abandon(quint64 ticket);
    // Turns waiting ahead of the ticket; -1 when it is not queued.
    int ahead(quint64 ticket) const;
    int running() const { return m_running; }
    int queued() const { return int(m_queue.size()); }
    int maxConcurrent() const { return m_max; }

Q_SIGNALS:
    // A slot came free or the queue moved: waiting turns look again. Sent once per pass of
    // the event loop, however many changes that pass made (see announceChange()).
    void changed();

private:
    void publish();
    void announceChange();

    int m_max;
    int m_running = 0;
    quint64 m_nextTicket = 1;
    bool m_announcePending = false;
    std::deque<quint64> m_queue;
    Gauge *m_runningGauge = nullptr;
    Gauge *m_queuedGauge = nullptr;
};

} // namespace spoon
