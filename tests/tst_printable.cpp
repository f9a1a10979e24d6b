// Text from servers and files reaches terminals and logs only as printable text.
#include "config/configloader.h"
#include "llm/llmerror.h"
#include "printable.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestPrintable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void controlsBecomeVisible_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("keepNewlines");
        QTest::addColumn<QString>("printed");
        QTest::newRow("plain") << QStringLiteral("caf\u00e9 \u4f60\u597d") << false
                               << QStringLiteral("caf\u00e9 \u4f60\u597d");
        QTest::newRow("ESC colour")
            << QStringLiteral("\x1b[31mred") << false << QStringLiteral("\\x1b[31mred");
        QTest::newRow("BEL") << QStringLiteral("ding\x07") << false << QStringLiteral("ding\\x07");
        QTest::newRow("NUL") << QString(QChar(0)) + u'x' << false << QStringLiteral("\\x00x");
        QTest::newRow("CR overwrites")
            << QStringLiteral("ok\rFAIL") << false << QStringLiteral("ok\\x0dFAIL");
        QTest::newRow("DEL and C1")
            << QStringLiteral("a\x7f\u009b") << false << QStringLiteral("a\\x7f\\x9b");
        QTest::newRow("bidi override")
            << QStringLiteral("abc\u202edef") << false << QStringLiteral("abc\\u202edef");
        QTest::newRow("newline kept")
            << QStringLiteral("a\nb\tc") << true << QStringLiteral("a\nb\tc");
        QTest::newRow("newline escaped")
            << QStringLiteral("a\nb") << false << QStringLiteral("a\\x0ab");
    }
    void controlsBecomeVisible()
    {
        QFETCH(QString, text);
        QFETCH(bool, keepNewlines);
        QTEST(printable(text, keepNewlines), "printed");
    }

    // A key name from a file with a terminal escape in it is printed escaped, and a NUL does
    // not change the nearest valid name offered.
    void configDiagnosticsArePrintable()
    {
        const ConfigLoadResult result =
            ConfigLoader::parse(QByteArray("{\"default_agen\\u0000\\u001b[2J\": \"react\"}"),
                                QStringLiteral("t.json"), QProcessEnvironment());
        QCOMPARE(result.diagnostics.size(), 1);
        const QString line = result.diagnostics.first().toString();
        QVERIFY2(!line.contains(QChar(0x1b)) && !line.contains(QChar(0)), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("\\x1b[2J")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("did you mean \"default_agent\"")), qPrintable(line));
    }

    void serverWordsArePrintable()
    {
        const LlmError error{LlmError::Kind::Server, 500, QStringLiteral("bad\x1b]0;pwned\x07"),
                             -1};
        QCOMPARE(error.describe(), QStringLiteral("HTTP 500: bad\\x1b]0;pwned\\x07"));
    }
};

SPOON_TEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
