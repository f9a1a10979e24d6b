#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace spoon {

// A small line chart over a trailing time window. The only class that touches Qt Charts,
// which is deprecated from Qt 6.10: moving to Qt Graphs means rewriting this file alone.
// Series take a whole frame of points at once (QXYSeries::replace), never point by point.
class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    int addSeries(const QString &name, const QColor &color, bool filled = false);
    void setSeriesPoints(int series, const QList<QPointF> &points);
    // x runs from -span to 0 in `unitLabel` units ("s", "min").
    void setTimeAxis(double span, const QString &unitLabel);
    // y runs from 0 to a rounded-up ceiling of at least `minimumMax`.
    void setValueAxis(double dataMax, double minimumMax, const QString &labelFormat);
    void setLegendVisible(bool visible);
    // Pixels across, to size decimation (at most two points per pixel).
    int plotWidth() const;
    // Renders into an image without a screen, for benchmarks and tests.
    void renderTo(QImage &image);

    static double niceCeiling(double value);

private:
    QChart *m_chart;
    QChartView *m_view;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QList<QLineSeries *> m_series;
};

} // namespace spoon
