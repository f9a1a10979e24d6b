#include "computepool.h"

#include "telemetry/metricsregistry.h"

#include <QThread>

namespace spoon {

ComputePool::ComputePool(int maxWorkers, MetricsRegistry *registry)
{
    m_pool.setMaxThreadCount(maxWorkers > 0 ? maxWorkers : QThread::idealThreadCount());
    m_pool.setObjectName(QStringLiteral("spoon-compute"));
    if (registry) {
        m_queueDepth =
            &registry->gauge("spoon_compute_queue_depth", "CPU offload tasks waiting for a worker");
        m_busy = &registry->gauge("spoon_compute_busy_workers", "CPU offload workers at work");
        m_completed = &registry->counter("spoon_compute_tasks_total", "CPU offload tasks done");
        registry->gauge("spoon_compute_max_workers", "CPU offload workers at most")
            .set(m_pool.maxThreadCount());
    }
}

ComputePool::~ComputePool()
{
    m_pool.waitForDone();
}

void ComputePool::enqueued()
{
    m_queued.fetch_add(1, std::memory_order_relaxed);
    publish();
}

void ComputePool::dequeuedUnstarted()
{
    m_queued.fetch_sub(1, std::memory_order_relaxed);
    publish();
}

void ComputePool::publish()
{
    if (m_queueDepth) {
        m_queueDepth->set(m_queued.load(std::memory_order_relaxed));
        m_busy->set(m_running.load(std::memory_order_relaxed));
    }
}

ComputePool::Started::Started(ComputePool &owner)
    : pool(owner)
{
    pool.m_queued.fetch_sub(1, std::memory_order_relaxed);
    pool.m_running.fetch_add(1, std::memory_order_relaxed);
    pool.publish();
}

ComputePool::Started::~Started()
{
    pool.m_running.fetch_sub(1, std::memory_order_relaxed);
    if (pool.m_completed)
        pool.m_completed->add();
    pool.publish();
}

} // namespace spoon
