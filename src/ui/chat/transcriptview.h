#pragma once

#include <QListView>

#include <vector>

namespace spoon {

// A conversation's rows, one under another, each the viewport's width. It is a QListView for
// what that brings (selection, keys, hover, accessibility), but it lays the rows out itself
// and keeps where each one starts. A row whose data changes is measured again alone and the
// rows below it shift; when the answer streaming in grows, a frame repaints what the answer
// redrew and what scrolled into view, not the viewport (QListView lays out and repaints the
// whole list for any change of height).
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    QRect visualRect(const QModelIndex &index) const override;
    QModelIndex indexAt(const QPoint &point) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    void setModel(QAbstractItemModel *model) override;
    void reset() override;
    void setRootIndex(const QModelIndex &index) override;
    void doItemsLayout() override;

    // The height of every row together (for tests and the scroll range).
    int contentHeight() const;
    // Measures every row again, once, when the event loop next runs (or before anything reads
    // a position): rows may have changed height without a model signal, as after a theme.
    void invalidateLayout();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void selectionChanged(const QItemSelection &selected,
                          const QItemSelection &deselected) override;
    void paintEvent(QPaintEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    QSize viewportSizeHint() const override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;

private:
    int rowCount() const;
    int rowHeight(int row) const { return m_tops[row + 1] - m_tops[row]; }
    // The row at content height y: the last row starting at or above it (clamped).
    int rowAtContentY(int y) const;
    int measure(int row) const;
    // Whether m_tops holds every row as the model has them now.
    bool isLaidOut() const;
    // Lays every row out again when a change said it must, before anything reads positions.
    void ensureLaidOut() const;
    void layOutAll() const;

    // m_tops[r] is where row r starts, in content pixels; the last entry is where rows end.
    mutable std::vector<int> m_tops{0};
    mutable bool m_layoutStale = true;
    mutable int m_laidOutWidth = -1; // the viewport's width at the last layout
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace spoon
