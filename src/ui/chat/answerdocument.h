#pragma once

#include "untrusteddocument.h"

#include <QFont>
#include <QString>
#include <QStringList>

#include <memory>

class QTextBlock;

namespace spoon {

// An answer's fenced code as the chat draws it: shaded, in the fixed font.
bool isCodeBlock(const QTextBlock &block);
void shadeCodeBlocks(QTextDocument &document);

// The fenced code blocks of markdown, as the chat renders them: a fence is three or more ` or
// ~ indented at most three spaces, closed by a line of at least as many of the same character
// and nothing else; the code loses as much indentation as its opening fence had. An unclosed
// fence gives no block. The one fence reader: the streaming document cuts by the same rules.
QStringList fencedCodeBlocks(const QString &markdown);

// A document for text from outside: no margin, the given font, and nothing it names is loaded.
std::unique_ptr<UntrustedDocument> emptyDocument(const QFont &font);
// Renders an answer as markdown: code shaded and highlighted, images as text.
std::unique_ptr<UntrustedDocument> renderAnswer(const QString &markdown, const QFont &font);

// The document of an answer while it streams, grown in place so that a token costs work in
// proportion to the paragraph it lands in, not to the answer so far. The text is cut where
// markdown cannot join what comes before with what comes after: at a blank line outside a
// fenced block, and after a fence's closing line. What lies before the last cut is rendered
// once; only the tail after it is parsed again when text arrives. The finished answer is
// rendered whole, once, by the caller.
class StreamingAnswerDocument
{
public:
    StreamingAnswerDocument(quint64 rowId, const QFont &font);
    ~StreamingAnswerDocument();

    quint64 rowId() const { return m_rowId; }
    // Brings the document up to `text` (shown with `cursor` at its end) at `width`. Text that
    // does not extend the last one (a rare rewrite) is rendered again from the start.
    QTextDocument *update(const QString &text, QChar cursor, int width);
    // The document as the last update left it, and whether that was at `width`.
    QTextDocument *document() const;
    bool hasWidth(int width) const;
    // The characters rendered once and no longer parsed (for tests).
    qsizetype stableLength() const { return m_stable; }
    // How far down the document nothing moved or changed in the last update that changed it,
    // in document pixels: a view repaints only below it.
    qreal unchangedHeight() const;

private:
    void reset();
    qsizetype lastCut(const QString &text) const;
    // Appends `markdown` rendered, in blocks of its own.
    void appendRendered(const QString &markdown);
    void keepShapedText(int from);

    quint64 m_rowId;
    QFont m_font;
    std::unique_ptr<UntrustedDocument> m_document;
    QString m_text;         // what was rendered last
    qsizetype m_stable = 0; // m_text's length rendered for good
    int m_tailStart = 0;    // document position where the part rendered for good ends
    int m_changedFrom = 0;  // document position from which the last change differs
};

} // namespace spoon
