#pragma once

#include <QList>
#include <QPointF>

namespace spoon {

// Reduces a time series to at most two points per horizontal pixel: the minimum and the
// maximum of each bucket, in time order. Spikes survive (an average would hide them) and a
// chart never draws more than the screen can show, however long the window.
class SeriesDecimator
{
public:
    explicit SeriesDecimator(int buckets, double xFrom, double xTo);

    void add(double x, double y);
    QList<QPointF> finish();

private:
    void flush();

    int m_buckets;
    double m_xFrom;
    double m_bucketWidth;
    int m_current = -1;
    QPointF m_first, m_min, m_max, m_last;
    int m_inBucket = 0;
    QList<QPointF> m_points;
};

} // namespace spoon
