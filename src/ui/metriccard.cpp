#include "metriccard.h"

#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace spoon {

MetricCard::MetricCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_headline(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_chart(new TimeSeriesChart(this))
{
    setObjectName(QStringLiteral("metricCard"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_headline->setObjectName(QStringLiteral("cardHeadline"));
    m_legend->setObjectName(QStringLiteral("cardLegend"));
    m_summary->setObjectName(QStringLiteral("cardSummary"));
    m_legend->setTextFormat(Qt::RichText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_headline);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_legend);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
}

void MetricCard::setHeadline(const QString &text)
{
    if (m_headline->text() != text)
        m_headline->setText(text);
}

void MetricCard::setLegend(const QString &richText)
{
    if (m_legend->text() != richText)
        m_legend->setText(richText);
}

void MetricCard::setSummary(const QString &text)
{
    if (m_summary->text() != text)
        m_summary->setText(text);
}

QString MetricCard::headline() const
{
    return m_headline->text();
}

QString MetricCard::summary() const
{
    return m_summary->text();
}

} // namespace spoon
