#include "seriesdecimator.h"

#include <algorithm>

namespace spoon {

SeriesDecimator::SeriesDecimator(int buckets, double xFrom, double xTo)
    : m_buckets(std::max(1, buckets))
    , m_xFrom(xFrom)
    , m_bucketWidth(std::max(1e-12, (xTo - xFrom) / std::max(1, buckets)))
{
    m_points.reserve(2 * m_buckets + 2);
}

void SeriesDecimator::add(double x, double y)
{
    const int bucket = std::clamp(int((x - m_xFrom) / m_bucketWidth), 0, m_buckets - 1);
    if (bucket != m_current) {
        flush();
        m_current = bucket;
        m_first = m_min = m_max = m_last = QPointF(x, y);
        m_inBucket = 1;
        return;
    }
    const QPointF point(x, y);
    if (y < m_min.y())
        m_min = point;
    if (y > m_max.y())
        m_max = point;
    m_last = point;
    ++m_inBucket;
}

void SeriesDecimator::flush()
{
    if (m_inBucket == 0)
        return;
    if (m_inBucket <= 2) {
        m_points.append(m_first);
        if (m_inBucket == 2)
            m_points.append(m_last);
    } else if (m_min.x() <= m_max.x()) {
        m_points.append(m_min);
        if (m_max != m_min)
            m_points.append(m_max);
    } else {
        m_points.append(m_max);
        m_points.append(m_min);
    }
    m_inBucket = 0;
}

QList<QPointF> SeriesDecimator::finish()
{
    flush();
    return std::exchange(m_points, {});
}

} // namespace spoon
