#pragma once

#include <QColor>
#include <QFrame>
#include <QList>

namespace spoon {

// A chart's legend on one line: a coloured dot and a label per series ("● process 1.0 %").
// When the line is too narrow the label that does not fit is elided and the rest dropped;
// the whole legend is the tooltip then. Like ElidedLabel, its minimum width never follows
// the figures shown.
class SeriesLegend : public QFrame
{
    Q_OBJECT
public:
    struct Entry
    {
        QColor color;
        QString text;
        bool operator==(const Entry &) const = default;
    };

    explicit SeriesLegend(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    // A single note in place of the entries (a figure that cannot be measured here).
    void setNote(const QString &text);
    // The legend as plain text, entries separated by two spaces.
    QString text() const;
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int dotSize() const;
    int entryGap() const;
    int fullWidth() const;
    void refreshToolTip();

    QList<Entry> m_entries;
};

} // namespace spoon
