// Test connection: the model list from a real local server, and the error a person reads
// for each way it goes wrong.
#include "config/configbuilder.h"
#include "llm/demoserver.h"
#include "llm/modellister.h"
#include "net/httppool.h"
#include "net/httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    QStringList models;
    QString error;
};

Outcome listModels(const ProviderConfig &provider)
{
    HttpPool pool(HttpPoolLimits{});
    auto *listing = new ModelListing(provider, pool);
    QSignalSpy finished(listing, &ModelListing::finished);
    if (!finished.wait(10'000))
        return {{}, QStringLiteral("(no answer)")};
    return {finished.at(0).at(0).toStringList(), finished.at(0).at(1).toString()};
}

ProviderConfig provider(const QString &baseUrl, ProviderType type = ProviderType::OpenAiCompatible)
{
    ProviderConfig p =
        configbuild::defaultProvider(QStringLiteral("local"), Config::defaults().performance);
    p.type = type;
    p.baseUrl = baseUrl;
    p.timeout = 5;
    p.apiKey = Secret(QStringLiteral("sk-listing-test-0123456789abcdef"));
    return p;
}

// Answers every request with one scripted response and keeps what it was asked.
struct ScriptedServer
{
    ScriptedServer(int status, QByteArray body, HttpHeaders headers = {})
        : server([this, status, body, headers](HttpServerExchange *exchange) {
            requests.append(exchange->request());
            exchange->respond(status, "application/json", body, headers);
        })
    {
        server.listen();
    }
    QString url(const char *suffix = "/v1") const
    {
        return QString::fromLatin1(server.baseUrl()) + QLatin1String(suffix);
    }
    QList<HttpServerRequest> requests;
    HttpServer server;
};

} // namespace

class TestModelListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDemoEndpointListsItsModel()
    {
        DemoServer demo;
        QVERIFY(demo.listen());
        const Outcome outcome = listModels(provider(demo.baseUrl() + QStringLiteral("/v1")));
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(outcome.models.contains(QStringLiteral("spoon-demo")));
    }

    void eachProtocolAsksWhereItShouldWithItsKey_data()
    {
        QTest::addColumn<ProviderType>("type");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("keyHeader");
        QTest::newRow("openai") << ProviderType::OpenAiCompatible << QStringLiteral("/v1")
                                << QByteArray("/v1/models") << QByteArray("Authorization");
        QTest::newRow("anthropic") << ProviderType::Anthropic << QString()
                                   << QByteArray("/v1/models") << QByteArray("x-api-key");
    }
    void eachProtocolAsksWhereItShouldWithItsKey()
    {
        QFETCH(ProviderType, type);
        QFETCH(QString, suffix);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, keyHeader);
        ScriptedServer server(200, R"({"data":[{"id":"b-model"},{"id":"a-model"},{"id":"b-model"},
                                               {"id":""},{"nope":1}]})");
        const Outcome outcome =
            listModels(provider(QString::fromLatin1(server.server.baseUrl()) + suffix, type));
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.models,
                 QStringList({QStringLiteral("a-model"), QStringLiteral("b-model")}));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.at(0).method, QByteArray("GET"));
        QCOMPARE(server.requests.at(0).path, path);
        QVERIFY(server.requests.at(0).header(keyHeader).contains("sk-listing-test"));
    }

    void failuresSayWhatToCheck_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << 401 << QByteArray(R"({"error":{"message":"bad key"}})")
                             << QStringLiteral("check the API key");
        QTest::newRow("404") << 404 << QByteArray("not here")
                             << QStringLiteral("check the base URL");
        QTest::newRow("500") << 500 << QByteArray(R"({"error":{"message":"overloaded"}})")
                             << QStringLiteral("HTTP 500");
        QTest::newRow("redirect") << 302 << QByteArray() << QStringLiteral("redirects elsewhere");
        QTest::newRow("not JSON") << 200 << QByteArray("<html>hello</html>")
                                  << QStringLiteral("not with a model list");
        QTest::newRow("no data") << 200 << QByteArray(R"({"models":[]})")
                                 << QStringLiteral("not with a model list");
    }
    void failuresSayWhatToCheck()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        ScriptedServer server(status, body);
        const Outcome outcome = listModels(provider(server.url()));
        QVERIFY(outcome.models.isEmpty());
        QVERIFY2(outcome.error.contains(expected), qPrintable(outcome.error));
        QVERIFY(!outcome.error.contains(QStringLiteral("sk-listing-test")));
    }

    void aRedirectIsNotFollowedWithTheKey()
    {
        ScriptedServer elsewhere(200, R"({"data":[{"id":"m"}]})");
        ScriptedServer server(302, QByteArray(),
                              {{"Location", elsewhere.url("/v1/models").toUtf8()}});
        const Outcome outcome = listModels(provider(server.url()));
        QVERIFY2(outcome.error.contains(u"redirects elsewhere"_s), qPrintable(outcome.error));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(elsewhere.requests.size(), 0);
    }

    void aProviderThatNeedsNoKeySendsNone()
    {
        ScriptedServer server(200, R"({"data":[{"id":"m"}]})");
        ProviderConfig local = provider(server.url());
        local.needsKey = false; // a key from the environment stays home
        QVERIFY(listModels(local).error.isEmpty());
        QVERIFY(server.requests.at(0).header("Authorization").isEmpty());
    }

    void aServerThatIsNotRunningIsNamed()
    {
        QString url;
        {
            ScriptedServer gone(200, "{}");
            url = gone.url();
        } // closed: nothing listens on its port now
        const Outcome outcome = listModels(provider(url));
        QVERIFY2(outcome.error.contains(QStringLiteral("cannot connect to ") + url),
                 qPrintable(outcome.error));
        QVERIFY(outcome.error.contains(QStringLiteral("is the server running?")));
    }

    void aHugeListIsCut()
    {
        QJsonArray data{QJsonObject{{QStringLiteral("id"), QString(500, u'x')}}};
        for (int i = 0; i < ModelListing::kMaxModels + 500; ++i)
            data.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("m%1").arg(i)}});
        ScriptedServer server(200,
                              QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson());
        const Outcome outcome = listModels(provider(server.url()));
        QCOMPARE(outcome.models.size(), ModelListing::kMaxModels);
        for (const QString &model : outcome.models)
            QVERIFY(model.size() <= 200);
    }
};

SPOON_TEST_GUILESS_MAIN(TestModelListing)
#include "tst_modellisting.moc"
