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
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <stdexcept>

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
        const double computeBefore = rig.registry.value(metric::kComputeTasks).value_or(0);
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
        QCOMPARE(rig.registry.value(metric::kComputeTasks).value_or(0) - computeBefore, 1.0);
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
        QVERIFY(results[2][u"error"].toString().contains(QStringLiteral("127.0.0.0/8, loopback")));
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
            QStringLiteral("resolves to 127.0.0.1 (127.0.0.0/8, loopback)")));
        QCOMPARE(site.served(), 0);
    }

    // A request to one of this machine's own addresses (not loopback) never leaves: a server
    // listening on all addresses would answer it.
    void thisMachinesOwnAddressIsRefused()
    {
        int reached = 0;
        HttpServer anywhere([&reached](HttpServerExchange *e) {
            ++reached;
            e->respond(200, "text/plain", "inside");
        });
        QVERIFY(anywhere.listen(QHostAddress::AnyIPv4));
        QHostAddress own;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
                own = address;
        }
        if (own.isNull())
            QSKIP("this machine has no IPv4 address besides loopback");
        ToolRig rig({});
        const QString url =
            QStringLiteral("http://%1:%2/").arg(own.toString()).arg(anywhere.port());
        const ToolResult result =
            runTool(*rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{url}}});
        QVERIFY(result.isError);
        // Refused as this machine's, or for a block the address is also in (a test network).
        QVERIFY2(resultsOf(result)[0][u"error"].toString().contains(
                     QStringLiteral("resolves to %1 (").arg(own.toString())),
                 qPrintable(result.content));
        QCOMPARE(reached, 0);
    }

    // The request goes to the address that was checked: the URL the pool gets carries that
    // address, and the Host header the name the model gave.
    void theCheckedAddressIsTheOneConnectedTo()
    {
        QByteArray hostSeen;
        HttpServer server([&hostSeen](HttpServerExchange *e) {
            hostSeen = e->request().header("Host");
            e->respond(200, "text/plain", "pinned");
        });
        QVERIFY(server.listen());
        const QString hostPort = QStringLiteral("localhost:%1").arg(server.port());
        ToolRig rig({hostPort});
        const QJsonArray results = resultsOf(runTool(
            *rig.tool, QJsonObject{{QStringLiteral("urls"),
                                    QJsonArray{QStringLiteral("http://%1/x").arg(hostPort)}}}));
        QVERIFY2(results[0][u"data"].toString() == QStringLiteral("pinned"),
                 QJsonDocument(results).toJson().constData());
        QCOMPARE(hostSeen, hostPort.toLatin1());
        QCOMPARE(results[0][u"url"].toString(), QStringLiteral("http://%1/x").arg(hostPort));
    }

    // performance.tools.dns_cache_ttl: a host's checked addresses are reused for the TTL
    // (cache "dns" in the registry); 0 resolves every time.
    void dnsAnswersAreReusedForTheirTtl_data()
    {
        QTest::addColumn<int>("ttlSeconds");
        QTest::addColumn<double>("hits");
        QTest::newRow("300 s, the default") << 300 << 1.0;
        QTest::newRow("0: every call resolves") << 0 << 0.0;
    }

    void dnsAnswersAreReusedForTheirTtl()
    {
        QFETCH(int, ttlSeconds);
        QFETCH(double, hits);
        HttpServer server([](HttpServerExchange *e) { e->respond(200, "text/plain", "ok"); });
        QVERIFY(server.listen());
        const QString hostPort = QStringLiteral("localhost:%1").arg(server.port());
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{}, &registry);
        ComputePool compute(2, &registry);
        ToolPerformance limits = toolLimits({hostPort});
        limits.dnsCacheTtl = ttlSeconds;
        HttpRequestTool tool(pool, compute, limits);
        tool.publish(registry);
        const QJsonObject arguments{
            {QStringLiteral("urls"), QJsonArray{QStringLiteral("http://%1/x").arg(hostPort)}}};
        for (int i = 0; i < 2; ++i) {
            const QJsonArray results = resultsOf(runTool(tool, arguments));
            QCOMPARE(results[0][u"data"].toString(), QStringLiteral("ok"));
        }
        QCOMPARE(registry.value(metric::kCacheHits, {{"cache", "dns"}}).value_or(-1), hits);
    }

    // Headers from the model cannot add header lines, set Host or steer the connection.
    void hostileHeadersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("said");
        QTest::newRow("CR LF in a value") << "X-A"
                                          << "1\r\nX-Injected: yes"
                                          << "control character";
        QTest::newRow("LF alone") << "X-A"
                                  << "1\nX-Injected: yes"
                                  << "control character";
        QTest::newRow("NUL") << "X-A" << QStringLiteral("a%1b").arg(QChar(0))
                             << "control character";
        QTest::newRow("CR LF in a name") << "X-A\r\nX-B"
                                         << "1"
                                         << "header name";
        QTest::newRow("space in a name") << "X A"
                                         << "1"
                                         << "header name";
        QTest::newRow("Host") << "Host"
                              << "169.254.169.254"
                              << "set by the HTTP tool";
        QTest::newRow("host, any case") << "hOsT"
                                        << "inside"
                                        << "set by the HTTP tool";
        QTest::newRow("Transfer-Encoding") << "Transfer-Encoding"
                                           << "chunked"
                                           << "set by the HTTP tool";
        QTest::newRow("Connection") << "Connection"
                                    << "close"
                                    << "set by the HTTP tool";
        QTest::newRow("Upgrade") << "Upgrade"
                                 << "websocket"
                                 << "set by the HTTP tool";
        QTest::newRow("Proxy-Authorization") << "Proxy-Authorization"
                                             << "x"
                                             << "set by the HTTP tool";
    }
    void hostileHeadersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, said);
        Site site;
        ToolRig rig({site.hostPort()});
        const ToolResult result = runTool(
            *rig.tool, QJsonObject{{QStringLiteral("urls"), QJsonArray{site.url("/a")}},
                                   {QStringLiteral("headers"), QJsonObject{{name, value}}}});
        QVERIFY(result.isError);
        QVERIFY2(result.content.contains(said) &&
                     result.content.contains(QStringLiteral("refused")),
                 qPrintable(result.content));
        QCOMPARE(site.served(), 0); // nothing was sent
    }

    void ordinaryHeadersGo()
    {
        QByteArray seen;
        HttpServer server([&seen](HttpServerExchange *e) {
            seen = e->request().header("X-Trace");
            e->respond(200, "text/plain", "ok");
        });
        QVERIFY(server.listen());
        ToolRig rig({QStringLiteral("127.0.0.1:%1").arg(server.port())});
        const ToolResult result = runTool(
            *rig.tool,
            QJsonObject{
                {QStringLiteral("urls"), QJsonArray{QString::fromLatin1(server.baseUrl() + "/")}},
                {QStringLiteral("headers"),
                 QJsonObject{{QStringLiteral("X-Trace"), QStringLiteral("a\tb c")}}}});
        QVERIFY2(!result.isError, qPrintable(result.content));
        QCOMPARE(seen, QByteArray("a\tb c"));
    }

    // One turn fetches at most max_urls_per_turn URLs, across all its calls.
    void urlsPerTurnAreCapped()
    {
        Site site;
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{}, &registry);
        ComputePool compute(2, &registry);
        ToolPerformance limits = toolLimits({site.hostPort()});
        limits.maxUrlsPerTurn = 5;
        HttpRequestTool tool(pool, compute, limits);
        tool.beginTurn();
        QJsonArray three;
        for (int i = 0; i < 3; ++i)
            three.append(site.url("/p"));
        QVERIFY(!runTool(tool, QJsonObject{{QStringLiteral("urls"), three}}).isError);
        const QJsonArray second =
            resultsOf(runTool(tool, QJsonObject{{QStringLiteral("urls"), three}}));
        QVERIFY(!second[1].toObject().contains(u"error"));
        QVERIFY2(second[2][u"error"].toString().contains(
                     QStringLiteral("performance.tools.max_urls_per_turn")),
                 QJsonDocument(second).toJson().constData());
        QCOMPARE(site.served(), 5);
        tool.beginTurn(); // a new turn, a new budget
        QVERIFY(!runTool(tool, QJsonObject{{QStringLiteral("urls"), three}}).isError);
        QCOMPARE(site.served(), 8);
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
        QTest::newRow("v4-mapped private") << "::ffff:10.0.0.1" << true;
        QTest::newRow("v4-mapped public") << "::ffff:93.184.216.34" << false;
        // The IANA special-purpose blocks the first guard missed.
        QTest::newRow("benchmarking 198.18/15") << "198.19.1.1" << true;
        QTest::newRow("reserved 240/4") << "240.0.0.1" << true;
        QTest::newRow("limited broadcast") << "255.255.255.255" << true;
        QTest::newRow("multicast v4") << "224.0.0.251" << true;
        QTest::newRow("TEST-NET-1") << "192.0.2.10" << true;
        QTest::newRow("TEST-NET-2") << "198.51.100.7" << true;
        QTest::newRow("TEST-NET-3") << "203.0.113.9" << true;
        QTest::newRow("IETF protocol assignments") << "192.0.0.170" << true;
        QTest::newRow("6to4 relay anycast") << "192.88.99.1" << true;
        QTest::newRow("IPv4-compatible loopback") << "::127.0.0.1" << true;
        QTest::newRow("IPv4-compatible public") << "::93.184.216.34" << true;
        QTest::newRow("NAT64 to loopback") << "64:ff9b::7f00:1" << true;
        QTest::newRow("NAT64 to private") << "64:ff9b::a00:1" << true;
        QTest::newRow("NAT64 to public") << "64:ff9b::5db8:d822" << false;
        QTest::newRow("local-use NAT64") << "64:ff9b:1::1" << true;
        QTest::newRow("6to4 of loopback") << "2002:7f00:1::1" << true;
        QTest::newRow("6to4 of public") << "2002:5db8:d822::1" << false;
        QTest::newRow("Teredo") << "2001:0:4136:e378::1" << true;
        QTest::newRow("documentation v6") << "2001:db8::1" << true;
        QTest::newRow("discard-only v6") << "100::1" << true;
        QTest::newRow("site-local v6") << "fec0::1" << true;
        QTest::newRow("multicast v6") << "ff02::1" << true;
        QTest::newRow("unspecified v6") << "::" << true;
        QTest::newRow("link-local v6 with scope") << "fe80::1%lo" << true;
        QTest::newRow("public v4") << "93.184.216.34" << false;
        QTest::newRow("public v6") << "2606:4700::1111" << false;
    }

    void addressPolicy()
    {
        QFETCH(QString, address);
        QTEST(AddressPolicy::isInternal(QHostAddress(address)), "internal");
    }

    // Every address of this machine is refused, its public ones too: a request to the host's
    // own interface address reaches servers that listen on all addresses.
    void thisMachinesAddressesAreRefused()
    {
        const AddressPolicy policy;
        const QList<QHostAddress> own = QNetworkInterface::allAddresses();
        QVERIFY(!own.isEmpty());
        for (const QHostAddress &address : own) {
            QVERIFY(AddressPolicy::isThisMachine(address));
            QVERIFY2(
                !policy.refusal(QUrl(QStringLiteral("http://example.com/")), address).isEmpty(),
                qPrintable(address.toString()));
        }
        QVERIFY(!AddressPolicy::isThisMachine(QHostAddress(QStringLiteral("93.184.216.34"))));
        // The refusal says why.
        QVERIFY(policy
                    .refusal(QUrl(QStringLiteral("http://x.example/")),
                             QHostAddress(QStringLiteral("198.18.0.1")))
                    .contains(QStringLiteral("198.18.0.0/15, benchmarking")));
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
        QCOMPARE(registry.value(metric::kCacheHits, {{"cache", "tools"}}), 1.0);
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
        QCOMPARE(registry.value(metric::kComputeQueueDepth), 1.0);
        queued.cancel();
        hold.release(2);
        pool.waitForDone();
        QCOMPARE(ran.load(), 0);
        Q_UNUSED(blockers);
        QCOMPARE(registry.value(metric::kComputeQueueDepth), 0.0);

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

    // A caller's .then() must not take the pool's bookkeeping away: in Qt 6.4 a future holds
    // one continuation, and a second one replaces the first.
    void computePoolCountsOutACancelledTaskThatHasAContinuation()
    {
        MetricsRegistry registry;
        ComputePool pool(1, &registry);
        QSemaphore hold;
        QFuture<void> blocker = pool.run([&] { hold.acquire(); });
        QTRY_COMPARE(pool.running(), 1);
        std::atomic<int> ran{0};
        QFuture<int> queued = pool.run([&] { return ++ran; });
        QFuture<int> chained = queued.then([](int value) { return value + 1; });
        QCOMPARE(registry.value(metric::kComputeQueueDepth), 1.0);
        queued.cancel();
        hold.release();
        pool.waitForDone();
        QCOMPARE(ran.load(), 0);
        QCOMPARE(pool.queued(), 0);
        QCOMPARE(registry.value(metric::kComputeQueueDepth), 0.0);
        QTRY_VERIFY(chained.isFinished());
        QVERIFY(chained.isCanceled());
        Q_UNUSED(blocker);
    }

    void computePoolHandsAnExceptionToTheReader()
    {
        ComputePool pool(1);
        QFuture<int> failing = pool.run([]() -> int { throw std::runtime_error("no"); });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, failing.waitForFinished());
        QCOMPARE(pool.running(), 0);
        QCOMPARE(pool.run([] { return 1; }).result(), 1); // the worker lives on
    }
};

SPOON_TEST_GUILESS_MAIN(TestTools)
#include "tst_tools.moc"
