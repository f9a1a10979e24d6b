#include "searchhitdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace spoon {

namespace {
constexpr int kPadding = 4;

QFont titleFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QList<TextSpan> matchesOf(const QModelIndex &index)
{
    return index.data(SearchHitDelegate::MatchesRole).value<QList<TextSpan>>();
}

// The matched words bold on a tint of the selection colour; none on a selected row, whose
// background is that colour already.
QList<QTextLayout::FormatRange> matchFormats(const QStyleOptionViewItem &option,
                                             const QModelIndex &index)
{
    QTextCharFormat mark;
    mark.setFontWeight(QFont::Bold);
    QColor tint = option.palette.color(QPalette::Highlight);
    tint.setAlpha(option.state.testFlag(QStyle::State_Selected) ? 0 : 60);
    mark.setBackground(tint);
    QList<QTextLayout::FormatRange> formats;
    for (const TextSpan &span : matchesOf(index))
        formats.append({int(span.start), int(span.length), mark});
    return formats;
}
} // namespace

SearchHitDelegate::SearchHitDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QRect SearchHitDelegate::snippetRect(const QStyleOptionViewItem &option)
{
    const int titleHeight = QFontMetrics(titleFont(option.font)).height();
    return option.rect.adjusted(kPadding, kPadding + titleHeight, -kPadding, -kPadding);
}

int SearchHitDelegate::layOut(QTextLayout &layout, qreal width)
{
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    qreal y = 0;
    int lines = 0;
    while (lines < kSnippetLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        ++lines;
    }
    layout.endLayout();
    return lines;
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    if (!index.data(SnippetRole).isValid()) // "no message contains these words", one line
        return QStyledItemDelegate::sizeHint(option, index);
    const int height = QFontMetrics(titleFont(option.font)).height() +
                       kSnippetLines * QFontMetrics(option.font).lineSpacing() + 2 * kPadding;
    return {option.rect.width() > 0 ? option.rect.width() : 1, height};
}

QList<QRectF> SearchHitDelegate::matchRects(const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    const QRect area = snippetRect(option);
    QTextLayout layout(index.data(SnippetRole).toString(), option.font);
    layout.setFormats(matchFormats(option, index));
    const int lines = layOut(layout, area.width());
    QList<QRectF> rects;
    for (const TextSpan &span : matchesOf(index)) {
        for (int i = 0; i < lines; ++i) {
            const QTextLine line = layout.lineAt(i);
            const qsizetype start = std::max<qsizetype>(span.start, line.textStart());
            const qsizetype end =
                std::min<qsizetype>(span.start + span.length, line.textStart() + line.textLength());
            if (start >= end)
                continue;
            const qreal left = line.cursorToX(int(start));
            const qreal right = line.cursorToX(int(end));
            rects.append(
                QRectF(area.left() + left, area.top() + line.y(), right - left, line.height()));
        }
    }
    return rects;
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (!index.data(SnippetRole).isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // drawn below
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QFont bold = titleFont(option.font);
    const QRect titleRect = option.rect.adjusted(kPadding, kPadding, -kPadding, 0);
    painter->setFont(bold);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(),
                                                    Qt::ElideRight, titleRect.width()));

    const QRect area = snippetRect(option);
    QTextLayout layout(index.data(SnippetRole).toString(), option.font);
    layout.setFormats(matchFormats(option, index));
    layOut(layout, area.width());
    painter->setClipRect(area);
    layout.draw(painter, area.topLeft());
    painter->restore();
}

} // namespace spoon
