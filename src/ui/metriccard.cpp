#include "metriccard.h"

#include "elidedlabel.h"
#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace spoon {

MetricCard::MetricCard(const QString &title, const QString &widestHeadline, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_headline(new ElidedLabel(this))
    , m_legend(new SeriesLegend(this))
    , m_summary(new ElidedLabel(this))
    , m_chart(new TimeSeriesChart(this))
{
    setObjectName(QStringLiteral("metricCard"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_headline->setObjectName(QStringLiteral("cardHeadline"));
    m_legend->setObjectName(QStringLiteral("cardLegend"));
    m_summary->setObjectName(QStringLiteral("cardSummary"));
    m_headline->setMinimumText(widestHeadline);
    m_headline->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_header = new QHBoxLayout;
    m_header->addWidget(m_title);
    m_header->addStretch();
    m_header->addWidget(m_headline);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addLayout(m_header);
    layout->addWidget(m_legend);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
}

void MetricCard::setHeadline(const QString &text)
{
    m_headline->setText(text);
}

void MetricCard::setLegend(const QList<SeriesLegend::Entry> &entries)
{
    m_legend->setEntries(entries);
}

void MetricCard::setLegendNote(const QString &text)
{
    m_legend->setNote(text);
}

void MetricCard::addHeaderWidget(QWidget *widget)
{
    m_header->insertWidget(1, widget);
}

void MetricCard::setSummary(const QString &text)
{
    m_summary->setText(text);
}

QString MetricCard::headline() const
{
    return m_headline->text();
}

QString MetricCard::legend() const
{
    return m_legend->text();
}

QString MetricCard::summary() const
{
    return m_summary->text();
}

bool MetricCard::isAnyTextElided() const
{
    return m_headline->isElided() || m_legend->isElided() || m_summary->isElided();
}

void MetricCard::setPlotted(const QList<const MetricDescriptor *> &plotted)
{
    QStringList lines;
    for (const MetricDescriptor *metric : plotted)
        lines << tr("%1: %2").arg(metricLabel(*metric), metricHelp(*metric));
    setToolTip(lines.join(u'\n'));
}

} // namespace spoon
