#include "llm/demoscript.h"
#include "llm/demoserver.h"

#include <QJsonArray>
#include <QJsonDocument>
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
