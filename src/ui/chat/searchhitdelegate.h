#pragma once

#include "storage/conversationstore.h"

#include <QStyledItemDelegate>

class QTextLayout;

namespace spoon {

// A search hit in the list: the conversation's title on its line, then the words around the
// match on up to kSnippetLines lines, the matched words marked. The snippet is laid out as
// plain text (QTextLayout) with the marks as formats, so nothing in it is taken for markup.
class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // Qt::DisplayRole holds the title.
    enum Role
    {
        SnippetRole = Qt::UserRole + 1, // QString
        MatchesRole,                    // QList<TextSpan> in the snippet
    };
    static constexpr int kSnippetLines = 2;

    explicit SearchHitDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the matched words are drawn in the row at option.rect (those on the lines shown).
    QList<QRectF> matchRects(const QStyleOptionViewItem &option, const QModelIndex &index) const;

private:
    // The snippet's lines, at most kSnippetLines, at `width`; returns how many.
    static int layOut(QTextLayout &layout, qreal width);
    static QRect snippetRect(const QStyleOptionViewItem &option);
};

} // namespace spoon
