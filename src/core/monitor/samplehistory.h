#pragma once

#include "processsample.h"

#include <QtGlobal>

#include <vector>

namespace spoon {

// A sample as the history keeps it: 72 bytes, so 24 h at 1 Hz fits in about 6 MB.
// Memory figures are in KiB (32 bits reach 4 TiB); byte counters stay 64-bit.
struct HistoryPoint
{
    qint64 monotonicMs = 0;
    float cpuPercent = 0;
    float memoryPercent = 0;
    float systemCpuPercent = 0;
    quint32 rssKiB = 0;
    quint32 vmsKiB = 0;
    quint32 availableKiB = 0;
    quint32 threads = 0;
    quint32 openFds = 0;
    quint64 diskReadBytes = 0;
    quint64 diskWriteBytes = 0;
    quint64 netSentBytes = 0;
    quint64 netReceivedBytes = 0;
};

// The seed's get_performance_summary(), plus what moved inside the window.
struct WindowSummary
{
    qint64 windowMs = 0;
    int sampleCount = 0;
    double cpuAvg = 0, cpuMin = 0, cpuMax = 0;
    double memoryCurrentMb = 0, memoryPeakMb = 0, memoryAvgPercent = 0;
    // Since monitoring started (the seed's io.total_read_mb and friends).
    quint64 diskReadTotalBytes = 0, diskWriteTotalBytes = 0;
    quint64 netSentTotalBytes = 0, netReceivedTotalBytes = 0;
    // Moved during the window.
    quint64 diskReadInWindowBytes = 0, diskWriteInWindowBytes = 0;
    quint64 netSentInWindowBytes = 0, netReceivedInWindowBytes = 0;

    bool isEmpty() const { return sampleCount == 0; }
};

// A bounded ring of samples that answers a summary over any trailing window without
// rescanning it. Samples are grouped into blocks of 64; a segment tree over the blocks
// holds sums, minima and maxima, so a window costs O(log blocks) plus at most two partial
// blocks. When the ring wraps, the oldest whole block is dropped at once, which is why the
// ring holds one block more than asked. Owned and used by one thread.
class SampleHistory
{
public:
    static constexpr qsizetype kBlockSize = 64;

    // Keeps at least `capacity` samples, and at most that rounded up to whole blocks plus
    // one block.
    explicit SampleHistory(qsizetype capacity);

    void append(const ProcessSample &sample);
    void clear();

    qsizetype size() const { return qsizetype(m_head - m_tail); }
    bool isEmpty() const { return m_head == m_tail; }
    qsizetype capacity() const { return m_requestedCapacity; }
    // Increases with every append; a reader compares it to know whether anything changed.
    quint64 generation() const { return m_head; }
    const HistoryPoint &latest() const { return at(m_head - 1); }
    // Add to a point's monotonicMs to get wall-clock milliseconds since the epoch.
    qint64 wallClockOffsetMs() const { return m_wallClockOffsetMs; }

    // Summary over samples newer than (latest time - windowMs).
    WindowSummary summary(qint64 windowMs) const;

    // Visits, oldest first, every sample newer than sinceMonotonicMs.
    template <typename Visitor> void forEachSince(qint64 sinceMonotonicMs, Visitor &&visit) const
    {
        for (quint64 seq = firstSeqAfter(sinceMonotonicMs); seq < m_head; ++seq)
            visit(at(seq));
    }

    // Bytes held, for the memory benchmark.
    size_t memoryBytes() const;

private:
    struct Aggregate
    {
        double sumCpu = 0;
        double sumMemoryPercent = 0;
        float minCpu = 0;
        float maxCpu = 0;
        quint32 maxRssKiB = 0;
        quint32 count = 0;
        void add(const HistoryPoint &point);
        void merge(const Aggregate &other);
    };

    const HistoryPoint &at(quint64 seq) const { return m_slots[size_t(seq % m_slots.size())]; }
    quint64 firstSeqAfter(qint64 monotonicMs) const;
    void resetBlock(size_t block);
    void updateBlock(size_t block, const HistoryPoint &point);
    Aggregate queryBlocks(size_t first, size_t last) const; // physical, inclusive, no wrap
    Aggregate aggregate(quint64 first, quint64 last) const; // seqs, inclusive

    qsizetype m_requestedCapacity;
    std::vector<HistoryPoint> m_slots;
    size_t m_blockCount;
    size_t m_treeLeaves; // power of two >= m_blockCount
    std::vector<Aggregate> m_tree;
    quint64 m_head = 0; // seq of the next append
    quint64 m_tail = 0; // oldest seq still held
    qint64 m_wallClockOffsetMs = 0;
};

} // namespace spoon
