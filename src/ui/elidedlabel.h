#pragma once

#include <QFrame>

namespace spoon {

// One line of plain text that elides on the right when narrower than its text, with the
// whole text as a tooltip then. Its minimum width follows a fixed template (or a few
// characters), never the text shown, so changing figures never change a window's minimum
// size. Styled by the style sheet like a QLabel (font, colour).
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    // The narrowest the label may get: the width of `sample` in its font, for a figure
    // that should stay whole ("888.8 MiB/s"). Empty: a few characters.
    void setMinimumText(const QString &sample);
    void setAlignment(Qt::Alignment alignment);
    // The text as drawn at the current width: the whole text or an elided one.
    QString displayedText() const;
    bool isElided() const { return displayedText() != m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refreshToolTip();

    QString m_text;
    QString m_minimumText;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

} // namespace spoon
