#include "computepool.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QThread>

namespace spoon {

ComputePool::ComputePool(int maxWorkers, MetricsRegistry *registry)
{
    m_pool.setMaxThreadCount(maxWorkers > 0 ? maxWorkers : QThread::idealThreadCount());
    m_pool.setObjectName(QStringLiteral("spoon-compute"));
    if (registry) {
        m_queueDepth = &registry->gauge(metric::kComputeQueueDepth);
        m_busy = &registry->gauge(metric::kComputeBusyWorkers);
        m_completed = &registry->counter(metric::kComputeTasks);
        registry->gauge(metric::kComputeMaxWorkers).set(m_pool.maxThreadCount());
    }
}

ComputePool::~ComputePool()
{
    m_pool.waitForDone();
}

// The gauges move by the same steps as the counters, never set from a load: two threads
// publishing at once cannot leave an older value behind. They move first, and the counters
// after them with the default (sequentially consistent) order, so whoever reads a count
// finds the gauges already past it.
void ComputePool::enqueued()
{
    if (m_queueDepth)
        m_queueDepth->add(1);
    ++m_queued;
}

void ComputePool::dequeuedUnstarted()
{
    if (m_queueDepth)
        m_queueDepth->add(-1);
    --m_queued;
}

ComputePool::Started::Started(ComputePool &owner)
    : pool(owner)
{
    if (pool.m_queueDepth) {
        pool.m_queueDepth->add(-1);
        pool.m_busy->add(1);
    }
    --pool.m_queued;
    ++pool.m_running;
}

ComputePool::Started::~Started()
{
    if (pool.m_busy) {
        pool.m_busy->add(-1);
        pool.m_completed->add();
    }
    --pool.m_running;
}

} // namespace spoon
