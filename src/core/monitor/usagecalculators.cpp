#include "usagecalculators.h"

#include <algorithm>

namespace spoon {

namespace {
constexpr double kNsPerSecond = 1e9;

quint64 clampedDelta(quint64 now, quint64 before)
{
    return now >= before ? now - before : 0;
}
} // namespace

ProcessCpuUsage::ProcessCpuUsage(long ticksPerSecond, int cpuCount)
    : m_ticksPerSecond(ticksPerSecond > 0 ? double(ticksPerSecond) : 100.0)
    , m_cpuCount(std::max(1, cpuCount))
{}

double ProcessCpuUsage::update(quint64 cpuTicks, qint64 monotonicNs)
{
    if (!m_primed || monotonicNs <= m_lastNs) {
        m_primed = true;
        m_lastTicks = cpuTicks;
        m_lastNs = monotonicNs;
        return 0.0;
    }
    const double cpuSeconds = double(clampedDelta(cpuTicks, m_lastTicks)) / m_ticksPerSecond;
    const double wallSeconds = double(monotonicNs - m_lastNs) / kNsPerSecond;
    m_lastTicks = cpuTicks;
    m_lastNs = monotonicNs;
    // Tick granularity (10 ms) can overshoot over short intervals; no process can really
    // use more than every core.
    return std::clamp(100.0 * cpuSeconds / wallSeconds, 0.0, 100.0 * m_cpuCount);
}

double SystemCpuUsage::update(const proc::SystemCpuTimes &times)
{
    const quint64 total = times.total();
    const quint64 idle = times.idleTotal();
    if (!m_primed) {
        m_primed = true;
        m_lastTotal = total;
        m_lastIdle = idle;
        return 0.0;
    }
    const quint64 totalDelta = clampedDelta(total, m_lastTotal);
    // iowait may decrease on some kernels (proc(5)); clamp so busy never exceeds total.
    const quint64 idleDelta = std::min(clampedDelta(idle, m_lastIdle), totalDelta);
    m_lastTotal = total;
    m_lastIdle = idle;
    if (totalDelta == 0)
        return 0.0;
    return 100.0 * double(totalDelta - idleDelta) / double(totalDelta);
}

CounterTracker::Reading CounterTracker::update(quint64 counter, qint64 monotonicNs)
{
    if (!m_primed) {
        m_primed = true;
        m_lastCounter = counter;
        m_lastNs = monotonicNs;
        return m_reading;
    }
    const quint64 delta = clampedDelta(counter, m_lastCounter);
    const qint64 elapsedNs = monotonicNs - m_lastNs;
    m_reading.total += delta;
    m_reading.perSecond = elapsedNs > 0 ? double(delta) * kNsPerSecond / double(elapsedNs) : 0.0;
    m_lastCounter = counter;
    m_lastNs = monotonicNs;
    return m_reading;
}

NetworkTracker::Reading NetworkTracker::update(const QList<proc::NetInterfaceCounters> &interfaces,
                                               qint64 monotonicNs)
{
    quint64 sent = 0;
    quint64 received = 0;
    QHash<QByteArray, Last> current;
    current.reserve(interfaces.size());
    for (const proc::NetInterfaceCounters &iface : interfaces) {
        const auto previous = m_last.constFind(iface.name);
        if (previous != m_last.constEnd()) {
            received += clampedDelta(iface.rxBytes, previous->rx);
            sent += clampedDelta(iface.txBytes, previous->tx);
        }
        current.insert(iface.name, Last{iface.rxBytes, iface.txBytes});
    }
    m_last = std::move(current);

    const qint64 elapsedNs = monotonicNs - m_lastNs;
    if (m_primed && elapsedNs > 0) {
        m_reading.sentTotal += sent;
        m_reading.receivedTotal += received;
        m_reading.sentPerSecond = double(sent) * kNsPerSecond / double(elapsedNs);
        m_reading.receivedPerSecond = double(received) * kNsPerSecond / double(elapsedNs);
    }
    m_primed = true;
    m_lastNs = monotonicNs;
    return m_reading;
}

} // namespace spoon
