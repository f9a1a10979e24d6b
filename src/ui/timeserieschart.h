#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QWidget>

class QAreaSeries;
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
    // The widest labels the axes will ever show ("1000 MiB/s", "-60 min"). The chart's
    // minimum width keeps room for them, so it never follows the data, and the time axis
    // drops ticks rather than truncate its labels when the chart is narrow.
    void setLabelTemplates(const QString &widestValue, const QString &widestTime);
    // Pixels across, to size decimation (at most two points per pixel).
    int plotWidth() const;
    int timeTickCount() const;
    // The axis labels as drawn now, truncated ones included: for tests.
    QStringList visibleAxisLabels() const;
    // What hovering at time x shows: how long ago, then each series' value nearest to it
    // ("process: 12 %"); empty where no series has a point near.
    QString textAt(double x) const;

    QSize minimumSizeHint() const override;
    // Renders into an image without a screen, for benchmarks and tests.
    void renderTo(QImage &image);

    static double niceCeiling(double value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitTimeTicks();
    void colourAxes();
    void colourAreas();
    int labelWidth(const QString &text) const;

    QChart *m_chart;
    QChartView *m_view;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QList<QLineSeries *> m_series;
    QList<std::pair<QAreaSeries *, QColor>> m_areas; // each filled series and its line colour
    QString m_widestValueLabel = QStringLiteral("1000 MiB/s");
    QString m_widestTimeLabel = QStringLiteral("-60 min");
    QString m_timeUnit = QStringLiteral("s");
};

} // namespace spoon
