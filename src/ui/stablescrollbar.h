#pragma once

#include <QScrollBar>

namespace spoon {

// A scroll bar that repaints only when what it draws changes. A view that grows every frame
// (an answer streaming in, kept at the bottom) changes the range and the value each frame,
// but the slider moves by a pixel only now and then; QScrollBar repaints itself for every
// change all the same, and Fusion's gradients made that a tenth of a streaming frame.
class StableScrollBar : public QScrollBar
{
    Q_OBJECT
public:
    explicit StableScrollBar(Qt::Orientation orientation, QWidget *parent = nullptr);

protected:
    void sliderChange(SliderChange change) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // What a paint shows that a value or a range can change.
    struct Look
    {
        QRect slider;
        bool atMinimum = false;
        bool atMaximum = false;
        bool operator==(const Look &) const = default;
    };
    Look look() const;

    Look m_drawn;
    bool m_hasDrawn = false;
    bool m_recheckPosted = false;
};

} // namespace spoon
