// Code in an answer is coloured by the language its fence names: each row names a piece of a
// line and the token it must be drawn as ("none": left plain), so a "#" in a string, a
// keyword in a comment and an unknown language are all covered. Tool steps show JSON
// indented.
#include "chat/chatmessagedelegate.h"
#include "chat/codehighlighter.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;
using Token = CodeHighlighter::Token;

Q_DECLARE_METATYPE(CodeHighlighter::Token)

namespace {
// The highlighter's format over `[start, start + length)` of `block`, if one range covers it.
std::optional<QTextCharFormat> formatAt(const QTextBlock &block, int start, int length)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start <= start && start + length <= range.start + range.length)
            return range.format;
    }
    return std::nullopt;
}
} // namespace

class TestCodeHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensAreColouredByLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("piece");
        QTest::addColumn<int>("token"); // -1: plain

        const auto row = [](const char *name, const char *language, const char *line,
                            const char *piece, int token) {
            QTest::newRow(name) << QString::fromUtf8(language) << QString::fromUtf8(line)
                                << QString::fromUtf8(piece) << token;
        };
        row("python keyword", "python", "def f(x):", "def", int(Token::Keyword));
        row("python string", "py", "s = 'a # b'", "'a # b'", int(Token::String));
        row("python # in a string is no comment", "python", "s = \"x # y\"", "# y",
            int(Token::String));
        row("python comment", "python", "x = 1  # if not", "# if not", int(Token::Comment));
        row("python keyword in a comment", "python", "# return", "return", int(Token::Comment));
        row("python decorator", "python", "@functools.cache", "@functools.cache", int(Token::Meta));
        row("python number", "python", "n = 42", "42", int(Token::Number));
        row("python name is plain", "python", "define = 1", "define", -1);
        row("json key", "json", "{\"name\": \"x\"}", "\"name\"", int(Token::Key));
        row("json string value", "json", "{\"name\": \"x\"}", "\"x\"", int(Token::String));
        row("json literal", "json", "[true, null]", "null", int(Token::Keyword));
        row("json number", "json", "{\"n\": -1.5e3}", "-1.5e3", int(Token::Number));
        row("c++ keyword", "c++", "return nullptr;", "nullptr", int(Token::Keyword));
        row("cpp comment", "cpp", "int x; // while", "// while", int(Token::Comment));
        row("cpp block comment", "cpp", "a /* for */ b", "/* for */", int(Token::Comment));
        row("cpp after a block comment", "cpp", "/* x */ int y", "int", int(Token::Keyword));
        row("cpp include", "cpp", "#include <vector>", "#include", int(Token::Meta));
        row("cpp // in a string", "cpp", "auto u = \"http://x\";", "//x", int(Token::String));
        row("shell variable", "bash", "echo $HOME", "$HOME", int(Token::Variable));
        row("shell braces", "sh", "echo ${PATH}", "${PATH}", int(Token::Variable));
        row("shell keyword", "shell", "if true; then ls; fi", "then", int(Token::Keyword));
        row("shell comment", "sh", "ls # list", "# list", int(Token::Comment));
        row("shell # in a word", "sh", "echo a#b", "#b", -1);
        row("unknown language is plain", "cobol", "def x", "def", -1);
        row("no language is plain", "", "def x", "def", -1);
    }
    void tokensAreColouredByLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, line);
        QFETCH(QString, piece);
        QFETCH(int, token);
        QTextDocument document;
        document.setMarkdown(QStringLiteral("Text\n\n```%1\n%2\n```\n").arg(language, line));
        CodeHighlighter highlighter(&document);
        highlighter.rehighlight();
        const QTextBlock code = document.findBlockByNumber(1);
        QCOMPARE(code.text(), line);
        const int start = int(line.indexOf(piece));
        QVERIFY(start >= 0);
        const std::optional<QTextCharFormat> format = formatAt(code, start, int(piece.size()));
        if (token < 0) {
            QVERIFY2(!format, qPrintable(QStringLiteral("coloured, but should be plain")));
            return;
        }
        QVERIFY2(format, "not coloured");
        QCOMPARE(format->foreground(), CodeHighlighter::format(Token(token)).foreground());
    }

    // A C comment that opens on one line goes on until the line that closes it.
    void aCppCommentSpansLines()
    {
        QTextDocument document;
        document.setMarkdown(QStringLiteral("```cpp\nint a; /* one\nreturn two\n*/ int b;\n```\n"));
        CodeHighlighter highlighter(&document);
        highlighter.rehighlight();
        const QTextBlock middle = document.findBlockByNumber(1);
        QCOMPARE(middle.text(), QStringLiteral("return two"));
        const auto inside = formatAt(middle, 0, int(middle.text().size()));
        QVERIFY(inside);
        QCOMPARE(inside->foreground(), CodeHighlighter::format(Token::Comment).foreground());
        const QTextBlock last = document.findBlockByNumber(2);
        const auto after = formatAt(last, int(last.text().indexOf(u"int")), 3);
        QVERIFY(after);
        QCOMPARE(after->foreground(), CodeHighlighter::format(Token::Keyword).foreground());
    }

    // A line of megabytes from a model: coloured at its start, plain past the first few
    // thousand characters, and a comment opening far along costs one scan.
    void aHugeLineIsColouredOnlyAtItsStart()
    {
        QString line;
        for (int i = 0; i < 20000; ++i)
            line += QStringLiteral("int a%1; ").arg(i);
        line += QStringLiteral("/* late */");
        QTextDocument document;
        document.setMarkdown(QStringLiteral("```cpp\n%1\n```\n").arg(line));
        CodeHighlighter highlighter(&document);
        highlighter.rehighlight();
        const QTextBlock code = document.firstBlock();
        QCOMPARE(code.text(), line);
        const auto first = formatAt(code, 0, 3);
        QVERIFY(first);
        QCOMPARE(first->foreground(), CodeHighlighter::format(Token::Keyword).foreground());
        QVERIFY(!formatAt(code, int(line.size()) - 10, 10)); // the late comment stays plain
        QVERIFY(code.userState() != 1); // no comment left open for the next line
    }

    void languageNamesAndAliases_data()
    {
        QTest::addColumn<QString>("info");
        QTest::addColumn<int>("language");
        using L = CodeHighlighter::Language;
        QTest::newRow("JSON") << QStringLiteral("JSON") << int(L::Json);
        QTest::newRow("python3") << QStringLiteral("python3") << int(L::Python);
        QTest::newRow("c++ with attributes") << QStringLiteral("c++ {.numberLines}") << int(L::Cpp);
        QTest::newRow("hpp") << QStringLiteral("hpp") << int(L::Cpp);
        QTest::newRow("zsh") << QStringLiteral("zsh") << int(L::Shell);
        QTest::newRow("console") << QStringLiteral("console") << int(L::Shell);
        QTest::newRow("rust") << QStringLiteral("rust") << int(L::None);
    }
    void languageNamesAndAliases()
    {
        QFETCH(QString, info);
        QFETCH(int, language);
        QCOMPARE(int(CodeHighlighter::languageFor(info)), language);
    }

    void toolJsonIsIndented_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("object") << QStringLiteral("{\"a\":1,\"b\":[true]}")
                                << QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\n        true\n"
                                                  "    ]\n}");
        QTest::newRow("array") << QStringLiteral(" [1,2] ")
                               << QStringLiteral("[\n    1,\n    2\n]");
        QTest::newRow("not JSON") << QStringLiteral("{oops") << QStringLiteral("{oops");
        QTest::newRow("plain text") << QStringLiteral("42 files") << QStringLiteral("42 files");
        QTest::newRow("empty") << QString() << QString();
    }
    void toolJsonIsIndented()
    {
        QFETCH(QString, text);
        QTEST(ChatMessageDelegate::readableJson(text), "shown");
    }
};

SPOON_TEST_MAIN(TestCodeHighlighter)
#include "tst_codehighlighter.moc"
