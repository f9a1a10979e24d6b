// The MCP client against a real stdio server process that misbehaves on request
// (support/fake_mcp_server.py), and an agent that finds its tools through the catalog.
#include "agent/agentcatalog.h"
#include "agent/mcpclient.h"
#include "agent/mcpframe.h"
#include "compute/computepool.h"
#include "config/configloader.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/retrypolicy.h"
#include "net/httppool.h"
#include "support/awaittask.h"
#include "support/fakellm.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include <qcoro/qcorotask.h>

#include <optional>

#include "support/testenvironment.h"

using namespace spoon;
using spoon::test::awaitTask;
using spoon::test::FakeLlm;
using spoon::test::FakeReply;

namespace {

McpServerConfig fakeServer(const QString &mode = QStringLiteral("ok"), double timeout = 5.0)
{
    return McpServerConfig{QStringLiteral("/usr/bin/python3"),
                           // -I: isolated from the user's site-packages and PYTHON* variables.
                           {QStringLiteral("-I"),
                            QStringLiteral(SPOON_SOURCE_DIR "/tests/support/fake_mcp_server.py"),
                            mode},
                           {},
                           {},
                           timeout};
}

ToolResult call(McpClient &client, const QString &tool, const QJsonObject &arguments = {},
                CancelTokenPtr cancel = std::make_shared<CancelToken>())
{
    return spoon::test::awaitOrFail(client.callTool(tool, arguments, cancel),
                                    ToolResult::error(QStringLiteral("the test waited too long")));
}

// An engine's worth of parts whose one agent, "tester", has the tool entries `toolsJson`
// and talks to the LLM at `baseUrl`.
struct CatalogRig
{
    CatalogRig(const QString &baseUrl, const QString &toolsJson)
        : loaded(ConfigLoader::parse(
              QStringLiteral(R"({"providers": {"fake": {"base_url": "%1", "model": "m"}},
                                 "agents": {"tester": {"tools": %2}},
                                 "default_agent": "tester"})")
                  .arg(baseUrl, toolsJson)
                  .toUtf8(),
              QStringLiteral("test.json"), env()))
        , pool(HttpPoolLimits{}, &registry)
        , stats(registry)
        , router(loaded.config, pool, stats)
        , compute(1)
        , catalog(loaded.config, router, pool, compute, registry)
    {
        router.setRetryPolicy(RetryPolicy(0));
    }
    static QProcessEnvironment env()
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("FAKE_API_KEY"), QStringLiteral("k-0123456789abcdef0123"));
        return e;
    }

    ConfigLoadResult loaded;
    MetricsRegistry registry;
    HttpPool pool;
    LlmStats stats;
    LlmRouter router;
    ComputePool compute;
    AgentCatalog catalog;
};

} // namespace

class TestMcpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsEveryPageAfterAnEarlyNotification()
    {
        MetricsRegistry registry;
        McpClient client(QStringLiteral("fake"), fakeServer(), &registry);
        QString error;
        const auto tools = awaitTask(client.listTools(&error));
        QVERIFY(tools.has_value());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList names;
        for (const McpToolInfo &tool : *tools)
            names.append(tool.name);
        // Three pages of two.
        QCOMPARE(names, (QStringList{QStringLiteral("echo"), QStringLiteral("fail"),
                                     QStringLiteral("whoami"), QStringLiteral("crash"),
                                     QStringLiteral("hang"), QStringLiteral("garbage")}));
        QVERIFY(tools->at(0).readOnly);
        QVERIFY(!tools->at(1).readOnly);
        QCOMPARE(tools->at(0).inputSchema.value(u"required").toArray().first().toString(),
                 QStringLiteral("text"));
        // A tool without a schema gets the empty object schema.
        QCOMPARE(tools->at(1).inputSchema.value(u"type").toString(), QStringLiteral("object"));
        QCOMPARE(client.serverName(), QStringLiteral("fake-mcp"));
        QCOMPARE(client.starts(), 1);
    }

    // Quitting with a server running ends it quietly: Qt warned "QProcess: Destroyed while
    // process ... is still running" on every exit after an MCP tool was used.
    void aRunningServerEndsWithTheClientWithoutAWarning()
    {
        auto client = std::make_unique<McpClient>(QStringLiteral("fake"), fakeServer());
        QString error;
        QVERIFY(awaitTask(client->listTools(&error)).has_value());
        QVERIFY(client->isRunning());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
        client.reset();
    }

    void callsToolsAndAnswersTheServersRequests()
    {
        McpClient client(QStringLiteral("fake"), fakeServer());
        const ToolResult echo =
            call(client, QStringLiteral("echo"), {{QStringLiteral("text"), QStringLiteral("hi")}});
        QVERIFY(!echo.isError);
        QCOMPARE(echo.content, QStringLiteral("echo: hi"));
        // isError results are tool errors the model reads, not client failures.
        const ToolResult fail = call(client, QStringLiteral("fail"));
        QVERIFY(fail.isError);
        QCOMPARE(fail.content, QStringLiteral("the fail tool failed, as asked"));
        // A JSON-RPC error names the code and the server's message.
        const ToolResult unknown = call(client, QStringLiteral("nope"));
        QVERIFY(unknown.isError);
        QVERIFY2(unknown.content.contains(QStringLiteral("MCP error -32602: unknown tool nope")),
                 qPrintable(unknown.content));
        // The client said initialized and answered the server's ping.
        const QJsonObject seen =
            QJsonDocument::fromJson(call(client, QStringLiteral("whoami")).content.toUtf8())
                .object();
        QCOMPARE(seen.value(u"initialized").toBool(), true);
        QCOMPARE(seen.value(u"ping_answered").toBool(), true);
        QCOMPARE(client.starts(), 1);
    }

    void framesAreClassified_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("id");
        using K = McpFrame::Kind;
        QTest::newRow("response") << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{}})")
                                  << int(K::Response) << qint64(7);
        QTest::newRow("error response")
            << QByteArray(R"({"jsonrpc":"2.0","id":8,"error":{"code":-1,"message":"no"}})")
            << int(K::Response) << qint64(8);
        QTest::newRow("string id") << QByteArray(R"({"jsonrpc":"2.0","id":"x","result":{}})")
                                   << int(K::Response) << qint64(-1);
        QTest::newRow("huge id") << QByteArray(R"({"jsonrpc":"2.0","id":1e300,"result":{}})")
                                 << int(K::Response) << qint64(-1);
        QTest::newRow("request") << QByteArray(R"({"jsonrpc":"2.0","id":"p","method":"ping"})")
                                 << int(K::Request) << qint64(-1);
        QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"n"})")
                                      << int(K::Notification) << qint64(-1);
        QTest::newRow("not 2.0") << QByteArray(R"({"jsonrpc":"1.0","id":1,"result":{}})")
                                 << int(K::Invalid) << qint64(-1);
        QTest::newRow("neither id nor method")
            << QByteArray(R"({"jsonrpc":"2.0"})") << int(K::Invalid) << qint64(-1);
        QTest::newRow("not JSON") << QByteArray("hello") << int(K::Invalid) << qint64(-1);
    }
    void framesAreClassified()
    {
        QFETCH(QByteArray, line);
        const McpFrame frame = McpFrame::parse(line);
        QTEST(int(frame.kind), "kind");
        QTEST(frame.numericId, "id");
        if (frame.kind == McpFrame::Kind::Invalid)
            QVERIFY(!frame.problem.isEmpty());
    }

    // A tool server sees PATH, HOME, LANG and what its entry grants: none of our keys.
    void aServerGetsAMinimalEnvironment()
    {
        qputenv("OPENAI_API_KEY", "sk-must-not-travel-0123456789");
        qputenv("SPOON_TEST_OTHER", "also private");
        McpServerConfig config = fakeServer();
        config.env.insert(QStringLiteral("GRANTED"), QStringLiteral("yes"));
        McpClient client(QStringLiteral("fake"), config);
        const QJsonObject seen =
            QJsonDocument::fromJson(call(client, QStringLiteral("whoami")).content.toUtf8())
                .object();
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("SPOON_TEST_OTHER");
        QStringList names = seen.value(u"environment").toObject().keys();
        // Python and the C library may add their own (LC_CTYPE); nothing of ours beyond these.
        names.removeAll(QStringLiteral("LC_CTYPE"));
        QStringList expected{QStringLiteral("GRANTED"), QStringLiteral("HOME"),
                             QStringLiteral("PATH")};
        if (qEnvironmentVariableIsSet("LANG"))
            expected.append(QStringLiteral("LANG"));
        expected.sort();
        QCOMPARE(names, expected);
        QCOMPARE(seen.value(u"environment")[u"GRANTED"].toString(), QStringLiteral("yes"));
    }

    void aServerThatBreaksIsRestartedOnItsNextUse_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("said");
        QTest::newRow("crash") << QStringLiteral("crash")
                               << QStringLiteral("the server exited with code 3 (it said: "
                                                 "fake-mcp: crashing as asked)");
        QTest::newRow("hang") << QStringLiteral("hang")
                              << QStringLiteral("no answer to tools/call within 1 s");
        QTest::newRow("garbage") << QStringLiteral("garbage")
                                 << QStringLiteral("not JSON-RPC: \"this is not json\"");
    }
    void aServerThatBreaksIsRestartedOnItsNextUse()
    {
        QFETCH(QString, tool);
        QFETCH(QString, said);
        MetricsRegistry registry;
        McpClient client(QStringLiteral("fake"), fakeServer(QStringLiteral("ok"), 1.0), &registry);
        QVERIFY(
            !call(client, QStringLiteral("echo"), {{QStringLiteral("text"), QStringLiteral("a")}})
                 .isError);
        const ToolResult broken = call(client, tool);
        QVERIFY(broken.isError);
        QVERIFY2(broken.content.contains(said), qPrintable(broken.content));
        QVERIFY(!client.isRunning());
        const ToolResult again =
            call(client, QStringLiteral("echo"), {{QStringLiteral("text"), QStringLiteral("b")}});
        QVERIFY2(!again.isError, qPrintable(again.content));
        QCOMPARE(again.content, QStringLiteral("echo: b"));
        QCOMPARE(client.starts(), 2);
        const MetricLabels labels{{"server", "fake"}};
        QCOMPARE(registry.value(metric::kMcpStarts, labels), 2.0);
        QCOMPARE(registry.value(metric::kMcpFailures, labels), 1.0);
        QCOMPARE(registry.value(metric::kMcpCalls, labels), 3.0);
    }

    void cancellingACallTellsTheServerAndKeepsIt()
    {
        McpClient client(QStringLiteral("fake"), fakeServer(QStringLiteral("ok"), 600.0));
        QVERIFY(!call(client, QStringLiteral("echo")).isError); // started and ready
        auto cancel = std::make_shared<CancelToken>();
        QCoro::Task<ToolResult> task = client.callTool(QStringLiteral("hang"), {}, cancel);
        QTRY_COMPARE_WITH_TIMEOUT(client.requestsInFlight(), 1, 60'000); // the call is out
        cancel->cancel();
        // The server never answers and the timeout is ten minutes: only the cancel ends it.
        const ToolResult hung = spoon::test::awaitOrFail(
            std::move(task), ToolResult::error(QStringLiteral("the test waited too long")));
        QVERIFY(hung.isError);
        QVERIFY2(hung.content.contains(QStringLiteral("cancelled")), qPrintable(hung.content));
        QCOMPARE(client.requestsInFlight(), 0);
        const QJsonObject seen =
            QJsonDocument::fromJson(call(client, QStringLiteral("whoami")).content.toUtf8())
                .object();
        QCOMPARE(seen.value(u"cancelled").toArray().size(), 1);
        QCOMPARE(client.starts(), 1);
    }

    // A server that misbehaves without end is cut off with a clear error, and memory stays
    // bounded: endless pages, a flood it sends while never reading our answers, a line with
    // no end.
    void endlessServersAreCutOff_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("said");
        QTest::newRow("endless tools/list pages")
            << QStringLiteral("endless-pages") << QStringLiteral("did not end within 100 pages");
        QTest::newRow("ping flood, stdin never read")
            << QStringLiteral("ping-flood") << QStringLiteral("does not read its input");
        QTest::newRow("a line with no end")
            << QStringLiteral("huge-line") << QStringLiteral("a message longer than");
    }
    void endlessServersAreCutOff()
    {
        QFETCH(QString, mode);
        QFETCH(QString, said);
        McpClient client(QStringLiteral("fake"), fakeServer(mode, 60.0));
        QString error;
        const auto tools = awaitTask(client.listTools(&error));
        QVERIFY(tools.has_value());
        QVERIFY(tools->isEmpty());
        QVERIFY2(error.contains(said), qPrintable(error));
        QVERIFY(!client.isRunning());
    }

    void startupFailuresAreClear_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("said");
        QTest::newRow("missing command") << QStringLiteral("/nonexistent/mcp-server") << QString()
                                         << QStringLiteral("cannot start /nonexistent/mcp-server");
        QTest::newRow("unknown protocol version")
            << QString() << QStringLiteral("bad-version")
            << QStringLiteral("the server speaks MCP 1999-01-01");
        QTest::newRow("never answers initialize")
            << QString() << QStringLiteral("silent")
            << QStringLiteral("no answer to initialize within 1 s");
    }
    void startupFailuresAreClear()
    {
        QFETCH(QString, command);
        QFETCH(QString, mode);
        QFETCH(QString, said);
        McpServerConfig config = fakeServer(mode, 1.0);
        if (!command.isEmpty())
            config.command = command;
        McpClient client(QStringLiteral("fake"), config);
        QString error;
        const auto tools = awaitTask(client.listTools(&error));
        QVERIFY(tools.has_value());
        QVERIFY(tools->isEmpty());
        QVERIFY2(error.contains(said), qPrintable(error));
        const ToolResult result = call(client, QStringLiteral("echo"));
        QVERIFY(result.isError);
        QVERIFY2(result.content.startsWith(QStringLiteral("MCP server \"fake\" is not available")),
                 qPrintable(result.content));
    }

    void concurrentFirstUsesShareOneStart()
    {
        McpClient client(QStringLiteral("fake"), fakeServer());
        auto cancel = std::make_shared<CancelToken>();
        // Both start before either is awaited: the second finds the first's start under way.
        QCoro::Task<ToolResult> first = client.callTool(
            QStringLiteral("echo"), {{QStringLiteral("text"), QStringLiteral("1")}}, cancel);
        QCoro::Task<ToolResult> second = client.callTool(
            QStringLiteral("echo"), {{QStringLiteral("text"), QStringLiteral("2")}}, cancel);
        const std::optional<ToolResult> a = awaitTask(std::move(first));
        const std::optional<ToolResult> b = awaitTask(std::move(second));
        QVERIFY(a && b);
        QCOMPARE(a->content, QStringLiteral("echo: 1"));
        QCOMPARE(b->content, QStringLiteral("echo: 2"));
        QCOMPARE(client.starts(), 1);
    }

    // The catalog gives an agent the MCP server's tools at its first turn; the model calls one.
    void anAgentCallsAnMcpTool()
    {
        FakeLlm llm({FakeReply{QString(),
                               {ToolCall{QStringLiteral("c1"), QStringLiteral("echo"),
                                         QStringLiteral(R"({"text":"from the agent"})")}}},
                     FakeReply{QStringLiteral("It said it back."), {}}});
        const QString script = QStringLiteral(SPOON_SOURCE_DIR "/tests/support/fake_mcp_server.py");
        CatalogRig rig(llm.baseUrl(),
                       QStringLiteral(R"([{"name": "echo", "type": "mcp", "config": {"cache": true},
                                          "mcp_server": {"command": "/usr/bin/python3",
                                                         "args": ["%1"]}}])")
                           .arg(script));
        QVERIFY2(rig.loaded.isValid(), qPrintable(describeAll(rig.loaded.diagnostics)));
        std::unique_ptr<ReactAgent> agent(rig.catalog.create(QStringLiteral("tester")));
        QVERIFY(agent);
        QVERIFY(agent->tools().isEmpty()); // not yet: the server starts with the first turn
        QSignalSpy finishedTool(agent.get(), &ReactAgent::toolCallFinished);
        QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
        agent->start(QStringLiteral("say it back"));
        QVERIFY(finished.wait(20000));
        const AgentTurn turn = finished.first().first().value<AgentTurn>();
        QVERIFY2(!turn.error.isError(), qPrintable(turn.error.describe()));
        QCOMPARE(turn.answer, QStringLiteral("It said it back."));
        // Only the tool the entry names is offered.
        QCOMPARE(agent->tools().names(), QStringList{QStringLiteral("echo")});
        QCOMPARE(finishedTool.count(), 1);
        QCOMPARE(finishedTool.first().at(2).toString(), QStringLiteral("echo: from the agent"));
        QCOMPARE(llm.requests().first().value(u"tools").toArray().size(), 1);
        QCOMPARE(rig.catalog.toolCache().stats().misses, quint64(1)); // cached as the entry asks
    }

    void anAgentGoesOnWhenItsMcpServerCannotStart()
    {
        FakeLlm llm({FakeReply{QStringLiteral("No tools, but here is an answer."), {}}});
        CatalogRig rig(llm.baseUrl(), QStringLiteral(R"([{"name": "files", "type": "mcp",
                                   "mcp_server": {"command": "/nonexistent/server"}}])"));
        QVERIFY2(rig.loaded.isValid(), qPrintable(describeAll(rig.loaded.diagnostics)));
        std::unique_ptr<ReactAgent> agent(rig.catalog.create(QStringLiteral("tester")));
        QSignalSpy unavailable(agent.get(), &ReactAgent::toolsUnavailable);
        QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
        agent->start(QStringLiteral("hello"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<AgentTurn>().answer,
                 QStringLiteral("No tools, but here is an answer."));
        QCOMPARE(unavailable.count(), 1);
        QVERIFY2(unavailable.first().first().toString().contains(
                     QStringLiteral("The tools of MCP server \"files\" are not available: cannot "
                                    "start /nonexistent/server")),
                 qPrintable(unavailable.first().first().toString()));
        // The next turn tries again.
        agent->start(QStringLiteral("again"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(unavailable.count(), 2);
    }
};

SPOON_TEST_GUILESS_MAIN(TestMcpClient)
#include "tst_mcpclient.moc"
