// Tools and their checks: the HTTP tool against local servers, the address policy, the
// caching wrapper, JSON Schema checks, the CPU pool.
#include "agent/addresspolicy.h"
#include "agent/cachedtool.h"
#include "agent/conversationhistory.h"
#include "agent/jsonschemavalidator.h"
#include "agent/tools/httprequesttool.h"
#include "agent/tools/systeminfotool.h"
#include "compute/computepool.h"
#include "config/config.h"
#include "monitor/processmonitor.h"
#include "net/httppool.h"
#include "net/httpserver.h"
#include "support/awaittask.h"
#include "telemetry/metricsregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include "support/holdingserver.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

ToolResult runTool(Tool &tool, const QJsonObject &arguments,
                   CancelTokenPtr cancel = std::make_shared<CancelToken>())
{
    return spoon::test::awaitOrFail(tool.execute(arguments, cancel),
                                    ToolResult::error(QStringLiteral("the test waited too long")));
}

QJsonArray resultsOf(const ToolResult &result)
{
    return QJsonDocument::fromJson(result.content.toUtf8()).array();
}

ToolPerformance toolLimits(QStringList allow = {})
{
    ToolPerformance t = Config::defaults().performance.tools;
    t.allowHosts = std::move(allow);
    return t;
}

// A site for the HTTP tool: "hello <path>", and a few paths that misbehave. It holds every
// request until released when the test says so, to count what the tool runs at once.
struct Site : spoon::test::HoldingServer
{
    explicit Site(bool hold = false)
        : HoldingServer(&Site::answer)
    {
        if (!hold)
            stopHolding();
    }
    static void answer(HttpServerExchange *exchange)
    {
        const QByteArray path = exchange->request().path;
        if (path == "/big")
            exchange->respond(200, "text/plain", QByteArray(50'000, 'x'));
        else if (path == "/moved")
            exchange->respond(302, "text/plain", "", {{"Location", "http://10.0.0.1/inside"}});
        else if (path == "/latin1")
            exchange->respond(200, "text/plain; charset=iso-8859-1", "caf\xe9");
        else if (path == "/image")
            exchange->respond(200, "image/png", QByteArray(300, '\x89'));
        else
            exchange->respond(200, "text/plain; charset=utf-8", "hello " + path);
    }
    QString url(const char *path) const
    {
        return HoldingServer::url(QLatin1String(path)).toString();
    }
};

struct ToolRig
{
    explicit ToolRig(QStringList allow, qint64 maxBytes = 10 * 1024 * 1024)
        : pool(HttpPoolLimits{}, &registry)
        , compute(2, &registry)
    {
        ToolPerformance limits = toolLimits(std::move(allow));
        limits.maxResponseBytes = maxBytes;
        tool = std::make_unique<HttpRequestTool>(pool, compute, limits);
    }
    MetricsRegistry registry;
    HttpPool pool;
    ComputePool compute;
    std::unique_ptr<HttpRequestTool> tool;
};

} // namespace

class TestTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesManyUrlsTenAtATime()
    {
        Site site(true); // holds the requests until the tool has sent all it may
        ToolRig rig({site.hostPort()});
        QJsonArray urls;
        for (int i = 0; i < 25; ++i)
            urls.append(QString(site.url("/page") + QString::number(i)));
        const double computeBefore = rig.registry.value("spoon_compute_tasks_total").value_or(0);
        QCoro::Task<ToolResult> task = rig.tool->execute(
            QJsonObject{{QStringLiteral("urls"), urls}}, std::make_shared<CancelToken>());
        QTRY_COMPARE_WITH_TIMEOUT(site.active(), 10, 60'000); // concurrent_limit
        site.stopHolding();
        const ToolResult result = spoon::test::awaitOrFail(
            std::move(task), ToolResult::error(QStringLiteral("the test waited too long")));
        QVERIFY(!result.isError);
        const QJsonArray results = resultsOf(result);
        QCOMPARE(results.size(), 25);
        QCOMPARE(results[7][u"status"].toInt(), 200);
        QCOMPARE(results[7][u"data"].toString(), QStringLiteral("hello /page7"));
        QCOMPARE(site.peak(), 10);
        QCOMPARE(site.served(), 25);
        // Decoding ran on the compute pool: one task for the whole result.
        QCOMPARE(rig.registry.value("spoon_compute_tasks_total").value_or(0) - computeBefore, 1.0);
    }

    void eachUrlGetsItsOwnResultOrError()
    {
        Site site;
        ToolRig rig({site.hostPort()});
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost);
        const quint16 deadPort = closed.serverPort();
        closed.close();
        const QJsonArray urls{site.url("/ok"), QStringLiteral("ftp://example.org/file"),
                              QStringLiteral("http://127.0.0.1:%1/nobody").arg(deadPort),
                              site.url("/latin1"), site.url("/image")};
        const QJsonArray results =
            resultsOf(runTool(*rig.tool, QJsonObject{{QStringLiteral("urls"), urls}}));
        QCOMPARE(results.size(), 5);
        QCOMPARE(results[0][u"data"].toString(), QStringLiteral("hello /ok"));
        QCOMPARE(results[1][u"error"].toString(), QStringLiteral("not an http:// or https:// URL"));
        QVERIFY(results[2][u"error"].toString().contains(QStringLiteral("internal address")));
        QCOMPARE(results[3][u"data"].toString(),
                 QStringLiteral("caf\u00e9")); // decoded by its charset
        QVERIFY(results[4][u"data"].toString().contains(QStringLiteral("300 bytes of image/png")));
    }

    void refusesInternalAddressesUnlessAllowed()
    {
        Site site;
        ToolRig rig({});
        const ToolResult result = runTool(
            *rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/secret")}}});
        QVERIFY(result.isError); // every URL failed
        QVERIFY(resultsOf(result)[0][u"error"].toString().contains(
            QStringLiteral("127.0.0.1, an internal address")));
    }

    void redirectsAreReportedNotFollowed()
    {
        Site site;
        ToolRig rig({site.hostPort()});
        const QJsonObject moved = resultsOf(runTool(
            *rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/moved")}}}))[0]
                                      .toObject();
        QCOMPARE(moved[u"status"].toInt(), 302);
        QCOMPARE(moved[u"location"].toString(), QStringLiteral("http://10.0.0.1/inside"));
    }

    void bodiesAreCappedAndTrimmed()
    {
        Site site;
        {
            ToolRig rig({site.hostPort()}, 10'000);
            const QJsonObject big = resultsOf(runTool(
                *rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/big")}}}))[0]
                                        .toObject();
            QVERIFY(big[u"error"].toString().startsWith(QStringLiteral("response too large")));
        }
        ToolRig rig({site.hostPort()});
        const QJsonObject big = resultsOf(runTool(
            *rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/big")}}}))[0]
                                    .toObject();
        QCOMPARE(big[u"data"].toString().size(), qsizetype(HttpRequestTool::kMaxCharsPerUrl));
        QCOMPARE(big[u"truncated"].toBool(), true);
        QCOMPARE(big[u"bytes"].toInt(), 50'000);
    }

    void cancelStopsTheFetches()
    {
        Site site(true); // never answers: only the cancel can end the call
        ToolRig rig({site.hostPort()});
        auto cancel = std::make_shared<CancelToken>();
        QCoro::Task<ToolResult> task = rig.tool->execute(
            QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/slow")}}}, cancel);
        QTRY_COMPARE_WITH_TIMEOUT(site.active(), 1, 60'000);
        cancel->cancel();
        const ToolResult result = spoon::test::awaitOrFail(
            std::move(task), ToolResult::error(QStringLiteral("the test waited too long")));
        QVERIFY(resultsOf(result)[0][u"error"].toString().contains(QStringLiteral("cancelled")));
    }

    void readOnlyDependsOnTheMethod()
    {
        ToolRig rig({});
        QVERIFY(rig.tool->isReadOnly(QJsonObject{}));
        QVERIFY(
            rig.tool->isReadOnly(QJsonObject{{QStringLiteral("method"), QStringLiteral("HEAD")}}));
        QVERIFY(
            !rig.tool->isReadOnly(QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")}}));
    }

    void addressPolicy_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("internal");
        QTest::newRow("loopback v4") << "127.0.0.1" << true;
        QTest::newRow("loopback elsewhere in 127/8") << "127.8.9.10" << true;
        QTest::newRow("loopback v6") << "::1" << true;
        QTest::newRow("10/8") << "10.1.2.3" << true;
        QTest::newRow("172.16/12") << "172.31.255.255" << true;
        QTest::newRow("172.32 is public") << "172.32.0.1" << false;
        QTest::newRow("192.168/16") << "192.168.1.1" << true;
        QTest::newRow("link-local v4 (cloud metadata)") << "169.254.169.254" << true;
        QTest::newRow("link-local v6") << "fe80::1" << true;
        QTest::newRow("unique local v6") << "fd12::1" << true;
        QTest::newRow("carrier-grade NAT") << "100.64.0.1" << true;
        QTest::newRow("unspecified") << "0.0.0.0" << true;
        QTest::newRow("v4-mapped loopback") << "::ffff:127.0.0.1" << true;
        QTest::newRow("public v4") << "93.184.216.34" << false;
        QTest::newRow("public v6") << "2606:4700::1111" << false;
    }

    void addressPolicy()
    {
        QFETCH(QString, address);
        QTEST(AddressPolicy::isInternal(QHostAddress(address)), "internal");
    }

    void allowList()
    {
        const AddressPolicy policy(
            {QStringLiteral("localhost:8080"), QStringLiteral("intranet.example")});
        QVERIFY(policy.isAllowListed(QUrl(QStringLiteral("http://localhost:8080/x"))));
        QVERIFY(!policy.isAllowListed(QUrl(QStringLiteral("http://localhost:9090/x"))));
        QVERIFY(policy.isAllowListed(QUrl(QStringLiteral("https://INTRANET.example/x"))));
        QVERIFY(
            policy.refusal(QUrl(QStringLiteral("http://localhost:8080")), QHostAddress::LocalHost)
                .isEmpty());
        QVERIFY(!policy.refusal(QUrl(QStringLiteral("http://other")), QHostAddress::LocalHost)
                     .isEmpty());
    }

    void cachedToolAnswersRepeatsAndSkipsWrites()
    {
        Site site;
        MetricsRegistry registry;
        ToolRig rig({site.hostPort()});
        ToolResultCache cache(100, 3600'000);
        cache.publish(registry, "tools");
        auto inner = std::shared_ptr<Tool>(std::move(rig.tool));
        CachedTool cached(inner, cache);
        const QJsonObject get{{QStringLiteral("urls"), QJsonArray{site.url("/a")}}};
        QCOMPARE(runTool(cached, get).isError, false);
        QCOMPARE(runTool(cached, get).isError, false);
        QCOMPARE(cache.stats().hits, quint64(1));
        QCOMPARE(site.served(), 1); // the repeat never reached the site
        // Same arguments in another key order: the same canonical key; other arguments: another.
        const QJsonObject getTwo{{QStringLiteral("urls"), QJsonArray{site.url("/a")}},
                                 {QStringLiteral("method"), QStringLiteral("GET")}};
        QJsonObject reordered;
        reordered.insert(QStringLiteral("method"), QStringLiteral("GET"));
        reordered.insert(QStringLiteral("urls"), QJsonArray{site.url("/a")});
        QCOMPARE(CachedTool::keyFor(QStringLiteral("http_request"), reordered),
                 CachedTool::keyFor(QStringLiteral("http_request"), getTwo));
        QVERIFY(CachedTool::keyFor(QStringLiteral("http_request"), get) !=
                CachedTool::keyFor(QStringLiteral("http_request"), getTwo));
        const QJsonObject post{{QStringLiteral("urls"), QJsonArray{site.url("/a")}},
                               {QStringLiteral("method"), QStringLiteral("POST")}};
        runTool(cached, post);
        runTool(cached, post);
        QCOMPARE(cache.stats().hits, quint64(1)); // a POST is never replayed
        QCOMPARE(registry.value("spoon_cache_hits_total", {{"cache", "tools"}}), 1.0);
    }

    void systemInfoToolReportsTheRegistry()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 10);
        monitor.sampleNow();
        SystemInfoTool tool(registry);
        QVERIFY(tool.isReadOnly({}));
        const QJsonObject info =
            QJsonDocument::fromJson(runTool(tool, {}).content.toUtf8()).object();
        QVERIFY(info[u"process"][u"rss_bytes"].toDouble() > 1024 * 1024);
        QVERIFY(info[u"machine"][u"memory_total_bytes"].toDouble() > 0);
        QVERIFY(JsonSchemaValidator::validate(tool.parameters(), QJsonObject()).isEmpty());
        QVERIFY(
            !JsonSchemaValidator::validate(tool.parameters(), QJsonObject{{QStringLiteral("x"), 1}})
                 .isEmpty());
    }

    void schemaChecks_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("problem"); // empty: valid
        const QByteArray object =
            R"({"type":"object","properties":{"n":{"type":"integer","minimum":1,"maximum":5},
            "tags":{"type":"array","items":{"type":"string"},"maxItems":2},"mode":{"enum":["a","b"]},
            "name":{"type":"string","minLength":2}},"required":["n"],"additionalProperties":false})";
        QTest::newRow("valid") << object << QByteArray(R"({"n":3,"tags":["x"],"mode":"a"})") << "";
        QTest::newRow("missing") << object << QByteArray(R"({})") << "arguments: \"n\" is required";
        QTest::newRow("wrong type")
            << object << QByteArray(R"({"n":"3"})") << "n: expected integer, got \"3\"";
        QTest::newRow("fraction for integer")
            << object << QByteArray(R"({"n":2.5})") << "n: expected integer, got 2.5";
        QTest::newRow("below minimum")
            << object << QByteArray(R"({"n":0})") << "n: 0 is below the minimum 1";
        QTest::newRow("item type")
            << object << QByteArray(R"({"n":1,"tags":[1]})") << "tags[0]: expected string, got 1";
        QTest::newRow("too many items") << object << QByteArray(R"({"n":1,"tags":["a","b","c"]})")
                                        << "tags: takes at most 2 items";
        QTest::newRow("enum") << object << QByteArray(R"({"n":1,"mode":"c"})")
                              << "mode: expected one of \"a\", \"b\", got \"c\"";
        QTest::newRow("short string")
            << object << QByteArray(R"({"n":1,"name":"x"})") << "name: shorter than 2 characters";
        QTest::newRow("unknown argument")
            << object << QByteArray(R"({"n":1,"extra":true})")
            << "arguments: unknown argument \"extra\" (expected: mode, n, name, tags)";
        QTest::newRow("type list")
            << QByteArray(R"({"type":["string","null"]})") << QByteArray("[null]") << "";
    }

    void schemaChecks()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QByteArray, value);
        QFETCH(QString, problem);
        const QJsonDocument valueDocument = QJsonDocument::fromJson(value);
        const QJsonValue checked = valueDocument.isArray() ? valueDocument.array().first()
                                                           : QJsonValue(valueDocument.object());
        const QStringList problems =
            JsonSchemaValidator::validate(QJsonDocument::fromJson(schema).object(), checked);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        else
            QCOMPARE(problems.value(0), problem);
    }

    void historyFoldKeepsToolCallsWithResults()
    {
        ConversationHistory history(6, QStringLiteral("t"));
        history.add(ChatMessage::user(QStringLiteral("q1")));
        history.add(ChatMessage::assistant(
            QString(), {ToolCall{QStringLiteral("c"), QStringLiteral("f"), QStringLiteral("{}")}}));
        history.add(ChatMessage::toolResult(QStringLiteral("c"), QStringLiteral("f"),
                                            QStringLiteral("r1")));
        history.add(ChatMessage::toolResult(QStringLiteral("c2"), QStringLiteral("f"),
                                            QStringLiteral("r2")));
        history.add(ChatMessage::assistant(QStringLiteral("a1")));
        history.add(ChatMessage::user(QStringLiteral("q2")));
        QVERIFY(history.needsFolding());
        // Half would be 3 messages, ending between the call's results: the fold takes both.
        QCOMPARE(history.foldCount(), 4);
        history.fold(history.foldCount(),
                     ConversationHistory::statisticalSummary(history.messages().mid(0, 4)));
        QCOMPARE(history.messages().size(), 2);
        QCOMPARE(history.messages().first().content, QStringLiteral("a1"));
        QCOMPARE(history.summaries().first(),
                 QStringLiteral("User asked 1 questions, assistant provided 0 responses; tools "
                                "called: f (1x); it began with: \"q1\""));
        const QList<ChatMessage> context = history.context(QStringLiteral("sys"));
        QCOMPARE(context.size(), 4);
        QVERIFY(context[1].content.contains(QStringLiteral("Part 1: User asked 1 questions")));
    }

    void computePoolRunsMapsAndCancels()
    {
        MetricsRegistry registry;
        ComputePool pool(2, &registry);
        QCOMPARE(pool.maxWorkers(), 2);
        QCOMPARE(pool.run([] { return 6 * 7; }).result(), 42);
        const QList<int> squares =
            pool.map(QList<int>{1, 2, 3, 4}, [](const int &x) { return x * x; }).result();
        QCOMPARE(squares, (QList<int>{1, 4, 9, 16}));
        // Queued work cancelled before a worker takes it never runs.
        QSemaphore hold;
        std::atomic<int> ran{0};
        auto blockers = {pool.run([&] { hold.acquire(); }), pool.run([&] { hold.acquire(); })};
        QFuture<void> queued = pool.run([&] { ++ran; });
        QTRY_COMPARE(pool.running(), 2);
        QCOMPARE(pool.queued(), 1);
        QCOMPARE(registry.value("spoon_compute_queue_depth"), 1.0);
        queued.cancel();
        hold.release(2);
        pool.waitForDone();
        QCOMPARE(ran.load(), 0);
        Q_UNUSED(blockers);
        QCOMPARE(registry.value("spoon_compute_queue_depth"), 0.0);

        // A cancelled map skips the items that have not started, and still finishes.
        auto moreBlockers = {pool.run([&] { hold.acquire(); }), pool.run([&] { hold.acquire(); })};
        QTRY_COMPARE(pool.running(), 2);
        QFuture<QList<int>> mapped = pool.map(QList<int>{1, 2, 3}, [&](const int &x) {
            ++ran;
            return x;
        });
        mapped.cancel();
        hold.release(2);
        pool.waitForDone();
        QTRY_VERIFY(mapped.isFinished());
        QVERIFY(mapped.isCanceled());
        QCOMPARE(ran.load(), 0);
        Q_UNUSED(moreBlockers);
    }
};

SPOON_TEST_GUILESS_MAIN(TestTools)
#include "tst_tools.moc"
