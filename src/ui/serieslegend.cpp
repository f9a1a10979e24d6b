#include "serieslegend.h"

#include <QPainter>

#include <cmath>

namespace spoon {

SeriesLegend::SeriesLegend(QWidget *parent)
    : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void SeriesLegend::setEntries(const QList<Entry> &entries)
{
    if (entries == m_entries)
        return;
    m_entries = entries;
    updateGeometry();
    refreshToolTip();
    update();
}

void SeriesLegend::setNote(const QString &text)
{
    setEntries({Entry{QColor(), text}});
}

QString SeriesLegend::text() const
{
    QStringList parts;
    for (const Entry &entry : m_entries)
        parts.append(entry.text);
    return parts.join(QStringLiteral("  "));
}

int SeriesLegend::dotSize() const
{
    return std::max(4, fontMetrics().ascent() * 3 / 5);
}

int SeriesLegend::entryGap() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("MM"));
}

int SeriesLegend::fullWidth() const
{
    // Fractional advances, rounded up once: rounding each down could cut the last label.
    const QFontMetricsF metrics(font());
    qreal width = 0;
    for (const Entry &entry : m_entries) {
        if (width > 0)
            width += entryGap();
        if (entry.color.isValid())
            width += dotSize() + metrics.horizontalAdvance(u' ');
        width += metrics.horizontalAdvance(entry.text);
    }
    return int(std::ceil(width)) + 1;
}

bool SeriesLegend::isElided() const
{
    return fullWidth() > contentsRect().width();
}

QSize SeriesLegend::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fullWidth() + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize SeriesLegend::minimumSizeHint() const
{
    // One dot and a few characters: the legend may shrink to almost nothing, the card's
    // chart and headline set the card's minimum.
    const QMargins margins = contentsMargins();
    return {dotSize() + fontMetrics().horizontalAdvance(QStringLiteral(" Mmm…")) + margins.left() +
                margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

void SeriesLegend::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics metrics = fontMetrics();
    const QRect area = contentsRect();
    const QColor textColor = palette().color(foregroundRole());
    int x = area.left();
    for (const Entry &entry : std::as_const(m_entries)) {
        if (x > area.left())
            x += entryGap();
        if (entry.color.isValid()) {
            const int size = dotSize();
            if (x + size > area.right())
                break;
            painter.setPen(Qt::NoPen);
            painter.setBrush(entry.color);
            painter.drawEllipse(QRectF(x, area.center().y() - size / 2.0 + 0.5, size, size));
            x += size + metrics.horizontalAdvance(u' ');
        }
        const int room = area.right() + 1 - x;
        if (room <= 0)
            break;
        const QString shown = metrics.elidedText(entry.text, Qt::ElideRight, room);
        painter.setPen(textColor);
        painter.drawText(QRect(x, area.top(), room, area.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, shown);
        if (shown != entry.text)
            break;
        x += int(std::ceil(QFontMetricsF(font()).horizontalAdvance(entry.text)));
    }
}

void SeriesLegend::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    refreshToolTip();
}

void SeriesLegend::refreshToolTip()
{
    setToolTip(isElided() ? text() : QString());
}

} // namespace spoon
