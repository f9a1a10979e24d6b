#include "config/jsonlocator.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestJsonLocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void positions_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const QByteArray nested =
            "{\n  \"a\": {\n    \"b\": 1,\n    \"c\": [10, {\"d\": true}]\n  }\n}";
        QTest::newRow("object key") << nested << "a" << 2 << 3;
        QTest::newRow("nested key") << nested << "a.b" << 3 << 5;
        QTest::newRow("array item") << nested << "a.c[0]" << 4 << 11;
        QTest::newRow("key inside array item") << nested << "a.c[1].d" << 4 << 16;
        QTest::newRow("missing key: nearest ancestor") << nested << "a.c[1].zz" << 4 << 15;
        QTest::newRow("root") << nested << "" << 1 << 1;
        // Columns count characters: "é" is two bytes but one column.
        QTest::newRow("utf-8 before key")
            << QByteArray("{\"\xc3\xa9\": 1, \"k\": 2}") << "k" << 1 << 10;
        QTest::newRow("escaped key")
            << QByteArray("{\"a\\\"b\": 1,\n \"x\\u0041\": 2}") << "xA" << 2 << 2;
        QTest::newRow("CRLF lines")
            << QByteArray("{\r\n\"a\": 1,\r\n\"b\": 2\r\n}") << "b" << 3 << 1;
    }

    void positions()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const JsonLocator locator(json);
        const JsonLocator::Position position = locator.positionOf(path);
        QTEST(position.line, "line");
        QTEST(position.column, "column");
    }

    void duplicateKeys()
    {
        const JsonLocator locator("{\"a\": 1,\n\"b\": {\"x\": 1, \"x\": 2},\n\"a\": 3}");
        QCOMPARE(locator.duplicates().size(), 2);
        QCOMPARE(locator.duplicates().at(0).path, QStringLiteral("b.x"));
        QCOMPARE(locator.duplicates().at(1).path, QStringLiteral("a"));
        QCOMPARE(locator.duplicates().at(1).position.line, 3);
        // The last occurrence is the one Qt keeps, so it is the one errors point at.
        QCOMPARE(locator.positionOf(QStringLiteral("a")).line, 3);
    }

    void offsetToPosition()
    {
        const QByteArray text = "ab\ncd\xc3\xa9"
                                "f";
        QCOMPARE(JsonLocator::positionAtOffset(text, 0).line, 1);
        QCOMPARE(JsonLocator::positionAtOffset(text, 4).line, 2);
        QCOMPARE(JsonLocator::positionAtOffset(text, 4).column, 2);
        QCOMPARE(JsonLocator::positionAtOffset(text, 7).column, 4);
        QCOMPARE(JsonLocator::positionAtOffset(text, 1000).line, 2); // clamps
    }

    void survivesGarbageAndDeepNesting_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("lineOfA");
        QTest::addColumn<int>("columnOfA");
        // Where "a" is; where it is not found, the document's start (its nearest ancestor).
        QTest::newRow("cut in an array") << QByteArray("{\"a\": [1, 2") << 1 << 2;
        QTest::newRow("cut in a key") << QByteArray("{\"a") << 1 << 1;
        QTest::newRow("closers only") << QByteArray("}}}") << 1 << 1;
        QTest::newRow("empty") << QByteArray() << 1 << 1;
        QTest::newRow("deep") << QByteArray(100000, '[') << 1 << 1;
        QTest::newRow("cut escape") << QByteArray("{\"\\u12") << 1 << 1;
        QTest::newRow("cut string") << QByteArray("[\"\\") << 1 << 1;
        QTest::newRow("second line") << QByteArray("{\n \"a\": {\"b\": [") << 2 << 2;
    }

    void survivesGarbageAndDeepNesting()
    {
        // Only valid JSON is given to it in the loader, but it must never crash, and what it
        // finds is in the text.
        QFETCH(QByteArray, text);
        QFETCH(int, lineOfA);
        QFETCH(int, columnOfA);
        const JsonLocator locator(text);
        QCOMPARE(locator.positionOf(QStringLiteral("a")).line, lineOfA);
        QCOMPARE(locator.positionOf(QStringLiteral("a")).column, columnOfA);
        const JsonLocator::Position deeper = locator.positionOf(QStringLiteral("a.b"));
        QVERIFY(!deeper.isValid() || (deeper.line >= 1 && deeper.line <= text.count('\n') + 1));
    }
};

SPOON_TEST_GUILESS_MAIN(TestJsonLocator)
#include "tst_jsonlocator.moc"
