#pragma once

#include <QCache>
#include <QStyledItemDelegate>

class QTextDocument;

namespace spoon {

// Draws a conversation's rows: the user's messages as bubbles, answers as rendered markdown
// (code blocks shaded and highlighted, each with a Copy button), tool steps as one-line rows that
// open to their arguments and result, notices and errors. Laid-out documents are cached by text and
// width, so a streaming answer lays out only itself.
class ChatMessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChatMessageDelegate(QObject *parent = nullptr);
    ~ChatMessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The available width: the view's, since item option rects are not yet laid out.
    void setContentWidth(int width);
    int contentWidth() const { return m_width; }
    // Tells the view a row's height may have changed (the view relays out lazily).
    void rowChanged(const QModelIndex &index) { Q_EMIT sizeHintChanged(index); }
    // Lets go of every laid-out document (the memory manager asks); returns how many.
    qsizetype dropDocuments()
    {
        const qsizetype count = m_documents.size();
        m_documents.clear();
        return count;
    }

    static constexpr int kToolRowHeight = 30;

    // An answer's fenced code block as drawn in the row at `itemRect`: the code and where its
    // Copy button is.
    struct CodeBlock
    {
        QString code;
        QRect copyButton;
    };
    QList<CodeBlock> codeBlocks(const QModelIndex &index, const QRect &itemRect) const;
    // A tool's arguments or result as indented JSON when it is JSON; other text as it is.
    static QString readableJson(const QString &text);

private:
    QTextDocument *document(const QModelIndex &index, int width) const;
    QString toolSummary(const QModelIndex &index) const;
    QString toolDetails(const QModelIndex &index) const;
    int bubbleWidth(const QModelIndex &index) const;
    QRect bubble(const QModelIndex &index, const QRect &itemRect, const QTextDocument *doc) const;

    int m_width = 400;
    mutable QCache<QString, QTextDocument> m_documents;
};

} // namespace spoon
