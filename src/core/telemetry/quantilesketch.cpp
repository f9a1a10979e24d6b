#include "quantilesketch.h"

#include <algorithm>
#include <cmath>

namespace spoon {

namespace {

const double kGamma =
    (1.0 + QuantileSketch::kRelativeAccuracy) / (1.0 - QuantileSketch::kRelativeAccuracy);
const double kInverseLogGamma = 1.0 / std::log(kGamma);

// Bucket i holds (gamma^(i-1), gamma^i].
int indexOf(double value)
{
    return int(std::ceil(std::log(std::min(value, QuantileSketch::kLargest)) * kInverseLogGamma));
}

// The point of bucket i whose relative distance to either end is kRelativeAccuracy.
double answerOf(int index)
{
    return 2.0 * std::pow(kGamma, index) / (kGamma + 1.0);
}

} // namespace

quint64 QuantileSketch::rankOf(double q, quint64 count)
{
    if (count == 0)
        return 0;
    // q * n is often an integer that floating point lands just above (0.07 * 100): take it.
    const double x = std::clamp(q, 0.0, 1.0) * double(count);
    const quint64 rank = quint64(std::ceil(x - x * 1e-12));
    return std::clamp<quint64>(rank, 1, count);
}

void QuantileSketch::add(double value)
{
    if (std::isnan(value))
        return;
    m_min = m_count == 0 ? value : std::min(m_min, value);
    m_max = m_count == 0 ? value : std::max(m_max, value);
    ++m_count;
    if (!m_exact) {
        addToBuckets(value, 1);
        return;
    }
    m_values.insert(std::upper_bound(m_values.begin(), m_values.end(), value), value);
    if (m_values.size() > kExactCapacity)
        spill();
}

void QuantileSketch::merge(const QuantileSketch &other)
{
    if (other.m_count == 0)
        return;
    if (m_count == 0) {
        *this = other;
        return;
    }
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    if (m_exact && other.m_exact && m_values.size() + other.m_values.size() <= kExactCapacity) {
        const auto middle =
            m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
        std::inplace_merge(m_values.begin(), middle, m_values.end());
        return;
    }
    if (m_exact)
        spill();
    if (other.m_exact) {
        for (double value : other.m_values)
            addToBuckets(value, 1);
        return;
    }
    m_zeroCount += other.m_zeroCount;
    if (other.m_buckets.empty())
        return;
    coverIndex(other.m_offset);
    coverIndex(other.m_offset + int(other.m_buckets.size()) - 1);
    for (size_t k = 0; k < other.m_buckets.size(); ++k)
        m_buckets[size_t(other.m_offset - m_offset) + k] += other.m_buckets[k];
}

double QuantileSketch::quantile(double q) const
{
    if (m_count == 0)
        return 0.0;
    const quint64 rank = rankOf(q, m_count);
    if (m_exact)
        return m_values[rank - 1];
    if (rank == 1)
        return m_min; // the ends are kept exactly
    if (rank == m_count)
        return m_max;
    double answer = 0.0;
    quint64 below = m_zeroCount;
    if (below < rank) {
        answer = answerOf(m_offset + int(m_buckets.size()) - 1); // reached only by rounding
        for (size_t k = 0; k < m_buckets.size(); ++k) {
            below += m_buckets[k];
            if (below >= rank) {
                answer = answerOf(m_offset + int(k));
                break;
            }
        }
    }
    return std::clamp(answer, m_min, m_max);
}

size_t QuantileSketch::bytesUsed() const
{
    return sizeof(*this) + m_values.capacity() * sizeof(double) +
           m_buckets.capacity() * sizeof(quint64);
}

// From kept values to buckets, once there are more than kExactCapacity.
void QuantileSketch::spill()
{
    m_exact = false;
    std::vector<double> values;
    values.swap(m_values);
    for (double value : values)
        addToBuckets(value, 1);
}

void QuantileSketch::addToBuckets(double value, quint64 times)
{
    if (value <= kSmallest) {
        m_zeroCount += times;
        return;
    }
    const int index = indexOf(value);
    coverIndex(index);
    m_buckets[size_t(index - m_offset)] += times;
}

// Grows the buckets so that `index` has one, keeping them contiguous and no larger than that
// (the memory the header states): a new bucket at either end is rare once calls have come.
void QuantileSketch::coverIndex(int index)
{
    if (m_buckets.empty()) {
        m_offset = index;
        m_buckets.assign(1, 0);
        return;
    }
    const int last = m_offset + int(m_buckets.size()) - 1;
    if (index >= m_offset && index <= last)
        return;
    const int first = std::min(index, m_offset);
    std::vector<quint64> grown(size_t(std::max(index, last) - first) + 1, 0);
    std::copy(m_buckets.begin(), m_buckets.end(), grown.begin() + (m_offset - first));
    m_buckets.swap(grown);
    m_offset = first;
}

} // namespace spoon
