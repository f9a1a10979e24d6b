#include "elidedlabel.h"

#include "plaintooltip.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

#include <cmath>

namespace spoon {

namespace {
// With no template, the label keeps room for an ellipsis and about three characters.
const QString kShortestText = QStringLiteral("Mmm…");

// Whole pixels that hold the text: advances are fractional, and QFontMetrics rounds them,
// sometimes down, which would make elidedText() cut a text its own size hint was made for.
int widthFor(const QFont &font, const QString &text)
{
    return int(std::ceil(QFontMetricsF(font).horizontalAdvance(text))) + 1;
}
} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : ElidedLabel(parent)
{
    setText(text);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    const bool widthChanged =
        fontMetrics().horizontalAdvance(text) != fontMetrics().horizontalAdvance(m_text);
    m_text = text;
    if (widthChanged)
        updateGeometry(); // the size hint follows the text; the minimum does not
    refreshToolTip();
    update();
}

void ElidedLabel::setMinimumText(const QString &sample)
{
    m_minimumText = sample;
    updateGeometry();
}

void ElidedLabel::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

QString ElidedLabel::displayedText() const
{
    // One line: a server's multi-line error shows its line breaks as spaces (the tooltip
    // keeps them).
    QString line = m_text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return fontMetrics().elidedText(line, Qt::ElideRight, contentsRect().width());
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return {widthFor(font(), m_text) + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QMargins margins = contentsMargins();
    const QString &sample = m_minimumText.isEmpty() ? kShortestText : m_minimumText;
    return {widthFor(font(), sample) + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(contentsRect(), int(m_alignment), displayedText());
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    refreshToolTip();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
}

void ElidedLabel::refreshToolTip()
{
    setToolTip(isElided() ? plainToolTip(m_text) : QString());
}

} // namespace spoon
