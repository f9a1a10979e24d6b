#include "samplehistory.h"

#include <algorithm>
#include <limits>

namespace spoon {

namespace {
constexpr double kBytesPerMb = 1024.0 * 1024.0;

quint32 toKiB(quint64 bytes)
{
    return quint32(std::min<quint64>(bytes / 1024, std::numeric_limits<quint32>::max()));
}

quint64 delta(quint64 now, quint64 before)
{
    return now >= before ? now - before : 0;
}
} // namespace

void SampleHistory::Aggregate::add(const HistoryPoint &point)
{
    if (count == 0) {
        minCpu = maxCpu = point.cpuPercent;
        maxRssKiB = point.rssKiB;
    } else {
        minCpu = std::min(minCpu, point.cpuPercent);
        maxCpu = std::max(maxCpu, point.cpuPercent);
        maxRssKiB = std::max(maxRssKiB, point.rssKiB);
    }
    sumCpu += point.cpuPercent;
    sumMemoryPercent += point.memoryPercent;
    ++count;
}

void SampleHistory::Aggregate::merge(const Aggregate &other)
{
    if (other.count == 0)
        return;
    if (count == 0) {
        *this = other;
        return;
    }
    sumCpu += other.sumCpu;
    sumMemoryPercent += other.sumMemoryPercent;
    minCpu = std::min(minCpu, other.minCpu);
    maxCpu = std::max(maxCpu, other.maxCpu);
    maxRssKiB = std::max(maxRssKiB, other.maxRssKiB);
    count += other.count;
}

SampleHistory::SampleHistory(qsizetype capacity)
    : m_requestedCapacity(std::max<qsizetype>(1, capacity))
{
    const size_t blocksForCapacity = size_t((m_requestedCapacity + kBlockSize - 1) / kBlockSize);
    m_blockCount = blocksForCapacity + 1;
    m_slots.resize(m_blockCount * size_t(kBlockSize));
    m_treeLeaves = 1;
    while (m_treeLeaves < m_blockCount)
        m_treeLeaves *= 2;
    m_tree.assign(2 * m_treeLeaves, Aggregate{});
}

void SampleHistory::clear()
{
    m_head = m_tail = 0;
    std::fill(m_tree.begin(), m_tree.end(), Aggregate{});
}

void SampleHistory::append(const ProcessSample &sample)
{
    HistoryPoint point;
    point.monotonicMs = sample.monotonicMs;
    point.cpuPercent = float(sample.cpuPercent);
    point.memoryPercent = float(sample.memoryPercent);
    point.systemCpuPercent = float(sample.systemCpuPercent);
    point.rssKiB = toKiB(sample.rssBytes);
    point.vmsKiB = toKiB(sample.vmsBytes);
    point.availableKiB = toKiB(sample.memoryAvailableBytes);
    point.threads = quint32(std::max(0, sample.threads));
    point.openFds = quint32(std::max(0, sample.openFds));
    point.diskReadBytes = sample.diskReadBytes;
    point.diskWriteBytes = sample.diskWriteBytes;
    point.netSentBytes = sample.netSentBytes;
    point.netReceivedBytes = sample.netReceivedBytes;
    // A sample older than the newest would break the time order the searches rely on.
    if (!isEmpty() && point.monotonicMs < latest().monotonicMs)
        point.monotonicMs = latest().monotonicMs;

    const size_t slot = size_t(m_head % m_slots.size());
    const size_t block = slot / size_t(kBlockSize);
    if (slot % size_t(kBlockSize) == 0) {
        // Entering a block drops whatever older samples it still held.
        resetBlock(block);
        if (m_head >= m_slots.size())
            m_tail = std::max(m_tail, m_head - m_slots.size() + quint64(kBlockSize));
    }
    m_slots[slot] = point;
    updateBlock(block, point);
    ++m_head;
    m_wallClockOffsetMs = sample.wallClockMs - sample.monotonicMs;
}

void SampleHistory::resetBlock(size_t block)
{
    size_t node = m_treeLeaves + block;
    m_tree[node] = Aggregate{};
    for (node /= 2; node >= 1; node /= 2) {
        Aggregate combined = m_tree[2 * node];
        combined.merge(m_tree[2 * node + 1]);
        m_tree[node] = combined;
    }
}

void SampleHistory::updateBlock(size_t block, const HistoryPoint &point)
{
    size_t node = m_treeLeaves + block;
    m_tree[node].add(point);
    for (node /= 2; node >= 1; node /= 2) {
        Aggregate combined = m_tree[2 * node];
        combined.merge(m_tree[2 * node + 1]);
        m_tree[node] = combined;
    }
}

SampleHistory::Aggregate SampleHistory::queryBlocks(size_t first, size_t last) const
{
    Aggregate result;
    size_t lo = first + m_treeLeaves;
    size_t hi = last + m_treeLeaves + 1; // half-open
    while (lo < hi) {
        if (lo & 1)
            result.merge(m_tree[lo++]);
        if (hi & 1)
            result.merge(m_tree[--hi]);
        lo /= 2;
        hi /= 2;
    }
    return result;
}

SampleHistory::Aggregate SampleHistory::aggregate(quint64 first, quint64 last) const
{
    const quint64 block = quint64(kBlockSize);
    Aggregate result;
    // Leading partial block, scanned.
    const quint64 firstFullStart = (first + block - 1) / block * block;
    const quint64 lastFullEnd = (last + 1) / block * block; // exclusive
    if (firstFullStart >= lastFullEnd) {
        for (quint64 seq = first; seq <= last; ++seq)
            result.add(at(seq));
        return result;
    }
    for (quint64 seq = first; seq < firstFullStart; ++seq)
        result.add(at(seq));
    // Whole blocks from the tree; the run may wrap around the end of the ring.
    const size_t fullBlocks = size_t((lastFullEnd - firstFullStart) / block);
    const size_t startBlock = size_t(firstFullStart % m_slots.size()) / size_t(kBlockSize);
    const size_t untilWrap = std::min(fullBlocks, m_blockCount - startBlock);
    result.merge(queryBlocks(startBlock, startBlock + untilWrap - 1));
    if (untilWrap < fullBlocks)
        result.merge(queryBlocks(0, fullBlocks - untilWrap - 1));
    // Trailing partial block, scanned.
    for (quint64 seq = lastFullEnd; seq <= last; ++seq)
        result.add(at(seq));
    return result;
}

quint64 SampleHistory::firstSeqAfter(qint64 monotonicMs) const
{
    quint64 lo = m_tail;
    quint64 hi = m_head;
    while (lo < hi) {
        const quint64 mid = lo + (hi - lo) / 2;
        if (at(mid).monotonicMs > monotonicMs)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

WindowSummary SampleHistory::summary(qint64 windowMs) const
{
    WindowSummary summary;
    summary.windowMs = windowMs;
    if (isEmpty())
        return summary;
    const quint64 last = m_head - 1;
    const quint64 first = firstSeqAfter(at(last).monotonicMs - windowMs);
    if (first > last)
        return summary;

    const Aggregate agg = aggregate(first, last);
    const HistoryPoint &newest = at(last);
    // Counters moved in the window count from the sample just before it while we still
    // hold it; before the very first sample every counter was zero.
    HistoryPoint base;
    if (first > m_tail)
        base = at(first - 1);
    else if (first > 0)
        base = at(first);

    summary.sampleCount = int(agg.count);
    summary.cpuAvg = agg.sumCpu / agg.count;
    summary.cpuMin = agg.minCpu;
    summary.cpuMax = agg.maxCpu;
    summary.memoryCurrentMb = double(newest.rssKiB) * 1024.0 / kBytesPerMb;
    summary.memoryPeakMb = double(agg.maxRssKiB) * 1024.0 / kBytesPerMb;
    summary.memoryAvgPercent = agg.sumMemoryPercent / agg.count;
    summary.diskReadTotalBytes = newest.diskReadBytes;
    summary.diskWriteTotalBytes = newest.diskWriteBytes;
    summary.netSentTotalBytes = newest.netSentBytes;
    summary.netReceivedTotalBytes = newest.netReceivedBytes;
    summary.diskReadInWindowBytes = delta(newest.diskReadBytes, base.diskReadBytes);
    summary.diskWriteInWindowBytes = delta(newest.diskWriteBytes, base.diskWriteBytes);
    summary.netSentInWindowBytes = delta(newest.netSentBytes, base.netSentBytes);
    summary.netReceivedInWindowBytes = delta(newest.netReceivedBytes, base.netReceivedBytes);
    return summary;
}

size_t SampleHistory::memoryBytes() const
{
    return sizeof(*this) + m_slots.capacity() * sizeof(HistoryPoint) +
           m_tree.capacity() * sizeof(Aggregate);
}

} // namespace spoon
