#pragma once

#include <QFrame>

class QLabel;

namespace spoon {

class TimeSeriesChart;

// One dashboard tile: a title, the current value in large type, a legend line with each
// series' current figure, the chart, and a one-line summary of the selected window.
class MetricCard : public QFrame
{
    Q_OBJECT
public:
    explicit MetricCard(const QString &title, QWidget *parent = nullptr);

    TimeSeriesChart *chart() const { return m_chart; }
    void setHeadline(const QString &text);
    void setLegend(const QString &richText);
    void setSummary(const QString &text);

    QString headline() const;
    QString summary() const;

private:
    QLabel *m_title;
    QLabel *m_headline;
    QLabel *m_legend;
    QLabel *m_summary;
    TimeSeriesChart *m_chart;
};

} // namespace spoon
