#include "llm/demoscript.h"
#include "llm/demoserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
QJsonObject request(const QString &question, const QStringList &tools = {})
{
    QJsonArray toolList;
    for (const QString &tool : tools)
        toolList.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), tool}}}});
    return QJsonObject{{QStringLiteral("messages"),
                        QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                               {QStringLiteral("content"), question}}}},
                       {QStringLiteral("tools"), toolList}};
}
} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void faultSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("status with retry-after") << "status=429,retry_after=2,times=1" << true;
        QTest::newRow("delay") << "delay_ms=500" << true;
        QTest::newRow("drop") << "drop_after=3" << true;
        QTest::newRow("unknown key") << "explode=1" << false;
        QTest::newRow("not a number") << "status=abc" << false;
        QTest::newRow("no value") << "status" << false;
    }

    void faultSpecs()
    {
        QFETCH(QString, spec);
        QString error;
        const std::optional<DemoFault> fault = DemoFault::parse(spec, &error);
        QTEST(fault.has_value(), "valid");
        QCOMPARE(error.isEmpty(), fault.has_value());
    }

    void faultFields()
    {
        const DemoFault fault = *DemoFault::parse(
            QStringLiteral("status=429,retry_after=2,times=1,drop_after=4,no_done=1"));
        QCOMPARE(fault.status, 429);
        QCOMPARE(fault.retryAfterSeconds, 2);
        QCOMPARE(fault.times, 1);
        QCOMPARE(fault.dropAfterChunks, 4);
        QVERIFY(fault.omitDone);
    }

    void callsSystemInfoWhenAskedAboutTheEngine()
    {
        const DemoReply reply =
            demoReplyFor(request(QStringLiteral("How much memory is the engine using?"),
                                 {QStringLiteral("http_request"), QStringLiteral("system_info")}));
        QVERIFY(reply.isToolCall);
        QCOMPARE(reply.toolName, QStringLiteral("system_info"));
        QCOMPARE(reply.toolArguments, QStringLiteral("{}"));
    }

    void noToolCallWithoutTheTool()
    {
        const DemoReply reply =
            demoReplyFor(request(QStringLiteral("How much memory is the engine using?")));
        QVERIFY(!reply.isToolCall);
        QVERIFY(reply.text.contains(QStringLiteral("demo endpoint")));
    }

    void answersWithCodeBlocksWhenAskedForCode()
    {
        const DemoReply reply = demoReplyFor(request(QStringLiteral("Show me a code example")));
        QVERIFY(!reply.isToolCall);
        QCOMPARE(reply.text.count(QStringLiteral("```")), 6); // three fenced blocks
        QVERIFY(reply.text.contains(QStringLiteral("```python\nfrom openai import OpenAI")));
    }

    void fetchesAUrlWithTheHttpTool()
    {
        const DemoReply reply =
            demoReplyFor(request(QStringLiteral("Fetch https://example.org/a?b=1 please"),
                                 {QStringLiteral("http_request")}));
        QVERIFY(reply.isToolCall);
        QCOMPARE(reply.toolName, QStringLiteral("http_request"));
        QCOMPARE(QJsonDocument::fromJson(reply.toolArguments.toUtf8())[u"urls"][0].toString(),
                 QStringLiteral("https://example.org/a?b=1"));
    }

    void summarisesAToolResult()
    {
        QJsonObject body = request(QStringLiteral("cpu?"), {QStringLiteral("system_info")});
        QJsonArray messages = body[u"messages"].toArray();
        messages.append(QJsonObject{
            {QStringLiteral("role"), QStringLiteral("assistant")},
            {QStringLiteral("tool_calls"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("id"), QStringLiteral("c1")},
                 {QStringLiteral("function"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("system_info")}}}}}}});
        messages.append(QJsonObject{
            {QStringLiteral("role"), QStringLiteral("tool")},
            {QStringLiteral("tool_call_id"), QStringLiteral("c1")},
            {QStringLiteral("content"),
             QStringLiteral(
                 R"({"process":{"cpu_percent":12.5,"rss_bytes":52428800,"threads":7}})")}});
        body.insert(QStringLiteral("messages"), messages);
        const DemoReply reply = demoReplyFor(body);
        QVERIFY(!reply.isToolCall);
        QVERIFY2(reply.text.contains(QStringLiteral("12.5 % of one core")), qPrintable(reply.text));
        QVERIFY(reply.text.contains(QStringLiteral("50.0 MiB")));
        QVERIFY(reply.text.contains(QStringLiteral("`system_info`")));
    }

    // --events-per-write N packs N stream events into each write (one HTTP chunk, read off
    // the wire here), and a fault counted in events still falls where it was asked for.
    void eventsPerWrite_data()
    {
        QTest::addColumn<int>("perWrite");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("eventsBeforeDrop"); // -1: the stream ends normally
        QTest::newRow("one per write") << 1 << QString() << -1;
        QTest::newRow("three per write") << 3 << QString() << -1;
        QTest::newRow("a drop inside a write") << 3 << QStringLiteral("drop_after=5") << 5;
    }
    void eventsPerWrite()
    {
        QFETCH(int, perWrite);
        QFETCH(QString, fault);
        QFETCH(int, eventsBeforeDrop);
        DemoServer demo;
        demo.setTokensPerSecond(0);
        demo.setEventsPerWrite(perWrite);
        QVERIFY(demo.listen());
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("spoon-demo")},
                                      {QStringLiteral("stream"), true},
                                      {QStringLiteral("messages"),
                                       request(QStringLiteral("hello"))[u"messages"]}})
                .toJson(QJsonDocument::Compact);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, demo.port());
        QVERIFY(socket.waitForConnected(5000));
        QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n";
        if (!fault.isEmpty())
            head += "X-Demo-Fault: " + fault.toUtf8() + "\r\n";
        socket.write(head + "\r\n" + body);
        // The server runs in this thread: wait in an event loop, never in a blocking read.
        QByteArray received;
        QEventLoop loop;
        connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
            received += socket.readAll();
            if (received.endsWith("\r\n0\r\n\r\n"))
                loop.quit();
        });
        connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        received += socket.readAll();
        // The chunked body: each chunk is one write of the server's.
        qsizetype at = received.indexOf("\r\n\r\n");
        QVERIFY(at > 0);
        at += 4;
        QList<int> eventsPerChunk;
        while (at < received.size()) {
            const qsizetype lineEnd = received.indexOf("\r\n", at);
            QVERIFY(lineEnd > at);
            bool ok = false;
            const qsizetype size = received.mid(at, lineEnd - at).toLongLong(&ok, 16);
            QVERIFY(ok);
            if (size == 0)
                break;
            const QByteArray chunk = received.mid(lineEnd + 2, size);
            QCOMPARE(chunk.size(), size);
            eventsPerChunk.append(int(chunk.count("data: ")));
            at = lineEnd + 2 + size + 2;
        }
        QVERIFY(eventsPerChunk.size() >= 2);
        int events = 0;
        for (qsizetype i = 0; i < eventsPerChunk.size(); ++i) {
            events += eventsPerChunk[i];
            if (i + 1 < eventsPerChunk.size() && eventsBeforeDrop < 0)
                QCOMPARE(eventsPerChunk[i], perWrite);
            QVERIFY(eventsPerChunk[i] <= perWrite);
        }
        if (eventsBeforeDrop >= 0) {
            QCOMPARE(events, eventsBeforeDrop);
            QVERIFY(!received.endsWith("\r\n0\r\n\r\n"));
        } else {
            QVERIFY(received.contains("data: [DONE]"));
        }
    }

    void tokensRebuildTheText()
    {
        const QString text =
            QStringLiteral("Streaming works, word by word: extraordinarily well.\n\n1. yes");
        const QStringList tokens = demoTokens(text);
        QCOMPARE(tokens.join(QString()), text);
        QVERIFY(tokens.size() > 10);
        for (const QString &token : tokens)
            QVERIFY(token.trimmed().size() <= 4);
    }
};

SPOON_TEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
