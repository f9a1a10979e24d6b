#include "net/sseparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include "support/fixtures.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

struct Event
{
    QByteArray type;
    QByteArray data;
    QByteArray id;
    bool operator==(const Event &) const = default;
};

QList<Event> parseChunks(const QList<QByteArray> &chunks, bool *cutOff = nullptr)
{
    QList<Event> events;
    SseParser parser([&](const SseEvent &e) {
        events.append(
            Event{e.type.toByteArray(), e.data.toByteArray(), e.lastEventId.toByteArray()});
    });
    for (const QByteArray &chunk : chunks)
        parser.feed(chunk);
    const bool discarded = parser.finish();
    if (cutOff)
        *cutOff = discarded;
    return events;
}

QByteArray fixture(const char *name)
{
    return spoon::test::readFixture(QStringLiteral("sse/") + QLatin1String(name));
}

QList<Event> expectedOpenAi()
{
    const QByteArray text = fixture("openai_stream.txt");
    QList<Event> events;
    for (const QByteArray &block : text.split('\n')) {
        if (block.startsWith("data: "))
            events.append(Event{"message", block.mid(6), {}});
    }
    return events;
}

QList<Event> expectedMixed()
{
    return {
        {"message_start", R"({"type":"message_start"})", ""},
        {"ping", R"({"type": "ping"})", ""},
        {"content_block_delta",
         "{\"type\":\"content_block_delta\",\n "
         "\"delta\":{\"text\":\"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\"}}",
         "42"},
        {"message_stop", R"({"type":"message_stop"})", "42"},
    };
}

} // namespace

Q_DECLARE_METATYPE(QList<Event>)

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordedStreams_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<Event>>("expected");
        QTest::newRow("OpenAI chat completion") << fixture("openai_stream.txt") << expectedOpenAi();
        QTest::newRow("BOM, CR, CRLF, multi-line data, id, retry")
            << fixture("mixed_line_endings.txt") << expectedMixed();
    }

    void recordedStreams()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<Event>, expected);
        QCOMPARE(expected.size() >= 4, true);
        QCOMPARE(parseChunks({stream}), expected);
    }

    void everySplitPoint_data() { recordedStreams_data(); }

    void everySplitPoint()
    {
        // Cut the stream in two at every byte: inside line endings, the BOM and UTF-8.
        QFETCH(QByteArray, stream);
        QFETCH(QList<Event>, expected);
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            const QList<Event> got = parseChunks({stream.first(cut), stream.sliced(cut)});
            QVERIFY2(got == expected, qPrintable(QStringLiteral("split at %1").arg(cut)));
        }
    }

    void everyPairOfSplitPoints()
    {
        const QByteArray stream = fixture("mixed_line_endings.txt");
        const QList<Event> expected = expectedMixed();
        for (qsizetype a = 0; a <= stream.size(); ++a) {
            for (qsizetype b = a; b <= stream.size(); ++b) {
                const QList<Event> got =
                    parseChunks({stream.first(a), stream.sliced(a, b - a), stream.sliced(b)});
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("split at %1 and %2").arg(a).arg(b)));
            }
        }
    }

    void byteByByte_data() { recordedStreams_data(); }

    void byteByByte()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<Event>, expected);
        QList<QByteArray> bytes;
        for (char c : stream)
            bytes.append(QByteArray(1, c));
        QCOMPARE(parseChunks(bytes), expected);
    }

    void standardCases_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<Event>>("expected");
        QTest::newRow("field without colon is an empty value")
            << QByteArray("data\n\n") << QList<Event>{{"message", "", ""}};
        QTest::newRow("no space after colon")
            << QByteArray("data:x\n\n") << QList<Event>{{"message", "x", ""}};
        QTest::newRow("only one leading space is removed")
            << QByteArray("data:  x\n\n") << QList<Event>{{"message", " x", ""}};
        QTest::newRow("lines join with LF")
            << QByteArray("data: a\ndata: b\ndata:\n\n") << QList<Event>{{"message", "a\nb\n", ""}};
        QTest::newRow("unknown fields are ignored")
            << QByteArray("foo: bar\ndata: x\n\n") << QList<Event>{{"message", "x", ""}};
        QTest::newRow("event without data is not dispatched")
            << QByteArray("event: ping\n\ndata: y\n\n") << QList<Event>{{"message", "y", ""}};
        QTest::newRow("event type resets after dispatch")
            << QByteArray("event: a\ndata: 1\n\ndata: 2\n\n")
            << QList<Event>{{"a", "1", ""}, {"message", "2", ""}};
        QTest::newRow("id persists, NUL id ignored")
            << QByteArray("id: 7\ndata: 1\n\nid: 8\0x\ndata: 2\n\n", 33)
            << QList<Event>{{"message", "1", "7"}, {"message", "2", "7"}};
        QTest::newRow("CR CR is a blank line")
            << QByteArray("data: a\r\rdata: b\r\r")
            << QList<Event>{{"message", "a", ""}, {"message", "b", ""}};
        QTest::newRow("BOM mid-stream is content") << QByteArray("data: a\n\n\xEF\xBB\xBF"
                                                                 "data: b\n\n")
                                                   << QList<Event>{{"message", "a", ""}};
        QTest::newRow("comment only") << QByteArray(":hello\n:\n\n") << QList<Event>{};
        QTest::newRow("colon in value")
            << QByteArray("data: a:b: c\n\n") << QList<Event>{{"message", "a:b: c", ""}};
    }

    void standardCases()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<Event>, expected);
        QCOMPARE(parseChunks({stream}), expected);
    }

    void retry()
    {
        SseParser parser([](const SseEvent &) {});
        parser.feed("retry: 1500\n");
        QCOMPARE(parser.retryMs(), qint64(1500));
        parser.feed("retry: 15x\nretry:\n");
        QCOMPARE(parser.retryMs(), qint64(1500)); // non-digits are ignored
    }

    void cutOffStreamIsReported()
    {
        bool cutOff = false;
        QList<Event> events = parseChunks({"data: whole\n\ndata: half"}, &cutOff);
        QCOMPARE(events.size(), 1);
        QVERIFY(cutOff);
        events = parseChunks({"data: whole\n\ndata: more\n"}, &cutOff);
        QCOMPARE(events.size(), 1); // no blank line: not dispatched
        QVERIFY(cutOff);
        events = parseChunks({"data: whole\n\n"}, &cutOff);
        QVERIFY(!cutOff);
    }

    // Past max_event_bytes the parser stops, however the stream is split: the events before
    // the long one are dispatched, nothing after it, and overflowed() says why.
    void aLineOrEventPastTheCapStopsTheParser_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("one long line")
            << QByteArray("data: ok\n\ndata: " + QByteArray(200, 'x') + "\n\ndata: after\n\n");
        QTest::newRow("a line without its end")
            << QByteArray("data: ok\n\n" + QByteArray(200, 'x'));
        QTest::newRow("many short data lines") << QByteArray(
            "data: ok\n\n" + QByteArray("data: 0123456789\n").repeated(20) + "\ndata: after\n\n");
        QTest::newRow("a long comment")
            << QByteArray("data: ok\n\n:" + QByteArray(200, 'c') + "\ndata: after\n\n");
    }
    void aLineOrEventPastTheCapStopsTheParser()
    {
        QFETCH(QByteArray, stream);
        for (qsizetype split = 1; split < stream.size(); ++split) {
            QList<QByteArray> seen;
            SseParser parser([&seen](const SseEvent &e) { seen.append(e.data.toByteArray()); });
            parser.setMaxEventBytes(100);
            parser.feed(QByteArrayView(stream).first(split));
            parser.feed(QByteArrayView(stream).sliced(split));
            QVERIFY(parser.overflowed());
            QCOMPARE(seen, QList<QByteArray>{QByteArray("ok")});
            QVERIFY(parser.finish()); // reported as cut off too
        }
    }

    void randomSplitsOfALongStream()
    {
        QByteArray stream;
        QList<Event> expected;
        for (int i = 0; i < 500; ++i) {
            const QByteArray data =
                "{\"n\":" + QByteArray::number(i) + ",\"t\":\"\xc3\xa9\xe2\x82\xac\"}";
            const char *ending = (i % 3 == 0) ? "\r\n" : (i % 3 == 1 ? "\n" : "\r");
            stream += "data: " + data + ending + ending;
            expected.append(Event{"message", data, ""});
        }
        QRandomGenerator random(11);
        for (int round = 0; round < 200; ++round) {
            QList<QByteArray> chunks;
            for (qsizetype at = 0; at < stream.size();) {
                const qsizetype length = random.bounded(1, 300);
                chunks.append(stream.mid(at, length));
                at += length;
            }
            QCOMPARE(parseChunks(chunks), expected);
        }
    }
};

SPOON_TEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
