#pragma once

#include <QCache>
#include <QStyledItemDelegate>

#include <memory>

class QTextDocument;

namespace spoon {

class StreamingAnswerDocument;

// Draws a conversation's rows: the user's messages as bubbles, answers as rendered markdown
// (code blocks shaded and highlighted, each with a Copy button), tool steps as one-line rows that
// open to their arguments and result, notices and errors. Laid-out documents are cached by row id,
// revision and width, so a relayout of the list asks nothing of rows that did not change, and
// the answer streaming now grows one document in place (StreamingAnswerDocument).
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
    // How many pixels at the top of the row still look as they did before its last change,
    // when it was `previousHeight` tall: 0 unless it is the answer streaming in, whose part
    // rendered for good stays put. Asked after sizeHint has seen the change.
    int unchangedTop(const QModelIndex &index, int previousHeight) const;
    // Lets go of every laid-out document but the answer streaming in (the memory manager asks);
    // returns how many. That one is drawn every frame, and must stay as the view measured it.
    qsizetype dropDocuments();
    // Lets go of every document, the streaming one too: colours changed. The view must measure
    // its rows again.
    void restyle();

    static constexpr int kToolRowHeight = 30;
    static constexpr int kBubbleRadius = 9;
    // A message's rounded box, drawn as drawRoundedRect draws it with antialiasing, with the
    // painter's pen and brush; only the part on `shown` is drawn.
    static void paintBubble(QPainter &painter, const QRect &box, const QRect &shown);

    // An answer's fenced code block as drawn in the row at `itemRect`: the code and where its
    // Copy button is.
    struct CodeBlock
    {
        QString code;
        QRect copyButton;
    };
    QList<CodeBlock> codeBlocks(const QModelIndex &index, const QRect &itemRect) const;
    // The code blocks of `doc` shown between `top` and `bottom` (document coordinates), their
    // buttons placed for the document drawn at `origin`; the walk starts at the first one shown.
    static QList<CodeBlock> codeBlocksIn(QTextDocument *doc, QPoint origin, qreal top,
                                         qreal bottom);
    // A tool's arguments or result as indented JSON when it is JSON; other text as it is.
    static QString readableJson(const QString &text);

private:
    // The streaming answer's document is brought up to the model's text only when the view
    // measures the row (`Refresh`): painting draws it as it was measured, so the row's height
    // and what is drawn in it agree, and the tail is parsed once per frame, not twice.
    enum class Streamed
    {
        Refresh,
        AsMeasured
    };
    QTextDocument *document(const QModelIndex &index, int width,
                            Streamed streamed = Streamed::AsMeasured) const;
    QString toolSummary(const QModelIndex &index) const;
    QString toolDetails(const QModelIndex &index) const;
    int bubbleWidth(const QModelIndex &index) const;
    QRect bubble(const QModelIndex &index, const QRect &itemRect, const QTextDocument *doc) const;

    struct DocumentKey
    {
        quint64 rowId;
        quint32 revision;
        int width;
        bool operator==(const DocumentKey &) const = default;
        friend size_t qHash(const DocumentKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.rowId, key.revision, key.width);
        }
    };

    int m_width = 400;
    mutable QCache<DocumentKey, QTextDocument> m_documents;
    mutable std::unique_ptr<StreamingAnswerDocument> m_streaming;
};

} // namespace spoon
