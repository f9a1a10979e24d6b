// An answer streamed into a StreamingAnswerDocument reads as the same answer rendered whole:
// the same text, the same code blocks with their languages, headings and lists, at every
// point of the stream; what lies before the last cut is parsed once.
#include "chat/answerdocument.h"
#include "session/chattranscriptmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextList>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

const QChar kCursor(0x258D);

struct Shape
{
    QString text;
    int codeBlocks = 0;
    QStringList languages;
    int headings = 0;
    int listItems = 0;
    int highlightedBlocks = 0; // blocks the code highlighter coloured
};

Shape shapeOf(const QTextDocument &document)
{
    Shape shape;
    shape.text = document.toPlainText();
    bool inCode = false;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const bool code = isCodeBlock(block);
        if (code && !inCode) {
            ++shape.codeBlocks;
            shape.languages.append(
                block.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage));
        }
        inCode = code;
        shape.headings += block.blockFormat().headingLevel() > 0;
        shape.listItems += block.textList() != nullptr;
        shape.highlightedBlocks += !block.layout()->formats().isEmpty();
    }
    return shape;
}

QString sampleAnswer()
{
    return QStringLiteral(
        "# Memory\n\nThe engine uses **54 MiB**. Here is how to read it:\n\n"
        "```python\nimport psutil\n\n\ndef rss():\n    return "
        "psutil.Process().memory_info().rss\n```\n\n"
        "Then:\n\n- the sampler reads `/proc/self/statm`\n- the dashboard shows it\n\n"
        "~~~sh\necho done\n```\nstill code\n~~~\n\nThat is all.");
}

} // namespace

class TestAnswerDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamedReadsAsWhole_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<int>("step");
        QTest::newRow("one character at a time") << sampleAnswer() << 1;
        QTest::newRow("four") << sampleAnswer() << 4;
        QTest::newRow("seven") << sampleAnswer() << 7;
        const QString repeated =
            QStringLiteral("A paragraph with `code` and *stress*. ") +
            QStringLiteral("\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n") +
            QStringLiteral("```json\n{\"a\": 1}\n```\n\n## Next\n\nText after.");
        QTest::newRow("lists, quote, json, heading") << repeated + repeated << 3;
    }

    void streamedReadsAsWhole()
    {
        QFETCH(QString, answer);
        QFETCH(int, step);
        const QFont font;
        StreamingAnswerDocument streamed(1, font);
        for (qsizetype end = step;; end += step) {
            const QString sofar = answer.left(end);
            QTextDocument *document = streamed.update(sofar, kCursor, 400);
            const Shape got = shapeOf(*document);
            const Shape whole = shapeOf(*renderAnswer(sofar + kCursor, font));
            QCOMPARE(got.text, whole.text);
            QCOMPARE(got.codeBlocks, whole.codeBlocks);
            QCOMPARE(got.languages, whole.languages);
            QCOMPARE(got.headings, whole.headings);
            QCOMPARE(got.listItems, whole.listItems);
            QCOMPARE(got.highlightedBlocks, whole.highlightedBlocks);
            QCOMPARE(document->textWidth(), 400.0);
            if (end >= answer.size())
                break;
        }
        // All but the last paragraph was parsed for good.
        QVERIFY(streamed.stableLength() >= answer.lastIndexOf(QStringLiteral("\n\n")));
    }

    // A cut never falls inside a fence: a blank line in code is code.
    void aBlankLineInCodeIsNoCut()
    {
        StreamingAnswerDocument streamed(1, QFont());
        streamed.update(QStringLiteral("```python\nx = 1\n\n"), kCursor, 300);
        QCOMPARE(streamed.stableLength(), 0);
        streamed.update(QStringLiteral("```python\nx = 1\n\ny = 2\n```\n"), kCursor, 300);
        QCOMPARE(streamed.stableLength(), 27);
    }

    // Text that does not extend what was shown (a rewrite) is rendered again from the start.
    void aRewriteStartsOver()
    {
        StreamingAnswerDocument streamed(1, QFont());
        streamed.update(QStringLiteral("First paragraph.\n\nSecond"), kCursor, 300);
        QVERIFY(streamed.stableLength() > 0);
        QTextDocument *document = streamed.update(QStringLiteral("Other"), kCursor, 300);
        QCOMPARE(document->toPlainText(), QStringLiteral("Other") + kCursor);
        QCOMPARE(streamed.stableLength(), 0);
    }

    // Asked twice for the same text (sizeHint, then paint), nothing is parsed again.
    void theSameTextIsNoWork()
    {
        StreamingAnswerDocument streamed(1, QFont());
        QTextDocument *first = streamed.update(QStringLiteral("Hello **there**"), kCursor, 300);
        const int revision = first->revision();
        QTextDocument *second = streamed.update(QStringLiteral("Hello **there**"), kCursor, 300);
        QCOMPARE(second, first);
        QCOMPARE(second->revision(), revision);
    }

    // A frame's edits are one edit, kept nowhere: no undo history grows with the answer, the
    // layout hears of one change per frame, and the blocks drawn every frame keep their shaped
    // text instead of shaping it again at each paint.
    void aFrameIsOneEditAndKeepsNoHistory()
    {
        StreamingAnswerDocument streamed(1, QFont());
        QTextDocument *document = streamed.update(QStringLiteral("Intro.\n\n"), kCursor, 300);
        QSignalSpy layoutHeard(document->documentLayout(), &QAbstractTextDocumentLayout::update);
        QSignalSpy contents(document, &QTextDocument::contentsChange);
        QString text = QStringLiteral("Intro.\n\n");
        for (const QString &token : {QStringLiteral("Some "), QStringLiteral("more.\n\n```c\nx"),
                                     QStringLiteral(";\n```\n\n- a\n- b")}) {
            text += token;
            const int before = contents.count();
            streamed.update(text, kCursor, 300);
            QCOMPARE(contents.count(), before + 1);
        }
        QVERIFY(layoutHeard.count() >= 1);
        QCOMPARE(document->availableUndoSteps(), 0);
        QVERIFY(!document->isUndoAvailable());
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            QVERIFY2(block.layout()->cacheEnabled(), qPrintable(block.text()));
        // The finished answer, rendered whole, keeps no history either.
        QCOMPARE(renderAnswer(text, QFont())->availableUndoSteps(), 0);
    }

    // Tokens change the text at once but are announced once per frame; any other change to
    // the row announces what streamed first.
    void theTranscriptAnnouncesStreamedTextOncePerFrame()
    {
        ChatTranscriptModel model;
        model.appendStreamedText(QStringLiteral("a")); // the row appears
        QSignalSpy changed(&model, &ChatTranscriptModel::dataChanged);
        const quint32 revision = model.item(0).revision;
        for (int i = 0; i < 100; ++i)
            model.appendStreamedText(QStringLiteral("b"));
        QCOMPARE(model.item(0).text.size(), 101);
        QVERIFY(model.item(0).revision > revision); // what draws it knows it changed
        QCOMPARE(changed.count(), 0);
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{Qt::DisplayRole});

        model.appendStreamedText(QStringLiteral("c"));
        model.finishAnswer({});
        QCOMPARE(changed.count(), 3); // the text, then the end of the stream
        QCOMPARE(changed.last().at(2).value<QList<int>>(),
                 (QList<int>{Qt::DisplayRole, ChatTranscriptModel::StreamingRole}));
        // Each row has its own id, across transcripts.
        ChatTranscriptModel other;
        other.addUserMessage(QStringLiteral("x"));
        QVERIFY(other.item(0).id != model.item(0).id);
    }
};

SPOON_TEST_MAIN(TestAnswerDocument)
#include "tst_answerdocument.moc"
