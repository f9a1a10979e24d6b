#include "chatmessagedelegate.h"
#include "answerdocument.h"
#include "codehighlighter.h"
#include "untrusteddocument.h"

#include "session/chattranscriptmodel.h"
#include "theme.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <limits>

namespace spoon {

namespace {
constexpr int kMarginX = 14;
constexpr int kMarginY = 5;
constexpr int kPadding = 10;
constexpr qsizetype kResultShown = 4000; // characters of a tool result an open step shows
// Longer text is shown as it came: it is formatted again each time the row is drawn, and
// only kResultShown characters of it show anyway.
constexpr qsizetype kJsonFormatted = 64 * 1024;

using Kind = ChatItem::Kind;

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(ChatTranscriptModel::KindRole).toInt());
}

bool isStreamingAnswer(const QModelIndex &index)
{
    return kindOf(index) == Kind::Assistant &&
           index.data(ChatTranscriptModel::StreamingRole).toBool();
}

QFont copyButtonFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

} // namespace

ChatMessageDelegate::ChatMessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_documents(300)
{}

ChatMessageDelegate::~ChatMessageDelegate() = default;

qsizetype ChatMessageDelegate::dropDocuments()
{
    const qsizetype count = m_documents.size();
    m_documents.clear();
    return count;
}

void ChatMessageDelegate::restyle()
{
    m_documents.clear();
    m_streaming.reset();
}

void ChatMessageDelegate::setContentWidth(int width)
{
    m_width = std::max(160, width);
}

int ChatMessageDelegate::bubbleWidth(const QModelIndex &index) const
{
    const int full = m_width - 2 * kMarginX;
    return kindOf(index) == Kind::User ? full * 4 / 5 : full;
}

QString ChatMessageDelegate::toolSummary(const QModelIndex &index) const
{
    const QString name = index.data(ChatTranscriptModel::ToolNameRole).toString();
    const qint64 ms = index.data(ChatTranscriptModel::DurationRole).toLongLong();
    if (index.data(ChatTranscriptModel::RunningRole).toBool())
        return tr("%1 · running…").arg(name);
    if (ms < 0)
        return tr("%1 · stopped").arg(name);
    if (index.data(ChatTranscriptModel::IsErrorRole).toBool())
        return tr("%1 · failed after %2 ms").arg(name).arg(ms);
    return tr("%1 · answered in %2 ms").arg(name).arg(ms);
}

QString ChatMessageDelegate::readableJson(const QString &text)
{
    if (text.size() > kJsonFormatted)
        return text;
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(u'{') && !trimmed.startsWith(u'['))
        return text;
    const QJsonDocument json = QJsonDocument::fromJson(trimmed.toUtf8());
    if (json.isNull())
        return text;
    return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
}

QString ChatMessageDelegate::toolDetails(const QModelIndex &index) const
{
    QString result = readableJson(index.data(ChatTranscriptModel::ResultRole).toString());
    if (result.size() > kResultShown)
        result = result.left(kResultShown) +
                 tr("\n… (%1 more characters)").arg(result.size() - kResultShown);
    return tr("Arguments\n%1\n\nResult\n%2")
        .arg(readableJson(index.data(ChatTranscriptModel::ArgumentsRole).toString()),
             index.data(ChatTranscriptModel::RunningRole).toBool() ? tr("(waiting)") : result);
}

QTextDocument *ChatMessageDelegate::document(const QModelIndex &index, int width,
                                             Streamed streamed) const
{
    const Kind kind = kindOf(index);
    const quint64 rowId = index.data(ChatTranscriptModel::IdRole).toULongLong();
    QFont font;
    if (kind == Kind::ToolStep)
        font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (kind == Kind::Notice)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    if (isStreamingAnswer(index)) {
        if (!m_streaming || m_streaming->rowId() != rowId)
            m_streaming = std::make_unique<StreamingAnswerDocument>(rowId, font);
        else if (streamed == Streamed::AsMeasured && m_streaming->hasWidth(width))
            return m_streaming->document();
        // A cursor shows while the answer arrives.
        return m_streaming->update(index.data().toString(), QChar(0x258D), width);
    }
    const DocumentKey key{rowId, index.data(ChatTranscriptModel::RevisionRole).toUInt(), width};
    if (QTextDocument *cached = m_documents.object(key))
        return cached;
    if (m_streaming && m_streaming->rowId() == rowId)
        m_streaming.reset(); // that answer is whole now: rendered once more, whole, below

    std::unique_ptr<UntrustedDocument> document;
    if (kind == Kind::Assistant) {
        document = renderAnswer(index.data().toString(), font);
    } else {
        document = emptyDocument(font);
        document->setPlainText(kind == Kind::ToolStep ? toolDetails(index)
                                                      : index.data().toString());
    }
    if (kind == Kind::Notice) {
        QTextOption centred = document->defaultTextOption();
        centred.setAlignment(Qt::AlignHCenter);
        document->setDefaultTextOption(centred);
    }
    document->setTextWidth(width);
    // Size the user's bubble to its text when it is shorter than a line.
    if (kind == Kind::User && document->idealWidth() < width)
        document->setTextWidth(std::ceil(document->idealWidth()) + 1);
    QTextDocument *drawn = document.release();
    m_documents.insert(key, drawn, 1);
    return drawn;
}

QSize ChatMessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const Kind kind = kindOf(index);
    if (kind == Kind::ToolStep && !index.data(ChatTranscriptModel::ExpandedRole).toBool())
        return {m_width, kToolRowHeight + 2 * kMarginY};
    const int inner = bubbleWidth(index) - 2 * kPadding;
    const QTextDocument *doc = document(index, inner, Streamed::Refresh);
    int height = int(std::ceil(doc->size().height())) + 2 * kPadding + 2 * kMarginY;
    if (kind == Kind::ToolStep)
        height += kToolRowHeight;
    return {m_width, height};
}

int ChatMessageDelegate::unchangedTop(const QModelIndex &index, int previousHeight) const
{
    if (!m_streaming || !isStreamingAnswer(index) ||
        m_streaming->rowId() != index.data(ChatTranscriptModel::IdRole).toULongLong())
        return 0;
    // The text above the new tail, but not the old box's rounded bottom, which moves down.
    const int text = kMarginY + kPadding + int(m_streaming->unchangedHeight());
    const int oldBottom = previousHeight - kMarginY - 2 * kBubbleRadius;
    return std::max(0, std::min(text, oldBottom) - 1);
}

QRect ChatMessageDelegate::bubble(const QModelIndex &index, const QRect &itemRect,
                                  const QTextDocument *doc) const
{
    const QRect row = itemRect.adjusted(kMarginX, kMarginY, -kMarginX, -kMarginY);
    if (kindOf(index) != Kind::User || !doc)
        return row;
    const int width = int(std::ceil(doc->textWidth())) + 2 * kPadding;
    return QRect(row.right() - width + 1, row.top(), width, row.height());
}

QList<ChatMessageDelegate::CodeBlock> ChatMessageDelegate::codeBlocks(const QModelIndex &index,
                                                                      const QRect &itemRect) const
{
    if (kindOf(index) != Kind::Assistant)
        return {};
    QTextDocument *doc = document(index, bubbleWidth(index) - 2 * kPadding);
    const QPoint origin = bubble(index, itemRect, doc).topLeft() + QPoint(kPadding, kPadding);
    return codeBlocksIn(doc, origin, 0, std::numeric_limits<qreal>::max());
}

QList<ChatMessageDelegate::CodeBlock>
ChatMessageDelegate::codeBlocksIn(QTextDocument *doc, QPoint origin, qreal top, qreal bottom)
{
    QList<CodeBlock> blocks;
    const QFontMetrics metrics(copyButtonFont(doc->defaultFont()));
    const QString label = tr("Copy");
    const QSize button(metrics.horizontalAdvance(label) + 12, metrics.height() + 4);
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    // Start at the first block shown, or at the start of the code it is part of: a long answer
    // costs what is visible, not what came before.
    QTextBlock block = doc->begin();
    if (top > 0) {
        block = doc->findBlock(layout->hitTest(QPointF(0, top), Qt::FuzzyHit));
        while (block.isValid() && isCodeBlock(block) && block.previous().isValid() &&
               isCodeBlock(block.previous()))
            block = block.previous();
    }
    bool inCode = false;
    for (; block.isValid(); block = block.next()) {
        if (!isCodeBlock(block)) {
            inCode = false;
            continue;
        }
        if (inCode) {
            blocks.last().code += block.text() + u'\n';
            continue;
        }
        const QRectF area = layout->blockBoundingRect(block);
        if (area.top() > bottom)
            break;
        inCode = true;
        const QPoint topRight = origin + QPoint(int(area.right()), int(area.top()));
        blocks.append(
            {block.text() + u'\n', QRect(topRight + QPoint(-button.width() - 2, 2), button)});
    }
    return blocks;
}

// Only the corners are antialiased: a long answer's box is far taller than the view, and
// rasterizing its whole antialiased outline every frame cost more than its text.
void ChatMessageDelegate::paintBubble(QPainter &painter, const QRect &box, const QRect &shown)
{
    constexpr int cap = 2 * kBubbleRadius; // the rows a corner's curve spans, and a margin
    const QRectF outline = QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5);
    if (box.height() <= 3 * cap) {
        painter.drawRoundedRect(outline, kBubbleRadius, kBubbleRadius);
        return;
    }
    // Each end: a short rounded box of its own, cut where the straight part starts.
    const QRect ends[] = {QRect(box.left(), box.top(), box.width(), cap),
                          QRect(box.left(), box.bottom() - cap + 1, box.width(), cap)};
    for (const QRect &end : ends) {
        if (!end.intersects(shown))
            continue;
        painter.save();
        painter.setClipRect(end, Qt::IntersectClip);
        const bool top = end.top() == box.top();
        const QRectF piece = top ? outline.adjusted(0, 0, 0, -(outline.height() - 2 * cap))
                                 : outline.adjusted(0, outline.height() - 2 * cap, 0, 0);
        painter.drawRoundedRect(piece, kBubbleRadius, kBubbleRadius);
        painter.restore();
    }
    const QRect middle =
        QRect(box.left(), box.top() + cap, box.width(), box.height() - 2 * cap).intersected(shown);
    if (middle.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(middle, painter.brush());
    painter.drawLine(middle.left(), middle.top(), middle.left(), middle.bottom());
    painter.drawLine(middle.right(), middle.top(), middle.right(), middle.bottom());
    painter.restore();
}

void ChatMessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const Kind kind = kindOf(index);
    const int inner = bubbleWidth(index) - 2 * kPadding;

    QColor fill = Qt::white;
    QColor border(0xe5, 0xe7, 0xeb);
    QColor ink(0x11, 0x18, 0x27);
    switch (kind) {
    case Kind::User:
        fill = QColor(0x25, 0x63, 0xeb);
        border = fill;
        ink = Qt::white;
        break;
    case Kind::ToolStep:
        fill = QColor(0xf9, 0xfa, 0xfb);
        if (index.data(ChatTranscriptModel::IsErrorRole).toBool())
            border = QColor(0xfc, 0xa5, 0xa5);
        break;
    case Kind::Error:
        fill = QColor(0xfe, 0xf2, 0xf2);
        border = QColor(0xfe, 0xca, 0xca);
        ink = QColor(0x99, 0x1b, 0x1b);
        break;
    case Kind::Notice:
        fill = Qt::transparent;
        border = Qt::transparent;
        ink = QColor(0x6b, 0x72, 0x80);
        break;
    case Kind::Assistant:
        break;
    }
    if (kind != Kind::User) { // the blue bubble with white text reads on both themes
        fill = themed(fill);
        border = themed(border);
        ink = themed(ink);
    }

    QTextDocument *doc = nullptr;
    const bool toolClosed =
        kind == Kind::ToolStep && !index.data(ChatTranscriptModel::ExpandedRole).toBool();
    if (!toolClosed)
        doc = document(index, inner);
    const QRect box = bubble(index, option.rect, doc);
    if (option.state & QStyle::State_Selected && kind != Kind::User)
        border = QColor(0x93, 0xc5, 0xfd);
    painter->setPen(border);
    painter->setBrush(fill);
    // Only what the view shows, and of that what this paint redraws, is drawn: a long answer
    // costs what is visible.
    QRect shown = option.widget ? option.widget->rect() : box;
    if (painter->hasClipping())
        shown &= painter->clipBoundingRect().toAlignedRect();
    paintBubble(*painter, box, shown);

    int textTop = box.top() + kPadding;
    if (kind == Kind::ToolStep) {
        const bool expanded = !toolClosed;
        const QRect header(box.left() + kPadding, box.top(), box.width() - 2 * kPadding,
                           kToolRowHeight);
        QColor accent = themed(index.data(ChatTranscriptModel::IsErrorRole).toBool()
                                   ? QColor(0xb9, 0x1c, 0x1c)
                                   : QColor(0x37, 0x41, 0x51));
        painter->setPen(QColor(0x9c, 0xa3, 0xaf));
        painter->drawText(header, Qt::AlignVCenter | Qt::AlignLeft,
                          expanded ? QString(QChar(0x25BE)) : QString(QChar(0x25B8)));
        painter->setPen(accent);
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
        painter->drawText(header.adjusted(16, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(bold).elidedText(tr("Tool %1").arg(toolSummary(index)),
                                                        Qt::ElideRight, header.width() - 16));
        textTop = box.top() + kToolRowHeight;
    }
    const QRectF shownText(shown.translated(-box.left() - kPadding, -textTop));
    if (doc) {
        painter->save();
        painter->translate(box.left() + kPadding, textTop);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = shownText;
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, ink);
        doc->documentLayout()->draw(painter, context);
        painter->restore();
    }
    if (kind == Kind::Assistant && doc) {
        painter->setFont(copyButtonFont(doc->defaultFont()));
        const QPoint origin(box.left() + kPadding, textTop);
        for (const CodeBlock &block :
             codeBlocksIn(doc, origin, shownText.top() - 40, shownText.bottom())) {
            painter->setPen(themed(QColor(0xd1, 0xd5, 0xdb)));
            painter->setBrush(themed(Qt::white));
            painter->drawRoundedRect(QRectF(block.copyButton).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->setPen(themed(QColor(0x37, 0x41, 0x51)));
            painter->drawText(block.copyButton, Qt::AlignCenter, tr("Copy"));
        }
    }
    painter->restore();
}

} // namespace spoon
