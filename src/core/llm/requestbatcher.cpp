#include "requestbatcher.h"

#include "telemetry/metricnames.h"

#include <algorithm>

namespace spoon {

RequestBatcher::RequestBatcher(int batchSize, int batchTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_batchSize(std::max(1, batchSize))
    , m_batchTimeoutMs(std::max(0, batchTimeoutMs))
{}

RequestBatcher::~RequestBatcher() = default;

RequestBatcher::Lane &RequestBatcher::lane(const QString &name)
{
    std::shared_ptr<Lane> &slot = m_lanes[name];
    if (!slot) {
        // Lanes stay for the batcher's life: there are as many as provider and model pairs,
        // and a timer must not be deleted from its own timeout.
        slot = std::make_shared<Lane>();
        slot->timer.setSingleShot(true);
        slot->timer.setInterval(m_batchTimeoutMs);
        connect(&slot->timer, &QTimer::timeout, this, [this, name] { releaseBatch(name); });
    }
    return *slot;
}

quint64 RequestBatcher::enqueue(const QString &laneName, Release release)
{
    const quint64 ticket = m_nextTicket++;
    m_tickets.insert(ticket, Ticket{laneName, false});
    Lane &l = lane(laneName);
    l.pending.push_back(Pending{ticket, std::move(release)});
    ++m_waiting;
    if (l.running == 0 && l.pending.size() == 1)
        releaseBatch(laneName, true); // alone: nothing to gather for, so no reason to wait
    else if (int(l.pending.size()) >= m_batchSize)
        releaseBatch(laneName);
    else if (!l.timer.isActive())
        l.timer.start(); // the batch's clock starts with its first request
    return ticket;
}

bool RequestBatcher::withdraw(quint64 ticket)
{
    const auto found = m_tickets.constFind(ticket);
    if (found == m_tickets.cend() || found->running)
        return false;
    Lane &l = lane(found->lane);
    m_tickets.erase(found);
    const auto it = std::find_if(l.pending.begin(), l.pending.end(),
                                 [ticket](const Pending &p) { return p.ticket == ticket; });
    if (it != l.pending.end()) {
        l.pending.erase(it);
        --m_waiting;
    }
    if (l.pending.empty())
        l.timer.stop();
    return true;
}

void RequestBatcher::done(quint64 ticket)
{
    const auto found = m_tickets.constFind(ticket);
    if (found == m_tickets.cend())
        return;
    if (!found->running) {
        withdraw(ticket);
        return;
    }
    const QString laneName = found->lane;
    m_tickets.erase(found);
    Lane &l = lane(laneName);
    l.running = std::max(0, l.running - 1);
    if (l.running == 0 && !l.pending.empty())
        releaseBatch(laneName);
}

int RequestBatcher::running() const
{
    int count = 0;
    for (const std::shared_ptr<Lane> &l : m_lanes)
        count += l->running;
    return count;
}

void RequestBatcher::publish(MetricsRegistry &registry)
{
    m_published.clear();
    m_published.push_back(registry.counterFunction(metric::kLlmBatches, {},
                                                   [this] { return double(m_batches.load()); }));
    m_published.push_back(registry.counterFunction(metric::kLlmBatchRequests, {{"sent", "at_once"}},
                                                   [this] { return double(m_sentAtOnce.load()); }));
    m_published.push_back(
        registry.counterFunction(metric::kLlmBatchRequests, {{"sent", "in_batch"}},
                                 [this] { return double(m_sentInBatch.load()); }));
    m_published.push_back(
        registry.gaugeFunction(metric::kLlmBatchWaiting, {}, [this] { return double(waiting()); }));
}

void RequestBatcher::releaseBatch(const QString &laneName, bool alone)
{
    // The lane's state is settled before any release runs: a release may come straight back
    // (a request that fails at once calls done()).
    std::shared_ptr<Lane> keep = m_lanes.value(laneName);
    Lane &l = *keep;
    l.timer.stop();
    std::vector<Pending> batch;
    const auto count = std::min<size_t>(l.pending.size(), size_t(m_batchSize));
    batch.assign(std::make_move_iterator(l.pending.begin()),
                 std::make_move_iterator(l.pending.begin() + qsizetype(count)));
    l.pending.erase(l.pending.begin(), l.pending.begin() + qsizetype(count));
    if (batch.empty())
        return;
    if (!l.pending.empty())
        l.timer.start(); // what is left forms the next batch, with its own clock
    l.running += int(batch.size());
    for (const Pending &pending : batch)
        m_tickets[pending.ticket].running = true;
    ++m_batches;
    (alone ? m_sentAtOnce : m_sentInBatch) += batch.size();
    m_waiting -= int(batch.size());
    Q_EMIT batchReleased(int(batch.size()));
    for (Pending &pending : batch)
        pending.release();
}

} // namespace spoon
