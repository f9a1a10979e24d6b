#include "transcriptview.h"
#include "chatmessagedelegate.h"
#include "stablescrollbar.h"

#include <QAccessible>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace spoon {

TranscriptView::TranscriptView(QWidget *parent)
    : QListView(parent)
{
    auto *bar = new StableScrollBar(Qt::Vertical, this);
    setVerticalScrollBar(bar);
    // The item view wired these to the bar it made, which went with it: hover follows the
    // rows after a wheel scroll, and a model that fetches more is asked at the bottom.
    connect(bar, &QScrollBar::actionTriggered, this, &TranscriptView::verticalScrollbarAction);
    connect(bar, &QScrollBar::valueChanged, this, &TranscriptView::verticalScrollbarValueChanged);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setEditTriggers(NoEditTriggers);
}

int TranscriptView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int TranscriptView::measure(int row) const
{
    const QModelIndex index = model()->index(row, 0, rootIndex());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = QRect(0, 0, viewport()->width(), 0);
    return std::max(1, itemDelegateForIndex(index)->sizeHint(option, index).height());
}

void TranscriptView::layOutAll() const
{
    if (auto *chat = qobject_cast<ChatMessageDelegate *>(itemDelegate()))
        chat->setContentWidth(viewport()->width());
    const int rows = rowCount();
    m_tops.assign(size_t(rows) + 1, 0);
    for (int row = 0; row < rows; ++row)
        m_tops[size_t(row) + 1] = m_tops[size_t(row)] + measure(row);
    m_layoutStale = false;
    m_laidOutWidth = viewport()->width();
}

bool TranscriptView::isLaidOut() const
{
    return !m_layoutStale && int(m_tops.size()) == rowCount() + 1;
}

void TranscriptView::ensureLaidOut() const
{
    if (!isLaidOut())
        layOutAll();
}

void TranscriptView::invalidateLayout()
{
    m_layoutStale = true;
    scheduleDelayedItemsLayout();
}

int TranscriptView::contentHeight() const
{
    ensureLaidOut();
    return m_tops.back();
}

int TranscriptView::rowAtContentY(int y) const
{
    const auto after = std::upper_bound(m_tops.begin(), m_tops.end() - 1, y);
    return std::max(0, int(after - m_tops.begin()) - 1);
}

QRect TranscriptView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || index.column() != 0)
        return {};
    ensureLaidOut();
    const int row = index.row();
    if (row >= rowCount())
        return {};
    return {0, m_tops[row] - verticalOffset(), viewport()->width(), rowHeight(row)};
}

QModelIndex TranscriptView::indexAt(const QPoint &point) const
{
    ensureLaidOut();
    const int y = point.y() + verticalOffset();
    if (rowCount() == 0 || point.x() < 0 || point.x() >= viewport()->width() || y < 0 ||
        y >= m_tops.back())
        return {};
    return model()->index(rowAtContentY(y), 0, rootIndex());
}

void TranscriptView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect rect = visualRect(index);
    if (rect.isEmpty())
        return;
    const int top = rect.top() + verticalOffset();
    const int height = viewport()->height();
    int value = verticalOffset();
    const int bottom = top + rect.height();
    switch (hint) {
    case EnsureVisible:
        // A long answer that already fills the view stays where the reader has it (QListView
        // would scroll to its top).
        if (top <= value && bottom >= value + height)
            break;
        if (top < value)
            value = top;
        else if (bottom > value + height)
            value = std::min(top, bottom - height);
        break;
    case PositionAtTop:
        value = top;
        break;
    case PositionAtBottom: // as QListView: a row taller than the view shows its top
        value = std::min(top, bottom - height);
        break;
    case PositionAtCenter:
        value = top - (height - rect.height()) / 2;
        break;
    }
    verticalScrollBar()->setValue(value);
}

void TranscriptView::setModel(QAbstractItemModel *newModel)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    QListView::setModel(newModel);
    m_layoutStale = true;
    if (!newModel)
        return;
    // Changes that move rows without naming a height: lay everything out again.
    const auto stale = [this] { m_layoutStale = true; };
    m_modelConnections = {
        connect(newModel, &QAbstractItemModel::layoutChanged, this, stale),
        connect(newModel, &QAbstractItemModel::modelReset, this, stale),
        connect(newModel, &QAbstractItemModel::rowsMoved, this, stale),
    };
}

void TranscriptView::reset()
{
    m_layoutStale = true;
    QListView::reset();
}

void TranscriptView::setRootIndex(const QModelIndex &index)
{
    m_layoutStale = true;
    QListView::setRootIndex(index);
}

void TranscriptView::doItemsLayout()
{
    layOutAll();
    // Lays nothing out of its own: places editors, sets the scroll range, repaints all.
    QAbstractItemView::doItemsLayout();
}

void TranscriptView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                 const QList<int> &roles)
{
    Q_UNUSED(roles)
    if (!topLeft.isValid() || topLeft.parent() != rootIndex() || !isLaidOut()) {
        invalidateLayout();
        return;
    }
    const auto *chat = qobject_cast<ChatMessageDelegate *>(itemDelegate());
    int repaintFrom = -1; // content y below which something changed
    int shift = 0;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int before = rowHeight(row);
        const int after = measure(row);
        const int unchanged =
            chat ? chat->unchangedTop(model()->index(row, 0, rootIndex()), before) : 0;
        if (repaintFrom < 0)
            repaintFrom = m_tops[row] + std::min(unchanged, after);
        if (after != before) {
            const int delta = after - before;
            for (size_t next = size_t(row) + 1; next < m_tops.size(); ++next)
                m_tops[next] += delta;
            shift += delta;
        }
    }
    int repaintTo = m_tops[size_t(bottomRight.row()) + 1];
    if (shift != 0) {
        repaintTo = std::max(m_tops.back(), m_tops.back() - shift); // rows below moved
        // Sets the range: whoever keeps the view at the bottom scrolls now, which moves what
        // is already drawn instead of drawing it again.
        updateGeometries();
    }
    const int offset = verticalOffset();
    viewport()->update(0, repaintFrom - offset, viewport()->width(), repaintTo - repaintFrom);
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive()) {
        QAccessibleTableModelChangeEvent event(this, QAccessibleTableModelChangeEvent::DataChanged);
        event.setFirstRow(topLeft.row());
        event.setFirstColumn(topLeft.column());
        event.setLastRow(bottomRight.row());
        event.setLastColumn(bottomRight.column());
        QAccessible::updateAccessibility(&event);
    }
#endif
}

void TranscriptView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // QListView's own layout is not used: only the item view's bookkeeping.
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent != rootIndex())
        return;
    const bool appended = !m_layoutStale && int(m_tops.size()) == start + 1;
    if (!appended) {
        invalidateLayout();
        return;
    }
    for (int row = start; row <= end; ++row)
        m_tops.push_back(m_tops.back() + measure(row));
    updateGeometries();
    const int top = m_tops[size_t(start)] - verticalOffset();
    viewport()->update(0, top, viewport()->width(), m_tops.back() - m_tops[size_t(start)]);
}

void TranscriptView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    if (parent == rootIndex())
        invalidateLayout();
}

// QListView reports these to assistive technology by its own layout's item numbers, which this
// view never fills in: a row is its number here.
void TranscriptView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous); // scrolls to it first
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive() && current.isValid() && hasFocus()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(current.row());
        QAccessible::updateAccessibility(&event);
    }
#endif
}

void TranscriptView::selectionChanged(const QItemSelection &selected,
                                      const QItemSelection &deselected)
{
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive()) {
        const auto announce = [this](const QItemSelection &selection, QAccessible::Event type) {
            const QModelIndex first = selection.indexes().value(0);
            if (!first.isValid())
                return;
            QAccessibleEvent event(this, type);
            event.setChild(first.row());
            QAccessible::updateAccessibility(&event);
        };
        announce(selected, QAccessible::SelectionAdd);
        announce(deselected, QAccessible::SelectionRemove);
    }
#endif
    QAbstractItemView::selectionChanged(selected, deselected);
}

void TranscriptView::paintEvent(QPaintEvent *event)
{
    ensureLaidOut();
    const int rows = rowCount();
    if (rows == 0)
        return;
    QPainter painter(viewport());
    // The delegate draws only what lies in the clip: a frame costs what it repaints.
    painter.setClipRect(event->rect());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QStyle::State baseState = option.state;
    const QModelIndex current = currentIndex();
    const int offset = verticalOffset();
    const int width = viewport()->width();
    for (int row = rowAtContentY(event->rect().top() + offset);
         row < rows && m_tops[size_t(row)] - offset <= event->rect().bottom(); ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = QRect(0, m_tops[size_t(row)] - offset, width, rowHeight(row));
        option.state = baseState;
        if (selectionModel() && selectionModel()->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (index == current && hasFocus())
            option.state |= QStyle::State_HasFocus;
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
}

bool TranscriptView::viewportEvent(QEvent *event)
{
    // Rows are as wide as the viewport: a new width is a new layout.
    if (event->type() == QEvent::Resize && viewport()->width() != m_laidOutWidth)
        doItemsLayout();
    return QListView::viewportEvent(event);
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    // QListView's would lay its own list out again.
    QAbstractItemView::resizeEvent(event);
}

void TranscriptView::updateGeometries()
{
    const int height = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    bar->setSingleStep(fontMetrics().lineSpacing());
    bar->setPageStep(height);
    bar->setRange(0, std::max(0, contentHeight() - height));
    horizontalScrollBar()->setRange(0, 0);
    // The item view's part: editors placed, more rows fetched.
    QAbstractItemView::updateGeometries();
}

void TranscriptView::scrollContentsBy(int dx, int dy)
{
    // QListView's stops the scroll to a clicked row that a click leaves pending: a view that
    // moves after the click (following an answer) must not jump back to it. Asked to move by
    // nothing, it moves nothing of its own.
    QListView::scrollContentsBy(0, 0);
    // What is drawn moves; only the strip it uncovers is painted.
    viewport()->scroll(dx, dy);
}

QSize TranscriptView::viewportSizeHint() const
{
    return {viewport()->width(), contentHeight()};
}

int TranscriptView::horizontalOffset() const
{
    return 0;
}

int TranscriptView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool TranscriptView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

QModelIndex TranscriptView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0)
        return {};
    ensureLaidOut();
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    int target = row;
    switch (cursorAction) {
    case MoveUp:
    case MovePrevious:
        target = row - 1;
        break;
    case MoveDown:
    case MoveNext:
        target = row + 1;
        break;
    case MoveHome:
        target = 0;
        break;
    case MoveEnd:
        target = rows - 1;
        break;
    case MovePageUp:
        target = row < 0 ? 0 : rowAtContentY(m_tops[size_t(row)] - viewport()->height());
        break;
    case MovePageDown:
        target = row < 0 ? 0 : rowAtContentY(m_tops[size_t(row)] + viewport()->height());
        break;
    case MoveLeft:
    case MoveRight:
        break;
    }
    return model()->index(std::clamp(target, 0, rows - 1), 0, rootIndex());
}

void TranscriptView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!selectionModel())
        return;
    ensureLaidOut();
    const QRect area = rect.normalized();
    const int offset = verticalOffset();
    QItemSelection selection;
    if (rowCount() > 0 && area.bottom() + offset >= 0 && area.top() + offset < m_tops.back()) {
        const int first = rowAtContentY(std::max(0, area.top() + offset));
        const int last = rowAtContentY(area.bottom() + offset);
        selection.select(model()->index(first, 0, rootIndex()),
                         model()->index(last, 0, rootIndex()));
    }
    selectionModel()->select(selection, command);
}

QRegion TranscriptView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        if (range.parent() != rootIndex() || !range.isValid())
            continue;
        const QRect top = visualRect(range.topLeft());
        const QRect bottom = visualRect(range.bottomRight());
        region += top.united(bottom).intersected(viewport()->rect());
    }
    return region;
}

} // namespace spoon
