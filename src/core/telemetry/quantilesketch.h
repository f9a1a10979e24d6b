#pragma once

#include <QtGlobal>

#include <vector>

namespace spoon {

// Quantiles of a stream of values with a bounded relative error, for figures a person reads
// about their own calls (a p99 never above the slowest call). It follows DDSketch (Masson,
// Rim and Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with Relative-Error
// Guarantees", VLDB 2019), with two exact parts:
//
// - While it holds at most kExactCapacity values it keeps them, sorted, and its quantiles are
//   exact. Past that it counts them in logarithmic buckets: bucket i holds (g^(i-1), g^i],
//   g = (1 + a) / (1 - a), a = kRelativeAccuracy, and answers 2 g^i / (g + 1), which is
//   within a of every value in the bucket.
// - Min and max are exact, and every quantile is clamped into [min, max].
// - The exact quantile both modes aim at is the nearest rank: the value at 1-based rank
//   rankOf(q, n) = ceil(q n) of the n sorted values (rank 1 for q = 0).
// - Values at or below kSmallest share one zero bucket answering 0 (then clamped), so one in
//   [0, kSmallest] is off by at most kSmallest, a negative one (not expected of a duration) by
//   its distance to 0. Values above kLargest share the top bucket, their error bounded only by
//   the clamp to max. In seconds, the range is a nanosecond to 30 years.
// - Merging two sketches gives the sketch of both streams (exact again if both were and the
//   sum fits), so a window is the merge of its intervals' sketches.
//
// Memory: about 100 bytes, plus 8 bytes per value while exact (at most 1 KiB), then 8 bytes
// per bucket from the lowest to the highest value: 1 ms to 60 s is 551 buckets (4.4 KiB), and
// kSmallest to kLargest, the most there can be, 2,074 (16.6 KiB).
class QuantileSketch
{
public:
    static constexpr double kRelativeAccuracy = 0.01;
    static constexpr size_t kExactCapacity = 128;
    static constexpr double kSmallest = 1e-9;
    static constexpr double kLargest = 1e9;

    void add(double value); // NaN is ignored
    void merge(const QuantileSketch &other);

    quint64 count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    bool isExact() const { return m_exact; }
    double min() const { return m_min; } // 0 when empty
    double max() const { return m_max; }
    // The value at rankOf(q, count()), exact or within kRelativeAccuracy; 0 when empty.
    double quantile(double q) const;
    size_t bytesUsed() const;

    // The 1-based nearest rank of quantile q among `count` sorted values, in [1, count].
    static quint64 rankOf(double q, quint64 count);

private:
    void spill();
    void addToBuckets(double value, quint64 times);
    void coverIndex(int index);

    std::vector<double> m_values;   // sorted; only while m_exact
    std::vector<quint64> m_buckets; // m_buckets[k] counts bucket m_offset + k
    int m_offset = 0;
    quint64 m_zeroCount = 0;
    quint64 m_count = 0;
    double m_min = 0.0;
    double m_max = 0.0;
    bool m_exact = true;
};

} // namespace spoon
