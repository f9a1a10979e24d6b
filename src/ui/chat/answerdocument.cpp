#include "answerdocument.h"
#include "codehighlighter.h"
#include "theme.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextLayout>

#include <utility>

namespace spoon {

bool isCodeBlock(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.hasProperty(QTextFormat::BlockCodeFence) ||
           format.hasProperty(QTextFormat::BlockCodeLanguage);
}

void shadeCodeBlocks(QTextDocument &document)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!isCodeBlock(block))
            continue;
        QTextBlockFormat format = block.blockFormat();
        format.setBackground(themed(QColor(0xf3, 0xf4, 0xf6)));
        format.setLeftMargin(6);
        format.setNonBreakableLines(false); // a long line wraps inside the card
        QTextCursor cursor(block);
        cursor.setBlockFormat(format);
        cursor.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat chars;
        chars.setFont(fixed);
        cursor.mergeCharFormat(chars);
    }
}

std::unique_ptr<UntrustedDocument> emptyDocument(const QFont &font)
{
    auto document = std::make_unique<UntrustedDocument>(); // whatever the text is, it loads nothing
    // Nobody edits an answer: without this, every streamed frame's edits would pile up in the
    // undo stack for as long as the answer lives.
    document->setUndoRedoEnabled(false);
    document->setDocumentMargin(0);
    document->setDefaultFont(font);
    return document;
}

namespace {
// The markdown with its code shaded, not yet highlighted: highlighting lives in the layout,
// not in the text, so a fragment copied from here would not carry it anyway.
std::unique_ptr<UntrustedDocument> renderMarkdown(const QString &markdown, const QFont &font)
{
    std::unique_ptr<UntrustedDocument> document = emptyDocument(font);
    document->setUntrustedMarkdown(markdown);
    shadeCodeBlocks(*document);
    return document;
}
} // namespace

std::unique_ptr<UntrustedDocument> renderAnswer(const QString &markdown, const QFont &font)
{
    std::unique_ptr<UntrustedDocument> document = renderMarkdown(markdown, font);
    (new CodeHighlighter(document.get()))->rehighlight(); // before layout: bold is wider
    return document;
}

namespace {

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// A line that opens or closes a fenced block: three or more ` or ~, indented at most 3.
struct Fence
{
    QChar marker;
    qsizetype length = 0; // 0: not a fence line
    qsizetype indent = 0;

    static Fence read(QStringView line)
    {
        Fence fence;
        qsizetype i = 0;
        while (i < line.size() && i < 3 && line[i] == u' ')
            ++i;
        if (i >= line.size() || (line[i] != u'`' && line[i] != u'~'))
            return fence;
        qsizetype n = 0;
        while (i + n < line.size() && line[i + n] == line[i])
            ++n;
        if (n >= 3)
            fence = Fence{line[i], n, i};
        return fence;
    }
    bool isFence() const { return length > 0; }
    // Whether `line` closes the block this fence opened: as many markers or more, then
    // nothing but spaces.
    bool closedBy(QStringView line) const
    {
        const Fence other = read(line);
        return other.marker == marker && other.length >= length &&
               isBlank(line.mid(other.indent + other.length));
    }
};

// A code line inside a fence opened `indent` spaces in loses up to that many spaces.
QStringView withoutIndent(QStringView line, qsizetype indent)
{
    qsizetype i = 0;
    while (i < indent && i < line.size() && line[i] == u' ')
        ++i;
    return line.mid(i);
}

} // namespace

QStringList fencedCodeBlocks(const QString &markdown)
{
    QStringList blocks;
    Fence open; // not a fence: outside a block
    QString code;
    for (const QStringView line : QStringView(markdown).tokenize(u'\n')) {
        if (!open.isFence()) {
            open = Fence::read(line);
        } else if (open.closedBy(line)) {
            blocks.append(std::exchange(code, QString()));
            open = Fence();
        } else {
            code += withoutIndent(line, open.indent);
            code += u'\n';
        }
    }
    return blocks;
}

StreamingAnswerDocument::StreamingAnswerDocument(quint64 rowId, const QFont &font)
    : m_rowId(rowId)
    , m_font(font)
{
    reset();
}

StreamingAnswerDocument::~StreamingAnswerDocument() = default;

void StreamingAnswerDocument::reset()
{
    m_document = emptyDocument(m_font);
    // Colours each block as it is inserted, but only once the document has its layout (a
    // block without one keeps no colours): make it now, not at the first width.
    m_document->documentLayout();
    new CodeHighlighter(m_document.get());
    m_text.clear();
    m_stable = 0;
    m_tailStart = 0;
    m_changedFrom = 0;
}

QTextDocument *StreamingAnswerDocument::document() const
{
    return m_document.get();
}

bool StreamingAnswerDocument::hasWidth(int width) const
{
    return m_document->textWidth() == width;
}

qreal StreamingAnswerDocument::unchangedHeight() const
{
    if (m_changedFrom == 0)
        return 0;
    // From the top of the block the tail was cut from: the new tail's first block is laid
    // out right after it.
    const QTextBlock block = m_document->findBlock(m_changedFrom);
    return block.isValid() ? m_document->documentLayout()->blockBoundingRect(block).top() : 0;
}

// The end of the last complete line, after m_stable, that ends a markdown block for good. The
// scan starts at m_stable, which is outside any fence, so it costs the tail's length only.
qsizetype StreamingAnswerDocument::lastCut(const QString &text) const
{
    qsizetype cut = m_stable;
    qsizetype lineStart = m_stable;
    Fence open; // a fence: inside the block it opened
    while (true) {
        const qsizetype newline = text.indexOf(u'\n', lineStart);
        if (newline < 0)
            break; // an incomplete line is never a cut
        const QStringView line = QStringView(text).mid(lineStart, newline - lineStart);
        const Fence fence = Fence::read(line);
        if (open.isFence()) {
            if (open.closedBy(line)) {
                open = Fence();
                cut = newline + 1; // a closed fence ends its block
            }
        } else if (fence.isFence()) {
            open = fence;
        } else if (isBlank(line) && newline > m_stable) {
            cut = newline + 1; // a blank line ends a paragraph, a list, a quote
        }
        lineStart = newline + 1;
    }
    return cut;
}

void StreamingAnswerDocument::appendRendered(const QString &markdown)
{
    // This document's own highlighter colours the blocks as they are inserted.
    const std::unique_ptr<UntrustedDocument> part = renderMarkdown(markdown, m_font);
    if (part->isEmpty())
        return; // an open fence with nothing in it yet shows nothing, as when rendered whole
    // A part that opens with a list has an empty first block before it, which the answer
    // rendered whole does not have there: leave it out.
    QTextBlock from = part->begin();
    if (from.length() == 1 && from.next().isValid())
        from = from.next();
    // The block the fragment's first block goes into keeps its own format: give it the
    // part's before the text arrives, so that the highlighter sees a code block as code. A
    // list item brings its list, and a block of its own.
    const QTextBlockFormat format = from.textList() ? QTextBlockFormat() : from.blockFormat();
    QTextCursor cursor(m_document.get());
    cursor.movePosition(QTextCursor::End);
    if (cursor.position() > 0)
        cursor.insertBlock(format, QTextCharFormat()); // each part in blocks of its own
    else
        cursor.setBlockFormat(format);
    QTextCursor selection(part.get());
    selection.setPosition(from.position());
    selection.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    const int start = cursor.position();
    cursor.insertFragment(QTextDocumentFragment(selection));
    const QTextBlock first = m_document->findBlock(start);
    if (start > 0 && first.position() == start && first.length() == 1 && first.next().isValid()) {
        // The list's own block came after the empty one made for it: that one goes, joined
        // to the block before it, so that nothing visible moves.
        QTextCursor join(m_document.get());
        join.setPosition(start - 1);
        join.setPosition(start, QTextCursor::KeepAnchor);
        join.removeSelectedText();
    }
}

// A block's layout normally throws its shaped glyphs away once laid out, and shapes the text
// again every time it is drawn. The streaming answer is drawn every frame: keep them.
void StreamingAnswerDocument::keepShapedText(int from)
{
    for (QTextBlock block = m_document->findBlock(from); block.isValid(); block = block.next())
        block.layout()->setCacheEnabled(true);
}

QTextDocument *StreamingAnswerDocument::update(const QString &text, QChar cursorMark, int width)
{
    if (text != m_text) { // else asked again for the same frame: sizeHint, then paint
        if (!text.startsWith(m_text))
            reset();
        const qsizetype cut = lastCut(text);
        // Take the tail away: everything after the part rendered for good. One edit block: the
        // document is laid out once for the frame, not after each step.
        QTextCursor cursor(m_document.get());
        cursor.beginEditBlock();
        const int changedFrom = m_tailStart;
        cursor.setPosition(m_tailStart);
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        if (cut > m_stable) {
            appendRendered(text.mid(m_stable, cut - m_stable));
            m_stable = cut;
            cursor.movePosition(QTextCursor::End);
            m_tailStart = cursor.position();
        }
        appendRendered(text.mid(m_stable) + cursorMark);
        cursor.endEditBlock();
        keepShapedText(changedFrom);
        m_text = text;
        m_changedFrom = changedFrom;
    }
    if (m_document->textWidth() != width) {
        m_document->setTextWidth(width);
        m_changedFrom = 0; // every line may have moved
    }
    return m_document.get();
}

} // namespace spoon
