#pragma once

#include "serieslegend.h"

#include "telemetry/metricdescriptor.h"

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace spoon {

class ElidedLabel;
class TimeSeriesChart;

// One dashboard tile: a title, the current value in large type, a legend line with each
// series' current figure, the chart, and a one-line summary of the selected window. Every
// line elides rather than widen the card: the card's minimum width follows its title, the
// widest headline it expects and the chart's axis labels, never the figures shown.
class MetricCard : public QFrame
{
    Q_OBJECT
public:
    // `widestHeadline` is the widest figure the headline must show whole ("0000.0 KiB/s").
    MetricCard(const QString &title, const QString &widestHeadline, QWidget *parent = nullptr);

    TimeSeriesChart *chart() const { return m_chart; }
    void setHeadline(const QString &text);
    void setLegend(const QList<SeriesLegend::Entry> &entries);
    void setLegendNote(const QString &text);
    void setSummary(const QString &text);
    // The series the card plots: the card's tooltip gives each one's label and help, the
    // text an exposition prints as `# HELP` (telemetry/metricnames.h).
    void setPlotted(const QList<const MetricDescriptor *> &plotted);
    // A small control beside the title (the memory card's "Free memory").
    void addHeaderWidget(QWidget *widget);

    QString headline() const;
    QString legend() const;
    QString summary() const;
    // For tests: whether any line of text is cut short at the current width.
    bool isAnyTextElided() const;

private:
    QLabel *m_title;
    QHBoxLayout *m_header;
    ElidedLabel *m_headline;
    SeriesLegend *m_legend;
    ElidedLabel *m_summary;
    TimeSeriesChart *m_chart;
};

} // namespace spoon
