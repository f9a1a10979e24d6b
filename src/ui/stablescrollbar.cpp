#include "stablescrollbar.h"

#include <QPaintEvent>
#include <QStyle>
#include <QStyleOptionSlider>

namespace spoon {

StableScrollBar::StableScrollBar(Qt::Orientation orientation, QWidget *parent)
    : QScrollBar(orientation, parent)
{}

StableScrollBar::Look StableScrollBar::look() const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    // The arrows are drawn disabled at either end.
    return {
        style()->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, this),
        value() == minimum(), value() == maximum()};
}

void StableScrollBar::sliderChange(SliderChange change)
{
    // A transient scroll bar shows itself on these changes: leave it to QScrollBar.
    const bool transient = style()->styleHint(QStyle::SH_ScrollBar_Transient, nullptr, this);
    const bool watched = change == SliderValueChange || change == SliderRangeChange;
    if (transient || !m_hasDrawn || !watched) {
        QScrollBar::sliderChange(change);
        return;
    }
    if (look() == m_drawn)
        return;
    if (change == SliderValueChange) {
        QScrollBar::sliderChange(change);
        return;
    }
    // A view kept at the bottom sets the new range, then the value: in between, the bar is
    // briefly off its end. Look again once both are set.
    if (m_recheckPosted)
        return;
    m_recheckPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_recheckPosted = false;
            if (look() != m_drawn)
                update();
        },
        Qt::QueuedConnection);
}

void StableScrollBar::paintEvent(QPaintEvent *event)
{
    QScrollBar::paintEvent(event);
    const Look now = look();
    if ((QRegion(rect()) - event->region()).isEmpty()) {
        m_drawn = now;
        m_hasDrawn = true;
    } else if (now != m_drawn) {
        update(); // a part was drawn (a hover): what moved outside it is drawn next
    }
}

} // namespace spoon
